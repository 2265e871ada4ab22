/**
 * Notion's error envelope (https://developers.notion.com/reference/status-codes):
 * `{object:"error", status, code, message, request_id}`. Only codes in the SDK's `APIErrorCode` enum are used, because
 * @notionhq/client turns any other code into an `UnknownHTTPResponseError` that is never retried or classified.
 */
import { randomUUID } from 'node:crypto';
import type { LocalResponse } from '../types.ts';

export type NotionErrorCode =
  | 'unauthorized'
  | 'restricted_resource'
  | 'object_not_found'
  | 'rate_limited'
  | 'invalid_json'
  | 'invalid_request_url'
  | 'invalid_request'
  | 'validation_error'
  | 'conflict_error'
  | 'internal_server_error'
  | 'service_overload'
  | 'service_unavailable'
  | 'gateway_timeout';

/** Thrown by handlers; the service turns it into the envelope in one place. */
export class NotionError extends Error {
  constructor(
    readonly status: number,
    readonly code: NotionErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly additionalData?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'NotionError';
  }
}

export function validationError(message: string): NotionError {
  return new NotionError(400, 'validation_error', message);
}

/**
 * The "body failed validation" form Notion uses for schema violations, with the JSON path of the offending value
 * (`body.children[1].paragraph…`, or `query.page_size` for query parameters).
 */
export function bodyValidation(path: string, rule: string): NotionError {
  const root = path.split(/[.[]/)[0] ?? 'body';
  return validationError(`${root} failed validation: ${path} ${rule}.`);
}

export function notFound(kind: 'page' | 'block' | 'database' | 'data_source' | 'comment', id: string): NotionError {
  const label = kind === 'data_source' ? 'data source' : kind;
  return new NotionError(
    404,
    'object_not_found',
    `Could not find ${label} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`,
  );
}

export function notionErrorResponse(error: NotionError): LocalResponse {
  const requestId = randomUUID();
  const body: Record<string, unknown> = {
    object: 'error',
    status: error.status,
    code: error.code,
    message: error.message,
    request_id: requestId,
  };
  if (error.additionalData) body['additional_data'] = error.additionalData;
  return { status: error.status, headers: { 'x-notion-request-id': requestId, ...error.headers }, body };
}

/** Notion's 429: `Retry-After` in whole seconds (at least 1) and the reason in `additional_data`. */
export function rateLimitedError(retryAfterMs: number): NotionError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new NotionError(
    429,
    'rate_limited',
    'You have been rate limited. Please try again in a few minutes.',
    { 'retry-after': String(seconds) },
    { rate_limit_reason: 'public_api_request_rate_limit' },
  );
}

/**
 * The answer for a bare status (bad token, injected faults, internal failures). The codes decide how the SDK retries:
 * 429/529 for every method, 500/503 only for GET and DELETE, anything else never.
 */
export function errorForStatus(status: number, message?: string): NotionError {
  switch (status) {
    case 400:
      return new NotionError(400, 'invalid_request', message ?? 'This request is not supported.');
    case 401:
      return new NotionError(401, 'unauthorized', message ?? 'API token is invalid.');
    case 403:
      return new NotionError(403, 'restricted_resource', message ?? 'Insufficient permissions for this endpoint.');
    case 404:
      return new NotionError(404, 'object_not_found', message ?? 'Could not find the requested object.');
    case 409:
      return new NotionError(409, 'conflict_error', message ?? 'Conflict occurred while saving. Please try again.');
    case 413:
      return new NotionError(413, 'validation_error', message ?? 'Request body too large.');
    case 429:
      return rateLimitedError(1000);
    case 503:
      return new NotionError(503, 'service_unavailable', message ?? 'Notion is unavailable, please try again later.');
    case 504:
      return new NotionError(504, 'gateway_timeout', message ?? 'Notion timed out while processing the request.');
    case 529:
      return new NotionError(529, 'service_overload', message ?? 'Notion is experiencing high load, please try again later.');
    default:
      return status >= 500
        ? new NotionError(status, 'internal_server_error', message ?? 'Unexpected error occurred.')
        : new NotionError(status, 'invalid_request', message ?? `HTTP ${status}`);
  }
}

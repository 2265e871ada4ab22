/**
 * Google's JSON error envelope, shared by the Drive and Gmail emulations
 * (https://developers.google.com/drive/api/guides/handle-errors, https://cloud.google.com/apis/design/errors):
 * `{"error":{"code":404,"message":"File not found: 1abc.","errors":[{"message":…,"domain":"global","reason":"notFound",
 * "location":"fileId","locationType":"parameter"}]}}`. gaxios turns it into a GaxiosError whose `.status` is the code,
 * `.response.data` the body and `.message` the joined `errors[].message`.
 */
import type { LocalResponse } from '../types.ts';

export interface GoogleErrorDetail {
  reason: string;
  message: string;
  domain?: string;
  location?: string;
  locationType?: 'parameter' | 'header';
}

/** gRPC-style status names that newer Google front ends add as `error.status`. */
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  412: 'FAILED_PRECONDITION',
  413: 'OUT_OF_RANGE',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export interface ErrorOptions {
  /** Adds the newer `error.status` field (Gmail always sends it, Drive only on 401). */
  withStatus?: boolean;
  statusName?: string;
  /** When the top-level message differs from `errors[0].message` (Google's 401 does this). */
  topMessage?: string;
  headers?: Record<string, string>;
}

/** An error an operation throws; the service turns it into the envelope at one place. */
export class GoogleApiError extends Error {
  constructor(
    readonly code: number,
    readonly detail: GoogleErrorDetail,
    readonly options: ErrorOptions = {},
  ) {
    super(detail.message);
  }

  toResponse(): LocalResponse {
    return googleErrorResponse(this.code, this.detail, this.options);
  }
}

export function googleErrorResponse(
  code: number,
  detail: GoogleErrorDetail,
  options: ErrorOptions = {},
): LocalResponse {
  const error: Record<string, unknown> = {
    code,
    message: options.topMessage ?? detail.message,
    errors: [
      {
        message: detail.message,
        domain: detail.domain ?? 'global',
        reason: detail.reason,
        ...(detail.location === undefined ? {} : { location: detail.location, locationType: detail.locationType ?? 'parameter' }),
      },
    ],
  };
  if (options.withStatus) error['status'] = options.statusName ?? STATUS_NAMES[code] ?? 'UNKNOWN';
  const response: LocalResponse = { status: code, body: { error } };
  if (options.headers) response.headers = options.headers;
  return response;
}

/** The 401 every Google API answers for a missing or wrong bearer token. */
export function googleAuthError(): LocalResponse {
  return googleErrorResponse(
    401,
    {
      reason: 'authError',
      message: 'Invalid Credentials',
      location: 'Authorization',
      locationType: 'header',
    },
    {
      withStatus: true,
      topMessage:
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid ' +
        'authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' } },
  );
}

/** A 400 about one query parameter, as Google reports a bad `q`, `pageSize`, `orderBy` or `fields`. */
export function invalidParameter(location: string, message = 'Invalid Value', reason = 'invalid'): GoogleApiError {
  return new GoogleApiError(400, { reason, message, location, locationType: 'parameter' });
}

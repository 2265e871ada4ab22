/**
 * Classifies what airtable.js and fetch report, by status and error type (never by message text).
 * https://airtable.com/developers/web/api/errors
 */
import { isNetworkError, isTransientStatus } from '../../lib/retry.ts';

export class AirtableApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly operation: string,
  ) {
    super(`Airtable ${operation} failed: ${status} ${type}: ${message}`);
    this.name = 'AirtableApiError';
  }
}

interface AirtableJsError {
  error: string;
  message: string;
  /** null for CONNECTION_ERROR (reset, timeout). */
  statusCode: number | null;
}

function isAirtableJsError(error: unknown): error is AirtableJsError {
  return typeof error === 'object' && error !== null && 'statusCode' in error && 'error' in error;
}

/**
 * Worth another try: a 5xx or a dropped connection / timeout (airtable.js reports those as CONNECTION_ERROR with no
 * status) for a call that is safe to repeat; for one that is not (a create), only a 503, which says nothing was done.
 */
export function isRetryableFailure(error: unknown, idempotent: boolean): boolean {
  const status = error instanceof AirtableApiError ? error.status : isAirtableJsError(error) ? error.statusCode : undefined;
  if (!idempotent) return status === 503;
  if (isTransientStatus(status)) return true;
  if (isAirtableJsError(error) && error.error === 'CONNECTION_ERROR') return true;
  return isNetworkError(error);
}

export function isRateLimited(error: unknown): boolean {
  if (error instanceof AirtableApiError) return error.status === 429;
  return isAirtableJsError(error) && error.statusCode === 429;
}

/** Wraps an airtable.js failure in an AirtableApiError naming the operation; other errors pass through. */
export function toAirtableApiError(error: unknown, operation: string): unknown {
  if (error instanceof AirtableApiError) return error;
  if (isAirtableJsError(error)) return new AirtableApiError(error.statusCode ?? 0, error.error, error.message, operation);
  return error;
}

/** Reads a fetch Response that failed into an AirtableApiError (both documented envelopes). */
export async function errorFromResponse(response: Response, operation: string): Promise<AirtableApiError> {
  let type = 'UNEXPECTED_ERROR';
  let message = response.statusText;
  try {
    const body = (await response.json()) as { error?: string | { type?: string; message?: string } };
    if (typeof body.error === 'string') type = body.error;
    else if (body.error) {
      type = body.error.type ?? type;
      message = body.error.message ?? message;
    }
  } catch {
    // Not JSON: keep the status text.
  }
  return new AirtableApiError(response.status, type, message, operation);
}

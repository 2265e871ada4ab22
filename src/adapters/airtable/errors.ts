/**
 * Classifies what airtable.js and fetch report, by status and error type (never by message text).
 * https://airtable.com/developers/web/api/errors
 */
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
  statusCode: number;
}

function isAirtableJsError(error: unknown): error is AirtableJsError {
  return typeof error === 'object' && error !== null && 'statusCode' in error && 'error' in error;
}

export function isRateLimited(error: unknown): boolean {
  if (error instanceof AirtableApiError) return error.status === 429;
  return isAirtableJsError(error) && error.statusCode === 429;
}

/** Wraps an airtable.js failure in an AirtableApiError naming the operation; other errors pass through. */
export function toAirtableApiError(error: unknown, operation: string): unknown {
  if (error instanceof AirtableApiError) return error;
  if (isAirtableJsError(error)) return new AirtableApiError(error.statusCode, error.error, error.message, operation);
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

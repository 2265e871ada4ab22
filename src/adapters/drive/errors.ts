/**
 * Classifies what the Google client (gaxios) throws, by HTTP status and Drive's `reason`, never by message text.
 * https://developers.google.com/drive/api/guides/handle-errors
 */
export class DriveApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly operation: string,
    /** Retry-After in milliseconds, when Drive sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(`Drive ${operation} failed: ${status} ${reason}: ${message}`);
    this.name = 'DriveApiError';
  }

  /** Worth trying again later (rate limits, backend errors); the next run converges anyway. */
  get transient(): boolean {
    return this.status === 429 || this.status >= 500 || this.reason === 'userRateLimitExceeded' || this.reason === 'rateLimitExceeded';
  }
}

interface GaxiosLike {
  status?: number;
  message: string;
  response?: { status?: number; data?: unknown; headers?: unknown };
}

function isGaxiosLike(error: unknown): error is GaxiosLike {
  return error instanceof Error && ('response' in error || 'status' in error);
}

/** Wraps a failed Drive call in a DriveApiError naming the operation; anything else (a bug) passes through. */
export function toDriveApiError(error: unknown, operation: string): unknown {
  if (error instanceof DriveApiError || !isGaxiosLike(error)) return error;
  const status = error.status ?? error.response?.status;
  if (status === undefined) return new DriveApiError(0, 'network', error.message, operation);
  const body = error.response?.data as { error?: { message?: string; errors?: { reason?: string }[] } } | undefined;
  const reason = body?.error?.errors?.[0]?.reason ?? 'unknown';
  return new DriveApiError(status, reason, body?.error?.message ?? error.message, operation, retryAfter(error.response?.headers));
}

/** Retry-After (seconds or an HTTP date) from gaxios's headers (a Headers object or a plain record). */
function retryAfter(headers: unknown): number | undefined {
  const raw =
    headers instanceof Headers ? headers.get('retry-after') : headers && typeof headers === 'object' ? (headers as Record<string, unknown>)['retry-after'] : undefined;
  if (typeof raw !== 'string' || raw === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

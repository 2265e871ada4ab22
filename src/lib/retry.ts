/**
 * Retries for transient failures, by the providers' common contract: 5xx, timeouts and dropped connections are
 * worth another try for a request that is safe to repeat (a read, an update by ID, an upsert by key, a
 * conditional write); a create is not (it may have happened: make it findable first, then look before retrying).
 * Waits are exponential with full jitter (https://cloud.google.com/storage/docs/retry-strategy,
 * https://developers.google.com/workspace/drive/api/guides/limits#exponential), within a budget of attempts and
 * of total waiting, so a run that meets a real outage still ends and names what it left for the next run.
 * Rate limits (429) are not handled here: each adapter keeps its provider's rule (Airtable's 30 s pause in
 * rate-gate.ts, Retry-After for Notion and Google).
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Total waiting allowed across the retries of one call. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 8_000, budgetMs: 30_000 };

/** The default policy with waits divided by the local workspace's speed factor (1 against real services). */
export function scaledRetry(speed = 1, policy: RetryPolicy = DEFAULT_RETRY): RetryPolicy {
  const s = speed > 0 ? speed : 1;
  return { ...policy, baseDelayMs: policy.baseDelayMs / s, maxDelayMs: policy.maxDelayMs / s, budgetMs: policy.budgetMs / s };
}

export interface RetryOptions {
  policy: RetryPolicy;
  /** True for a failure worth another try (see isTransientStatus / isNetworkError). */
  retryable: (error: unknown) => boolean;
  /** The provider's own wait for this failure (Retry-After), used instead of the backoff when given. */
  waitFor?: (error: unknown) => number | undefined;
  /** Called before each retry (count it in the job's report). */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetries<T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy } = options;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  let waited = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call(attempt);
    } catch (error) {
      if (attempt >= policy.attempts || !options.retryable(error)) throw error;
      const delay = options.waitFor?.(error) ?? Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
      if (waited + delay > policy.budgetMs) throw error;
      waited += delay;
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}

/** 5xx answers that mean "try again": internal error, bad gateway, unavailable, gateway timeout. */
export function isTransientStatus(status: number | null | undefined): boolean {
  return status === 500 || status === 502 || status === 503 || status === 504;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** A dropped connection or a timeout, however the client library wraps it (error codes, causes, abort errors). */
export function isNetworkError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const { code, name, type } = e as { code?: unknown; name?: unknown; type?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (name === 'AbortError' || name === 'TimeoutError' || name === 'FetchError') return true;
    if (type === 'system' || type === 'request-timeout') return true;
    if (e instanceof TypeError && e.message === 'fetch failed') return true;
  }
  return false;
}

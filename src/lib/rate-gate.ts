/**
 * Spaces calls to one rate-limited unit (an Airtable base) below its limit, one at a time, and pauses the whole
 * unit when the provider says it is over the limit. Requests are made in sequence on purpose: parallel calls to
 * one base only earn 429s and a 30 s lockout.
 */
export interface RateGateOptions {
  /** Target rate, kept below the provider's limit (Airtable: 5/s, so 4.5/s). */
  requestsPerSecond: number;
  /** How long to pause after a rate-limit answer (Airtable: 30 s). */
  penaltyMs: number;
  /** How many rate-limit answers in a row before giving up. */
  maxRateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class RateLimitedError extends Error {}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RateGate {
  private tail: Promise<unknown> = Promise.resolve();
  private nextSlot = 0;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: RateGateOptions) {
    this.sleep = options.sleep ?? defaultSleep;
  }

  /**
   * Runs `call` when the gate allows it. `isRateLimited(error)` tells a provider 429 apart from other failures;
   * a 429 pauses the gate for the penalty and the call is tried again.
   */
  run<T>(call: () => Promise<T>, isRateLimited: (error: unknown) => boolean, onRetry?: () => void): Promise<T> {
    const result = this.tail.then(() => this.attempt(call, isRateLimited, onRetry, 0));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async attempt<T>(
    call: () => Promise<T>,
    isRateLimited: (error: unknown) => boolean,
    onRetry: (() => void) | undefined,
    retries: number,
  ): Promise<T> {
    const wait = this.nextSlot - Date.now();
    if (wait > 0) await this.sleep(wait);
    this.nextSlot = Date.now() + 1000 / this.options.requestsPerSecond;
    try {
      return await call();
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      if (retries >= (this.options.maxRateLimitRetries ?? 5)) {
        throw new RateLimitedError(`still rate limited after ${retries} pauses of ${this.options.penaltyMs} ms`, { cause: error });
      }
      this.nextSlot = Date.now() + this.options.penaltyMs;
      onRetry?.();
      return this.attempt(call, isRateLimited, onRetry, retries + 1);
    }
  }
}

/**
 * Outgoing webhook deliveries of the local workspace (Airtable notification pings, Notion events): a POST of the
 * exact body bytes with the provider's headers, retried with exponential backoff until it gets a 2xx or the
 * attempts run out, as both providers do. Deliveries live in memory: a restarted workspace does not resend
 * (Airtable payloads stay listable; the scheduled run is the safety net either way).
 */

export interface Delivery {
  url: string;
  body: Buffer;
  headers: Record<string, string>;
  /** 1 for the first try. Passed to `headersFor` so a provider can stamp the attempt number (Notion does). */
  maxAttempts: number;
  /** Delay before the second attempt; doubles each time. */
  firstRetryMs: number;
  /** Rebuilds body and headers per attempt (Notion's attempt_number is in the signed body). */
  rebuild?: (attempt: number) => { body: Buffer; headers: Record<string, string> };
  onResult?: (result: DeliveryResult) => void;
}

export interface DeliveryResult {
  ok: boolean;
  status?: number;
  error?: string;
  attempt: number;
  durationMs: number;
  willRetry: boolean;
  at: number;
}

/** Answers slower than this count as failed (Airtable: the ping must be answered within 25 s). */
const TIMEOUT_MS = 25_000;

export class Outbound {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly now: () => number) {}

  private readonly pending = new Set<string>();

  /**
   * Sends after `delayMs`. With a `coalesceKey`, a send while another with the same key waits for its first attempt
   * is dropped: one ping stands for every change made in between (Airtable pings say "something changed", no more).
   */
  send(delivery: Delivery, delayMs = 0, coalesceKey?: string): void {
    if (coalesceKey !== undefined) {
      if (this.pending.has(coalesceKey)) return;
      this.pending.add(coalesceKey);
    }
    this.schedule(delivery, 1, delayMs, coalesceKey);
  }

  private schedule(delivery: Delivery, attempt: number, delayMs: number, coalesceKey?: string): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (coalesceKey !== undefined) this.pending.delete(coalesceKey);
      const run = this.attempt(delivery, attempt).finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(delivery: Delivery, attempt: number): Promise<void> {
    const started = performance.now();
    const { body, headers } = delivery.rebuild?.(attempt) ?? { body: delivery.body, headers: delivery.headers };
    let status: number | undefined;
    let error: string | undefined;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      await response.arrayBuffer();
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const ok = error === undefined;
    const willRetry = !ok && attempt < delivery.maxAttempts && !this.closed;
    delivery.onResult?.({ ok, ...(status !== undefined ? { status } : {}), ...(error ? { error } : {}), attempt, durationMs: Math.round(performance.now() - started), willRetry, at: this.now() });
    if (willRetry) this.schedule(delivery, attempt + 1, delivery.firstRetryMs * 2 ** (attempt - 1));
  }

  /** Drops pending retries and waits for the requests on the wire. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }
}

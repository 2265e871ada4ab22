/**
 * Counts every request a job makes, per service and operation, so each job report can say what it cost.
 * Requests are the cost of an integration: Airtable allows 5 per second per base, Notion about 3.
 */
export type RequestCounts = Record<string, { total: number; byOperation: Record<string, number> }>;

export class RequestCounter {
  private readonly counts: RequestCounts = {};

  /** Called after every count (the CLI shows progress on long runs with it). */
  onChange?: (counter: RequestCounter) => void;

  add(service: string, operation: string, n = 1): void {
    const entry = (this.counts[service] ??= { total: 0, byOperation: {} });
    entry.total += n;
    entry.byOperation[operation] = (entry.byOperation[operation] ?? 0) + n;
    this.onChange?.(this);
  }

  total(service?: string): number {
    if (service) return this.counts[service]?.total ?? 0;
    return Object.values(this.counts).reduce((sum, c) => sum + c.total, 0);
  }

  snapshot(): RequestCounts {
    return structuredClone(this.counts);
  }

  /**
   * A mark to report one job's requests when several jobs share the counter (a `start` cycle, a function run):
   * `const requests = counter.mark(); …; report.requests = requests()`.
   */
  mark(): () => RequestCounts {
    const before = this.snapshot();
    return () => countsSince(before, this.counts);
  }
}

function countsSince(before: RequestCounts, after: RequestCounts): RequestCounts {
  const out: RequestCounts = {};
  for (const [service, counts] of Object.entries(after)) {
    const prior = before[service];
    const byOperation: Record<string, number> = {};
    for (const [op, n] of Object.entries(counts.byOperation)) {
      const delta = n - (prior?.byOperation[op] ?? 0);
      if (delta > 0) byOperation[op] = delta;
    }
    const total = counts.total - (prior?.total ?? 0);
    if (total > 0) out[service] = { total, byOperation };
  }
  return out;
}

/** The requests of several job reports together. */
export function sumCounts(all: RequestCounts[]): RequestCounts {
  const out: RequestCounts = {};
  for (const counts of all) {
    for (const [service, c] of Object.entries(counts)) {
      const entry = (out[service] ??= { total: 0, byOperation: {} });
      entry.total += c.total;
      for (const [op, n] of Object.entries(c.byOperation)) entry.byOperation[op] = (entry.byOperation[op] ?? 0) + n;
    }
  }
  return out;
}

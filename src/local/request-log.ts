import type { ServiceName } from './types.ts';

export interface LoggedRequest {
  seq: number;
  at: string;
  service: ServiceName | 'control' | 'viewer' | 'mounted' | 'unknown';
  method: string;
  path: string;
  query: string;
  status: number;
  ms: number;
}

/** An in-memory ring of the last requests, for tests, benchmarks and the control plane. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  constructor(private readonly capacity = 200_000) {}

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(filter: { service?: string; sinceSeq?: number } = {}): LoggedRequest[] {
    return this.entries.filter(
      (e) => (!filter.service || e.service === filter.service) && (filter.sinceSeq === undefined || e.seq > filter.sinceSeq),
    );
  }

  get lastSeq(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }
}

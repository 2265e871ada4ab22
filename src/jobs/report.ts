import type { RequestCounts } from '../lib/request-counter.ts';

/** What every job returns: plain data the CLI prints and the functions answer as JSON. */
export interface JobReport<Details = Record<string, unknown>> {
  job: string;
  ok: boolean;
  startedAt: string;
  durationMs: number;
  /** Every request made, per service and operation. */
  requests: RequestCounts;
  /** Per-record and per-table problems: the run went on without those rows. */
  problems: string[];
  details: Details;
}

import type { RequestCounter, RequestCounts } from '../lib/request-counter.ts';

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

/**
 * Starts a job's report: `started` is the job's clock reading (its "today" comes from it) and the shared request
 * counter is marked, so `finish` reports only this job's requests even when several jobs share the counter.
 * A job is ok when it has no problems.
 */
export function startReport(job: string, deps: { now: () => Date; counter: RequestCounter }) {
  const started = deps.now();
  const requests = deps.counter.mark();
  const finish = <Details>(problems: string[], details: Details): JobReport<Details> => ({
    job,
    ok: problems.length === 0,
    startedAt: started.toISOString(),
    durationMs: deps.now().getTime() - started.getTime(),
    requests: requests(),
    problems,
    details,
  });
  return { started, finish };
}

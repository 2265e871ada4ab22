/**
 * What a function runs: a job with the body fields it accepts (a strict zod object, so a typo is a 400 naming the
 * field) and a `run` over the runtime the entry point built. `sequence` chains jobs that belong together in one
 * call (checks then reminders), on one runtime and one request counter.
 */
import type { z } from 'zod';
import type { Runtime } from '../src/cli/runtime.ts';
import type { JobReport } from '../src/jobs/report.ts';
import { sumCounts } from '../src/lib/request-counter.ts';

export interface FunctionJob<Input = unknown> {
  /** The job's name in reports and logs (`provision`, `sync`, …). */
  name: string;
  /** Body fields besides `workspace`; use `.strict()` so unknown fields are refused by name. */
  input: z.ZodType<Input>;
  run(runtime: Runtime, input: Input): Promise<JobReport<unknown>>;
  /**
   * Takes `upstreamFailed` in its input: in a tick, the jobs before it that failed (the checks then leave alone the
   * rules about those jobs' outputs, as in `runCycle`, so a failed documents run never raises "no commercial invoice").
   */
  upstreamAware?: boolean;
}

export function defineJob<Input>(job: FunctionJob<Input>): FunctionJob<unknown> {
  return job as FunctionJob<unknown>;
}

/**
 * Jobs run one after the other with the same input and runtime; the combined report is ok when every step is,
 * adds up the steps' requests (each step reports only its own), and keeps each
 * step's report in `details.steps`. A step that throws stops the chain (the caller reports the failure).
 */
export function sequence(name: string, steps: FunctionJob<unknown>[], input: z.ZodType<unknown>): FunctionJob<unknown> {
  return {
    name,
    input,
    upstreamAware: steps.some((step) => step.upstreamAware),
    async run(runtime, value) {
      const started = new Date();
      const reports: JobReport<unknown>[] = [];
      for (const step of steps) reports.push(await step.run(runtime, value));
      return {
        job: name,
        ok: reports.every((r) => r.ok),
        startedAt: started.toISOString(),
        durationMs: Date.now() - started.getTime(),
        requests: sumCounts(reports.map((r) => r.requests)),
        problems: reports.flatMap((r) => r.problems.map((p) => `${r.job}: ${p}`)),
        details: { steps: reports },
      };
    },
  };
}

/**
 * Runs one job for one workspace: the workspace's environment → config (zod, src/config) → runtime (the same
 * adapters as the CLI; local workspace or real services) → the job → its report. A job that throws (service
 * unreachable, authentication refused, rate limit exhausted) still gives a report: `ok: false`, the requests made
 * until then, and the error's message (redacted) as its problem.
 */
import { FunctionsConfigError, workspaceEnv, type WorkspaceEntry } from '../src/config/functions-config.ts';
import type { Runtime } from '../src/cli/runtime.ts';
import type { JobReport } from '../src/jobs/report.ts';
import type { FunctionJob } from './function-job.ts';
import { errorMessage, type Redact } from './redact.ts';

export type JobOutcome =
  | { kind: 'done'; report: JobReport<unknown> }
  | { kind: 'failed'; report: JobReport<unknown> & { error: string } }
  | { kind: 'config'; message: string };

export async function runForWorkspace(
  job: FunctionJob<unknown>,
  input: unknown,
  entry: WorkspaceEntry,
  env: Record<string, string | undefined>,
  redact: Redact,
): Promise<JobOutcome> {
  const [outcome] = await runJobsForWorkspace([{ job, input }], entry, env, redact);
  if (!outcome) throw new Error(`${job.name}: no outcome`);
  return outcome;
}

/**
 * Runs jobs one after another on ONE runtime for a workspace (a scheduled cycle): with more than one job they share
 * one read of the base (withSharedRead), so the second job to list a table reads memory and sees the first job's
 * writes. Each job's report counts only its own requests; a job that throws does not stop the ones after it.
 */
export async function runJobsForWorkspace(
  jobs: readonly { job: FunctionJob<unknown>; input: unknown }[],
  entry: WorkspaceEntry,
  env: Record<string, string | undefined>,
  redact: Redact,
): Promise<JobOutcome[]> {
  // Loaded on first use: config and runtime bring every adapter SDK (see jobs.ts on cold starts).
  const [{ ConfigError, loadConfig }, { createRuntime }, { withSharedRead }, { upstreamFailure }] = await Promise.all([
    import('../src/config/config.ts'),
    import('../src/cli/runtime.ts'),
    import('../src/cli/shared-read.ts'),
    import('../src/cli/upstream-failure.ts'),
  ]);
  let runtime: Runtime;
  try {
    runtime = await createRuntime(loadConfig(workspaceEnv(env, entry)));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof FunctionsConfigError) return jobs.map(() => ({ kind: 'config', message: errorMessage(error, redact) }));
    throw error;
  }
  const jobRuntime = jobs.length > 1 ? withSharedRead(runtime) : runtime;
  const outcomes: JobOutcome[] = [];
  /** Jobs of this call that failed (threw, or a service failure stopped part of their work), for the ones after. */
  const failed: string[] = [];
  try {
    for (const { job, input } of jobs) {
      const started = new Date();
      const requests = runtime.counter.mark();
      const value = job.upstreamAware && failed.length > 0 ? { ...(input as object), upstreamFailed: [...failed] } : input;
      try {
        const report = await job.run(jobRuntime, value);
        outcomes.push({ kind: 'done', report });
        if (upstreamFailure(job.name, report)) failed.push(job.name);
      } catch (error) {
        failed.push(job.name);
        const message = errorMessage(error, redact);
        outcomes.push({
          kind: 'failed',
          report: {
            job: job.name,
            ok: false,
            startedAt: started.toISOString(),
            durationMs: Date.now() - started.getTime(),
            requests: requests(),
            problems: [`the job stopped: ${message}`],
            details: {},
            error: message,
          },
        });
      }
    }
  } finally {
    await runtime.close();
  }
  return outcomes;
}

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
  // Loaded on first use: config and runtime bring every adapter SDK (see jobs.ts on cold starts).
  const [{ ConfigError, loadConfig }, { createRuntime }] = await Promise.all([import('../src/config/config.ts'), import('../src/cli/runtime.ts')]);
  let runtime: Runtime;
  try {
    runtime = await createRuntime(loadConfig(workspaceEnv(env, entry)));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof FunctionsConfigError) return { kind: 'config', message: errorMessage(error, redact) };
    throw error;
  }
  const started = new Date();
  try {
    return { kind: 'done', report: await job.run(runtime, input) };
  } catch (error) {
    const message = errorMessage(error, redact);
    return {
      kind: 'failed',
      report: {
        job: job.name,
        ok: false,
        startedAt: started.toISOString(),
        durationMs: Date.now() - started.getTime(),
        requests: runtime.counter.snapshot(),
        problems: [`the job stopped: ${message}`],
        details: {},
        error: message,
      },
    };
  } finally {
    await runtime.close();
  }
}

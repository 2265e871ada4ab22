/**
 * `npm start`'s work in a process of its own, against the local workspace the chaos harness runs
 * (WORKSPACE_PORT), so the harness can SIGKILL it at any request: provision the base and load the sample agency
 * into a new base (resuming an interrupted load, as `npm start` does), then one cycle. `--setup-only` stops after
 * the provisioning. Prints one JSON line per finished step.
 */
import { runCycle } from '../../src/cli/cycle.ts';
import { provisionWith } from '../../src/cli/commands/provision.ts';
import { createRuntime } from '../../src/cli/runtime.ts';
import { loadConfig } from '../../src/config/config.ts';

const runtime = await createRuntime(loadConfig(process.env));
try {
  await work();
} catch (error) {
  // As the CLI does: one line, exit 3, no stack trace (the harness counts stack traces as defects).
  console.error(`npm start's work failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 3;
} finally {
  await runtime.close();
}

async function work(): Promise<void> {
  const setup = await provisionWith(runtime, 'new-base');
  console.log(JSON.stringify({ step: 'setup', ok: setup.ok }));
  if (!process.argv.includes('--setup-only')) {
    await runCycle(runtime, setup.details.baseId, { onStep: (step) => console.log(JSON.stringify({ step: step.id, ok: step.report.ok, failed: step.failed })) });
  }
}

/**
 * A whole cycle in a process of its own, against the local workspace the chaos harness runs (WORKSPACE_PORT), so
 * the harness can SIGKILL it at any request. Prints one JSON line per finished step.
 */
import { findBaseId } from '../../src/cli/base-target.ts';
import { runCycle } from '../../src/cli/cycle.ts';
import { createRuntime } from '../../src/cli/runtime.ts';
import { loadConfig } from '../../src/config/config.ts';

const runtime = await createRuntime(loadConfig(process.env));
try {
  const baseId = await findBaseId(runtime);
  if (!baseId) throw new Error('no base: provision first');
  await runCycle(runtime, baseId, { onStep: (step) => console.log(JSON.stringify({ step: step.id, ok: step.report.ok, failed: step.failed })) });
} finally {
  await runtime.close();
}

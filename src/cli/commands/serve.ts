import type { Config } from '../../config/config.ts';
import { resolveBaseId } from '../base-target.ts';
import { EXIT } from '../exit-codes.ts';
import type { Printer } from '../output.ts';
import { createRuntime } from '../runtime.ts';
import { startEventRuns } from '../event-runs.ts';
import { startSchedule } from '../schedule.ts';
import { untilInterrupted } from '../signals.ts';
import { mountSupplierPortal } from './supplier-links.ts';
import { CycleRecorder } from '../recorded-cycle.ts';
import { Serial } from '../serial.ts';

/**
 * `sourcing serve`: the jobs on their schedule, in-process, against the configured base (the local workspace,
 * started on WORKSPACE_PORT, or the real services), until Ctrl-C. The sample agency is not loaded.
 */
export async function runServe(config: Config, print: Printer): Promise<number> {
  const runtime = await createRuntime(config, config.mode === 'local' ? { servePort: config.workspace.port } : {});
  try {
    const baseId = await resolveBaseId(runtime);
    print.out(`Serving base ${baseId}${runtime.workspaceUrl ? ` on the local workspace at ${runtime.workspaceUrl} (viewer: ${runtime.workspaceUrl}/)` : ''} until Ctrl-C.`);
    const portal = await mountSupplierPortal(runtime, baseId);
    if (portal) print.out(`Supplier portal at ${portal} (each factory's link: npx sourcing supplier-links).`);
    // The viewer's clock and "next day / week", the schedule and the webhook-driven syncs take turns (one Serial).
    const serial = new Serial();
    new CycleRecorder(runtime, baseId, serial).attach((run) => print.out(`[${run.asOf}] clock moved from the viewer; cycle ran (${run.steps.length} jobs)`));
    const schedule = startSchedule(runtime, baseId, (line) => print.out(line), undefined, serial);
    const events = await startEventRuns(runtime, baseId, schedule, (line) => print.out(line));
    if (events) print.out(events.summary);
    await untilInterrupted();
    await events?.stop();
    await schedule.stop();
    return EXIT.ok;
  } finally {
    await runtime.close();
  }
}

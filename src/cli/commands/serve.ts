import type { Config } from '../../config/config.ts';
import { resolveBaseId } from '../base-target.ts';
import { EXIT } from '../exit-codes.ts';
import type { Printer } from '../output.ts';
import { createRuntime } from '../runtime.ts';
import { startSchedule } from '../schedule.ts';
import { untilInterrupted } from '../signals.ts';
import { mountSupplierPortal } from './supplier-links.ts';

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
    const schedule = startSchedule(runtime, baseId, (line) => print.out(line));
    await untilInterrupted();
    await schedule.stop();
    return EXIT.ok;
  } finally {
    await runtime.close();
  }
}

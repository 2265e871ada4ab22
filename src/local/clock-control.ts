/** The control plane's clock routes: they only relay to the hooks of the process that runs the jobs. */
import type { WorkspaceHooks } from './hooks.ts';
import type { LocalResponse } from './types.ts';

const NO_CLOCK = 'No process with a clock is attached to this workspace: `npm start` (or `sourcing serve`) runs the jobs and lends it its clock.';

const running = new WeakSet<WorkspaceHooks>();

export function clockNow(hooks: WorkspaceHooks): LocalResponse {
  return hooks.clock ? { status: 200, body: hooks.clock() } : { status: 404, body: { error: NO_CLOCK } };
}

export async function advanceClock(hooks: WorkspaceHooks, days: unknown): Promise<LocalResponse> {
  if (!hooks.advance) return { status: 404, body: { error: NO_CLOCK } };
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 31) {
    return { status: 400, body: { error: `advanceDays must be a whole number of days from 1 to 31, got ${JSON.stringify(days)}` } };
  }
  // Two cycles at once on one base would overlap their rate limits and writes: one at a time.
  if (running.has(hooks)) return { status: 409, body: { error: 'A cycle is already running; try again when it ends.' } };
  running.add(hooks);
  try {
    return { status: 200, body: await hooks.advance(days) };
  } finally {
    running.delete(hooks);
  }
}

export function lastCycle(hooks: WorkspaceHooks): LocalResponse {
  const cycle = hooks.lastCycle?.();
  return cycle ? { status: 200, body: cycle } : { status: 404, body: { error: 'No cycle has run in this process yet.' } };
}

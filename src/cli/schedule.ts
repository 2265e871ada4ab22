/**
 * The local stand-in for Cloud Scheduler: the same cadence as the deployed jobs (portal sync every 15 minutes;
 * documents, checks and reminders hourly; calendar, plan and closure daily), run in-process one step at a time so
 * two runs never overlap on one base (rate limits are per base).
 */
import type { RequestCounts } from '../lib/request-counter.ts';
import { runCycle, type StepId } from './cycle.ts';
import type { Runtime } from './runtime.ts';
import { Serial } from './serial.ts';

export interface ScheduleEntry {
  every: number;
  steps: StepId[];
}

const MINUTE = 60_000;

export const DEFAULT_SCHEDULE: ScheduleEntry[] = [
  { every: 15 * MINUTE, steps: ['sync'] },
  { every: 60 * MINUTE, steps: ['supplier-dates', 'documents', 'checks', 'reminders', 'supplier-prompts'] },
  { every: 24 * 60 * MINUTE, steps: ['calendar', 'plan', 'closure'] },
];

export interface RunningSchedule {
  /** Runs `task` after whatever is queued, never alongside a scheduled step (webhook-started runs use it). */
  enqueue(task: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export function startSchedule(
  runtime: Runtime,
  baseId: string,
  log: (line: string) => void,
  schedule: ScheduleEntry[] = DEFAULT_SCHEDULE,
  /** Shared with whatever else runs jobs on this base (the viewer's "next day"): one run at a time. */
  serial: Serial = new Serial(),
): RunningSchedule {
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  const timers = schedule.map((entry) =>
    setInterval(() => {
      queue = serial.run(async () => {
        if (stopped) return;
        try {
          await runCycle(runtime, baseId, {
            only: entry.steps,
            syncTrigger: 'schedule',
            onStep: (step) => log(`[${runtime.now().toISOString()}] ${step.id}: ${step.report.ok ? 'ok' : `${step.report.problems.length} problem(s)`}; ${describe(step.report.requests)}`),
          });
        } catch (error) {
          log(`[${runtime.now().toISOString()}] ${entry.steps.join(', ')} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    }, entry.every),
  );
  return {
    enqueue(task) {
      const run = serial.run(async () => {
        if (!stopped) await task();
      });
      queue = run.catch(() => {});
      return run;
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await queue;
    },
  };
}

function describe(requests: RequestCounts): string {
  const parts = Object.entries(requests).map(([service, c]) => {
    const writes = Object.entries(c.byOperation)
      .filter(([op]) => /create|update|upsert|delete|send|append|permissions/i.test(op))
      .reduce((n, [, v]) => n + v, 0);
    return `${service} ${c.total - writes} reads, ${writes} writes`;
  });
  return parts.length > 0 ? parts.join('; ') : 'no requests';
}

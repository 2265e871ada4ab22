/**
 * A cycle run as people follow it: each job's one-line summary, and (on the local workspace) the request-log
 * range of the requests it made, so the viewer's "What just happened" can list the cycle's writes. The CLI lends
 * the workspace its clock and "run the cycle at the next day / week" through the workspace's hooks: the local
 * workspace imports no job.
 */
import type { CycleRun, CycleStepSummary } from '../local/hooks.ts';
import { runCycle, type CycleStep, type StepId } from './cycle.ts';
import type { Runtime } from './runtime.ts';
import type { Serial } from './serial.ts';

const DAY_MS = 86_400_000;

/**
 * A job's counts as the job itself words them: the first line of its text report with a number in it that is not
 * a table row (the portal sync opens with its table of portals).
 */
export function headlineOf(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  return lines.find((l) => /\d/.test(l) && !/\S {2,}\S/.test(l) && !/^[─\s]+$/.test(l)) ?? lines[0] ?? '';
}

export function stepSummary(step: CycleStep): CycleStepSummary {
  return { title: step.title, ok: step.report.ok, headline: headlineOf(step.text), problems: step.report.problems.length };
}

export class CycleRecorder {
  last: CycleRun | undefined;

  constructor(
    private readonly runtime: Runtime,
    private readonly baseId: string,
    private readonly serial: Serial,
  ) {}

  /** Runs the cycle (or the given steps) one at a time with the schedule, and keeps what it did. */
  run(options: { only?: StepId[]; onStep?: (step: CycleStep) => void } = {}): Promise<CycleRun> {
    return this.serial.run(() => this.runNow(options));
  }

  private async runNow(options: { only?: StepId[]; onStep?: (step: CycleStep) => void }): Promise<CycleRun> {
    {
      const log = this.runtime.workspace?.requestLog;
      const run: CycleRun = { asOf: this.runtime.now().toISOString(), firstSeq: (log?.lastSeq ?? 0) + 1, lastSeq: 0, steps: [] };
      try {
        await runCycle(this.runtime, this.baseId, {
          ...options,
          onStep: (step) => {
            run.steps.push(stepSummary(step));
            options.onStep?.(step);
          },
        });
      } catch (error) {
        run.error = error instanceof Error ? error.message : String(error);
      }
      run.lastSeq = log?.lastSeq ?? 0;
      this.last = run;
      return run;
    }
  }

  /** Lends the workspace this process's clock, "next day / week" and the last cycle (see src/local/hooks.ts). */
  attach(onAdvance: (run: CycleRun) => void = () => {}): void {
    const workspace = this.runtime.workspace;
    if (!workspace) return;
    Object.assign(workspace.hooks, {
      clock: () => ({ now: this.runtime.now().toISOString(), real: this.runtime.clock.isReal }),
      // The clock moves inside the same turn as the cycle: a scheduled step never sees half a move.
      advance: (days: number) =>
        this.serial.run(async () => {
          this.runtime.clock.advance(days * DAY_MS);
          const run = await this.runNow({});
          onAdvance(run);
          return run;
        }),
      lastCycle: () => this.last,
    });
  }
}

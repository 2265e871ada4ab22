/**
 * One full cycle of the jobs on a provisioned base, in the order that makes each step's input fresh: the risk
 * calendar, the plan and the documents before the checks (they read all three: a pack built now is not "missing"),
 * the checks before the portal sync (portal pages count open alerts), the sync before reminders (mails link the
 * portal pages). The cycle takes all its jobs' leases first, in one fixed order (job-leases.ts); a job whose
 * lease another run holds is reported "already running" and skipped, the others run.
 *
 * A step that fails does not stop the cycle, and the steps after it are told (`upstreamFailed`): the checks leave
 * out the rules about the failed job's outputs (a failed documents run is "documents job failed", never "has no
 * commercial invoice"), and reminders send nothing new after any failed step. A step failed when it threw, or when
 * a service failure stopped part of its work (documents `details.failed`, checks `details.writesFailed`); record
 * problems (bad cells) are not failures of the job. A step another run holds ("already running") counts as not
 * done for the steps after it.
 */
import type { JobReport } from '../jobs/report.ts';
import type { RequestCounts } from '../lib/request-counter.ts';
import { calendarWith, formatCalendarReport } from './commands/calendar.ts';
import { chatWith, formatChatReport } from './commands/chat.ts';
import { checkWith, formatCheckReport } from './commands/check.ts';
import { closeWith, formatCloseReport } from './commands/close.ts';
import { docsWith, formatDocsReport } from './commands/docs.ts';
import { formatPlanReport, planWith } from './commands/plan.ts';
import { formatRemindReport, remindWith } from './commands/remind.ts';
import { formatSupplierDatesReport, formatSupplierPromptsReport, supplierDatesWith, supplierPromptsWith } from './commands/supplier-jobs.ts';
import { formatReviewsReport, reviewsWith } from './commands/reviews.ts';
import { formatWeeklyReport, weeklyWith } from './commands/weekly.ts';
import { formatSyncReport, syncWith, type SyncTrigger } from './commands/sync.ts';
import { withSharedRead } from './shared-read.ts';
import { alreadyRunningReport, alreadyRunningText, takeLeases, type JobKind } from './job-leases.ts';
import type { Runtime } from './runtime.ts';
import { upstreamFailure } from './upstream-failure.ts';

export interface CycleStep {
  id: StepId;
  title: string;
  report: JobReport<unknown>;
  /** The report for people. */
  text: string;
  /** The step threw, or a service failure stopped part of its work (see upstreamFailure). */
  failed: boolean;
}

export type StepId = 'calendar' | 'plan' | 'supplier-dates' | 'checks' | 'documents' | 'closure' | 'sync' | 'reminders' | 'chat' | 'reviews' | 'weekly' | 'supplier-prompts';

interface StepDefinition {
  id: StepId;
  title: string;
  run(runtime: Runtime, baseId: string, context: StepContext): Promise<{ report: JobReport<unknown>; text: string } | undefined>;
}

interface StepContext {
  /** Jobs that failed earlier in this cycle (see upstreamFailure). */
  upstreamFailed: readonly string[];
  /** Why the sync step runs (see syncWith). */
  syncTrigger: SyncTrigger;
}

export interface CycleOptions {
  only?: StepId[];
  onStep?: (step: CycleStep) => void;
  /** Runs before each step (the chaos suite injects faults there). */
  beforeStep?: (id: StepId) => Promise<void>;
  /** Why the sync step runs (see syncWith); `manual` by default. */
  syncTrigger?: SyncTrigger;
}

const STEPS: StepDefinition[] = [
  { id: 'calendar', title: 'Risk calendar', run: async (r, b) => shown(await calendarWith(r, b), formatCalendarReport) },
  { id: 'plan', title: 'Schedule plan', run: async (r, b) => shown(await planWith(r, b), formatPlanReport) },
  // Factory dates the agent approved move before the documents and checks read the schedule.
  { id: 'supplier-dates', title: 'Factory date proposals', run: async (r, b) => shown(await supplierDatesWith(r, b), formatSupplierDatesReport) },
  { id: 'documents', title: 'Export documents and schedules', run: async (r, b) => shown(await docsWith(r, b), formatDocsReport) },
  { id: 'closure', title: 'Closure reports', run: async (r, b) => shown(await closeWith(r, b), formatCloseReport) },
  { id: 'checks', title: 'Checks', run: async (r, b, c) => shown(await checkWith(r, b, { upstreamFailed: c.upstreamFailed }), formatCheckReport) },
  { id: 'sync', title: 'Notion client portals', run: async (r, _b, c) => shown(await syncWith(r, c.syncTrigger), formatSyncReport) },
  {
    id: 'reminders',
    title: 'Reminders',
    run: async (r, b, c) => {
      const report = await remindWith(r, b, { upstreamFailed: c.upstreamFailed });
      return report ? shown(report, formatRemindReport) : undefined;
    },
  },
  { id: 'chat', title: 'Chat alerts', run: async (r, b) => shown(await chatWith(r, b), formatChatReport) },
  {
    id: 'reviews',
    title: 'Review invites',
    run: async (r, b) => {
      const report = await reviewsWith(r, b);
      return report ? shown(report, formatReviewsReport) : undefined;
    },
  },
  {
    id: 'weekly',
    title: 'Weekly client updates',
    run: async (r, b) => {
      const report = await weeklyWith(r, b);
      return report ? shown(report, formatWeeklyReport) : undefined;
    },
  },
  {
    id: 'supplier-prompts',
    title: 'Prompt mails to factories',
    run: async (r, b) => {
      const report = await supplierPromptsWith(r, b);
      return report ? shown(report, formatSupplierPromptsReport) : undefined;
    },
  },
];

/** The job names the other jobs know their upstream by (RULE_UPSTREAM, sendReminders). */
const JOB_OF_STEP: Record<StepId, string> = {
  calendar: 'calendar', plan: 'plan', documents: 'documents', closure: 'closure', checks: 'checks', sync: 'sync', reminders: 'reminders',
  chat: 'chat', reviews: 'reviews', weekly: 'weekly', 'supplier-dates': 'supplier-dates', 'supplier-prompts': 'supplier-prompts',
};


/** The report of a step that threw: the cycle goes on, and the later steps know. */
function thrownReport(id: StepId, error: unknown): JobReport<unknown> {
  const message = error instanceof Error ? error.message : String(error);
  const requests: RequestCounts = {};
  return { job: JOB_OF_STEP[id], ok: false, startedAt: new Date().toISOString(), durationMs: 0, requests, problems: [`The ${JOB_OF_STEP[id]} job could not run: ${message}`], details: {} };
}

function shown<T>(report: JobReport<T>, format: (report: JobReport<T>) => string): { report: JobReport<unknown>; text: string } {
  return { report: report as JobReport<unknown>, text: format(report) };
}

/** Problems and text characters the cycle keeps of a step it has shown (`onStep` saw the whole report). */
const KEPT_PROBLEMS = 100;
const KEPT_TEXT_CHARS = 20_000;

/**
 * A step as the cycle keeps it for its caller once `onStep` has seen it: without the details (the text says what
 * they say), and with its problems and text cut to their start. On a 10,000-PO base one step's details are tens of
 * MB (every blocked contract's fix lines) and its problems and text a few MB each, which every later step of the
 * cycle would carry.
 */
export function keptStep(step: CycleStep): CycleStep {
  const { problems } = step.report;
  const kept = problems.length > KEPT_PROBLEMS ? [...problems.slice(0, KEPT_PROBLEMS), `… and ${problems.length - KEPT_PROBLEMS} more problem(s)`] : problems;
  // Copied out: a slice of the text would keep the whole text alive.
  const cut = () => Buffer.from(step.text.slice(0, KEPT_TEXT_CHARS), 'utf8').toString('utf8');
  const text = step.text.length > KEPT_TEXT_CHARS ? `${cut()}\n… (cut: the whole report was shown as the step ended)` : step.text;
  return { ...step, text, report: { ...step.report, problems: kept, details: {} } };
}

/**
 * Runs the chosen steps (all by default) in cycle order; `onStep` sees each report as soon as it is ready (the
 * steps returned keep the reports without their details). Steps of
 * one cycle share one read of the base (CachedRecords): each table is read once, and each step's writes are
 * applied to what the next step reads.
 */
export async function runCycle(runtime: Runtime, baseId: string, options: CycleOptions = {}): Promise<CycleStep[]> {
  const failed: string[] = [];
  const chosen = STEPS.filter((d) => !options.only || options.only.includes(d.id));
  const cycleRuntime: Runtime = chosen.length > 1 ? withSharedRead(runtime) : runtime;
  const steps: CycleStep[] = [];
  const leases = await takeLeases(runtime, baseId, chosen.map((d) => d.id satisfies JobKind));
  try {
    for (const definition of chosen) {
      const refusal = leases.refused.find((r) => r.job === definition.id);
      let step: CycleStep;
      await options.beforeStep?.(definition.id);
      try {
        const result = refusal
          ? { report: alreadyRunningReport(runtime, refusal) as JobReport<unknown>, text: alreadyRunningText(refusal) }
          : await definition.run(cycleRuntime, baseId, { upstreamFailed: [...failed], syncTrigger: options.syncTrigger ?? 'manual' });
        if (!result) continue;
        step = { id: definition.id, title: definition.title, ...result, failed: refusal !== undefined || upstreamFailure(definition.id, result.report) };
      } catch (error) {
        const report = thrownReport(definition.id, error);
        step = { id: definition.id, title: definition.title, report, text: report.problems.join('\n'), failed: true };
      }
      if (step.failed) failed.push(JOB_OF_STEP[definition.id]);
      options.onStep?.(step);
      steps.push(keptStep(step));
    }
  } finally {
    await leases.release();
  }
  return steps;
}

/**
 * One full cycle of the jobs on a provisioned base, in the order that makes each step's input fresh: the risk
 * calendar, the plan and the documents before the checks (they read all three: a pack built now is not "missing"),
 * the checks before the portal sync (portal pages count open alerts), the sync before reminders (mails link the
 * portal pages).
 */
import type { JobReport } from '../jobs/report.ts';
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
import { formatSyncReport, syncWith } from './commands/sync.ts';
import type { Runtime } from './runtime.ts';

export interface CycleStep {
  id: StepId;
  title: string;
  report: JobReport<unknown>;
  /** The report for people. */
  text: string;
}

export type StepId = 'calendar' | 'plan' | 'supplier-dates' | 'checks' | 'documents' | 'closure' | 'sync' | 'reminders' | 'chat' | 'reviews' | 'weekly' | 'supplier-prompts';

interface StepDefinition {
  id: StepId;
  title: string;
  run(runtime: Runtime, baseId: string): Promise<{ report: JobReport<unknown>; text: string } | undefined>;
}

const STEPS: StepDefinition[] = [
  { id: 'calendar', title: 'Risk calendar', run: async (r, b) => shown(await calendarWith(r, b), formatCalendarReport) },
  { id: 'plan', title: 'Schedule plan', run: async (r, b) => shown(await planWith(r, b), formatPlanReport) },
  // Factory dates the agent approved move before the documents and checks read the schedule.
  { id: 'supplier-dates', title: 'Factory date proposals', run: async (r, b) => shown(await supplierDatesWith(r, b), formatSupplierDatesReport) },
  { id: 'documents', title: 'Export documents and schedules', run: async (r, b) => shown(await docsWith(r, b), formatDocsReport) },
  { id: 'closure', title: 'Closure reports', run: async (r, b) => shown(await closeWith(r, b), formatCloseReport) },
  { id: 'checks', title: 'Checks', run: async (r, b) => shown(await checkWith(r, b), formatCheckReport) },
  { id: 'sync', title: 'Notion client portals', run: async (r) => shown(await syncWith(r), formatSyncReport) },
  {
    id: 'reminders',
    title: 'Reminders',
    run: async (r, b) => {
      const report = await remindWith(r, b);
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

function shown<T>(report: JobReport<T>, format: (report: JobReport<T>) => string): { report: JobReport<unknown>; text: string } {
  return { report: report as JobReport<unknown>, text: format(report) };
}

/** Runs the chosen steps (all by default) in cycle order; `onStep` sees each report as soon as it is ready. */
export async function runCycle(
  runtime: Runtime,
  baseId: string,
  options: { only?: StepId[]; onStep?: (step: CycleStep) => void } = {},
): Promise<CycleStep[]> {
  const steps: CycleStep[] = [];
  for (const definition of STEPS) {
    if (options.only && !options.only.includes(definition.id)) continue;
    const result = await definition.run(runtime, baseId);
    if (!result) continue;
    const step: CycleStep = { id: definition.id, title: definition.title, ...result };
    steps.push(step);
    options.onStep?.(step);
  }
  return steps;
}

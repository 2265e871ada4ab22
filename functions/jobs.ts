/**
 * The jobs the functions can run, by name. Each HTTP function and each step of a scheduled cycle points here, so
 * wiring a job in as it lands is one line in JOBS (a job left `undefined` answers 501 and is skipped by cycles).
 * Job code is imported when the job first runs: every deployed function shares this source, and a function
 * should not pay at cold start for the SDKs of jobs it never runs.
 */
import { z } from 'zod';
import type { Runtime } from '../src/cli/runtime.ts';
import type { JobReport } from '../src/jobs/report.ts';
import type { JobKind } from '../src/cli/job-leases.ts';
import { defineJob, sequence, type FunctionJob } from './function-job.ts';

export type JobName = 'provision' | 'sync' | 'checks' | 'documents' | 'close' | 'plan' | 'calendar';

/** Makes sure the PO base matches the template (creates what is missing, never deletes). No body fields. */
export const provisionJob = defineJob({
  name: 'provision',
  input: z.object({}).strict(),
  async run(runtime) {
    const [{ setupWorkspace }, { loadTemplateTables }] = await Promise.all([import('../src/jobs/setup-workspace.ts'), import('../src/cli/workspace-data.ts')]);
    const { leaseScope, leasedReport } = await import('../src/cli/job-leases.ts');
    return leasedReport(runtime, leaseScope(runtime), 'provision', () =>
      setupWorkspace(
        { meta: runtime.airtable.meta, records: runtime.airtable.records, counter: runtime.counter, now: runtime.now },
        { ...runtime.airtableTarget, tables: loadTemplateTables() },
      ),
    );
  },
});

/** The lease each function job takes (src/cli/job-leases.ts): a second run at once answers "already running". */
const LEASE_OF: Record<JobName | 'reminders' | 'chat' | 'reviews' | 'weekly' | 'supplier-dates' | 'supplier-prompts', JobKind> = {
  provision: 'provision',
  sync: 'sync',
  checks: 'checks',
  reminders: 'reminders',
  documents: 'documents',
  close: 'closure',
  plan: 'plan',
  calendar: 'calendar',
  chat: 'chat',
  reviews: 'reviews',
  weekly: 'weekly',
  'supplier-dates': 'supplier-dates',
  'supplier-prompts': 'supplier-prompts',
};

/**
 * A job over the configured base, through the same runtime helpers the CLI uses (imported on first run), under
 * its lease: a Pub/Sub redelivery or a manual run while the job runs answers 200 with the "already running" report.
 */
function baseJob<Input>(name: JobName | 'reminders' | 'chat' | 'reviews' | 'weekly' | 'supplier-dates' | 'supplier-prompts', input: z.ZodType<Input>, run: (runtime: Runtime, baseId: string, input: Input) => Promise<JobReport<unknown>>): FunctionJob<unknown> {
  return defineJob({
    name,
    input,
    async run(runtime, value: Input) {
      const [{ resolveBaseId }, { leasedReport }] = await Promise.all([import('../src/cli/base-target.ts'), import('../src/cli/job-leases.ts')]);
      const baseId = await resolveBaseId(runtime);
      return leasedReport(runtime, baseId, LEASE_OF[name], () => run(runtime, baseId, value));
    },
  });
}

const noInput = z.object({}).strict();

function upstreamAware(job: FunctionJob<unknown>): FunctionJob<unknown> {
  return { ...job, upstreamAware: true };
}

// Scheduler ticks and webhook-published ticks both land here: 'schedule' keeps the Airtable webhook alive.
const syncJob = baseJob('sync', noInput, async (rt) => (await import('../src/cli/commands/sync.ts')).syncWith(rt, 'schedule') as Promise<JobReport<unknown>>);
/** What a tick tells the checks and reminders: the jobs before them that failed (see run-job.ts). */
const upstreamInput = z.object({ upstreamFailed: z.array(z.string().min(1)).optional() }).strict();
const checksJob = upstreamAware(baseJob('checks', upstreamInput, async (rt, baseId, input) =>
  (await import('../src/cli/commands/check.ts')).checkWith(rt, baseId, input.upstreamFailed ? { upstreamFailed: input.upstreamFailed } : {})));
/** Reminders need a sender: without MAIL_FROM in cloud mode the step reports that, instead of failing the checks. */
const remindersJob = upstreamAware(baseJob('reminders', upstreamInput, async (rt, baseId, input) => {
  const report = await (await import('../src/cli/commands/remind.ts')).remindWith(rt, baseId, input.upstreamFailed ? { upstreamFailed: input.upstreamFailed } : {});
  return report ?? { job: 'remind', ok: false, startedAt: rt.now().toISOString(), durationMs: 0, requests: {}, problems: ['MAIL_FROM is not set: no reminder was sent'], details: {} };
}));
/** Factory dates the agent approved are applied before the checks; prompt mails go out after the reminders. */
const supplierDatesJob = baseJob('supplier-dates', noInput, async (rt, baseId) => (await import('../src/cli/commands/supplier-jobs.ts')).supplierDatesWith(rt, baseId));
const supplierPromptsJob = baseJob('supplier-prompts', noInput, async (rt, baseId) => {
  const report = await (await import('../src/cli/commands/supplier-jobs.ts')).supplierPromptsWith(rt, baseId);
  return report ?? { job: 'supplier-prompts', ok: false, startedAt: rt.now().toISOString(), durationMs: 0, requests: {}, problems: ['MAIL_FROM is not set: no prompt mail was sent'], details: {} };
});
const chatJob = baseJob('chat', noInput, async (rt, baseId) => (await import('../src/cli/commands/chat.ts')).chatWith(rt, baseId));
/** Review invites and weekly client updates are mail: without MAIL_FROM the step says so instead of failing the checks. */
const noSender = (job: string): JobReport<unknown> => ({ job, ok: false, startedAt: new Date().toISOString(), durationMs: 0, requests: {}, problems: ['MAIL_FROM is not set: nothing was sent'], details: {} });
const reviewsJob = baseJob('reviews', noInput, async (rt, baseId) => (await (await import('../src/cli/commands/reviews.ts')).reviewsWith(rt, baseId)) ?? noSender('reviews'));
const weeklyJob = baseJob('weekly', noInput, async (rt, baseId) => (await (await import('../src/cli/commands/weekly.ts')).weeklyWith(rt, baseId)) ?? noSender('weekly'));
const documentsJob = baseJob(
  'documents',
  z.object({ poNumbers: z.array(z.string().min(1)).optional() }).strict(),
  async (rt, baseId, input) => (await import('../src/cli/commands/docs.ts')).docsWith(rt, baseId, input.poNumbers ? { poNumbers: input.poNumbers } : {}),
);
const closeJob = baseJob(
  'close',
  z.object({ projects: z.array(z.string().min(1)).optional() }).strict(),
  async (rt, baseId, input) => (await import('../src/cli/commands/close.ts')).closeWith(rt, baseId, input.projects ? { projects: input.projects } : {}),
);
const planJob = baseJob('plan', noInput, async (rt, baseId) => (await import('../src/cli/commands/plan.ts')).planWith(rt, baseId));
const calendarJob = baseJob('calendar', noInput, async (rt, baseId) => (await import('../src/cli/commands/calendar.ts')).calendarWith(rt, baseId));

export const JOBS: Record<JobName, FunctionJob<unknown> | undefined> = {
  provision: provisionJob,
  sync: syncJob,
  // Hourly: factory dates the agent approved, the checks, then every message they lead to (mail reminders, chat,
  // review invites, weekly updates, prompt mails to factories).
  checks: sequence('checks', [supplierDatesJob, checksJob, remindersJob, chatJob, reviewsJob, weeklyJob, supplierPromptsJob], upstreamInput),
  documents: documentsJob,
  close: closeJob,
  plan: planJob,
  calendar: calendarJob,
};

/**
 * What each scheduled tick runs for every workspace (the dispatcher's `cycle`): sync every 15 minutes, checks and
 * reminders hourly, and once a day the base check, calendar refresh and schedule planning.
 */
export const CYCLES: Record<'sync' | 'hourly' | 'daily', JobName[]> = {
  sync: ['sync'],
  hourly: ['documents', 'checks'],
  daily: ['provision', 'calendar', 'plan', 'close'],
};

export type CycleName = keyof typeof CYCLES;
export const CYCLE_NAMES = Object.keys(CYCLES) as [CycleName, ...CycleName[]];

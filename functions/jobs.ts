/**
 * The jobs the functions can run, by name. Each HTTP function and each step of a scheduled cycle points here, so
 * wiring a job in as it lands is one line in JOBS (a job left `undefined` answers 501 and is skipped by cycles).
 * Job code is imported when the job first runs: every deployed function shares this source, and a function
 * should not pay at cold start for the SDKs of jobs it never runs.
 */
import { z } from 'zod';
import { defineJob, type FunctionJob } from './function-job.ts';

export type JobName = 'provision' | 'sync' | 'checks' | 'documents' | 'close' | 'plan' | 'calendar';

/** Makes sure the PO base matches the template (creates what is missing, never deletes). No body fields. */
export const provisionJob = defineJob({
  name: 'provision',
  input: z.object({}).strict(),
  async run(runtime) {
    const [{ setupWorkspace }, { loadTemplateTables }] = await Promise.all([import('../src/jobs/setup-workspace.ts'), import('../src/cli/workspace-data.ts')]);
    return setupWorkspace(
      { meta: runtime.airtable.meta, records: runtime.airtable.records, counter: runtime.counter, now: () => new Date() },
      { ...runtime.airtableTarget, tables: loadTemplateTables() },
    );
  },
});

export const JOBS: Record<JobName, FunctionJob<unknown> | undefined> = {
  provision: provisionJob,
  // Wire each job in as it lands, e.g.:
  // sync: defineJob({ name: 'sync', input: z.object({}).strict(), run: async (rt, i) => (await import('../src/jobs/sync.ts')).sync(depsOf(rt), i) }),
  // checks: sequence('checks', [checksJob, remindersJob], z.object({}).strict()),
  sync: undefined,
  checks: undefined,
  documents: undefined,
  close: undefined,
  plan: undefined,
  calendar: undefined,
};

/**
 * What each scheduled tick runs for every workspace (the dispatcher's `cycle`): sync every 15 minutes, checks and
 * reminders hourly, and once a day the base check, calendar refresh and schedule planning.
 */
export const CYCLES: Record<'sync' | 'hourly' | 'daily', JobName[]> = {
  sync: ['sync'],
  hourly: ['checks'],
  daily: ['provision', 'calendar', 'plan'],
};

export type CycleName = keyof typeof CYCLES;
export const CYCLE_NAMES = Object.keys(CYCLES) as [CycleName, ...CycleName[]];

import type { Config } from '../../config/config.ts';
import type { JobReport } from '../../jobs/report.ts';
import { setupWorkspace, type SetupDetails } from '../../jobs/setup-workspace.ts';
import { leaseScope, runLeased } from '../job-leases.ts';
import { printReport, reportFooter, table, type Printer } from '../output.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { localLoadJournal } from '../sample-load-marker.ts';
import { loadSampleRows, loadTemplateTables } from '../workspace-data.ts';

/** Provision (and optionally load the sample agency) through an existing runtime. */
export async function provisionWith(runtime: Runtime, sample: 'always' | 'new-base' | false): Promise<JobReport<SetupDetails>> {
  // The sample's relative dates resolve against the process clock: `--now` next month loads next month's sample.
  const today = runtime.now().toISOString().slice(0, 10);
  return setupWorkspace(
    { meta: runtime.airtable.meta, records: runtime.airtable.records, counter: runtime.counter, now: runtime.now },
    {
      ...runtime.airtableTarget,
      tables: loadTemplateTables(),
      rows: sample ? loadSampleRows(today) : undefined,
      loadRows: sample === 'new-base' ? 'new-base' : 'always',
      ...(sample === 'new-base' && runtime.config.mode === 'local' ? { journal: localLoadJournal(runtime) } : {}),
    },
  );
}

export function formatSetupReport(report: JobReport<SetupDetails>): string {
  const { provision, load } = report.details;
  const lines = [
    `Base ${report.details.baseId}: ${provision.createdBase ? 'created' : 'already there'}; ` +
      `${provision.tablesCreated.length} tables and ${provision.fieldsCreated.length} fields added.`,
  ];
  if (report.details.resumed) lines.push('An earlier sample load was interrupted: it has been finished now.');
  if (load) {
    const rows = Object.entries(load.perTable).map(([name, c]) => [name, c.created, c.existing]);
    lines.push('', table(['Table', 'Created', 'Already there'], rows));
  }
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** `sourcing provision [--sample]`. */
export async function runProvision(config: Config, print: Printer, options: { sample: boolean }): Promise<number> {
  const runtime = await createRuntime(config);
  try {
    // Two provisions at once would both create the base (or load the sample twice): one at a time per base name.
    const outcome = await runLeased(runtime, leaseScope(runtime), 'provision', () => provisionWith(runtime, options.sample ? 'always' : false));
    return outcome.ran ? printReport(print, outcome.result, formatSetupReport) : printReport(print, outcome.report, () => '');
  } finally {
    await runtime.close();
  }
}

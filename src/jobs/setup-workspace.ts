/**
 * The first job of every cycle: make sure the PO base matches the template and, on request, load sample rows.
 */
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableMetaPort, AirtableRecordsPort, TableSpec } from '../ports/airtable.ts';
import type { LoadJournal } from '../ports/load-journal.ts';
import { loadRecords, type LoadResult, type TableRows } from './load-records.ts';
import { provisionBase, type ProvisionResult } from './provision-base.ts';
import { startReport, type JobReport } from './report.ts';

export interface SetupDeps {
  meta: AirtableMetaPort;
  records(baseId: string): AirtableRecordsPort;
  counter: RequestCounter;
  now(): Date;
}

export interface SetupInput {
  baseName: string;
  workspaceId: string;
  baseId?: string;
  tables: TableSpec[];
  /** Rows to load (sample agency, benchmark data); none when absent. */
  rows?: TableRows[];
  /**
   * `always` (default) adds the rows that are missing; `new-base` loads them only into a base this run created,
   * so a daily `npm start` does not bring back sample rows the jobs or people have since changed.
   */
  loadRows?: 'always' | 'new-base';
  /**
   * With `new-base`: how far an earlier load got. A load that was interrupted (killed after the base was created,
   * or half-way through the rows) is resumed, instead of leaving a half-loaded base for the jobs to plan from.
   */
  journal?: LoadJournal;
}

export interface SetupDetails {
  baseId: string;
  provision: Omit<ProvisionResult, 'schema'>;
  load?: LoadResult;
  /** The load finished one that an earlier run left half-done. */
  resumed?: boolean;
}

export async function setupWorkspace(deps: SetupDeps, input: SetupInput): Promise<JobReport<SetupDetails>> {
  const { finish } = startReport('setup', deps);
  const journal = input.rows && input.loadRows === 'new-base' ? input.journal : undefined;
  const before = await journal?.read();
  // Written before the base exists: a kill right after creating it still leaves "loading" behind.
  if (journal && before === undefined) await journal.write('loading');
  const { schema, ...provision } = await provisionBase(deps.meta, {
    baseName: input.baseName,
    workspaceId: input.workspaceId,
    tables: input.tables,
    baseId: input.baseId,
  });
  const details: SetupDetails = { baseId: provision.baseId, provision };
  const problems = [...provision.problems];
  const resume = before === 'loading';
  if (input.rows && (input.loadRows !== 'new-base' || provision.createdBase || resume)) {
    if (journal && before === 'complete') await journal.write('loading');
    details.load = await loadRecords(deps.records(provision.baseId), schema, input.rows, { resume });
    problems.push(...details.load.problems);
    if (resume) details.resumed = true;
  }
  // Also a base from before the journal existed (nothing to load): complete, so no job refuses it.
  await journal?.write('complete');
  return finish(problems, details);
}

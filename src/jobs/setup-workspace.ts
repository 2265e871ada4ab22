/**
 * The first job of every cycle: make sure the PO base matches the template and, on request, load sample rows.
 */
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableMetaPort, AirtableRecordsPort, TableSpec } from '../ports/airtable.ts';
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
}

export interface SetupDetails {
  baseId: string;
  provision: Omit<ProvisionResult, 'schema'>;
  load?: LoadResult;
}

export async function setupWorkspace(deps: SetupDeps, input: SetupInput): Promise<JobReport<SetupDetails>> {
  const { finish } = startReport('setup', deps);
  const { schema, ...provision } = await provisionBase(deps.meta, {
    baseName: input.baseName,
    workspaceId: input.workspaceId,
    tables: input.tables,
    baseId: input.baseId,
  });
  const details: SetupDetails = { baseId: provision.baseId, provision };
  const problems = [...provision.problems];
  if (input.rows && (input.loadRows !== 'new-base' || provision.createdBase)) {
    details.load = await loadRecords(deps.records(provision.baseId), schema, input.rows);
    problems.push(...details.load.problems);
  }
  return finish(problems, details);
}

/**
 * Reads every table the checks need, once (pages of 100, by the adapter), and parses each with its model.
 * Malformed rows are left out with their problems; everything else proceeds.
 */
import { agency, type AgencyRecord } from '../../domain/models/agency.ts';
import type { RecordProblem, TableModel } from '../../domain/models/parse-records.ts';
import { CHECKED_TABLES } from '../../domain/models/table-sets.ts';
import { SYNC_ISSUES_FIELD } from '../../domain/checks/sync-issues.ts';
import type { ParsedTables } from '../../domain/checks/snapshot.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../../ports/airtable.ts';
import { readTables } from '../read-tables.ts';

export interface ReadWorkspace {
  tables: ParsedTables;
  /** The raw rows of each table by Airtable table name (for Sync issues and unreadable alert keys). */
  raw: Map<string, AirtableRecord[]>;
  problems: RecordProblem[];
  agency: AgencyRecord | undefined;
}

export async function readWorkspace(records: AirtableRecordsPort): Promise<ReadWorkspace> {
  // The agency row, read last, only gives the time zone of "today".
  // The rows as read are kept only for their Sync issues and the keys of Alerts rows that fail validation.
  const keepRaw = [SYNC_ISSUES_FIELD, CHECKED_TABLES.alerts.fields.key];
  const { tables: { agency: agencyRows, ...tables }, raw, problems } = await readTables(records, { ...CHECKED_TABLES, agency }, 'all', { keepRaw });
  return { tables, raw, problems, agency: agencyRows[0] };
}

/** Every model read, with the agency, for the Sync issues write-back. */
export const ALL_READ_MODELS: TableModel[] = [...Object.values(CHECKED_TABLES), agency];

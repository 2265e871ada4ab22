/**
 * Reads tables once each (the adapter pages through them 100 rows at a time) and parses every row with its model.
 * Rows that fail validation are left out of `tables` and returned as problems; every other row goes on.
 */
import { parseRecords, type RecordProblem, type TableModel } from '../domain/models/parse-records.ts';
import type { TableRecords } from '../domain/models/table-sets.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../ports/airtable.ts';

/** Key → model, in the order the tables are read. */
export type TableModels = Readonly<Record<string, TableModel>>;

export interface ReadTables<M extends TableModels> {
  /** The valid records of each table, under the model's key. */
  tables: TableRecords<M>;
  /** The rows as read, by Airtable table name (current Sync issues, raw keys of unreadable rows…). */
  raw: Map<string, AirtableRecord[]>;
  problems: RecordProblem[];
}

/**
 * `fields: 'model'` asks Airtable only for the fields the model knows, so formula and inverse-link fields stay on
 * the server; `'all'` reads whole rows.
 */
export async function readTables<M extends TableModels>(records: AirtableRecordsPort, models: M, fields: 'all' | 'model'): Promise<ReadTables<M>> {
  const raw = new Map<string, AirtableRecord[]>();
  const problems: RecordProblem[] = [];
  const tables: Record<string, unknown[]> = {};
  for (const [key, model] of Object.entries(models)) {
    const rows = fields === 'model' ? await records.list(model.table, { fields: Object.values(model.fields) }) : await records.list(model.table);
    raw.set(model.table, rows);
    const parsed = parseRecords(model, rows);
    tables[key] = parsed.records;
    problems.push(...parsed.problems);
  }
  return { tables: tables as ReadTables<M>['tables'], raw, problems };
}

/**
 * Reads tables once each (the adapter pages through them 100 rows at a time) and parses every row with its model.
 * Rows that fail validation are left out of `tables` and returned as problems; every other row goes on.
 */
import { parseRecords, StringPool, type ModelRecord, type ParsedRecords, type RecordProblem, type TableModel } from '../domain/models/parse-records.ts';
import type { TableRecords } from '../domain/models/table-sets.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../ports/airtable.ts';

/** What of the rows as read a caller keeps: all (`rows`), `none`, or what a picker answers per row (see keepRows). */
export type KeepRaw = 'rows' | 'none' | RowPicker;

/** What to keep of one row as read (`undefined`: nothing); `failed` says the row did not pass its model. */
export type RowPicker = (row: AirtableRecord, model: TableModel, failed: boolean) => AirtableRecord | undefined;

/**
 * Keys no job reads from a parsed record, so no job holds them: a record's "Sync issues" (the write-backs work on
 * the rows as read, or keep what they need themselves, see HeldSyncIssues), where other jobs' lines can be long (a
 * first import's contract fixes are ~2 KB per PO: ~20 MB at 10,000 POs, in every job that read the POs).
 */
export const NOT_HELD: readonly string[] = ['syncIssues'];

/** Key → model, in the order the tables are read. */
export type TableModels = Readonly<Record<string, TableModel>>;

/** Per table key, where its valid records go instead of `tables` (see readTables' `sinks`). */
export type RecordSinks<M extends TableModels> = { readonly [K in keyof M]?: (record: ModelRecord<M[K]>) => void };

export interface ReadTables<M extends TableModels> {
  /** The valid records of each table, under the model's key. */
  tables: TableRecords<M>;
  /**
   * The rows as read, by Airtable table name (current Sync issues, raw keys of unreadable rows…). With `keepRaw` as
   * field names: only those fields, of the rows that have one of them or failed validation.
   */
  raw: Map<string, AirtableRecord[]>;
  problems: RecordProblem[];
}

/**
 * `fields: 'model'` asks Airtable only for the fields the model knows, so formula and inverse-link fields stay on
 * the server; `'all'` reads whole rows. `keepRaw` says what of the rows as read the caller still needs: all of them
 * (`rows`, the default), `none`, or what a picker answers per row.
 */
export async function readTables<M extends TableModels>(
  records: AirtableRecordsPort,
  models: M,
  fields: 'all' | 'model',
  options: {
    keepRaw?: KeepRaw;
    /**
     * Record keys the caller never reads, cleared as each page is parsed (long texts it would otherwise hold):
     * NOT_HELD unless the caller says otherwise.
     */
    drop?: readonly string[];
    /**
     * Tables whose valid records go to a callback as each page is parsed instead of into `tables` (left empty):
     * for a caller that keeps them in its own compact form (the checks' milestones, 120,000 rows at 10,000 POs).
     * A sink gets each record as parsed, nothing dropped: it keeps what it needs.
     */
    sinks?: RecordSinks<M>;
  } = {},
): Promise<ReadTables<M>> {
  const raw = new Map<string, AirtableRecord[]>();
  const problems: RecordProblem[] = [];
  const tables: Record<string, unknown[]> = {};
  const keep = options.keepRaw ?? 'rows';
  const drop = options.drop ?? NOT_HELD;
  // Shared by every table of the read, so links and the rows they point at hold one copy of each ID.
  const pool = new StringPool();
  for (const [key, model] of Object.entries(models)) {
    const parsedRows: unknown[] = [];
    const kept: AirtableRecord[] = [];
    const sink = (options.sinks as Record<string, ((record: unknown) => void) | undefined> | undefined)?.[key];
    const take = sink ?? ((record: unknown) => parsedRows.push(dropKeys(record as object, drop)));
    // Each page is parsed as it comes and only what the caller reads later stays: on a large base the rows as read
    // are as big as the parsed records, and held together they would double the job's memory.
    await readTablePages(records, model, fields, pool, (rows, parsed) => {
      for (const record of parsed.records) take(record);
      problems.push(...parsed.problems);
      keepRows(kept, rows, model, parsed.problems, keep);
    });
    tables[key] = parsedRows;
    if (keep !== 'none') raw.set(model.table, kept);
  }
  return { tables: tables as ReadTables<M>['tables'], raw, problems };
}

/**
 * Reads one table page by page (as the port streams it) and parses each page with the model as it comes, strings
 * shared through `pool`; `onPage` gets the rows as read and what parsing made of them.
 */
export async function readTablePages<M extends TableModel>(
  records: AirtableRecordsPort,
  model: M,
  fields: 'all' | 'model',
  pool: StringPool,
  onPage: (rows: AirtableRecord[], parsed: ParsedRecords<ModelRecord<M>>) => void,
): Promise<void> {
  const take = (rows: AirtableRecord[]) => onPage(rows, parseRecords(model, rows, pool));
  const listOptions = fields === 'model' ? { fields: Object.values(model.fields) } : {};
  if (records.listPages) await records.listPages(model.table, listOptions, take);
  else take(await records.list(model.table, listOptions));
}

/**
 * Adds to `kept` what the caller keeps of a page's rows: every row, none, or what the picker answers for each. A
 * picker keeps only what the caller reads later: at 10,000 POs, 240,000 rows kept with an empty `fields` for their
 * Sync issues were ~40 MB, and every PO's Sync issues kept in full another ~20 MB.
 */
export function keepRows(kept: AirtableRecord[], rows: readonly AirtableRecord[], model: TableModel, problems: readonly RecordProblem[], keep: KeepRaw): void {
  if (keep === 'none') return;
  if (keep === 'rows') {
    for (const row of rows) kept.push(row);
    return;
  }
  const failed = new Set(problems.map((p) => p.recordId));
  for (const row of rows) {
    const picked = keep(row, model, failed.has(row.id));
    if (picked) kept.push(picked);
  }
}

/** The record with these keys set to undefined (the key stays, so records of one model keep one shape). */
export function dropKeys<T extends object>(record: T, keys: readonly string[] | undefined): T {
  for (const key of keys ?? []) if (key in record) (record as Record<string, unknown>)[key] = undefined;
  return record;
}

/** Only the named fields of a row (those it has). */
export function pickFields(fields: AirtableRecord['fields'], names: readonly string[]): AirtableRecord['fields'] {
  const out: AirtableRecord['fields'] = {};
  for (const name of names) if (name in fields) out[name] = fields[name];
  return out;
}

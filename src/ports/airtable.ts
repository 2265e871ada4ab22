/**
 * What jobs need from an Airtable base, in record terms. Implemented by src/adapters/airtable over airtable.js
 * (records) and fetch (meta API, upsert answers). Jobs never see SDK types.
 */
export type CellValue = unknown;
export type Fields = Record<string, CellValue>;

export interface AirtableRecord {
  id: string;
  createdTime: string;
  fields: Fields;
}

export interface ListOptions {
  /** Only these fields (names). */
  fields?: string[];
  sort?: { field: string; direction?: 'asc' | 'desc' }[];
  view?: string;
  maxRecords?: number;
  /** Keep records matching ANY of these equalities (values are escaped by the adapter, never pasted raw). */
  matchAny?: { field: string; equals: string | number }[];
  /** Only these records (by ID); takes the place of matchAny. */
  recordIds?: readonly string[];
}

export interface WriteOptions {
  typecast?: boolean;
}

export interface UpsertResult {
  records: AirtableRecord[];
  createdRecords: string[];
  updatedRecords: string[];
}

export interface AirtableRecordsPort {
  readonly baseId: string;
  list(table: string, options?: ListOptions): Promise<AirtableRecord[]>;
  /**
   * `list`, handing each page (up to 100 rows) to `onPage` as it arrives instead of collecting the table: a reader
   * that keeps the rows in another form never holds the whole table as objects.
   */
  listPages?(table: string, options: ListOptions, onPage: (rows: AirtableRecord[]) => void): Promise<void>;
  /** Creates in batches of 10; answers the created records in input order. */
  create(table: string, rows: Fields[], options?: WriteOptions): Promise<AirtableRecord[]>;
  /** PATCH: merges the given fields, in batches of 10. */
  update(table: string, rows: { id: string; fields: Fields }[], options?: WriteOptions): Promise<AirtableRecord[]>;
  /** PATCH with performUpsert, in batches of 10. */
  upsert(table: string, rows: Fields[], fieldsToMergeOn: string[], options?: WriteOptions): Promise<UpsertResult>;
  delete(table: string, ids: string[]): Promise<string[]>;
}

export interface FieldSpec {
  name: string;
  type: string;
  description?: string;
  options?: Record<string, unknown>;
}

export interface TableSpec {
  name: string;
  description?: string;
  fields: FieldSpec[];
}

export interface TableSchema {
  id: string;
  name: string;
  primaryFieldId: string;
  fields: (FieldSpec & { id: string })[];
}

export interface AirtableMetaPort {
  listBases(): Promise<{ id: string; name: string }[]>;
  createBase(name: string, workspaceId: string, tables: TableSpec[]): Promise<{ id: string; tables: TableSchema[] }>;
  getSchema(baseId: string): Promise<TableSchema[]>;
  createTable(baseId: string, table: TableSpec): Promise<TableSchema>;
  createField(baseId: string, tableId: string, field: FieldSpec): Promise<FieldSpec & { id: string }>;
}

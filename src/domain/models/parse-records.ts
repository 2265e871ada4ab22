/**
 * Turns Airtable API records (`{id, createdTime, fields}`, fields keyed by field NAME) into typed camelCase domain
 * records. A bad row never throws: every bad cell becomes a `RecordProblem` naming the table, record and field, the
 * row is left out, and every other row proceeds ("bad data never stops the run and is never guessed").
 *
 * Each table's model (one file per table) keeps its field names in one object, so jobs write
 * `purchaseOrders.fields.shipBy` instead of scattering "Ship-by date" strings.
 */
import { z } from 'zod';

/** camelCase key → the Airtable field name users see. */
export type FieldNames = Readonly<Record<string, string>>;

export interface Model<F extends FieldNames, S extends { [K in keyof F]: z.ZodType }> {
  /** The Airtable table name. */
  readonly table: string;
  /** camelCase key → field name. */
  readonly fields: F;
  /** camelCase key → cell parser. */
  readonly cells: S;
  /** The whole record, keyed by camelCase (id and createdTime included). */
  readonly schema: z.ZodObject<S & { id: z.ZodString; createdTime: z.ZodString }>;
}

/** What parseRecords needs of a model; every Model is one, and so is a union of them. */
export interface TableModel {
  readonly table: string;
  readonly fields: FieldNames;
  readonly schema: z.ZodType;
}

/** The typed record a model produces. */
export type ModelRecord<M extends TableModel> = z.output<M['schema']>;

/**
 * Declares a table's model from its field names and one cell parser per name.
 * @example defineModel('Purchase Orders', { poNumber: 'PO number' }, { poNumber: requiredText() })
 */
export function defineModel<F extends FieldNames, S extends { [K in keyof F]: z.ZodType }>(
  table: string,
  fields: F,
  cells: S,
): Model<F, S> {
  const extra = Object.keys(cells).filter((key) => !(key in fields));
  if (extra.length > 0) throw new Error(`${table}: parsers without a field name: ${extra.join(', ')}`);
  const schema = z.object({ ...cells, id: z.string(), createdTime: z.string() });
  return { table, fields, cells, schema };
}

/** One bad cell (or a record that is not a record at all). */
export class RecordProblem {
  constructor(
    readonly table: string,
    readonly recordId: string,
    /** The Airtable field name, or "(record)" when the record itself is malformed. */
    readonly field: string,
    /** A sentence about the field, e.g. `"Ship-by date" is "31/02/2027", not a date`. */
    readonly message: string,
  ) {}

  /** `Purchase Orders recX: "Ship-by date" is "31/02/2027", not a date` */
  toString(): string {
    return `${this.table} ${this.recordId}: ${this.message}`;
  }

  toJSON() {
    return { table: this.table, recordId: this.recordId, field: this.field, message: this.message };
  }
}

export interface ParsedRecords<T> {
  records: T[];
  problems: RecordProblem[];
}

const RecordWire = z.object({
  id: z.string().min(1),
  createdTime: z.string(),
  fields: z.record(z.string(), z.unknown()),
});

/** Parses a page (or all pages) of a table's records; rows with problems are left out of `records`. */
export function parseRecords<M extends TableModel>(model: M, rawRecords: readonly unknown[]): ParsedRecords<ModelRecord<M>> {
  const records: ModelRecord<M>[] = [];
  const problems: RecordProblem[] = [];
  const keys = Object.keys(model.fields);
  for (const raw of rawRecords) {
    const wire = RecordWire.safeParse(raw);
    if (!wire.success) {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : '(no id)';
      problems.push(new RecordProblem(model.table, id, '(record)', 'is not an Airtable record with id, createdTime and fields'));
      continue;
    }
    const { id, createdTime, fields } = wire.data;
    const byKey: Record<string, unknown> = { id, createdTime };
    for (const key of keys) byKey[key] = fields[model.fields[key] ?? key];
    const parsed = z.safeParse<M['schema']>(model.schema, byKey);
    if (parsed.success) {
      records.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const name = model.fields[key] ?? key;
      problems.push(new RecordProblem(model.table, id, name, `"${name}" ${issue.message}`));
    }
  }
  return { records, problems };
}

/** The problems of one record as the text of its "Sync issues" cell (empty string clears the cell). */
export function syncIssuesText(problems: readonly RecordProblem[], recordId: string): string {
  return problems
    .filter((p) => p.recordId === recordId)
    .map((p) => p.message)
    .join('\n');
}

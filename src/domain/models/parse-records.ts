/**
 * Turns Airtable API records (`{id, createdTime, fields}`, fields keyed by field NAME) into typed camelCase domain
 * records. A bad row never throws: every bad cell becomes a `RecordProblem` naming the table, record and field, the
 * row is left out, and every other row proceeds ("bad data never stops the run and is never guessed").
 *
 * Each table's model (one file per table) keeps its field names in one object, so jobs write
 * `purchaseOrders.fields.shipBy` instead of scattering "Ship-by date" strings.
 */
import { z } from 'zod';
import { plainParserOf } from './cells.ts';

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
    /** The row's primary value ("PO-2405"), how people name it; the ID stays for links. */
    readonly label?: string,
  ) {}

  /** `Purchase Orders PO-2405: "Ship-by date" is "31/02/2027", not a date` (the ID only for a row without a name). */
  toString(): string {
    return `${this.table} ${this.label || this.recordId}: ${this.message}`;
  }

  toJSON() {
    return { table: this.table, recordId: this.recordId, field: this.field, message: this.message, ...(this.label ? { label: this.label } : {}) };
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
type Wire = z.output<typeof RecordWire>;

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  Object.getPrototypeOf(value) === Object.prototype &&
  !Object.hasOwn(value, 'constructor') &&
  Object.getOwnPropertySymbols(value).length === 0;

/**
 * A record as the API's JSON gives it, checked without zod: an object with a non-empty id, a createdTime and a
 * plain `fields` object. Anything unusual (a class instance, symbol keys) goes through RecordWire, so what is
 * accepted stays exactly what RecordWire accepts.
 */
function readWire(raw: unknown): Wire | undefined {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const { id, createdTime, fields } = raw as Partial<Record<keyof Wire, unknown>>;
    if (typeof id === 'string' && id !== '' && typeof createdTime === 'string' && isJsonObject(fields)) {
      return { id, createdTime, fields };
    }
  }
  const wire = RecordWire.safeParse(raw);
  return wire.success ? wire.data : undefined;
}

/** One cell of a model: where it goes, where it comes from, and what checks it (the messages of its problems). */
interface FieldReader {
  key: string;
  name: string;
  /** A name such as "toString" would find Object.prototype's member in `fields`, not a cell. */
  ownOnly: boolean;
  read: (raw: unknown) => { ok: true; value: unknown } | { ok: false; message: string } | { ok: false; messages: string[] };
}

const readersBySchema = new WeakMap<z.ZodType, FieldReader[]>();
const blanksBySchema = new WeakMap<z.ZodType, () => Record<string, unknown>>();

/**
 * A maker of blank records with every key of the model in the order parseRecords sets them, all kept inside the
 * object. Built key by key from `{}`, a record keeps all but its first four properties in a separate, over-allocated
 * property array (272,000 of them in a heap snapshot of the checks at 10,000 POs; the 120,000 parsed milestones
 * take 38.9 MB this way against 42.6). An object literal is laid out for its keys, so the maker is one, compiled
 * from the model's own keys (field keys of our models, never data, each quoted by JSON.stringify).
 */
function blankOf(model: TableModel, readers: readonly FieldReader[]): () => Record<string, unknown> {
  const known = blanksBySchema.get(model.schema);
  if (known) return known;
  const blank = blankMaker([...readers.map((r) => r.key), 'id', 'createdTime']);
  blanksBySchema.set(model.schema, blank);
  return blank;
}

/** A maker of objects with these keys (all `undefined`), laid out as an object literal is (see blankOf). */
export function blankMaker(keys: readonly string[]): () => Record<string, unknown> {
  return new Function(`return {${keys.map((key) => `${JSON.stringify(key)}: undefined`).join(', ')}};`) as () => Record<string, unknown>;
}

/**
 * The model's cells in schema order (the order zod gave the record's keys), compiled once per model. A cell
 * built in cells.ts runs its own function; any other zod schema runs through zod, one cell at a time.
 */
function readersOf(model: TableModel): FieldReader[] {
  const known = readersBySchema.get(model.schema);
  if (known) return known;
  if (!(model.schema instanceof z.ZodObject)) throw new Error(`${model.table}: parseRecords needs a model made by defineModel`);
  const readers: FieldReader[] = [];
  for (const [key, schema] of Object.entries(model.schema.shape as Record<string, z.ZodType>)) {
    if (key === 'id' || key === 'createdTime') continue;
    const name = model.fields[key] ?? key;
    const read: FieldReader['read'] =
      plainParserOf(schema) ??
      ((raw) => {
        const parsed = schema.safeParse(raw);
        return parsed.success ? { ok: true, value: parsed.data } : { ok: false, messages: parsed.error.issues.map((i) => i.message) };
      });
    readers.push({ key, name, ownOnly: name in Object.prototype, read });
  }
  readersBySchema.set(model.schema, readers);
  return readers;
}

/**
 * One copy of each short string for the records of one read: a PO's ID is also in each of its milestones' "PO"
 * link, and every row of a table created in one import has the same createdTime. Parsed from JSON, each copy is its
 * own string (~40 bytes for a record ID); on a 10,000-PO base the copies were ~30 MB.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** Strings longer than MAX_POOLED_LENGTH are returned as they are. */
  intern(value: string): string {
    if (value.length > MAX_POOLED_LENGTH) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}

/** Longer strings are rarely repeated (descriptions, notes) and not worth a lookup. */
const MAX_POOLED_LENGTH = 64;

function internValues(record: Record<string, unknown>, pool: StringPool): void {
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value === 'string') record[key] = pool.intern(value);
    else if (Array.isArray(value) && !Object.isFrozen(value)) {
      for (let i = 0; i < value.length; i += 1) {
        const item: unknown = value[i];
        if (typeof item === 'string') value[i] = pool.intern(item);
      }
    }
  }
}

/**
 * Parses a page (or all pages) of a table's records; rows with problems are left out of `records`. With a `pool`,
 * the records' short strings are shared with the other records parsed through it.
 */
export function parseRecords<M extends TableModel>(model: M, rawRecords: readonly unknown[], pool?: StringPool): ParsedRecords<ModelRecord<M>> {
  const records: ModelRecord<M>[] = [];
  const problems: RecordProblem[] = [];
  const readers = readersOf(model);
  // The first field of a model (and of a projection) is the table's primary field.
  const primary = Object.values(model.fields)[0] as string | undefined;
  const blank = blankOf(model, readers);
  for (const raw of rawRecords) {
    const wire = readWire(raw);
    if (wire === undefined) {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : '(no id)';
      problems.push(new RecordProblem(model.table, id, '(record)', 'is not an Airtable record with id, createdTime and fields'));
      continue;
    }
    const { id, createdTime, fields } = wire;
    const record = blank();
    let valid = true;
    for (const { key, name, ownOnly, read } of readers) {
      const outcome = read(ownOnly && !Object.hasOwn(fields, name) ? undefined : fields[name]);
      if (outcome.ok) {
        record[key] = outcome.value;
        continue;
      }
      valid = false;
      for (const message of 'messages' in outcome ? outcome.messages : [outcome.message]) {
        const label = primary !== undefined && typeof fields[primary] === 'string' ? fields[primary].trim() : undefined;
        problems.push(new RecordProblem(model.table, id, name, `"${name}" ${message}`, label || undefined));
      }
    }
    if (!valid) continue;
    record['id'] = id;
    record['createdTime'] = createdTime;
    if (pool) internValues(record, pool);
    records.push(record as ModelRecord<M>);
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

/**
 * One read of the base per cycle: an AirtableRecordsPort that reads each table once (whole rows, pages of 100) and
 * answers every later list of that table from memory, with the same field projection and equality filters the
 * adapter would apply. Writes go to Airtable and their answers are applied to the tables held, so a later job sees
 * an earlier job's writes (the documents job's rows and Sync issues before closure and checks).
 *
 * Tables are held compactly (compact-table.ts: deflated chunks, parsed only while a job lists them), so a cycle
 * over a 10,000-PO base keeps its one read in tens of MB rather than ~170 MB of objects.
 *
 * A write moves computed cells of OTHER records too: a link added or removed changes the inverse link field (and any
 * count over it) of the record linked. Those records are marked stale and read back by ID on the next list of their
 * table, so a PO's Documents link is current when the checks read it after the documents job created the row. Only
 * links that a write really adds or removes count: the documents job rewrites the Sync issues of 10,000 POs, each
 * naming ~25 linked records, and marking them all meant ~250,000 read-backs of rows that had not moved. The template
 * holds no rollup or lookup (Airtable's API cannot create them), so no job reads a cell that follows another
 * record's plain fields; one an agency adds by hand is not read by any job, and is current again after the next
 * webhook payload or full read.
 */
import type { AirtableRecord, AirtableRecordsPort, Fields, ListOptions, UpsertResult, WriteOptions } from '../../ports/airtable.ts';
import { pickFields } from '../read-tables.ts';
import { CompactTable } from './compact-table.ts';

export interface CachedTables {
  /** Table name → rows in Airtable's order. */
  tables: Map<string, AirtableRecord[]>;
}

const RECORD_ID = /^rec[A-Za-z0-9]{14}$/;
/** Record IDs per OR(RECORD_ID()=…) read: keeps the formula short enough for a GET. */
const IDS_PER_READ = 100;

export class CachedRecords implements AirtableRecordsPort {
  readonly baseId: string;
  private readonly tables = new Map<string, CompactTable>();
  private readonly stale = new Set<string>();
  /** Tables read from Airtable in full during this cycle (the rest came from the stored snapshot or not at all). */
  readonly fullReads: string[] = [];
  /** Tables whose rows changed since they were handed in (the stored snapshot rewrites only these). */
  readonly changedTables = new Set<string>();

  constructor(
    private readonly inner: AirtableRecordsPort,
    initial?: ReadonlyMap<string, readonly AirtableRecord[]>,
  ) {
    this.baseId = inner.baseId;
    for (const [table, rows] of initial ?? []) this.hold(table, rows);
  }

  /** The names of the tables held now (for the stored snapshot). */
  heldTables(): string[] {
    return [...this.tables.keys()];
  }

  /** The rows of a held table, in order (for the stored snapshot; one table at a time). */
  rowsOf(table: string): AirtableRecord[] {
    return this.tables.get(table)?.rows() ?? [];
  }

  has(table: string): boolean {
    return this.tables.has(table);
  }

  /** Forgets a table: its next list reads it again in full. */
  drop(table: string): void {
    this.tables.delete(table);
  }

  /**
   * Reads these records of a held table again (changed on Airtable) and removes the destroyed ones. Answers the IDs
   * whose rows really differ from the ones held: a change this process wrote itself is held already.
   */
  async refresh(table: string, changedIds: readonly string[], destroyedIds: readonly string[]): Promise<string[]> {
    const rows = this.tables.get(table);
    if (!rows) return [];
    const differ = destroyedIds.filter((id) => rows.has(id));
    if (destroyedIds.length > 0) this.changedTables.add(table);
    for (const id of destroyedIds) rows.delete(id);
    const wanted = changedIds.filter((id) => !destroyedIds.includes(id));
    for (let i = 0; i < wanted.length; i += IDS_PER_READ) {
      const chunk = wanted.slice(i, i + IDS_PER_READ);
      const fresh = await this.inner.list(table, { recordIds: chunk });
      const found = new Set(fresh.map((r) => r.id));
      for (const record of fresh) {
        const held = rows.get(record.id);
        if (!held || JSON.stringify(held.fields) !== JSON.stringify(record.fields)) {
          differ.push(record.id);
          this.put(table, record);
        }
      }
      // Named by a payload but gone now (destroyed in a later transaction): not in the table any more.
      for (const id of chunk) {
        if (!found.has(id) && rows.delete(id)) {
          differ.push(id);
          this.changedTables.add(table);
        }
      }
    }
    return differ;
  }

  /** The table a held record belongs to. */
  tableOf(recordId: string): string | undefined {
    for (const [name, rows] of this.tables) if (rows.has(recordId)) return name;
    return undefined;
  }

  async list(table: string, options: ListOptions = {}): Promise<AirtableRecord[]> {
    const out: AirtableRecord[] = [];
    await this.listPages(table, options, (page) => out.push(...page));
    return out;
  }

  /**
   * The rows of `list`, a held chunk at a time: each chunk is parsed and cut down to the fields asked for before the
   * next, so a reader that parses pages as they come never holds the table as objects.
   */
  async listPages(table: string, options: ListOptions, onPage: (rows: AirtableRecord[]) => void): Promise<void> {
    if (options.view || options.sort || options.maxRecords !== undefined) return onPage(await this.inner.list(table, options));
    let rows = this.tables.get(table);
    // A few records by ID (a webhook's changes) never cost a full read of a table not held.
    if (!rows && options.recordIds) return onPage(await this.inner.list(table, options));
    if (!rows) {
      rows = await this.readAll(table);
      this.fullReads.push(table);
    }
    const stale = [...this.stale].filter((id) => rows.has(id));
    if (stale.length > 0) {
      await this.refresh(table, stale, []);
      for (const id of stale) this.stale.delete(id);
    }
    const keep = options.fields;
    const shaped = (r: AirtableRecord) => (keep ? { id: r.id, createdTime: r.createdTime, fields: pickFields(r.fields, keep) } : r);
    const conditions = options.matchAny ?? [];
    if (conditions.length > 0) {
      // Airtable compares a linked or multi-value cell by its text; only plain cells are compared here.
      let complex = false;
      const wanted = (r: AirtableRecord) => {
        if (conditions.some((c) => isComplex(r.fields[c.field]))) complex = true;
        return !complex && conditions.some((c) => String(r.fields[c.field] ?? '') === String(c.equals));
      };
      const out = options.recordIds
        ? rows.some(options.recordIds).filter(wanted).map(shaped)
        : rows.rows((r) => (wanted(r) ? shaped(r) : undefined));
      return onPage(complex ? await this.inner.list(table, options) : out);
    }
    if (options.recordIds) return onPage(rows.some(options.recordIds).map(shaped));
    rows.pages(shaped, onPage);
  }

  /** A table's first read, streamed page by page into its compact form when the port can page. */
  private async readAll(table: string): Promise<CompactTable> {
    const rows = new CompactTable();
    if (this.inner.listPages) await this.inner.listPages(table, {}, (page) => rows.appendRead(page));
    else rows.appendRead(await this.inner.list(table));
    this.tables.set(table, rows);
    this.changedTables.add(table);
    return rows;
  }

  async create(table: string, rows: Fields[], options?: WriteOptions): Promise<AirtableRecord[]> {
    const created = await this.inner.create(table, rows, options);
    this.applied(table, created, []);
    return created;
  }

  async update(table: string, rows: { id: string; fields: Fields }[], options?: WriteOptions): Promise<AirtableRecord[]> {
    const before = rows.map((r) => this.tables.get(table)?.get(r.id)).filter((r): r is AirtableRecord => r !== undefined);
    const updated = await this.inner.update(table, rows, options);
    this.applied(table, updated, before);
    return updated;
  }

  async upsert(table: string, rows: Fields[], fieldsToMergeOn: string[], options?: WriteOptions): Promise<UpsertResult> {
    const result = await this.inner.upsert(table, rows, fieldsToMergeOn, options);
    const before = result.updatedRecords.map((id) => this.tables.get(table)?.get(id)).filter((r): r is AirtableRecord => r !== undefined);
    this.applied(table, result.records, before);
    return result;
  }

  async delete(table: string, ids: string[]): Promise<string[]> {
    const before = ids.map((id) => this.tables.get(table)?.get(id)).filter((r): r is AirtableRecord => r !== undefined);
    const deleted = await this.inner.delete(table, ids);
    const rows = this.tables.get(table);
    if (rows) this.changedTables.add(table);
    for (const id of deleted) rows?.delete(id);
    // A deleted record's own links are all removed (IDs of records not held: nothing known, nothing to mark).
    for (const record of before) this.markMoved(record.id, undefined, record);
    return deleted;
  }

  /** Holds a table's rows as read earlier (the stored snapshot): not a change, not a read. */
  hold(table: string, rows: readonly AirtableRecord[]): void {
    this.tables.set(table, new CompactTable(rows));
  }

  private put(table: string, record: AirtableRecord): void {
    this.changedTables.add(table);
    this.tables.get(table)?.set(record);
  }

  /** A write's answer holds the whole record as it is now: it replaces the held one. */
  private applied(table: string, records: readonly AirtableRecord[], before: readonly AirtableRecord[]): void {
    if (this.tables.has(table)) for (const record of records) this.put(table, record);
    const was = new Map(before.map((r) => [r.id, r]));
    for (const record of records) this.markMoved(record.id, record, was.get(record.id));
  }

  /**
   * Marks stale the records a write linked or unlinked: the IDs in one of `now`'s and `was`'s link cells and not in
   * the other's. A record not held before (a create, or a table this cycle never read) counts all its links as new.
   */
  private markMoved(id: string, now: AirtableRecord | undefined, was: AirtableRecord | undefined): void {
    const fields = new Set([...Object.keys(now?.fields ?? {}), ...Object.keys(was?.fields ?? {})]);
    for (const field of fields) {
      const after = linkIds(now?.fields[field]);
      const prior = linkIds(was?.fields[field]);
      for (const link of after) if (!prior.has(link) && link !== id) this.stale.add(link);
      for (const link of prior) if (!after.has(link) && link !== id) this.stale.add(link);
    }
  }
}

/** The record IDs in a cell (a link cell's value); none for any other cell. */
function linkIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  if (Array.isArray(value)) for (const item of value) if (typeof item === 'string' && RECORD_ID.test(item)) ids.add(item);
  return ids;
}

function isComplex(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}


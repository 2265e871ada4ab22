/**
 * The rows of one table held compactly for a whole cycle: rows in Airtable's order, in chunks of CHUNK_ROWS, each
 * chunk a deflated JSON array. Held as parsed objects, a row costs ~700 bytes of heap (a 10,000-PO base is
 * ~170 MB of records, more than a 256 MB instance has room for beside the code); deflated it costs ~70 bytes, and a
 * whole table is parsed back only while a job lists it.
 *
 * Rows written during the cycle stay "loose" (plain objects, or null for a deleted row) until LOOSE_LIMIT of them
 * are folded back into their chunks; a new row goes after every older one, as Airtable lists it.
 */
import type { AirtableRecord } from '../../ports/airtable.ts';
import { RecordIdIndex } from './record-id-index.ts';
import { packJson, unpackJson } from './packed-json.ts';

/** Rows per chunk: big enough to compress the repeated field names well, small enough that one lookup is cheap. */
const CHUNK_ROWS = 256;
/** Loose rows kept as objects before they are folded into the chunks. */
const LOOSE_LIMIT = 250;

export class CompactTable {
  private chunks: Buffer[] = [];
  /** Row ID → its position: chunk index × CHUNK_ROWS + index in the chunk. */
  private readonly position = new RecordIdIndex();
  /** Rows written since the last fold (null: deleted), in the order they were written. */
  private loose = new Map<string, AirtableRecord | null>();
  private decoded: { index: number; rows: AirtableRecord[] } | undefined;
  private count = 0;

  constructor(rows: Iterable<AirtableRecord> = []) {
    let batch: AirtableRecord[] = [];
    for (const row of rows) {
      this.count += 1;
      batch.push(row);
      if (batch.length === CHUNK_ROWS) {
        this.appendChunk(batch);
        batch = [];
      }
    }
    if (batch.length > 0) this.appendChunk(batch);
  }

  /** Adds rows read in pages (a full read streams into chunks without holding the table as objects). */
  appendRead(rows: readonly AirtableRecord[]): void {
    for (const row of rows) this.set(row);
  }

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    const loose = this.loose.get(id);
    if (loose !== undefined) return loose !== null;
    return this.position.has(id);
  }

  get(id: string): AirtableRecord | undefined {
    const loose = this.loose.get(id);
    if (loose !== undefined) return loose ?? undefined;
    const at = this.position.get(id);
    if (at === undefined) return undefined;
    return this.chunk(Math.floor(at / CHUNK_ROWS))[at % CHUNK_ROWS];
  }

  /** Replaces a row (same place) or adds it (at the end). */
  set(record: AirtableRecord): void {
    // A row deleted and written again goes to the end, as in a Map: fold the deletion out of its chunk first.
    if (this.loose.get(record.id) === null) this.fold();
    if (!this.has(record.id)) this.count += 1;
    this.loose.set(record.id, record);
    if (this.loose.size >= LOOSE_LIMIT) this.fold();
  }

  delete(id: string): boolean {
    if (!this.has(id)) return false;
    this.count -= 1;
    if (this.position.has(id)) this.loose.set(id, null);
    else this.loose.delete(id);
    return true;
  }

  /** Every row in order, each chunk parsed as it is reached; `map` may shrink each row before the next chunk. */
  rows<T = AirtableRecord>(map: (row: AirtableRecord) => T | undefined = (row) => row as T): T[] {
    const out: T[] = [];
    this.pages(map, (page) => out.push(...page));
    return out;
  }

  /** The rows in order, a chunk at a time (mapped as in `rows`): a reader that parses them never holds the table. */
  pages<T>(map: (row: AirtableRecord) => T | undefined, onPage: (rows: T[]) => void): void {
    let page: T[] = [];
    let chunk = -1;
    this.visit((row, index) => {
      if (index !== chunk && page.length > 0) {
        onPage(page);
        page = [];
      }
      chunk = index;
      const mapped = map(row);
      if (mapped !== undefined) page.push(mapped);
    });
    if (page.length > 0) onPage(page);
  }

  /** These rows (unknown IDs left out), in table order; parses only the chunks that hold them. */
  some(ids: readonly string[]): AirtableRecord[] {
    const inChunks: { at: number; row: AirtableRecord }[] = [];
    const added: AirtableRecord[] = [];
    for (const id of new Set(ids)) {
      const row = this.get(id);
      if (!row) continue;
      const at = this.position.get(id);
      if (at === undefined) added.push(row);
      else inChunks.push({ at, row });
    }
    const looseOrder = [...this.loose.keys()];
    added.sort((a, b) => looseOrder.indexOf(a.id) - looseOrder.indexOf(b.id));
    return [...inChunks.sort((a, b) => a.at - b.at).map((r) => r.row), ...added];
  }

  /** Rows written since the last fold, held as objects (or null: deleted). */
  get looseRows(): number {
    return this.loose.size;
  }

  /** Rows in order with the chunk they come from (new loose rows: one past the last chunk). */
  private visit(onRow: (row: AirtableRecord, chunk: number) => void): void {
    // A full listing parses every chunk anyway: fold the rows written since the last fold into theirs first, so a
    // job's last writes (up to LOOSE_LIMIT rows per table, a Calendar row naming thousands of milestones) are not
    // carried as objects through every later job of the cycle.
    if (this.loose.size > 0) this.fold();
    for (let index = 0; index < this.chunks.length; index += 1) {
      for (const row of this.chunk(index)) {
        const loose = this.loose.get(row.id);
        if (loose === undefined) onRow(row, index);
        else if (loose !== null) onRow(loose, index);
      }
    }
    for (const [id, row] of this.loose) {
      if (row !== null && !this.position.has(id)) onRow(row, this.chunks.length);
    }
    // The last chunk parsed is not kept for a whole cycle.
    this.decoded = undefined;
  }

  private chunk(index: number): AirtableRecord[] {
    if (this.decoded?.index === index) return this.decoded.rows;
    const buffer = this.chunks[index];
    const rows = buffer ? unpackJson<AirtableRecord[]>(buffer) : [];
    this.decoded = { index, rows };
    return rows;
  }

  private appendChunk(rows: readonly AirtableRecord[]): void {
    const index = this.chunks.length;
    this.chunks.push(encode(rows));
    rows.forEach((row, i) => this.position.set(row.id, index * CHUNK_ROWS + i));
  }

  /** Writes the loose rows into their chunks (re-encoding only the chunks they touch) and new rows into new chunks. */
  private fold(): void {
    const touched = new Map<number, Map<string, AirtableRecord | null>>();
    const added: AirtableRecord[] = [];
    for (const [id, row] of this.loose) {
      const at = this.position.get(id);
      if (at === undefined) {
        if (row) added.push(row);
        continue;
      }
      const index = Math.floor(at / CHUNK_ROWS);
      touched.set(index, (touched.get(index) ?? new Map<string, AirtableRecord | null>()).set(id, row));
    }
    for (const [index, changes] of touched) {
      const rows: AirtableRecord[] = [];
      for (const row of this.chunk(index)) {
        const change = changes.get(row.id);
        if (change === null) this.position.delete(row.id);
        else rows.push(change ?? row);
      }
      this.chunks[index] = encode(rows);
      rows.forEach((row, i) => this.position.set(row.id, index * CHUNK_ROWS + i));
    }
    this.decoded = undefined;
    this.loose = new Map();
    for (let i = 0; i < added.length; i += CHUNK_ROWS) this.appendChunk(added.slice(i, i + CHUNK_ROWS));
  }
}

function encode(rows: readonly AirtableRecord[]): Buffer {
  return packJson(JSON.stringify(rows));
}

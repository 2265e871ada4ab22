/**
 * SQLite storage of records and list-records iterators. Cells are one JSON object per record, keyed by field ID,
 * holding the stored form of each value (select choices by choice ID, links as record IDs); empty values are never
 * stored. `seq` keeps creation order, which is the order of the table's only view.
 */
import type Database from 'better-sqlite3';
import { stmt } from './store.ts';

export type Cells = Record<string, unknown>;

export interface RecordRow {
  id: string;
  tableId: string;
  createdTime: string;
  modifiedTime: string;
  autoNumber: number;
  cells: Cells;
}

interface RecordRowRaw {
  id: string;
  table_id: string;
  created_time: string;
  modified_time: string;
  auto_number: number;
  cells: string;
}

function toRecord(row: RecordRowRaw): RecordRow {
  return {
    id: row.id,
    tableId: row.table_id,
    createdTime: row.created_time,
    modifiedTime: row.modified_time,
    autoNumber: row.auto_number,
    cells: JSON.parse(row.cells) as Cells,
  };
}

/** Every record of a table in creation order. */
export function allRecords(db: Database.Database, tableId: string): RecordRow[] {
  return (stmt(db, 'SELECT * FROM airtable_records WHERE table_id = ? ORDER BY seq').all(tableId) as RecordRowRaw[]).map(toRecord);
}

export function getRecord(db: Database.Database, tableId: string, id: string): RecordRow | undefined {
  const row = stmt(db, 'SELECT * FROM airtable_records WHERE id = ? AND table_id = ?').get(id, tableId) as RecordRowRaw | undefined;
  return row ? toRecord(row) : undefined;
}

export function insertRecord(db: Database.Database, record: Omit<RecordRow, 'autoNumber'>): RecordRow {
  const last = stmt(db, 'SELECT MAX(auto_number) AS n FROM airtable_records WHERE table_id = ?').get(record.tableId) as { n: number | null };
  const autoNumber = (last.n ?? 0) + 1;
  stmt(db, 'INSERT INTO airtable_records (id, table_id, created_time, modified_time, auto_number, cells) VALUES (?, ?, ?, ?, ?, ?)').run(
    record.id,
    record.tableId,
    record.createdTime,
    record.modifiedTime,
    autoNumber,
    JSON.stringify(record.cells),
  );
  return { ...record, autoNumber };
}

export function saveCells(db: Database.Database, id: string, cells: Cells, modifiedTime: string): void {
  stmt(db, 'UPDATE airtable_records SET cells = ?, modified_time = ? WHERE id = ?').run(JSON.stringify(cells), modifiedTime, id);
}

export function deleteRecordRow(db: Database.Database, id: string): void {
  stmt(db, 'DELETE FROM airtable_records WHERE id = ?').run(id);
}

// ---- iterators ---------------------------------------------------------------------------------------------------

/**
 * How long an offset stays valid after its last page read. Airtable documents no figure, only that a stale offset
 * answers LIST_RECORDS_ITERATOR_NOT_AVAILABLE; ten minutes leaves room for slow consumers without keeping
 * snapshots forever.
 */
export const ITERATOR_TTL_MS = 10 * 60 * 1000;

export function saveIterator(db: Database.Database, id: string, tableId: string, recordIds: string[], now: number): void {
  stmt(db, 'DELETE FROM airtable_iterators WHERE created_at < ?').run(now - ITERATOR_TTL_MS);
  stmt(db, 'INSERT INTO airtable_iterators (id, table_id, record_ids, created_at) VALUES (?, ?, ?, ?)').run(
    id,
    tableId,
    JSON.stringify(recordIds),
    now,
  );
}

/** The record IDs an iterator walks through, or undefined when it is unknown, expired or of another table. */
export function loadIterator(db: Database.Database, id: string, tableId: string, now: number): string[] | undefined {
  const row = stmt(db, 'SELECT table_id, record_ids, created_at FROM airtable_iterators WHERE id = ?').get(id) as
    | { table_id: string; record_ids: string; created_at: number }
    | undefined;
  if (!row || row.table_id !== tableId || row.created_at < now - ITERATOR_TTL_MS) return undefined;
  return JSON.parse(row.record_ids) as string[];
}

/** Refreshes an iterator's clock, since each page read keeps it alive. */
export function touchIterator(db: Database.Database, id: string, now: number): void {
  stmt(db, 'UPDATE airtable_iterators SET created_at = ? WHERE id = ?').run(now, id);
}

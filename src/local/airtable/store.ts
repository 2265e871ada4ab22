/**
 * SQLite storage of the Airtable emulator: bases, tables, fields, views (the schema) and their row types.
 * Records and list iterators live in record-store.ts. Every table is prefixed `airtable_` so the other emulators
 * can share the workspace file. Field options are stored in Airtable's *read* format (choices with ids, link
 * options with `inverseLinkFieldId`), so the meta API can return them as they are.
 */
import type Database from 'better-sqlite3';

export interface BaseRow {
  id: string;
  name: string;
  workspaceId: string;
}

export interface FieldDef {
  id: string;
  tableId: string;
  name: string;
  type: string;
  options?: Record<string, unknown>;
  description?: string;
  position: number;
}

export interface ViewDef {
  id: string;
  tableId: string;
  name: string;
  type: string;
}

export interface TableDef {
  id: string;
  baseId: string;
  name: string;
  description?: string;
  primaryFieldId: string;
  fields: FieldDef[];
  views: ViewDef[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS airtable_bases (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  workspace_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS airtable_tables (
  id TEXT PRIMARY KEY,
  base_id TEXT NOT NULL REFERENCES airtable_bases(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  primary_field_id TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS airtable_fields (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES airtable_tables(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  options TEXT,
  description TEXT,
  position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS airtable_views (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES airtable_tables(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS airtable_records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  table_id TEXT NOT NULL REFERENCES airtable_tables(id) ON DELETE CASCADE,
  created_time TEXT NOT NULL,
  modified_time TEXT NOT NULL,
  auto_number INTEGER NOT NULL,
  cells TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS airtable_records_by_table ON airtable_records(table_id, seq);
-- The next autoNumber is MAX(auto_number) per table: without this index every insert scans the table.
CREATE INDEX IF NOT EXISTS airtable_records_by_autonumber ON airtable_records(table_id, auto_number);
CREATE TABLE IF NOT EXISTS airtable_iterators (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL,
  record_ids TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;

export function migrateAirtable(db: Database.Database): void {
  db.exec(SCHEMA);
}

export function resetAirtable(db: Database.Database): void {
  db.exec(`
    DELETE FROM airtable_iterators;
    DELETE FROM airtable_records;
    DELETE FROM airtable_views;
    DELETE FROM airtable_fields;
    DELETE FROM airtable_tables;
    DELETE FROM airtable_bases;
  `);
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, cached per connection (the SQL text is the key). */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

// ---- bases -------------------------------------------------------------------------------------------------------

export function getBase(db: Database.Database, id: string): BaseRow | undefined {
  const row = stmt(db, 'SELECT id, name, workspace_id AS workspaceId FROM airtable_bases WHERE id = ?').get(id);
  return row as BaseRow | undefined;
}

/** Bases in creation order, starting after the base `afterId` (the list-bases offset). */
export function listBases(db: Database.Database, afterId: string | undefined, limit: number): BaseRow[] {
  const after = afterId === undefined ? 0 : ((stmt(db, 'SELECT seq FROM airtable_bases WHERE id = ?').get(afterId) as { seq: number } | undefined)?.seq ?? -1);
  return stmt(db, 'SELECT id, name, workspace_id AS workspaceId FROM airtable_bases WHERE seq > ? ORDER BY seq LIMIT ?').all(
    after,
    limit,
  ) as BaseRow[];
}

export function baseExists(db: Database.Database, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM airtable_bases WHERE id = ?').get(id) !== undefined;
}

export function insertBase(db: Database.Database, base: BaseRow): void {
  stmt(db, 'INSERT INTO airtable_bases (id, name, workspace_id) VALUES (?, ?, ?)').run(base.id, base.name, base.workspaceId);
}

// ---- tables, fields, views ---------------------------------------------------------------------------------------

interface FieldRowRaw {
  id: string;
  table_id: string;
  name: string;
  type: string;
  options: string | null;
  description: string | null;
  position: number;
}

function toFieldDef(row: FieldRowRaw): FieldDef {
  const field: FieldDef = { id: row.id, tableId: row.table_id, name: row.name, type: row.type, position: row.position };
  if (row.options !== null) field.options = JSON.parse(row.options) as Record<string, unknown>;
  if (row.description !== null) field.description = row.description;
  return field;
}

/** Every table of a base with its fields and views, in creation order. */
export function loadTables(db: Database.Database, baseId: string): TableDef[] {
  const tables = stmt(db, 'SELECT * FROM airtable_tables WHERE base_id = ? ORDER BY position').all(baseId) as {
    id: string;
    base_id: string;
    name: string;
    description: string | null;
    primary_field_id: string;
  }[];
  return tables.map((t) => {
    const table: TableDef = {
      id: t.id,
      baseId: t.base_id,
      name: t.name,
      primaryFieldId: t.primary_field_id,
      fields: (stmt(db, 'SELECT * FROM airtable_fields WHERE table_id = ? ORDER BY position').all(t.id) as FieldRowRaw[]).map(toFieldDef),
      views: stmt(db, 'SELECT id, table_id AS tableId, name, type FROM airtable_views WHERE table_id = ? ORDER BY position').all(t.id) as ViewDef[],
    };
    if (t.description !== null) table.description = t.description;
    return table;
  });
}

export function tableById(db: Database.Database, tableId: string): TableDef | undefined {
  const row = stmt(db, 'SELECT base_id FROM airtable_tables WHERE id = ?').get(tableId) as { base_id: string } | undefined;
  return row ? loadTables(db, row.base_id).find((t) => t.id === tableId) : undefined;
}

export function insertTable(
  db: Database.Database,
  table: { id: string; baseId: string; name: string; description?: string; primaryFieldId: string },
): void {
  const position = (stmt(db, 'SELECT COUNT(*) AS n FROM airtable_tables WHERE base_id = ?').get(table.baseId) as { n: number }).n;
  stmt(db, 'INSERT INTO airtable_tables (id, base_id, name, description, primary_field_id, position) VALUES (?, ?, ?, ?, ?, ?)').run(
    table.id,
    table.baseId,
    table.name,
    table.description ?? null,
    table.primaryFieldId,
    position,
  );
}

export function updateTableMeta(db: Database.Database, tableId: string, patch: { name?: string; description?: string }): void {
  if (patch.name !== undefined) stmt(db, 'UPDATE airtable_tables SET name = ? WHERE id = ?').run(patch.name, tableId);
  if (patch.description !== undefined) {
    stmt(db, 'UPDATE airtable_tables SET description = ? WHERE id = ?').run(patch.description || null, tableId);
  }
}

export function insertField(db: Database.Database, field: Omit<FieldDef, 'position'>): FieldDef {
  const position = (stmt(db, 'SELECT COUNT(*) AS n FROM airtable_fields WHERE table_id = ?').get(field.tableId) as { n: number }).n;
  stmt(db, 'INSERT INTO airtable_fields (id, table_id, name, type, options, description, position) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    field.id,
    field.tableId,
    field.name,
    field.type,
    field.options === undefined ? null : JSON.stringify(field.options),
    field.description ?? null,
    position,
  );
  return { ...field, position };
}

export function updateFieldMeta(db: Database.Database, fieldId: string, patch: { name?: string; description?: string }): void {
  if (patch.name !== undefined) stmt(db, 'UPDATE airtable_fields SET name = ? WHERE id = ?').run(patch.name, fieldId);
  if (patch.description !== undefined) {
    stmt(db, 'UPDATE airtable_fields SET description = ? WHERE id = ?').run(patch.description || null, fieldId);
  }
}

export function updateFieldOptions(db: Database.Database, fieldId: string, options: Record<string, unknown>): void {
  stmt(db, 'UPDATE airtable_fields SET options = ? WHERE id = ?').run(JSON.stringify(options), fieldId);
}

export function insertView(db: Database.Database, view: ViewDef): void {
  const position = (stmt(db, 'SELECT COUNT(*) AS n FROM airtable_views WHERE table_id = ?').get(view.tableId) as { n: number }).n;
  stmt(db, 'INSERT INTO airtable_views (id, table_id, name, type, position) VALUES (?, ?, ?, ?, ?)').run(
    view.id,
    view.tableId,
    view.name,
    view.type,
    position,
  );
}

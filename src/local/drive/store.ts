/**
 * Drive metadata in SQLite: one row per file or folder (with a single parent, as My Drive has allowed since 2020),
 * properties and appProperties in their own indexed table so `appProperties has {…}` is a lookup, and permissions.
 * Bytes are not stored here: they live as real files under `<dir>/drive/` (see disk.ts).
 */
import type Database from 'better-sqlite3';
import { driveId } from '../ids.ts';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';

export interface FileRow {
  id: string;
  name: string;
  mime_type: string;
  /** NULL only for the My Drive root. */
  parent_id: string | null;
  description: string | null;
  starred: number;
  trashed: number;
  explicitly_trashed: number;
  created_ms: number;
  modified_ms: number;
  version: number;
  /** Bytes of content; NULL for folders and Google Docs types. */
  size: number | null;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  original_filename: string | null;
  /** Path under `<dir>/drive/`, posix separators; '' for the root, NULL for items without bytes on disk. */
  disk_path: string | null;
  is_root: number;
}

export interface PermissionRow {
  file_id: string;
  id: string;
  type: string;
  role: string;
  email_address: string | null;
  domain: string | null;
  allow_file_discovery: number | null;
  created_ms: number;
  /** When Drive would have emailed the grantee (sendNotificationEmail), for the viewer. */
  notified_ms: number | null;
  email_message: string | null;
}

export type PropertyVisibility = 'app' | 'public';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS drive_files (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  parent_id TEXT REFERENCES drive_files(id) ON DELETE CASCADE,
  description TEXT,
  starred INTEGER NOT NULL DEFAULT 0,
  trashed INTEGER NOT NULL DEFAULT 0,
  explicitly_trashed INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL,
  modified_ms INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  size INTEGER,
  md5 TEXT,
  sha1 TEXT,
  sha256 TEXT,
  original_filename TEXT,
  disk_path TEXT,
  is_root INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS drive_files_parent ON drive_files(parent_id);
CREATE INDEX IF NOT EXISTS drive_files_name ON drive_files(name);
CREATE INDEX IF NOT EXISTS drive_files_disk_path ON drive_files(disk_path COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS drive_properties (
  file_id TEXT NOT NULL REFERENCES drive_files(id) ON DELETE CASCADE,
  visibility TEXT NOT NULL CHECK (visibility IN ('app', 'public')),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (file_id, visibility, key)
);
CREATE INDEX IF NOT EXISTS drive_properties_lookup ON drive_properties(visibility, key, value);
CREATE TABLE IF NOT EXISTS drive_permissions (
  file_id TEXT NOT NULL REFERENCES drive_files(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  role TEXT NOT NULL,
  email_address TEXT,
  domain TEXT,
  allow_file_discovery INTEGER,
  created_ms INTEGER NOT NULL,
  notified_ms INTEGER,
  email_message TEXT,
  PRIMARY KEY (file_id, id)
);
`;

export function migrateDrive(db: Database.Database, now: number): void {
  db.exec(SCHEMA);
  ensureRoot(db, now);
}

/** Empties My Drive but keeps the root folder's ID, which never changes on the real service either. */
export function resetDrive(db: Database.Database, now: number): void {
  db.exec('DELETE FROM drive_permissions; DELETE FROM drive_properties; DELETE FROM drive_files WHERE is_root = 0;');
  ensureRoot(db, now);
}

function ensureRoot(db: Database.Database, now: number): void {
  if (db.prepare('SELECT 1 FROM drive_files WHERE is_root = 1').get()) return;
  db.prepare(
    `INSERT INTO drive_files (id, name, mime_type, parent_id, created_ms, modified_ms, disk_path, is_root)
     VALUES (?, 'My Drive', ?, NULL, ?, ?, '', 1)`,
  ).run(driveId(), FOLDER_MIME, now, now);
}

export function rootRow(db: Database.Database): FileRow {
  return db.prepare('SELECT * FROM drive_files WHERE is_root = 1').get() as FileRow;
}

/** Looks a file up by ID, accepting the `root` alias as Drive does. */
export function findFile(db: Database.Database, id: string): FileRow | undefined {
  if (id === 'root') return rootRow(db);
  return db.prepare('SELECT * FROM drive_files WHERE id = ?').get(id) as FileRow | undefined;
}

export function insertFile(db: Database.Database, row: FileRow): void {
  db.prepare(
    `INSERT INTO drive_files (id, name, mime_type, parent_id, description, starred, trashed, explicitly_trashed,
       created_ms, modified_ms, version, size, md5, sha1, sha256, original_filename, disk_path, is_root)
     VALUES (@id, @name, @mime_type, @parent_id, @description, @starred, @trashed, @explicitly_trashed,
       @created_ms, @modified_ms, @version, @size, @md5, @sha1, @sha256, @original_filename, @disk_path, @is_root)`,
  ).run(row);
}

export function updateFile(db: Database.Database, row: FileRow): void {
  db.prepare(
    `UPDATE drive_files SET name = @name, mime_type = @mime_type, parent_id = @parent_id, description = @description,
       starred = @starred, trashed = @trashed, explicitly_trashed = @explicitly_trashed, modified_ms = @modified_ms,
       version = @version, size = @size, md5 = @md5, sha1 = @sha1, sha256 = @sha256,
       original_filename = @original_filename, disk_path = @disk_path
     WHERE id = @id`,
  ).run(row);
}

/** Every descendant of a folder (not the folder itself), nearest first. */
export function descendantIds(db: Database.Database, folderId: string): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE tree(id, depth) AS (
         SELECT id, 1 FROM drive_files WHERE parent_id = ?
         UNION ALL SELECT f.id, t.depth + 1 FROM drive_files f JOIN tree t ON f.parent_id = t.id
       ) SELECT id FROM tree ORDER BY depth`,
    )
    .all(folderId) as { id: string }[];
  return rows.map((r) => r.id);
}

/** The chain of ancestors of a file, its parent first, up to and including the root. */
export function ancestorIds(db: Database.Database, fileId: string): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM drive_files WHERE id = ?
         UNION ALL SELECT f.id, f.parent_id, u.depth + 1 FROM drive_files f JOIN up u ON f.id = u.parent_id
       ) SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
    )
    .all(fileId) as { id: string }[];
  return rows.map((r) => r.id);
}

export function loadProperties(
  db: Database.Database,
  fileIds: string[],
  visibility: PropertyVisibility,
): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (fileIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT file_id, key, value FROM drive_properties
       WHERE visibility = ? AND file_id IN (SELECT value FROM json_each(?)) ORDER BY key`,
    )
    .all(visibility, JSON.stringify(fileIds)) as { file_id: string; key: string; value: string }[];
  for (const row of rows) {
    const bag = out.get(row.file_id) ?? {};
    bag[row.key] = row.value;
    out.set(row.file_id, bag);
  }
  return out;
}

/** Applies a properties patch as Drive does: a key set to null is removed, others are upserted. */
export function patchProperties(
  db: Database.Database,
  fileId: string,
  visibility: PropertyVisibility,
  patch: Record<string, string | null>,
): void {
  const remove = db.prepare('DELETE FROM drive_properties WHERE file_id = ? AND visibility = ? AND key = ?');
  const upsert = db.prepare(
    `INSERT INTO drive_properties (file_id, visibility, key, value) VALUES (?, ?, ?, ?)
     ON CONFLICT (file_id, visibility, key) DO UPDATE SET value = excluded.value`,
  );
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) remove.run(fileId, visibility, key);
    else upsert.run(fileId, visibility, key, value);
  }
}

export function loadPermissions(db: Database.Database, fileIds: string[]): Map<string, PermissionRow[]> {
  const out = new Map<string, PermissionRow[]>();
  if (fileIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT * FROM drive_permissions WHERE file_id IN (SELECT value FROM json_each(?)) ORDER BY created_ms, id`,
    )
    .all(JSON.stringify(fileIds)) as PermissionRow[];
  for (const row of rows) out.set(row.file_id, [...(out.get(row.file_id) ?? []), row]);
  return out;
}

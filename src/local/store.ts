import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens the workspace's SQLite file. WAL lets a second process (a CLI run, the viewer) read while the server writes;
 * the busy timeout makes concurrent writers wait instead of failing. Every handler runs its writes in one
 * synchronous transaction, so concurrent HTTP requests never interleave half-written state.
 */
export function openStore(dir: string): Database.Database {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'workspace.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

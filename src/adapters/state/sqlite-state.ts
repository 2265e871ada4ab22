/**
 * SyncStatePort in a SQLite file (local mode: `<workspace dir>/sync-state.db`, next to the workspace's own data).
 * One key-value table; `update` runs inside an IMMEDIATE transaction so a webhook and a run never lose each other's
 * writes, even from two processes (WAL + busy timeout).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SyncStatePort } from '../../ports/sync-state.ts';

export interface ClosableSyncState extends SyncStatePort {
  close(): void;
}

export function openSqliteState(file: string): ClosableSyncState {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL)');
  const read = db.prepare('SELECT value FROM sync_state WHERE key = ?');
  const write = db.prepare('INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
  const insert = db.prepare('INSERT OR IGNORE INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM sync_state WHERE key = ?');
  const get = <T>(key: string): T | undefined => {
    const row = read.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  };
  return {
    get: async (key) => get(key),
    async set(key, value) {
      write.run(key, JSON.stringify(value), Date.now());
    },
    async update<T>(key: string, change: (current: T | undefined) => T): Promise<T> {
      return db.transaction(() => {
        const next = change(get<T>(key));
        write.run(key, JSON.stringify(next), Date.now());
        return next;
      }).immediate();
    },
    async claim(key) {
      return insert.run(key, 'true', Date.now()).changes > 0;
    },
    async delete(key) {
      remove.run(key);
    },
    close: () => db.close(),
  };
}

/** The same port in memory: for a process that keeps no state between runs (tests, a one-off command). */
export function memoryState(): ClosableSyncState {
  const values = new Map<string, string>();
  const get = <T>(key: string): T | undefined => {
    const value = values.get(key);
    return value === undefined ? undefined : (JSON.parse(value) as T);
  };
  return {
    get: async (key) => get(key),
    async set(key, value) {
      values.set(key, JSON.stringify(value));
    },
    async update<T>(key: string, change: (current: T | undefined) => T): Promise<T> {
      const next = change(get<T>(key));
      values.set(key, JSON.stringify(next));
      return next;
    },
    async claim(key) {
      if (values.has(key)) return false;
      values.set(key, 'true');
      return true;
    },
    async delete(key) {
      values.delete(key);
    },
    close: () => values.clear(),
  };
}

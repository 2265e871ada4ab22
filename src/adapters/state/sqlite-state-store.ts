/**
 * The state store on SQLite (better-sqlite3): one file, `<WORKSPACE_DIR>/state.db` by default, that every process
 * on the machine opens (the CLI, `npm start`, tests). WAL + a busy timeout let them write one after another; each
 * conditional write is one IMMEDIATE transaction (read version, compare, write), so two processes racing for the
 * same key cannot both win. https://www.sqlite.org/lang_transaction.html
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { checkStateKey, type PutResult, type StateStore, type StoredDocument, type WriteCondition } from '../../ports/state-store.ts';

interface Row {
  key: string;
  value: string;
  version: number;
}

export function openSqliteStateStore(file: string): StateStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.exec(`CREATE TABLE IF NOT EXISTS state_documents (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    version INTEGER NOT NULL
  )`);
  const select = db.prepare<[string], Row>('SELECT key, value, version FROM state_documents WHERE key = ?');
  const insert = db.prepare<[string, string, number]>('INSERT INTO state_documents (key, value, version) VALUES (?, ?, ?)');
  const update = db.prepare<[string, number, string]>('UPDATE state_documents SET value = ?, version = ? WHERE key = ?');
  const remove = db.prepare<[string]>('DELETE FROM state_documents WHERE key = ?');
  const byPrefix = db.prepare<[string, string], Row>(
    "SELECT key, value, version FROM state_documents WHERE substr(key, 1, length(?)) = ? ORDER BY key",
  );
  // Versions only grow, also across delete and re-create: a writer holding an old version never matches again.
  db.exec('CREATE TABLE IF NOT EXISTS state_version (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL)');
  db.exec('INSERT OR IGNORE INTO state_version (id, last) VALUES (1, 0)');
  const nextVersion = db.prepare<[], { last: number }>('UPDATE state_version SET last = last + 1 WHERE id = 1 RETURNING last');

  const doc = <T>(row: Row): StoredDocument<T> => ({ key: row.key, value: JSON.parse(row.value) as T, version: String(row.version) });

  const putTx = db.transaction((key: string, json: string, condition: WriteCondition | undefined): PutResult => {
    const current = select.get(key);
    if (condition && 'mustNotExist' in condition && current) return { ok: false, reason: 'conflict' };
    if (condition && 'version' in condition && (!current || String(current.version) !== condition.version)) return { ok: false, reason: 'conflict' };
    const version = nextVersion.get()!.last;
    if (current) update.run(json, version, key);
    else insert.run(key, json, version);
    return { ok: true, version: String(version) };
  });
  const deleteTx = db.transaction((key: string, condition: { version: string } | undefined): boolean => {
    const current = select.get(key);
    if (!current || (condition && String(current.version) !== condition.version)) return false;
    remove.run(key);
    return true;
  });

  return {
    async get<T>(key: string) {
      checkStateKey(key);
      const row = select.get(key);
      return row ? doc<T>(row) : undefined;
    },
    async put<T>(key: string, value: T, condition?: WriteCondition) {
      checkStateKey(key);
      const json = JSON.stringify(value);
      if (json === undefined) throw new Error(`state "${key}": the value is not JSON`);
      return putTx.immediate(key, json, condition);
    },
    async delete(key, condition) {
      checkStateKey(key);
      return deleteTx.immediate(key, condition);
    },
    async list<T>(prefix: string) {
      return byPrefix.all(prefix, prefix).map((row) => doc<T>(row));
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/**
 * Sent mail in SQLite: one row per message with the decoded headers people look for (from, to, subject, date) and
 * the path of its `.eml` under `<dir>/outbox/`, which holds the bytes. A mailbox is the `userId` the caller used
 * (`me`, or an address when a service account sends on someone's behalf).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

export interface MessageRow {
  id: string;
  thread_id: string;
  mailbox: string;
  history_id: number;
  internal_ms: number;
  from_header: string;
  to_header: string;
  cc_header: string;
  bcc_header: string;
  /** JSON array of every recipient address (To, Cc, Bcc), lower-cased. */
  recipients: string;
  subject: string;
  date_header: string;
  message_id_header: string;
  snippet: string;
  size: number;
  /** JSON array of label IDs. */
  label_ids: string;
  /** Relative to the workspace directory, e.g. `outbox/2025-03-01T08-00-00.000Z-18f0c3a2b4d5e6f7.eml`. */
  file_path: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS gmail_messages (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL,
  mailbox TEXT NOT NULL,
  history_id INTEGER NOT NULL,
  internal_ms INTEGER NOT NULL,
  from_header TEXT NOT NULL,
  to_header TEXT NOT NULL,
  cc_header TEXT NOT NULL,
  bcc_header TEXT NOT NULL,
  recipients TEXT NOT NULL,
  subject TEXT NOT NULL,
  date_header TEXT NOT NULL,
  message_id_header TEXT NOT NULL,
  snippet TEXT NOT NULL,
  size INTEGER NOT NULL,
  label_ids TEXT NOT NULL,
  file_path TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS gmail_messages_mailbox ON gmail_messages(mailbox, internal_ms);
CREATE INDEX IF NOT EXISTS gmail_messages_thread ON gmail_messages(thread_id);
`;

export function outboxDir(dir: string): string {
  return join(dir, 'outbox');
}

export function migrateGmail(db: Database.Database): void {
  db.exec(SCHEMA);
}

export function resetGmail(db: Database.Database, dir: string): void {
  db.exec('DELETE FROM gmail_messages');
  rmSync(outboxDir(dir), { recursive: true, force: true });
  mkdirSync(outboxDir(dir), { recursive: true });
}

export function insertMessage(db: Database.Database, row: MessageRow): void {
  db.prepare(
    `INSERT INTO gmail_messages (id, thread_id, mailbox, history_id, internal_ms, from_header, to_header, cc_header,
       bcc_header, recipients, subject, date_header, message_id_header, snippet, size, label_ids, file_path)
     VALUES (@id, @thread_id, @mailbox, @history_id, @internal_ms, @from_header, @to_header, @cc_header,
       @bcc_header, @recipients, @subject, @date_header, @message_id_header, @snippet, @size, @label_ids, @file_path)`,
  ).run(row);
}

export function findMessage(db: Database.Database, mailbox: string, id: string): MessageRow | undefined {
  return db.prepare('SELECT * FROM gmail_messages WHERE mailbox = ? AND id = ?').get(mailbox, id) as MessageRow | undefined;
}

export function nextHistoryId(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(history_id) AS max FROM gmail_messages').get() as { max: number | null };
  return (row.max ?? 1000) + 1;
}

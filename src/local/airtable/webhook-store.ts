/**
 * SQLite storage of Airtable webhooks (https://airtable.com/developers/web/api/webhooks-overview): the webhooks,
 * their numbered payloads, and a change log that triggers on the record, field and table rows fill while a request's
 * transaction runs. The triggers fire only for bases that have a webhook, so bases without one pay nothing.
 */
import type Database from 'better-sqlite3';
import { stmt } from './store.ts';

export interface WebhookRow {
  id: string;
  baseId: string;
  notificationUrl: string | null;
  specification: WebhookSpecification;
  macSecretBase64: string;
  /** Epoch ms; the hook is disabled once the workspace clock passes it. */
  expiresAt: number;
  notificationsEnabled: boolean;
  lastSuccessfulNotificationAt: number | null;
  lastNotificationResult: Record<string, unknown> | null;
  createdAt: number;
}

export interface WebhookSpecification {
  options: {
    filters: {
      dataTypes: string[];
      recordChangeScope?: string;
      changeTypes?: string[];
      fromSources?: string[];
      watchDataInFieldIds?: string[];
      watchSchemasOfFieldIds?: string[];
    };
    includes?: {
      includeCellValuesInFieldIds?: string[] | 'all';
      includePreviousCellValues?: boolean;
      includePreviousFieldDefinitions?: boolean;
    };
  };
}

export interface ChangeRow {
  seq: number;
  kind: 'record-create' | 'record-update' | 'record-delete' | 'field-create' | 'field-update' | 'field-delete' | 'table-create';
  baseId: string;
  tableId: string;
  itemId: string;
  oldValue: string | null;
  newValue: string | null;
}

const HOOKED = (tableExpr: string) => `EXISTS (SELECT 1 FROM airtable_webhooks w JOIN airtable_tables t ON t.base_id = w.base_id WHERE t.id = ${tableExpr})`;
const BASE_OF = (tableExpr: string) => `(SELECT base_id FROM airtable_tables WHERE id = ${tableExpr})`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS airtable_webhooks (
  id TEXT PRIMARY KEY,
  base_id TEXT NOT NULL,
  notification_url TEXT,
  specification TEXT NOT NULL,
  mac_secret TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  notifications_enabled INTEGER NOT NULL,
  last_success_at INTEGER,
  last_result TEXT,
  created_at INTEGER NOT NULL,
  payload_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS airtable_webhook_payloads (
  webhook_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (webhook_id, number)
);
CREATE TABLE IF NOT EXISTS airtable_base_transactions (base_id TEXT PRIMARY KEY, number INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS airtable_change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  base_id TEXT NOT NULL,
  table_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE TRIGGER IF NOT EXISTS airtable_log_record_insert AFTER INSERT ON airtable_records WHEN ${HOOKED('NEW.table_id')}
BEGIN INSERT INTO airtable_change_log (kind, base_id, table_id, item_id, new_value)
  VALUES ('record-create', ${BASE_OF('NEW.table_id')}, NEW.table_id, NEW.id, NEW.cells); END;
CREATE TRIGGER IF NOT EXISTS airtable_log_record_update AFTER UPDATE OF cells ON airtable_records
  WHEN OLD.cells IS NOT NEW.cells AND ${HOOKED('NEW.table_id')}
BEGIN INSERT INTO airtable_change_log (kind, base_id, table_id, item_id, old_value, new_value)
  VALUES ('record-update', ${BASE_OF('NEW.table_id')}, NEW.table_id, NEW.id, OLD.cells, NEW.cells); END;
CREATE TRIGGER IF NOT EXISTS airtable_log_record_delete AFTER DELETE ON airtable_records WHEN ${HOOKED('OLD.table_id')}
BEGIN INSERT INTO airtable_change_log (kind, base_id, table_id, item_id, old_value)
  VALUES ('record-delete', ${BASE_OF('OLD.table_id')}, OLD.table_id, OLD.id, OLD.cells); END;
CREATE TRIGGER IF NOT EXISTS airtable_log_field_insert AFTER INSERT ON airtable_fields WHEN ${HOOKED('NEW.table_id')}
BEGIN INSERT INTO airtable_change_log (kind, base_id, table_id, item_id, new_value)
  VALUES ('field-create', ${BASE_OF('NEW.table_id')}, NEW.table_id, NEW.id, json_object('name', NEW.name, 'type', NEW.type)); END;
CREATE TRIGGER IF NOT EXISTS airtable_log_field_update AFTER UPDATE ON airtable_fields
  WHEN (OLD.name IS NOT NEW.name OR OLD.type IS NOT NEW.type OR OLD.options IS NOT NEW.options) AND ${HOOKED('NEW.table_id')}
BEGIN INSERT INTO airtable_change_log (kind, base_id, table_id, item_id, old_value, new_value)
  VALUES ('field-update', ${BASE_OF('NEW.table_id')}, NEW.table_id, NEW.id,
    json_object('name', OLD.name, 'type', OLD.type), json_object('name', NEW.name, 'type', NEW.type)); END;
CREATE TRIGGER IF NOT EXISTS airtable_log_field_delete AFTER DELETE ON airtable_fields WHEN ${HOOKED('OLD.table_id')}
BEGIN INSERT INTO airtable_change_log (kind, base_id, table_id, item_id)
  VALUES ('field-delete', ${BASE_OF('OLD.table_id')}, OLD.table_id, OLD.id); END;
CREATE TRIGGER IF NOT EXISTS airtable_log_table_insert AFTER INSERT ON airtable_tables
  WHEN EXISTS (SELECT 1 FROM airtable_webhooks WHERE base_id = NEW.base_id)
BEGIN INSERT INTO airtable_change_log (kind, base_id, table_id, item_id, new_value)
  VALUES ('table-create', NEW.base_id, NEW.id, NEW.id, json_object('name', NEW.name)); END;
`;

export function migrateWebhooks(db: Database.Database): void {
  db.exec(SCHEMA);
}

export function resetWebhooks(db: Database.Database): void {
  db.exec(`DELETE FROM airtable_webhooks; DELETE FROM airtable_webhook_payloads; DELETE FROM airtable_base_transactions; DELETE FROM airtable_change_log;`);
}

interface WebhookRaw {
  id: string;
  base_id: string;
  notification_url: string | null;
  specification: string;
  mac_secret: string;
  expires_at: number;
  notifications_enabled: number;
  last_success_at: number | null;
  last_result: string | null;
  created_at: number;
}

function toWebhook(row: WebhookRaw): WebhookRow {
  return {
    id: row.id,
    baseId: row.base_id,
    notificationUrl: row.notification_url,
    specification: JSON.parse(row.specification) as WebhookSpecification,
    macSecretBase64: row.mac_secret,
    expiresAt: row.expires_at,
    notificationsEnabled: row.notifications_enabled === 1,
    lastSuccessfulNotificationAt: row.last_success_at,
    lastNotificationResult: row.last_result === null ? null : (JSON.parse(row.last_result) as Record<string, unknown>),
    createdAt: row.created_at,
  };
}

export function insertWebhook(db: Database.Database, hook: WebhookRow): void {
  stmt(
    db,
    `INSERT INTO airtable_webhooks (id, base_id, notification_url, specification, mac_secret, expires_at, notifications_enabled, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(hook.id, hook.baseId, hook.notificationUrl, JSON.stringify(hook.specification), hook.macSecretBase64, hook.expiresAt, hook.notificationsEnabled ? 1 : 0, hook.createdAt);
}

export function webhooksOf(db: Database.Database, baseId: string): WebhookRow[] {
  return (stmt(db, 'SELECT * FROM airtable_webhooks WHERE base_id = ? ORDER BY created_at, id').all(baseId) as WebhookRaw[]).map(toWebhook);
}

export function getWebhook(db: Database.Database, baseId: string, id: string): WebhookRow | undefined {
  const row = stmt(db, 'SELECT * FROM airtable_webhooks WHERE base_id = ? AND id = ?').get(baseId, id) as WebhookRaw | undefined;
  return row ? toWebhook(row) : undefined;
}

export function deleteWebhook(db: Database.Database, id: string): void {
  stmt(db, 'DELETE FROM airtable_webhooks WHERE id = ?').run(id);
  stmt(db, 'DELETE FROM airtable_webhook_payloads WHERE webhook_id = ?').run(id);
}

export function setExpiry(db: Database.Database, id: string, expiresAt: number): void {
  stmt(db, 'UPDATE airtable_webhooks SET expires_at = ? WHERE id = ?').run(expiresAt, id);
}

export function setNotificationsEnabled(db: Database.Database, id: string, enabled: boolean): void {
  stmt(db, 'UPDATE airtable_webhooks SET notifications_enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id);
}

export function recordNotification(db: Database.Database, id: string, result: Record<string, unknown>, successAt: number | undefined): void {
  stmt(db, 'UPDATE airtable_webhooks SET last_result = ?, last_success_at = COALESCE(?, last_success_at) WHERE id = ?').run(JSON.stringify(result), successAt ?? null, id);
}

/** The change log written since the last flush, oldest first, and emptied. */
export function takeChanges(db: Database.Database): ChangeRow[] {
  const rows = stmt(db, 'SELECT seq, kind, base_id AS baseId, table_id AS tableId, item_id AS itemId, old_value AS oldValue, new_value AS newValue FROM airtable_change_log ORDER BY seq').all() as ChangeRow[];
  if (rows.length > 0) stmt(db, 'DELETE FROM airtable_change_log').run();
  return rows;
}

export function nextTransactionNumber(db: Database.Database, baseId: string): number {
  stmt(db, 'INSERT INTO airtable_base_transactions (base_id, number) VALUES (?, 1) ON CONFLICT(base_id) DO UPDATE SET number = number + 1').run(baseId);
  return (stmt(db, 'SELECT number FROM airtable_base_transactions WHERE base_id = ?').get(baseId) as { number: number }).number;
}

export function appendPayload(db: Database.Database, webhookId: string, body: unknown, now: number): number {
  // The count lives on the webhook: payloads older than a week are deleted, the numbering never resets.
  stmt(db, 'UPDATE airtable_webhooks SET payload_count = payload_count + 1 WHERE id = ?').run(webhookId);
  const number = (stmt(db, 'SELECT payload_count AS n FROM airtable_webhooks WHERE id = ?').get(webhookId) as { n: number }).n;
  stmt(db, 'INSERT INTO airtable_webhook_payloads (webhook_id, number, created_at, body) VALUES (?, ?, ?, ?)').run(webhookId, number, now, JSON.stringify(body));
  return number;
}

/** Payloads numbered `cursor` and up (at most `limit`), plus whether more follow. Payloads older than `keepAfter` are gone. */
export function payloadsFrom(db: Database.Database, webhookId: string, cursor: number, limit: number, keepAfter: number): { numbers: number[]; bodies: unknown[]; mightHaveMore: boolean; next: number } {
  stmt(db, 'DELETE FROM airtable_webhook_payloads WHERE webhook_id = ? AND created_at < ?').run(webhookId, keepAfter);
  const rows = stmt(db, 'SELECT number, body FROM airtable_webhook_payloads WHERE webhook_id = ? AND number >= ? ORDER BY number LIMIT ?').all(webhookId, cursor, limit + 1) as { number: number; body: string }[];
  const page = rows.slice(0, limit);
  return {
    numbers: page.map((r) => r.number),
    bodies: page.map((r) => JSON.parse(r.body) as unknown),
    mightHaveMore: rows.length > limit,
    next: page.length > 0 ? (page[page.length - 1]?.number ?? cursor - 1) + 1 : cursor,
  };
}

/** The number the next payload will get (the webhook's `cursorForNextPayload`). */
export function nextPayloadNumber(db: Database.Database, webhookId: string): number {
  const row = stmt(db, 'SELECT payload_count AS n FROM airtable_webhooks WHERE id = ?').get(webhookId) as { n: number } | undefined;
  return (row?.n ?? 0) + 1;
}

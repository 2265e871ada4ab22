/**
 * The Outbox protocol that makes each reminder go out exactly once per key, also across a crash:
 *   1. record the intent (Outbox row, State = Sending, with the Message-ID derived from the key),
 *   2. send the mail with that Message-ID,
 *   3. update the alerts (Notified at / Escalated), then mark the row Sent.
 * A row still Sending at the start of a run was interrupted somewhere in 2–3: the sent mailbox is asked for its
 * Message-ID; found → finish step 3; not found → Cancelled (sent again later if still due). SMTP cannot be asked,
 * so such a row becomes Unconfirmed and is not resent: a missed reminder beats a duplicate one.
 */
import { alerts as alertModel } from '../domain/models/alert.ts';
import { outbox, type OutboxEntry, type OutboxRowKind } from '../domain/models/outbox.ts';
import { parseRecords } from '../domain/models/parse-records.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import type { MailPort } from '../ports/mail.ts';

const O = outbox.fields;
const A = alertModel.fields;
const KEY_CHUNK = 40;

export interface Recovered {
  key: string;
  outcome: 'confirmed sent' | 'not sent' | 'unconfirmed';
}

/** A mail the transport accepted, waiting for step 3. */
export interface Delivered {
  rowId: string;
  kind: OutboxRowKind;
  alertIds: string[];
  providerId: string;
}

/** Rows no run has settled for good: Sending (recovered at the start of a run) and Unconfirmed (never resent). */
export async function unsettledRows(records: AirtableRecordsPort, problems: string[]): Promise<OutboxEntry[]> {
  const states = [{ field: O.state, equals: 'Sending' }, { field: O.state, equals: 'Unconfirmed' }];
  const parsed = parseRecords(outbox, await records.list(outbox.table, { matchAny: states }));
  problems.push(...parsed.problems.map(String));
  return parsed.records;
}

/**
 * Alerts of critical mails that may have gone out although their "Notified at" was never written (Unconfirmed,
 * also just now in recovery): the critical-mail key covers a set of alerts, so without this such an alert would
 * go out again as soon as the set or the day changes.
 */
export function unconfirmedCriticalAlerts(rows: readonly OutboxEntry[], recovered: readonly Recovered[]): Set<string> {
  const nowUnconfirmed = new Set(recovered.filter((r) => r.outcome === 'unconfirmed').map((r) => r.key));
  const unconfirmed = rows.filter((r) => r.kind === 'Critical' && (r.state === 'Unconfirmed' || nowUnconfirmed.has(r.key)));
  return new Set(unconfirmed.flatMap((r) => r.alerts));
}

/** Outbox rows of these keys (read in chunks so the formula stays short). */
export async function rowsForKeys(records: AirtableRecordsPort, keys: readonly string[], problems: string[]): Promise<Map<string, OutboxEntry>> {
  const out = new Map<string, OutboxEntry>();
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    const chunk = keys.slice(i, i + KEY_CHUNK).map((key) => ({ field: O.key, equals: key }));
    const parsed = parseRecords(outbox, await records.list(outbox.table, { matchAny: chunk }));
    problems.push(...parsed.problems.map(String));
    for (const row of parsed.records) if (!out.has(row.key) || row.state !== 'Cancelled') out.set(row.key, row);
  }
  return out;
}

/** Step 0 of every run: settle the rows an earlier run left in Sending. */
export async function recoverSending(records: AirtableRecordsPort, mail: MailPort, rows: OutboxEntry[], now: Date, problems: string[]): Promise<Recovered[]> {
  const recovered: Recovered[] = [];
  const delivered: Delivered[] = [];
  const settled: { id: string; fields: Fields }[] = [];
  for (const row of rows) {
    if (!mail.canSearchSent) {
      settled.push({ id: row.id, fields: { [O.state]: 'Unconfirmed', [O.lastError]: `Interrupted while sending; ${mail.transport} cannot look into the sent mail, so it is not resent` } });
      problems.push(`Outbox ${row.id} (${row.key}): interrupted while sending; check the sent folder, it is not resent`);
      recovered.push({ key: row.key, outcome: 'unconfirmed' });
      continue;
    }
    const found = row.messageId ? await mail.findSentByMessageId(row.messageId) : undefined;
    if (found) {
      delivered.push({ rowId: row.id, kind: row.kind ?? 'Digest', alertIds: row.alerts, providerId: found.providerId });
      recovered.push({ key: row.key, outcome: 'confirmed sent' });
    } else {
      settled.push({ id: row.id, fields: { [O.state]: 'Cancelled', [O.lastError]: 'Not found in the sent mail after an interruption; sent again if still due' } });
      recovered.push({ key: row.key, outcome: 'not sent' });
    }
  }
  if (settled.length > 0) await records.update(outbox.table, settled);
  await finishDelivered(records, delivered, now, problems);
  return recovered;
}

export interface Intent {
  key: string;
  kind: OutboxRowKind;
  to: string;
  subject: string;
  messageId: string;
  alertIds: string[];
}

/** Step 1: one Outbox row per intent in state Sending (a Cancelled row of the same key is reused). */
export async function recordIntents(records: AirtableRecordsPort, intents: Intent[], existing: Map<string, OutboxEntry>, now: Date): Promise<Map<string, string>> {
  const fieldsOf = (i: Intent): Fields => ({
    [O.key]: i.key,
    [O.kind]: i.kind,
    [O.state]: 'Sending',
    [O.to]: i.to,
    [O.subject]: i.subject,
    [O.messageId]: i.messageId,
    [O.alerts]: i.alertIds,
    [O.createdAt]: now.toISOString(),
    [O.lastError]: '',
  });
  const rowIds = new Map<string, string>();
  const reuse = intents.filter((i) => existing.get(i.key)?.state === 'Cancelled');
  const fresh = intents.filter((i) => !existing.has(i.key));
  if (reuse.length > 0) {
    await records.update(outbox.table, reuse.map((i) => ({ id: existing.get(i.key)!.id, fields: fieldsOf(i) })));
    for (const i of reuse) rowIds.set(i.key, existing.get(i.key)!.id);
  }
  if (fresh.length > 0) {
    const created = await records.create(outbox.table, fresh.map(fieldsOf));
    created.forEach((r, n) => rowIds.set(fresh[n]!.key, r.id));
  }
  return rowIds;
}

/** Step 3: the alerts first (Notified at / Escalated), then the rows Sent, so a Sent row implies updated alerts. */
export async function finishDelivered(records: AirtableRecordsPort, delivered: Delivered[], now: Date, problems: string[]): Promise<void> {
  if (delivered.length === 0) return;
  const alertFields = new Map<string, Fields>();
  for (const d of delivered) {
    for (const id of d.alertIds) {
      const fields = alertFields.get(id) ?? {};
      if (d.kind === 'Escalation') fields[A.escalated] = true;
      else fields[A.notifiedAt] = now.toISOString();
      alertFields.set(id, fields);
    }
  }
  await updateAlerts(records, [...alertFields].map(([id, fields]) => ({ id, fields })), problems);
  await records.update(
    outbox.table,
    delivered.map((d) => ({ id: d.rowId, fields: { [O.state]: 'Sent', [O.sentAt]: now.toISOString(), [O.providerMessageId]: d.providerId, [O.lastError]: '' } })),
  );
}

/**
 * The alerts' fields, in batches; an alert someone deleted meanwhile must not block the rest (nor every later
 * run), so on a refused batch the rows are retried one by one and deleted ones are reported and skipped.
 */
async function updateAlerts(records: AirtableRecordsPort, rows: { id: string; fields: Fields }[], problems: string[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await records.update(alertModel.table, rows);
    return;
  } catch (error) {
    if (!isMissingRecord(error)) throw error;
  }
  for (const row of rows) {
    try {
      await records.update(alertModel.table, [row]);
    } catch (error) {
      if (!isMissingRecord(error)) throw error;
      problems.push(`Alerts ${row.id}: no longer in the base; its reminder was sent, the alert not updated`);
    }
  }
}

/** Airtable answers 404 / 422 for a record ID that does not exist (https://airtable.com/developers/web/api/errors). */
function isMissingRecord(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 404 || status === 422;
}

/** A send that failed: refused → Cancelled (retried when due); unknown outcome → stays Sending for the next run. */
export async function markFailed(records: AirtableRecordsPort, failures: { rowId: string; error: string; definite: boolean }[]): Promise<void> {
  if (failures.length === 0) return;
  await records.update(
    outbox.table,
    failures.map((f) => ({ id: f.rowId, fields: { [O.lastError]: f.error, ...(f.definite ? { [O.state]: 'Cancelled' } : {}) } })),
  );
}

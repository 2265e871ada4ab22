/**
 * The Outbox: every mail the jobs send goes out exactly once per message, also across crashes, overlapping runs
 * and provider errors. One Outbox row per message (its dedupe key, kind, Message-ID and the alerts it is about).
 *
 * API (what a job that sends mail uses; reminders today, other mail kinds next):
 *   const settled = await settleInterrupted(records, mail, now, problems);   // first, every run
 *   const done = await rowsForKeys(records, keys, problems);                  // optional: skip keys already done
 *   const result = await deliverOnce(records, mail, messages, now, problems); // each OutboxMessage at most once
 * A new kind of mail adds its name to OUTBOX_KINDS (src/domain/models/outbox.ts, plus the template's "Kind"
 * options) and an entry in ON_DELIVERY below saying what a delivered message of that kind marks on its alerts.
 *
 * The protocol of one message:
 *   1. record the intent (Outbox row, State = Sending, with the Message-ID derived from the key),
 *   2. send the mail with that Message-ID,
 *   3. mark what THIS message's kind owns on its own alerts (ON_DELIVERY), then the row Sent.
 * Crash windows (SIGKILL between any two steps):
 *   - before 1: nothing recorded, nothing sent: the next run plans the message again.
 *   - between 1 and 2, or during 2: the row is Sending. The next run asks the sent mailbox for its Message-ID:
 *     not found → Cancelled, and the message is due again (same key, same row reused); found → step 3.
 *     SMTP cannot be asked: the row becomes Unconfirmed and is never resent (a missed mail beats a duplicate).
 *   - between 2 and 3, or inside 3: Sending with the mail in the sent mailbox → step 3 is finished by recovery.
 * A send the provider refused (4xx, e.g. Gmail 429) is Cancelled at once and due again on the next run. A
 * message never marks another message's alerts: a digest marks nothing, so a critical mail that failed stays due
 * until a critical mail about those alerts is delivered.
 */
import { alerts as alertModel } from '../domain/models/alert.ts';
import { outbox, type OutboxEntry, type OutboxKind } from '../domain/models/outbox.ts';
import { parseRecords } from '../domain/models/parse-records.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import { MailSendError, type MailPort, type OutgoingMail } from '../ports/mail.ts';

const O = outbox.fields;
const A = alertModel.fields;
const KEY_CHUNK = 40;

/**
 * What a delivered message of each kind marks on the alerts it is about, and nothing else: "Notified at" tells
 * the critical planner the owner has had the critical mail; "Escalated" that the manager has had the escalation.
 */
export const ON_DELIVERY: Record<OutboxKind, (now: Date) => Fields> = {
  Digest: () => ({}),
  Critical: (now) => ({ [A.notifiedAt]: now.toISOString() }),
  Escalation: () => ({ [A.escalated]: true }),
  // Chat rows are not mail (post-chat.ts settles them itself); invites and weekly updates mark no alert.
  Chat: () => ({}),
  Invite: () => ({}),
  'Weekly update': () => ({}),
  // Prompt mails to factories (supplier portal) are about POs, not alerts.
  'Supplier prompt': () => ({}),
};

/** One message to deliver exactly once: `mail.messageId` must be derived from `key` (messageIdFor). */
export interface OutboxMessage {
  key: string;
  kind: OutboxKind;
  /** Alert record IDs the message is about (stamped per ON_DELIVERY once it is delivered). */
  alertIds: string[];
  mail: OutgoingMail;
}

export interface DeliveryResult {
  sent: OutboxMessage[];
  /** Refused (Cancelled, due again next run) or of unknown outcome (left Sending, settled next run). */
  failed: { key: string; error: string }[];
  /** Messages whose key already has a row that is Sent, Sending (another run) or Unconfirmed. */
  skipped: string[];
}

export interface Recovered {
  key: string;
  outcome: 'confirmed sent' | 'not sent' | 'unconfirmed';
}

/** A mail the transport accepted, waiting for step 3. */
interface Delivered {
  rowId: string;
  kind: OutboxKind;
  alertIds: string[];
  providerId: string;
}

export interface Settled {
  recovered: Recovered[];
  /** Rows still Unconfirmed after recovery (including the ones just marked so). */
  unconfirmed: OutboxEntry[];
}

/** Step 0 of every run: settle the rows an earlier run left Sending; answers them and the Unconfirmed ones. */
export async function settleInterrupted(records: AirtableRecordsPort, mail: MailPort, now: Date, problems: string[]): Promise<Settled> {
  const states = [{ field: O.state, equals: 'Sending' }, { field: O.state, equals: 'Unconfirmed' }];
  const parsed = parseRecords(outbox, await records.list(outbox.table, { matchAny: states }));
  problems.push(...parsed.problems.map(String));
  const rows = parsed.records;
  // A chat post has no Message-ID to look for: post-chat.ts settles its own rows (Unconfirmed, never reposted).
  const recovered = await recoverSending(records, mail, rows.filter((r) => r.state === 'Sending' && r.kind !== 'Chat'), now, problems);
  const nowUnconfirmed = new Set(recovered.filter((r) => r.outcome === 'unconfirmed').map((r) => r.key));
  return { recovered, unconfirmed: rows.filter((r) => r.state === 'Unconfirmed' || nowUnconfirmed.has(r.key)) };
}

/**
 * Alerts of critical mails that may have gone out although their "Notified at" was never written (Unconfirmed):
 * the critical-mail key covers a set of alerts, so without this such an alert would go out again as soon as the
 * set or the day changes.
 */
export function unconfirmedCriticalAlerts(settled: Settled): Set<string> {
  return new Set(settled.unconfirmed.filter((r) => r.kind === 'Critical').flatMap((r) => r.alerts));
}

/** Outbox rows of these keys (read in chunks so the formula stays short); a live row wins over a Cancelled one. */
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

/** Keys with a row that is not Cancelled: sent, being sent by another run, or unconfirmed. Never sent again. */
export function doneKeys(rows: ReadonlyMap<string, OutboxEntry>): Set<string> {
  return new Set([...rows.values()].filter((r) => r.state !== 'Cancelled').map((r) => r.key));
}

/**
 * Steps 1–3 for each message whose key has no live row yet. `existing` is rowsForKeys' answer when the caller
 * already read it (it is read here otherwise).
 */
export async function deliverOnce(
  records: AirtableRecordsPort,
  mail: MailPort,
  messages: readonly OutboxMessage[],
  now: Date,
  problems: string[],
  existing?: ReadonlyMap<string, OutboxEntry>,
): Promise<DeliveryResult> {
  const unique = [...new Map(messages.map((m) => [m.key, m])).values()];
  const rows = existing ?? (await rowsForKeys(records, unique.map((m) => m.key), problems));
  const done = doneKeys(rows);
  const result: DeliveryResult = { sent: [], failed: [], skipped: unique.filter((m) => done.has(m.key)).map((m) => m.key) };
  const todo = unique.filter((m) => !done.has(m.key));
  if (todo.length === 0) return result;
  const rowIds = await recordIntents(records, todo, rows, now);

  const delivered: Delivered[] = [];
  const failures: { rowId: string; error: string; definite: boolean }[] = [];
  for (const message of todo) {
    const rowId = rowIds.get(message.key)!;
    try {
      const sent = await mail.sendMail(message.mail);
      delivered.push({ rowId, kind: message.kind, alertIds: message.alertIds, providerId: sent.providerId });
      result.sent.push(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      // Only a refusal proves nothing went out; anything else is settled against the sent mail next run.
      failures.push({ rowId, error: text, definite: error instanceof MailSendError && error.definite });
      result.failed.push({ key: message.key, error: text });
      problems.push(`Mail ${message.key} to ${message.mail.to.map((t) => t.address).join(', ')}: ${text}`);
    }
  }
  await markFailed(records, failures);
  await finishDelivered(records, delivered, now, problems);
  return result;
}

async function recoverSending(records: AirtableRecordsPort, mail: MailPort, rows: OutboxEntry[], now: Date, problems: string[]): Promise<Recovered[]> {
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

/** Step 1: one Outbox row per message in state Sending (a Cancelled row of the same key is reused). */
async function recordIntents(records: AirtableRecordsPort, messages: OutboxMessage[], existing: ReadonlyMap<string, OutboxEntry>, now: Date): Promise<Map<string, string>> {
  const fieldsOf = (m: OutboxMessage): Fields => ({
    [O.key]: m.key,
    [O.kind]: m.kind,
    [O.state]: 'Sending',
    [O.to]: m.mail.to[0]?.address ?? '',
    [O.subject]: m.mail.subject,
    [O.messageId]: m.mail.messageId,
    [O.alerts]: m.alertIds,
    [O.createdAt]: now.toISOString(),
    [O.lastError]: '',
  });
  const rowIds = new Map<string, string>();
  const reuse = messages.filter((m) => existing.get(m.key)?.state === 'Cancelled');
  const fresh = messages.filter((m) => !existing.has(m.key));
  if (reuse.length > 0) {
    await records.update(outbox.table, reuse.map((m) => ({ id: existing.get(m.key)!.id, fields: fieldsOf(m) })));
    for (const m of reuse) rowIds.set(m.key, existing.get(m.key)!.id);
  }
  if (fresh.length > 0) {
    // https://airtable.com/developers/web/api/update-multiple-records (performUpsert on Key): a lost answer is
    // retried without a twin row.
    const { records: rows } = await records.upsert(outbox.table, fresh.map(fieldsOf), [O.key]);
    for (const r of rows) {
      const key = r.fields[O.key];
      if (typeof key === 'string') rowIds.set(key, r.id);
    }
  }
  return rowIds;
}

/** Step 3: each message's own marks on its own alerts first, then the rows Sent, so a Sent row implies them. */
async function finishDelivered(records: AirtableRecordsPort, delivered: Delivered[], now: Date, problems: string[]): Promise<void> {
  if (delivered.length === 0) return;
  const alertFields = new Map<string, Fields>();
  for (const d of delivered) {
    const marks = ON_DELIVERY[d.kind](now);
    if (Object.keys(marks).length === 0) continue;
    for (const id of d.alertIds) alertFields.set(id, { ...alertFields.get(id), ...marks });
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

/** A send that failed: refused → Cancelled (due again next run); unknown outcome → stays Sending for the next run. */
async function markFailed(records: AirtableRecordsPort, failures: { rowId: string; error: string; definite: boolean }[]): Promise<void> {
  if (failures.length === 0) return;
  await records.update(
    outbox.table,
    failures.map((f) => ({ id: f.rowId, fields: { [O.lastError]: f.error, ...(f.definite ? { [O.state]: 'Cancelled' } : {}) } })),
  );
}

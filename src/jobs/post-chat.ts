/**
 * `sourcing chat`: urgent alerts to the team chats (WeCom group robots, Slack incoming webhooks) besides the mail.
 * Each Chat Channels row gets one message per run with the open critical alerts of its people that it has not had
 * yet, exactly once through the Outbox:
 *   1. an Outbox row (Kind Chat) upserted on its Key (channel + alert set), with its alerts linked, in State
 *      Cancelled ("not posted yet"): a lost answer is retried without a twin, and a run that stops here leaves
 *      a row the next run reuses and posts,
 *   2. the row Sending (an update by ID), 3. the post,
 *   4. the row Sent; a refusal (rate limit, error code) → Cancelled, so its alerts stay due for the next run.
 * Neither service can be asked whether a post arrived, so a row still Sending at the start of a run (killed between
 * 2 and 4, or a post with no answer) becomes Unconfirmed and its alerts count as posted: a missed chat line beats a
 * duplicate one, and the mail still carries every critical.
 */
import { isWithinWorkingHours } from '../domain/calendar/working-hours.ts';
import type { ChatItem } from '../domain/chat/compose-chat.ts';
import { composeChat } from '../domain/chat/compose-chat.ts';
import { planChat, type ChatIntent } from '../domain/chat/plan-chat.ts';
import { agency as agencyModel } from '../domain/models/agency.ts';
import { alerts as alertModel, type Alert } from '../domain/models/alert.ts';
import { chatChannels, type ChatChannel } from '../domain/models/chat-channel.ts';
import { outbox, type OutboxEntry } from '../domain/models/outbox.ts';
import { parseRecords } from '../domain/models/parse-records.ts';
import { people } from '../domain/models/person.ts';
import { projects } from '../domain/models/project.ts';
import { purchaseOrders } from '../domain/models/purchase-order.ts';
import { suppliers } from '../domain/models/supplier.ts';
import { recipientOf } from '../domain/reminders/recipients.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import { ChatPostError, type ChatPort } from '../ports/chat.ts';
import { startReport, type JobReport } from './report.ts';

const O = outbox.fields;

export interface ChatDeps {
  records: AirtableRecordsPort;
  chat: ChatPort;
  counter: RequestCounter;
  now(): Date;
}

export interface ChatInput {
  /** The webhook URL behind a channel's "Webhook secret", or undefined when none is configured. */
  webhookUrl(channel: ChatChannel): string | undefined;
  /** Links to records in the Airtable UI (one schema read), loaded only when something is posted. */
  recordLinks?: () => Promise<((table: string, recordId: string) => string | undefined) | undefined>;
}

export interface ChatDetails {
  posted: { channel: string; alerts: number }[];
  /** Posts refused by the service (retried on a later run) or with no answer (not retried). */
  failed: { channel: string; error: string }[];
  unconfirmed: string[];
  /** Channels with new criticals, held until one of their people is at work. */
  waiting: string[];
}

export async function postChatAlerts(deps: ChatDeps, input: ChatInput): Promise<JobReport<ChatDetails>> {
  const { started, finish } = startReport('chat', deps);
  const problems: string[] = [];
  const details: ChatDetails = { posted: [], failed: [], unconfirmed: [], waiting: [] };

  const rows = parseRecords(outbox, await deps.records.list(outbox.table, { matchAny: [{ field: O.kind, equals: 'Chat' }] }));
  problems.push(...rows.problems.map(String));
  const interrupted = rows.records.filter((r) => r.state === 'Sending');
  if (interrupted.length > 0) {
    await deps.records.update(
      outbox.table,
      interrupted.map((r) => ({ id: r.id, fields: { [O.state]: 'Unconfirmed', [O.lastError]: 'Interrupted while posting; chat cannot be asked whether it arrived, so it is not posted again' } })),
    );
    details.unconfirmed.push(...interrupted.map((r) => r.channel ?? r.key));
  }

  const channels = parseRecords(chatChannels, await deps.records.list(chatChannels.table));
  problems.push(...channels.problems.map(String));
  if (!channels.records.some((c) => c.enabled)) return finish(problems, details);
  const open = parseRecords(alertModel, await deps.records.list(alertModel.table, { matchAny: [{ field: alertModel.fields.status, equals: 'Open' }] }));
  problems.push(...open.problems.map(String));
  const criticals = open.records.filter((a) => a.severity === 'Critical');
  if (criticals.length === 0) return finish(problems, details);

  const names = await recordNames(deps.records, criticals);
  const subjectOf = (a: Alert) => (a.po && names.get(a.po)) || (a.supplier && names.get(a.supplier)) || (a.project && names.get(a.project)) || a.rule;
  const atWork = await workingHoursCheck(deps.records, channels.records, started);
  const plan = planChat({ channels: channels.records, alerts: criticals, alreadyPosted: postedByChannel(rows.records), subjectOf, atWork });
  details.waiting = plan.waiting;
  const intents = plan.due;
  if (intents.length === 0) return finish(problems, details);

  const recordUrl = await input.recordLinks?.();
  const agencyName = await agencyNameOf(deps.records);
  for (const intent of intents) {
    const url = input.webhookUrl(intent.channel);
    if (!url) {
      problems.push(`Chat Channels "${intent.channel.name}": no webhook URL named "${intent.channel.webhookSecret}" in CHAT_WEBHOOKS; nothing posted there`);
      continue;
    }
    const items: ChatItem[] = intent.alerts.map((a) => {
      const link = a.po ? recordUrl?.('Purchase Orders', a.po) : recordUrl?.('Alerts', a.id);
      return { subject: subjectOf(a), rule: a.rule, message: a.message ?? a.rule, ...(link ? { url: link } : {}) };
    });
    const payload = composeChat(intent.channel.service === 'WeCom robot' ? 'wecom' : 'slack', intent.channel.language === '中文 + English', agencyName, items);
    const rowId = await recordIntent(deps.records, intent, started);
    try {
      await deps.chat.post(url, payload);
      await deps.records.update(outbox.table, [{ id: rowId, fields: { [O.state]: 'Sent', [O.sentAt]: deps.now().toISOString(), [O.lastError]: '' } }]);
      details.posted.push({ channel: intent.channel.name, alerts: intent.alerts.length });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const definite = error instanceof ChatPostError && error.definite;
      // A refusal proves nothing was posted: Cancelled, due again next run. No answer: left Sending, settled next run.
      await deps.records.update(outbox.table, [{ id: rowId, fields: { [O.lastError]: message, ...(definite ? { [O.state]: 'Cancelled' } : {}) } }]);
      details.failed.push({ channel: intent.channel.name, error: message });
      problems.push(`Chat Channels "${intent.channel.name}": ${message}${definite ? ' (posted again on the next run)' : ''}`);
    }
  }
  return finish(problems, details);
}

/**
 * Whether one of a channel's people is inside their working hours now. People without a usable profile (no time
 * zone) do not hold a message back: a channel none of whose people can be placed posts at once.
 */
async function workingHoursCheck(records: AirtableRecordsPort, channels: readonly ChatChannel[], now: Date): Promise<(channel: ChatChannel) => boolean> {
  if (!channels.some((c) => c.enabled && c.people.length > 0)) return () => true;
  const persons = parseRecords(people, await records.list(people.table));
  const profiles = new Map(persons.records.flatMap((p) => {
    const r = recipientOf(p);
    return r.ok ? [[p.id, r.recipient.profile] as const] : [];
  }));
  return (channel) => {
    const placed = channel.people.map((id) => profiles.get(id)).filter((p) => p !== undefined);
    return placed.length === 0 || placed.some((profile) => isWithinWorkingHours(now, profile));
  };
}

/** Alert IDs per channel ID that went, or may have gone, to the channel (key "chat:<channel>:<digest>"). */
function postedByChannel(rows: readonly OutboxEntry[]): Map<string, Set<string>> {
  const posted = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.state === 'Cancelled') continue;
    const channelId = row.key.split(':')[1];
    if (!channelId) continue;
    const set = posted.get(channelId) ?? new Set<string>();
    for (const id of row.alerts) set.add(id);
    posted.set(channelId, set);
  }
  return posted;
}

/**
 * Steps 1 and 2: the row, findable by its key before the post (a Cancelled row of the same key is reused), then
 * Sending. Only the second write says a post may have happened: a row that never got there is posted next run.
 */
async function recordIntent(records: AirtableRecordsPort, intent: ChatIntent, now: Date): Promise<string> {
  const fields: Fields = {
    [O.key]: intent.key,
    [O.kind]: 'Chat',
    [O.state]: 'Cancelled',
    [O.channel]: intent.channel.name,
    [O.subject]: `${intent.alerts.length} critical alert${intent.alerts.length === 1 ? '' : 's'}`,
    [O.alerts]: intent.alerts.map((a) => a.id),
    [O.createdAt]: now.toISOString(),
    [O.lastError]: 'Not posted yet',
  };
  // https://airtable.com/developers/web/api/update-multiple-records (performUpsert on Key: safe to retry)
  const { records: [row] } = await records.upsert(outbox.table, [fields], [O.key]);
  if (!row) throw new Error(`Airtable answered the Outbox upsert of "${intent.key}" without its record`);
  await records.update(outbox.table, [{ id: row.id, fields: { [O.state]: 'Sending', [O.lastError]: '' } }]);
  return row.id;
}

/** PO numbers, supplier and project names of the alerts' records, for people to read (never record IDs). */
async function recordNames(records: AirtableRecordsPort, alerts: readonly Alert[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const read = async (table: string, field: string, wanted: boolean) => {
    if (!wanted) return;
    for (const r of await records.list(table, { fields: [field] })) {
      const value = r.fields[field];
      if (typeof value === 'string' && value.trim()) names.set(r.id, value.trim());
    }
  };
  await read(purchaseOrders.table, purchaseOrders.fields.poNumber, alerts.some((a) => a.po));
  await read(suppliers.table, suppliers.fields.name, alerts.some((a) => !a.po && a.supplier));
  await read(projects.table, projects.fields.project, alerts.some((a) => !a.po && !a.supplier && a.project));
  return names;
}

async function agencyNameOf(records: AirtableRecordsPort): Promise<string> {
  const [row] = await records.list(agencyModel.table, { fields: [agencyModel.fields.name], maxRecords: 1 });
  const name = row?.fields[agencyModel.fields.name];
  return typeof name === 'string' && name.trim() ? name.trim() : 'Sourcing workspace';
}

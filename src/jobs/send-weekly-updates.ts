/**
 * `sourcing weekly`: each client with "Weekly update" ticked gets, once per week from Monday 08:00 in the client's
 * time zone, a short update mail to its Contact emails and the same text as a dated section at the top of its Notion
 * portal. Order, so a run killed at any line is finished by the next one without a twin:
 *   1. the Notion section (skipped when a heading with this week's title is already on the portal page),
 *   2. an Outbox row (Kind Weekly update, State Sending, key "weekly:<client>:<monday>", Message-ID from the key),
 *   3. the mail, then the row Sent. A row left Sending is settled from the sent mailbox, as the reminders are.
 */
import { agency as agencyModel } from '../domain/models/agency.ts';
import { clients as clientModel, type Client } from '../domain/models/client.ts';
import { milestones } from '../domain/models/milestone.ts';
import { outbox, type OutboxEntry } from '../domain/models/outbox.ts';
import { parseRecords } from '../domain/models/parse-records.ts';
import { projects } from '../domain/models/project.ts';
import { purchaseOrders } from '../domain/models/purchase-order.ts';
import { reviews } from '../domain/models/review.ts';
import { updates } from '../domain/models/update.ts';
import { pageIdFromUrl } from '../domain/portal/notion-ids.ts';
import { messageIdFor } from '../domain/reminders/dedupe-keys.ts';
import { weekOfUpdate, weeklyUpdate } from '../domain/weekly/weekly-update.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import { MailSendError, type MailAddress, type MailPort } from '../ports/mail.ts';
import type { NotionPortalPort } from '../ports/notion.ts';
import { settleInterrupted } from './outbox-recovery.ts';
import { readTables } from './read-tables.ts';
import { startReport, type JobReport } from './report.ts';

const O = outbox.fields;

export interface WeeklyDeps {
  records: AirtableRecordsPort;
  mail: MailPort;
  notion: NotionPortalPort;
  counter: RequestCounter;
  now(): Date;
}

export interface WeeklyDetails {
  sent: { client: string; weekOf: string; notion: 'added' | 'already there' | 'no portal' }[];
  failed: { client: string; error: string }[];
}

const CONTENT = { projects, pos: purchaseOrders, milestones, updates, reviews } as const;

export async function sendWeeklyUpdates(deps: WeeklyDeps, input: { from: MailAddress }): Promise<JobReport<WeeklyDetails>> {
  const { started, finish } = startReport('weekly', deps);
  const now = started;
  const problems: string[] = [];
  const details: WeeklyDetails = { sent: [], failed: [] };
  const domain = input.from.address.split('@')[1] ?? 'localhost';

  const rows = parseRecords(outbox, await deps.records.list(outbox.table, { matchAny: [{ field: O.kind, equals: 'Weekly update' }] }));
  problems.push(...rows.problems.map(String));
  const state = new Map<string, OutboxEntry>(rows.records.map((r) => [r.key, r]));
  for (const row of rows.records.filter((r) => r.state === 'Sending')) state.set(row.key, { ...row, state: await settleInterrupted(deps.records, deps.mail, row, now) });

  const clientRows = parseRecords(clientModel, await deps.records.list(clientModel.table));
  problems.push(...clientRows.problems.map(String));
  const due: { client: Client; weekOf: string; today: string; key: string }[] = [];
  for (const client of clientRows.records) {
    if (!client.weeklyUpdate) continue;
    if (!client.timeZone || client.contactEmails.length === 0) {
      problems.push(`Clients ${client.name}: a weekly update needs a Time zone and Contact emails`);
      continue;
    }
    const { weekOf, today, due: isDue } = weekOfUpdate(now, client.timeZone);
    const key = `weekly:${client.id}:${weekOf}`;
    const earlier = state.get(key);
    if (isDue && (!earlier || earlier.state === 'Cancelled')) due.push({ client, weekOf, today, key });
  }
  if (due.length === 0) return finish(problems, details);

  const content = await readTables(deps.records, CONTENT, 'model');
  problems.push(...content.problems.map(String));
  const agencyName = parseRecords(agencyModel, await deps.records.list(agencyModel.table, { maxRecords: 1 })).records[0]?.name ?? input.from.name ?? 'Your sourcing agent';

  for (const { client, weekOf, today, key } of due) {
    const update = weeklyUpdate({ client, weekOf, today, ...content.tables, agencyName });
    const portal = pageIdFromUrl(client.notionPortal);
    const notion = portal ? ((await deps.notion.prependSection(portal, { key: 'weekly', title: update.title, blocks: update.blocks })) ? 'added' : 'already there') : 'no portal';
    const messageId = messageIdFor(key, domain);
    const fields: Fields = {
      [O.key]: key, [O.kind]: 'Weekly update', [O.state]: 'Sending', [O.to]: client.contactEmails[0], [O.subject]: update.subject,
      [O.messageId]: messageId, [O.createdAt]: now.toISOString(), [O.lastError]: '',
    };
    const earlier = state.get(key);
    const rowId = earlier ? (await deps.records.update(outbox.table, [{ id: earlier.id, fields }]), earlier.id) : (await deps.records.create(outbox.table, [fields]))[0]!.id;
    try {
      const sent = await deps.mail.sendMail({
        messageId, from: input.from, to: client.contactEmails.map((address, i) => (i === 0 && client.contactName ? { name: client.contactName, address } : { address })),
        subject: update.subject, text: update.text, html: update.html, date: now, headers: { 'X-Sourcing-Weekly-Key': key },
      });
      await deps.records.update(outbox.table, [{ id: rowId, fields: { [O.state]: 'Sent', [O.sentAt]: now.toISOString(), [O.providerMessageId]: sent.providerId } }]);
      details.sent.push({ client: client.name, weekOf, notion });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const definite = error instanceof MailSendError && error.definite;
      await deps.records.update(outbox.table, [{ id: rowId, fields: { [O.lastError]: message, ...(definite ? { [O.state]: 'Cancelled' } : {}) } }]);
      details.failed.push({ client: client.name, error: message });
      problems.push(`Clients ${client.name}: weekly update not sent: ${message}`);
    }
  }
  return finish(problems, details);
}

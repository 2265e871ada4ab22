/**
 * `sourcing weekly`: each client with "Weekly update" ticked gets, once per week from Monday 08:00 in the client's
 * time zone, a short update mail to its Contact emails and the same text as a dated section at the top of its Notion
 * portal. Order, so a run killed at any line is finished by the next one without a twin:
 *   1. the Notion section (skipped when a heading with this week's title is already on the portal page),
 *   2. the mail, exactly once through the Outbox (reminder-outbox.ts; key "weekly:<client>:<monday>").
 */
import { hiddenInFreeText, withheldUpdateMessage, withheldUpdates } from '../domain/confidentiality/client-visible-updates.ts';
import { policyFromPoBase } from '../domain/confidentiality/po-base-policy.ts';
import { agency as agencyModel } from '../domain/models/agency.ts';
import { disclosures } from '../domain/models/disclosure.ts';
import { suppliers } from '../domain/models/supplier.ts';
import { clients as clientModel, type Client } from '../domain/models/client.ts';
import { milestones, type Milestone } from '../domain/models/milestone.ts';
import { parseRecords } from '../domain/models/parse-records.ts';
import { projects, type Project } from '../domain/models/project.ts';
import { purchaseOrders, type PurchaseOrder } from '../domain/models/purchase-order.ts';
import { reviews } from '../domain/models/review.ts';
import { updates } from '../domain/models/update.ts';
import { pageIdFromUrl } from '../domain/portal/notion-ids.ts';
import { messageIdFor } from '../domain/reminders/dedupe-keys.ts';
import { reportsOn, weekOfUpdate, weeklyUpdate } from '../domain/weekly/weekly-update.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecordsPort } from '../ports/airtable.ts';
import type { MailAddress, MailPort } from '../ports/mail.ts';
import type { NotionPortalPort } from '../ports/notion.ts';
import { dropKeys, NOT_HELD, readTables } from './read-tables.ts';
import { deliverOnce, doneKeys, rowsForKeys, settleInterrupted, type OutboxMessage } from './reminder-outbox.ts';
import { startReport, type JobReport } from './report.ts';


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

const CONTENT = { projects, pos: purchaseOrders, milestones, updates, reviews, suppliers, disclosures } as const;

/**
 * The tables an update is made of; of Milestones (12 rows per PO) only the rows of the open POs of the clients due
 * (every row is still validated): the whole table was 120,000 objects at 10,000 POs.
 */
async function readContent(records: AirtableRecordsPort, dueClients: ReadonlySet<string>) {
  const kept = { projects: [] as Project[], pos: [] as PurchaseOrder[], milestones: [] as Milestone[] };
  const dueProjects = new Set<string>();
  const duePos = new Set<string>();
  // CONTENT lists projects, then POs, then milestones: each sink knows what the ones before it kept.
  const read = await readTables(records, CONTENT, 'model', {
    keepRaw: 'none',
    sinks: {
      projects: (project) => {
        if (project.client !== undefined && dueClients.has(project.client)) dueProjects.add(project.id);
        kept.projects.push(dropKeys(project, NOT_HELD));
      },
      pos: (po) => {
        if (dueProjects.has(po.project) && reportsOn(po)) duePos.add(po.id);
        kept.pos.push(dropKeys(po, NOT_HELD));
      },
      milestones: (milestone) => duePos.has(milestone.po) && kept.milestones.push(dropKeys(milestone, NOT_HELD)),
    },
  });
  return { tables: { ...read.tables, ...kept }, problems: read.problems };
}

export async function sendWeeklyUpdates(deps: WeeklyDeps, input: { from: MailAddress }): Promise<JobReport<WeeklyDetails>> {
  const { started, finish } = startReport('weekly', deps);
  const now = started;
  const problems: string[] = [];
  const details: WeeklyDetails = { sent: [], failed: [] };
  const domain = input.from.address.split('@')[1] ?? 'localhost';

  await settleInterrupted(deps.records, deps.mail, now, problems);
  const clientRows = parseRecords(clientModel, await deps.records.list(clientModel.table));
  problems.push(...clientRows.problems.map(String));
  const candidates: { client: Client; weekOf: string; today: string; key: string }[] = [];
  for (const client of clientRows.records) {
    if (!client.weeklyUpdate) continue;
    if (!client.timeZone || client.contactEmails.length === 0) {
      problems.push(`Clients ${client.name}: a weekly update needs a Time zone and Contact emails`);
      continue;
    }
    const { weekOf, today, due: isDue } = weekOfUpdate(now, client.timeZone);
    if (isDue) candidates.push({ client, weekOf, today, key: `weekly:${client.id}:${weekOf}` });
  }
  const existing = await rowsForKeys(deps.records, candidates.map((c) => c.key), problems);
  const done = doneKeys(existing);
  const due = candidates.filter((c) => !done.has(c.key));
  if (due.length === 0) return finish(problems, details);

  const content = await readContent(deps.records, new Set(due.map((d) => d.client.id)));
  problems.push(...content.problems.map(String));
  const agencyName = parseRecords(agencyModel, await deps.records.list(agencyModel.table, { maxRecords: 1 })).records[0]?.name ?? input.from.name ?? 'Your sourcing agent';

  const policy = policyFromPoBase({ ...content.tables, purchaseOrders: content.tables.pos });
  const supplierOfPo = new Map(content.tables.pos.map((po) => [po.id, po.supplier]));
  const projectOfPo = new Map(content.tables.pos.map((po) => [po.id, po.project]));
  const messages: OutboxMessage[] = [];
  const notionOf = new Map<string, WeeklyDetails['sent'][number]['notion']>();
  for (const { client, weekOf, today, key } of due) {
    // Free text about a factory this client may not know of stays out of the mail and the section (said on the row).
    const clientProjects = new Set(content.tables.projects.filter((p) => p.client === client.id).map((p) => p.id));
    const ofClient = content.tables.updates.filter((u) => clientProjects.has(projectOfPo.get(u.po) ?? ''));
    const withheld = withheldUpdates(ofClient, (poId) => hiddenInFreeText(policy, client.id, supplierOfPo.get(poId)));
    for (const w of withheld) problems.push(`Updates ${w.label}: ${withheldUpdateMessage(client.name, w.leaks)}`);
    const withheldIds = new Set(withheld.map((w) => w.id));
    const update = weeklyUpdate({ client, weekOf, today, ...content.tables, updates: content.tables.updates.filter((u) => !withheldIds.has(u.id)), agencyName });
    // Step 1: the portal section, found by its dated heading before it could be added twice.
    const portal = pageIdFromUrl(client.notionPortal);
    notionOf.set(key, portal ? ((await deps.notion.prependSection(portal, { key: 'weekly', title: update.title, blocks: update.blocks })) ? 'added' : 'already there') : 'no portal');
    messages.push({
      key,
      kind: 'Weekly update',
      alertIds: [],
      mail: {
        messageId: messageIdFor(key, domain), from: input.from, date: now, headers: { 'X-Sourcing-Weekly-Key': key },
        to: client.contactEmails.map((address, i) => (i === 0 && client.contactName ? { name: client.contactName, address } : { address })),
        subject: update.subject, text: update.text, html: update.html,
      },
    });
  }
  // Steps 2–3: each mail once through the Outbox.
  const result = await deliverOnce(deps.records, deps.mail, messages, now, problems, existing);
  const clientOf = new Map(due.map((d) => [d.key, d]));
  for (const m of result.sent) details.sent.push({ client: clientOf.get(m.key)!.client.name, weekOf: clientOf.get(m.key)!.weekOf, notion: notionOf.get(m.key)! });
  for (const f of result.failed) details.failed.push({ client: clientOf.get(f.key)?.client.name ?? f.key, error: f.error });
  return finish(problems, details);
}

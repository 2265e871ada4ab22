/**
 * Prompt mails to factories (see domain/supplier-portal/plan-prompts.ts for what and when), each sent exactly once
 * per key through the reminders' Outbox protocol (reminder-outbox.ts: record the intent, send with a Message-ID
 * derived from the key, mark Sent; an interrupted send is settled by the next reminders run). `now` is a
 * dependency, so runs at any hour can be replayed.
 */
import { localDateOf } from '../../domain/calendar/working-hours.ts';
import { inspections } from '../../domain/models/inspection.ts';
import { milestones } from '../../domain/models/milestone.ts';
import { parseRecords } from '../../domain/models/parse-records.ts';
import { purchaseOrders } from '../../domain/models/purchase-order.ts';
import { messageIdFor } from '../../domain/reminders/dedupe-keys.ts';
import { factoryHours, planPrompts } from '../../domain/supplier-portal/plan-prompts.ts';
import { composePromptMail } from '../../domain/supplier-portal/prompt-mail.ts';
import { DEFAULT_PROMPT_DAYS, OPEN_PO_STATUSES, supplierPos } from '../../domain/supplier-portal/supplier-view.ts';
import type { RequestCounter } from '../../lib/request-counter.ts';
import type { AirtableRecordsPort } from '../../ports/airtable.ts';
import type { MailAddress, MailPort } from '../../ports/mail.ts';
import { deliverOnce, doneKeys, rowsForKeys, type OutboxMessage } from '../reminder-outbox.ts';
import { startReport, type JobReport } from '../report.ts';
import { readDirectory } from './portal-reader.ts';

export interface SupplierPromptDeps {
  records: AirtableRecordsPort;
  mail: MailPort;
  counter: RequestCounter;
  now(): Date;
  /** Each supplier's current portal link, by supplier record ID. */
  links(): Promise<Map<string, string>>;
}

export interface SupplierPromptDetails {
  sent: { kind: string; to: string; subject: string }[];
  skipped: string[];
  failed: string[];
}

export async function sendSupplierPrompts(deps: SupplierPromptDeps, input: { from: MailAddress }): Promise<JobReport<SupplierPromptDetails>> {
  const { started: now, finish } = startReport('supplier-prompts', deps);
  const problems: string[] = [];
  const details: SupplierPromptDetails = { sent: [], skipped: [], failed: [] };
  const dir = await readDirectory(deps.records);
  problems.push(...dir.problems);
  const P = purchaseOrders.fields;
  const po = parseRecords(purchaseOrders, await deps.records.list(purchaseOrders.table, { matchAny: OPEN_PO_STATUSES.map((s) => ({ field: P.status, equals: s })) }));
  if (po.records.length === 0) return finish(problems, details);
  const numbers = po.records.map((p) => ({ field: milestones.fields.po, equals: p.poNumber }));
  const ms = parseRecords(milestones, await deps.records.list(milestones.table, { matchAny: numbers }));
  const ins = parseRecords(inspections, await deps.records.list(inspections.table, { matchAny: numbers.map((n) => ({ ...n, field: inspections.fields.po })) }));
  problems.push(...[...po.problems, ...ms.problems, ...ins.problems].map(String));

  const promptDays = dir.agency?.supplierPromptDays ?? DEFAULT_PROMPT_DAYS;
  const perSupplier = dir.suppliers.map((s) => ({
    supplier: { id: s.id, name: s.name, nameZh: s.nameZh, contact: s.contact, email: s.email, timeZone: s.timeZone },
    pos: supplierPos({
      supplierId: s.id,
      today: localDateOf(now, factoryHours(s.timeZone)),
      promptDays,
      purchaseOrders: po.records,
      lineItems: [],
      milestones: ms.records,
      inspections: ins.records,
    }),
  }));
  const plan = planPrompts(now, perSupplier);
  details.skipped.push(...plan.skipped);
  if (plan.due.length === 0) return finish(problems, details);

  const existing = await rowsForKeys(deps.records, plan.due.map((d) => d.key), problems);
  const done = doneKeys(existing);
  const due = plan.due.filter((d) => !done.has(d.key));
  if (due.length === 0) return finish(problems, details);
  const links = await deps.links();
  const domain = input.from.address.split('@')[1] ?? 'localhost';
  const byId = new Map(dir.suppliers.map((s) => [s.id, s]));
  const kindOf = new Map(due.map((d) => [d.key, d.kind]));
  const messages: OutboxMessage[] = due.flatMap((intent) => {
    const s = byId.get(intent.supplierId);
    const link = links.get(intent.supplierId);
    if (!s || !link) {
      problems.push(`Supplier prompt ${intent.kind} for ${s?.name ?? intent.supplierId}: no portal link`);
      return [];
    }
    const text = composePromptMail(intent, { supplierName: s.name, supplierNameZh: s.nameZh, contact: s.contact, agency: dir.agency?.name ?? input.from.name ?? 'Sourcing agency', link });
    return [
      {
        key: intent.key,
        kind: 'Supplier prompt' as const,
        alertIds: [],
        mail: { messageId: messageIdFor(intent.key, domain), from: input.from, to: [{ address: intent.to }], subject: text.subject, text: text.text, html: text.html, date: now },
      },
    ];
  });
  // Exactly once per key through the outbox (record, send with the key's Message-ID, mark Sent).
  const result = await deliverOnce(deps.records, deps.mail, messages, now, problems, existing);
  for (const m of result.sent) details.sent.push({ kind: kindOf.get(m.key) ?? 'prompt', to: m.mail.to[0]?.address ?? '', subject: m.mail.subject });
  for (const f of result.failed) details.failed.push(`${kindOf.get(f.key) ?? 'prompt'}: ${f.error}`);
  return finish(problems, details);
}

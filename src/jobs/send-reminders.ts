/**
 * `sourcing remind`: reminder emails from the Alerts table, each person in their own working hours: a daily
 * digest, new critical findings at once (one mail per person and run), escalations of unacknowledged warnings
 * to the manager. Exactly once per
 * message through the Outbox table (see reminder-outbox.ts). Reads Alerts; writes only their "Notified at" (from
 * delivered critical mails) and "Escalated" (from delivered escalations).
 *
 * In a cycle where a job before it failed (the checks, or a job whose outputs the checks then left unchecked),
 * the alerts are not complete: no new mail is planned then (the report says why), only mails interrupted earlier
 * are settled, and the next run sends what is due. Otherwise today's digest would go out without the items the
 * next cycle adds, and a digest goes once a day.
 */
import { alerts as alertModel } from '../domain/models/alert.ts';
import { parseRecords } from '../domain/models/parse-records.ts';
import { people } from '../domain/models/person.ts';
import { purchaseOrders } from '../domain/models/purchase-order.ts';
import { composeReminder, type PoInfo } from '../domain/reminders/compose-reminder.ts';
import { messageIdFor } from '../domain/reminders/dedupe-keys.ts';
import { loadEmailTexts, type EmailTexts } from '../domain/reminders/email-texts.ts';
import { planReminders, type ReminderIntent } from '../domain/reminders/plan-reminders.ts';
import { resolveReminderSettings } from '../domain/reminders/reminder-settings.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecordsPort } from '../ports/airtable.ts';
import type { MailAddress, MailPort } from '../ports/mail.ts';
import { deliverOnce, doneKeys, rowsForKeys, settleInterrupted, unconfirmedCriticalAlerts, type OutboxMessage, type Recovered } from './reminder-outbox.ts';
import { startReport, type JobReport } from './report.ts';

export interface RemindDeps {
  records: AirtableRecordsPort;
  mail: MailPort;
  counter: RequestCounter;
  now(): Date;
}

export interface RemindInput {
  from: MailAddress;
  /** Owner's working days before an unacknowledged warning goes to the manager (default 2). */
  escalateAfterWorkingDays?: number;
  /**
   * Loads the links to records in the Airtable UI (one schema read), when the base URL is known. Called only when a
   * mail is due, inside the job, so a run that sends nothing does not pay for it and the report counts it.
   */
  recordLinks?: () => Promise<((table: string, recordId: string) => string | undefined) | undefined>;
  texts?: EmailTexts;
  /**
   * Jobs of the same cycle that failed before this one (e.g. `checks`, `documents`): the Alerts table is then not
   * complete, so no new mail goes out this run.
   */
  upstreamFailed?: readonly string[];
}

export interface RemindDetails {
  sent: { key: string; kind: string; to: string; subject: string }[];
  queued: { key: string; kind: string; to: string; sendAt: string }[];
  recovered: Recovered[];
  /** Sends whose outcome is unknown (left Sending) or that were refused (Cancelled). */
  failed: { key: string; error: string }[];
  held: string[];
}

export async function sendReminders(deps: RemindDeps, input: RemindInput): Promise<JobReport<RemindDetails>> {
  const { started, finish } = startReport('remind', deps);
  const now = started;
  const problems: string[] = [];
  const settings = resolveReminderSettings(input.escalateAfterWorkingDays === undefined ? {} : { escalateAfterWorkingDays: input.escalateAfterWorkingDays });
  const texts = input.texts ?? loadEmailTexts();
  const domain = input.from.address.split('@')[1] ?? 'localhost';

  const settled = await settleInterrupted(deps.records, deps.mail, now, problems);
  const recovered = settled.recovered;
  const failed = input.upstreamFailed ?? [];
  if (failed.length > 0) {
    const held = [`The ${failed.join(', ')} job${failed.length === 1 ? '' : 's'} failed in this cycle, so the alerts may be incomplete: no new reminder is sent until the next run`];
    return finish(problems, { sent: [], queued: [], recovered, failed: [], held });
  }

  const persons = parseRecords(people, await deps.records.list(people.table));
  const alertRows = parseRecords(
    alertModel,
    await deps.records.list(alertModel.table, { matchAny: [{ field: alertModel.fields.status, equals: 'Open' }, { field: alertModel.fields.status, equals: 'Snoozed' }] }),
  );
  problems.push(...persons.problems.map(String), ...alertRows.problems.map(String));
  const planInput = { now, people: persons.records, alerts: alertRows.records, settings, inCriticalMail: unconfirmedCriticalAlerts(settled) };
  const draft = planReminders({ ...planInput, doneKeys: new Set() });
  const existing = await rowsForKeys(deps.records, [...new Set([...draft.due, ...draft.queued].map((i) => i.key))], problems);
  // Sending rows here belong to a run still in progress: leave them to it.
  const plan = planReminders({ ...planInput, doneKeys: doneKeys(existing) });

  const details: RemindDetails = {
    sent: [],
    queued: plan.queued.map((q) => ({ key: q.key, kind: q.kind, to: plan.recipients.get(q.recipientId)?.email ?? q.recipientId, sendAt: q.sendAt })),
    recovered,
    failed: [],
    held: plan.held,
  };

  const due = uniqueByKey(plan.due);
  if (due.length > 0) {
    const recordUrl = await input.recordLinks?.();
    const pos = new Map<string, PoInfo>();
    const poRecords = await deps.records.list(purchaseOrders.table, { fields: [purchaseOrders.fields.poNumber, purchaseOrders.fields.notionPage] });
    for (const r of poRecords) {
      const number = r.fields[purchaseOrders.fields.poNumber];
      const notion = r.fields[purchaseOrders.fields.notionPage];
      if (typeof number === 'string') pos.set(r.id, { poNumber: number, ...(typeof notion === 'string' && notion ? { notionPage: notion } : {}) });
    }
    const context = {
      now,
      texts,
      recipients: plan.recipients,
      alerts: new Map(alertRows.records.map((a) => [a.id, a])),
      pos,
      factory: settings.factory,
      escalateAfterWorkingDays: settings.escalateAfterWorkingDays,
      ...(recordUrl ? { recordUrl } : {}),
    };
    const mails = due.flatMap((intent) => {
      try {
        const email = composeReminder(intent, context);
        return [{ intent, email, messageId: messageIdFor(intent.key, domain) }];
      } catch (error) {
        problems.push(`Reminder ${intent.key}: ${(error as Error).message}`);
        return [];
      }
    });
    const messages: OutboxMessage[] = mails.map(({ intent, email, messageId }) => ({
      key: intent.key,
      kind: intent.kind,
      alertIds: intent.alertIds,
      mail: {
        messageId,
        from: input.from,
        to: [email.to],
        subject: email.subject,
        text: email.text,
        html: email.html,
        date: now,
        headers: { 'X-Sourcing-Reminder-Key': intent.key },
      },
    }));
    const result = await deliverOnce(deps.records, deps.mail, messages, now, problems, existing);
    details.sent = result.sent.map((m) => ({ key: m.key, kind: m.kind, to: m.mail.to[0]?.address ?? '', subject: m.mail.subject }));
    details.failed = result.failed;
  }

  return finish(problems, details);
}

function uniqueByKey(intents: ReminderIntent[]): ReminderIntent[] {
  const seen = new Set<string>();
  return intents.filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)));
}

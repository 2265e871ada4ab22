/**
 * `sourcing remind`: reminder emails from the Alerts table, each person in their own working hours: a daily
 * digest, new critical findings at once (one mail per person and run), escalations of unacknowledged warnings
 * to the manager. Exactly once per
 * key through the Outbox table (see reminder-outbox.ts). Reads Alerts; writes only their "Notified at" and
 * "Escalated" fields.
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
import { MailSendError, type MailAddress, type MailPort } from '../ports/mail.ts';
import {
  finishDelivered, markFailed, recordIntents, recoverSending, rowsForKeys, unconfirmedCriticalAlerts, unsettledRows, type Delivered, type Intent, type Recovered,
} from './reminder-outbox.ts';
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

  const unsettled = await unsettledRows(deps.records, problems);
  const recovered = await recoverSending(deps.records, deps.mail, unsettled.filter((r) => r.state === 'Sending'), now, problems);

  const persons = parseRecords(people, await deps.records.list(people.table));
  const alertRows = parseRecords(
    alertModel,
    await deps.records.list(alertModel.table, { matchAny: [{ field: alertModel.fields.status, equals: 'Open' }, { field: alertModel.fields.status, equals: 'Snoozed' }] }),
  );
  problems.push(...persons.problems.map(String), ...alertRows.problems.map(String));
  const planInput = { now, people: persons.records, alerts: alertRows.records, settings, inCriticalMail: unconfirmedCriticalAlerts(unsettled, recovered) };
  const draft = planReminders({ ...planInput, doneKeys: new Set() });
  const existing = await rowsForKeys(deps.records, [...new Set([...draft.due, ...draft.queued].map((i) => i.key))], problems);
  // Sending rows here belong to a run still in progress: leave them to it.
  const done = new Set([...existing.values()].filter((r) => r.state !== 'Cancelled').map((r) => r.key));
  const plan = planReminders({ ...planInput, doneKeys: done });

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
    const intents: Intent[] = mails.map((m) => ({
      key: m.intent.key, kind: m.intent.kind, to: m.email.to.address, subject: m.email.subject, messageId: m.messageId, alertIds: m.intent.alertIds,
    }));
    const rowIds = await recordIntents(deps.records, intents, existing, now);

    const delivered: Delivered[] = [];
    const failures: { rowId: string; error: string; definite: boolean }[] = [];
    for (const { intent, email, messageId } of mails) {
      const rowId = rowIds.get(intent.key)!;
      try {
        const sent = await deps.mail.sendMail({
          messageId,
          from: input.from,
          to: [email.to],
          subject: email.subject,
          text: email.text,
          html: email.html,
          date: now,
          headers: { 'X-Sourcing-Reminder-Key': intent.key },
        });
        delivered.push({ rowId, kind: intent.kind, alertIds: intent.alertIds, providerId: sent.providerId });
        details.sent.push({ key: intent.key, kind: intent.kind, to: email.to.address, subject: email.subject });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Only a refusal proves nothing went out; anything else is settled against the sent mail next run.
        failures.push({ rowId, error: message, definite: error instanceof MailSendError && error.definite });
        details.failed.push({ key: intent.key, error: message });
        problems.push(`Reminder ${intent.key} to ${email.to.address}: ${message}`);
      }
    }
    await markFailed(deps.records, failures);
    await finishDelivered(deps.records, delivered, now, problems);
  }

  return finish(problems, details);
}

function uniqueByKey(intents: ReminderIntent[]): ReminderIntent[] {
  const seen = new Set<string>();
  return intents.filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)));
}

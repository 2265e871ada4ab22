/**
 * Which reminder emails are due now, and which wait for someone's working hours. Pure: the clock, people,
 * alerts and the keys already sent come in as values.
 *
 * - Digest: one per person per local working day, with every alert they own that still calls for reminders; it
 *   goes at the first run inside their working hours (a run at 3 a.m. their time queues it for the next start).
 * - Critical: the critical alerts no critical mail has told the owner about yet ("Notified at" empty, set only by
 *   a delivered critical mail) go at once when the
 *   owner is inside working hours, else at their next start; all of one person's in one mail, so several new
 *   criticals are one "critical now" mail, and a later run that day mails only the criticals found since.
 * - Escalation: warnings (and criticals) nobody acknowledged within N of the owner's working days go to the
 *   owner's manager once, inside the manager's working hours.
 */
import { localDateOf, isWithinWorkingHours, nextWorkingHoursStart } from '../calendar/working-hours.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Alert } from '../models/alert.ts';
import type { ReminderKind } from '../models/outbox.ts';
import type { Person } from '../models/person.ts';
import { bySeverityThenAge, firstSeenOf, reminderStatus } from './alert-status.ts';
import { criticalKey, digestKey, escalationKey } from './dedupe-keys.ts';
import { recipientOf, workingDaysSince, type Recipient } from './recipients.ts';
import { resolveReminderSettings, type ReminderSettings } from './reminder-settings.ts';

export interface ReminderIntent {
  key: string;
  kind: ReminderKind;
  recipientId: string;
  /** Alert record IDs the mail is about, most urgent first. */
  alertIds: string[];
  /** The recipient's local date when it goes out. */
  localDate: IsoDate;
}

export interface QueuedReminder extends ReminderIntent {
  /** The start of the recipient's next working hours (UTC ISO). */
  sendAt: string;
}

export interface ReminderPlanInput {
  now: Date;
  people: readonly Person[];
  alerts: readonly Alert[];
  /** Keys already sent (or whose sending cannot be confirmed): never planned again. */
  doneKeys: ReadonlySet<string>;
  /**
   * Alert IDs in a critical mail that may have gone out without "Notified at" being written (Outbox rows
   * Unconfirmed): never put in a critical mail again, since another set or day would make another key.
   */
  inCriticalMail?: ReadonlySet<string>;
  settings?: Partial<ReminderSettings>;
}

export interface ReminderPlan {
  due: ReminderIntent[];
  queued: QueuedReminder[];
  /** Why someone who should hear about an alert does not (no owner, no zone, inactive, no manager). */
  held: string[];
  recipients: Map<string, Recipient>;
}

const ESCALATING: ReadonlySet<Alert['severity']> = new Set(['Warning', 'Critical']);

export function planReminders(input: ReminderPlanInput): ReminderPlan {
  const settings = resolveReminderSettings(input.settings);
  const { now, doneKeys } = input;
  const inCriticalMail = input.inCriticalMail ?? new Set<string>();
  const plan: ReminderPlan = { due: [], queued: [], held: [], recipients: new Map() };
  const held = new Set<string>();
  const refused = new Map<string, string>();
  for (const person of input.people) {
    const result = recipientOf(person);
    if (result.ok) plan.recipients.set(person.id, result.recipient);
    else refused.set(person.id, result.reason);
  }
  const recipient = (id: string, role: string, alert: Alert): Recipient | undefined => {
    const found = plan.recipients.get(id);
    if (!found) held.add(refused.get(id) ?? `Alert "${alert.key}": ${role} ${id} is not in People; nobody is reminded`);
    return found;
  };
  const schedule = (intent: Omit<ReminderIntent, 'localDate'>, to: Recipient) => {
    if (isWithinWorkingHours(now, to.profile)) {
      const full = { ...intent, localDate: localDateOf(now, to.profile) };
      if (!doneKeys.has(full.key)) plan.due.push(full);
      return;
    }
    const sendAt = nextWorkingHoursStart(now, to.profile);
    const full = { ...intent, localDate: localDateOf(sendAt, to.profile) };
    if (!doneKeys.has(full.key)) plan.queued.push({ ...full, sendAt: sendAt.toISOString() });
  };

  const remindable = input.alerts.filter((a) => reminderStatus(a, now) === 'remind').sort(bySeverityThenAge);
  const byOwner = new Map<string, Alert[]>();
  for (const alert of remindable) {
    if (!alert.owner) {
      held.add(`Alert "${alert.key}" has no Owner; nobody is reminded`);
      continue;
    }
    byOwner.set(alert.owner, [...(byOwner.get(alert.owner) ?? []), alert]);
  }

  for (const [ownerId, alerts] of byOwner) {
    const owner = recipient(ownerId, 'owner', alerts[0]!);
    if (!owner) continue;
    // The keys depend on the day the mail goes out, so they are built once that day is known.
    const sendDay = isWithinWorkingHours(now, owner.profile) ? now : nextWorkingHoursStart(now, owner.profile);
    const day = localDateOf(sendDay, owner.profile);
    schedule({ key: digestKey(ownerId, day), kind: 'Digest', recipientId: ownerId, alertIds: alerts.map((a) => a.id) }, owner);
    const critical = alerts.filter((a) => a.severity === 'Critical' && !a.notifiedAt && !inCriticalMail.has(a.id));
    if (critical.length > 0) {
      const key = criticalKey(ownerId, day, critical.map((a) => a.key));
      schedule({ key, kind: 'Critical', recipientId: ownerId, alertIds: critical.map((a) => a.id) }, owner);
    }
  }

  const toEscalate = new Map<string, Alert[]>();
  for (const [ownerId, alerts] of byOwner) {
    const owner = plan.recipients.get(ownerId);
    if (!owner) continue;
    for (const alert of alerts) {
      if (!ESCALATING.has(alert.severity) || alert.escalated) continue;
      if (workingDaysSince(firstSeenOf(alert), now, owner.profile) < settings.escalateAfterWorkingDays) continue;
      if (!owner.managerId) {
        held.add(`People ${owner.id} (${owner.name}): "Manager" is empty; alert "${alert.key}" cannot be escalated`);
        continue;
      }
      toEscalate.set(owner.managerId, [...(toEscalate.get(owner.managerId) ?? []), alert]);
    }
  }
  for (const [managerId, alerts] of toEscalate) {
    const manager = recipient(managerId, 'manager', alerts[0]!);
    if (!manager) continue;
    const ids = alerts.map((a) => a.id);
    schedule({ key: escalationKey(managerId, ids), kind: 'Escalation', recipientId: managerId, alertIds: ids }, manager);
  }

  plan.held = [...held];
  return plan;
}

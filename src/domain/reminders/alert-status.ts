/**
 * Whether an alert still calls for reminders at `now`. People stop reminders in Airtable by acknowledging or
 * snoozing; a snooze with an end runs out, and the alert is remindable again from then on.
 */
import type { Alert } from '../models/alert.ts';

export type ReminderStatus = 'remind' | 'acknowledged' | 'snoozed' | 'resolved';

export function reminderStatus(alert: Alert, now: Date): ReminderStatus {
  if (alert.status === 'Resolved') return 'resolved';
  if (alert.status === 'Acknowledged') return 'acknowledged';
  const snoozedUntil = alert.snoozedUntil ? Date.parse(alert.snoozedUntil) : undefined;
  if (snoozedUntil !== undefined && snoozedUntil > now.getTime()) return 'snoozed';
  // "Snoozed" without an end date means until further notice.
  if (alert.status === 'Snoozed' && snoozedUntil === undefined) return 'snoozed';
  return 'remind';
}

/** When the finding was first seen: the checks job's "First seen", else the row's creation. */
export function firstSeenOf(alert: Alert): Date {
  return new Date(alert.firstSeen ?? alert.createdTime);
}

const SEVERITY_RANK = { Critical: 0, Warning: 1, Info: 2 } as const;

/**
 * Critical first, then Warning, then Info; oldest first within a severity. Alerts the checks job raised in one run
 * share their "First seen": those follow their message (which names the PO), then rule and key, so a mail's order
 * and subject do not depend on the order Airtable happens to list rows in (creation order follows record IDs).
 */
export function bySeverityThenAge(a: Alert, b: Alert): number {
  const rank = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (rank !== 0) return rank;
  const age = firstSeenOf(a).getTime() - firstSeenOf(b).getTime();
  if (age !== 0) return age;
  return compareText(a.message ?? '', b.message ?? '') || compareText(a.rule, b.rule) || compareText(a.key, b.key);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

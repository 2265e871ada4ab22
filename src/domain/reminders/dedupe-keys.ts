/**
 * Dedupe keys of reminder emails and the Message-ID derived from each. The key is what "exactly once" is about:
 * one digest per person per local working day, one "critical now" mail per person, day and set of alerts (each
 * critical alert is in at most one, see plan-reminders.ts), one escalation per set of alerts.
 * The Message-ID is a pure function of the key, so after a crash the sent mailbox can be asked whether the mail
 * with that key already went out (Gmail `rfc822msgid:`).
 */
import { createHash } from 'node:crypto';
import type { IsoDate } from '../calendar/iso-date.ts';

export const digestKey = (personId: string, localDate: IsoDate) => `digest:${personId}:${localDate}`;

/**
 * All criticals due for one person in one run go out as one mail. Alert Keys (not record IDs) are hashed, so the
 * key survives an alert row being re-created for the same finding; order does not matter.
 */
export function criticalKey(personId: string, localDate: IsoDate, alertKeys: readonly string[]): string {
  return `critical:${personId}:${localDate}:${shortHash([...alertKeys].sort().join('\n'))}`;
}

/** The set of alerts is part of the key: a different set is a different mail; an alert is in at most one sent. */
export function escalationKey(managerId: string, alertIds: readonly string[]): string {
  return `escalation:${managerId}:${shortHash([...alertIds].sort().join(','))}`;
}

/** `<reminder.<hash>@<domain>>`: stable per key, unique across keys, valid RFC 5322 msg-id. */
export function messageIdFor(key: string, domain: string): string {
  if (!/^[A-Za-z0-9.-]+$/.test(domain)) throw new RangeError(`Message-ID domain must be a host name, got ${JSON.stringify(domain)}`);
  return `<reminder.${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * Who can receive reminders, and when: a Person row becomes a Recipient with a working-hours profile in their own
 * IANA zone. A person without a zone or an email is held back (reported), never mailed at a guessed hour.
 */
import { addDays } from '../calendar/iso-date.ts';
import { isWorkingDay, localDateOf, type WorkingHoursProfile } from '../calendar/working-hours.ts';
import type { Person } from '../models/person.ts';

export interface Recipient {
  id: string;
  name: string;
  email: string;
  profile: WorkingHoursProfile;
  managerId?: string;
}

export type RecipientResult = { ok: true; recipient: Recipient } | { ok: false; reason: string };

export function recipientOf(person: Person): RecipientResult {
  const where = `People ${person.id} (${person.name})`;
  if (!person.active) return { ok: false, reason: `${where}: "Active" is not ticked; no reminders` };
  if (!person.email) return { ok: false, reason: `${where}: "Email" is missing; reminders held back` };
  if (!person.timeZone) return { ok: false, reason: `${where}: "Time zone" is missing; reminders held back` };
  const profile: WorkingHoursProfile = {
    timeZone: person.timeZone,
    ...(person.workingHoursStart ? { start: person.workingHoursStart } : {}),
    ...(person.workingHoursEnd ? { end: person.workingHoursEnd } : {}),
    ...(person.workingDays.length > 0 ? { workingDays: person.workingDays } : {}),
  };
  try {
    // Resolving once here turns a bad profile (end before start) into a reason instead of a crash later.
    isWorkingDay('2026-01-05', profile);
  } catch (error) {
    return { ok: false, reason: `${where}: ${(error as Error).message}; reminders held back` };
  }
  return {
    ok: true,
    recipient: { id: person.id, name: person.name, email: person.email, profile, ...(person.manager ? { managerId: person.manager } : {}) },
  };
}

const MAX_SPAN_DAYS = 400;

/**
 * Working days of the person that have begun since `since`: days after the local date of `since`, up to and
 * including today's local date. First seen on Monday → Tuesday is 1, Wednesday is 2.
 */
export function workingDaysSince(since: Date, now: Date, profile: WorkingHoursProfile): number {
  const today = localDateOf(now, profile);
  let count = 0;
  let day = addDays(localDateOf(since, profile), 1);
  for (let i = 0; day <= today && i < MAX_SPAN_DAYS; i += 1, day = addDays(day, 1)) {
    if (isWorkingDay(day, profile)) count += 1;
  }
  return count;
}

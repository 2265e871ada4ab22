/**
 * A time for a review call that every attendee can attend: the earliest 30-minute slot inside everybody's working
 * hours within the review's window; when no such slot exists (New York and Ningbo share no office hour), the slot
 * with the fewest minutes outside people's working hours, never inside anyone's night (22:00–07:00 local) when a
 * daytime option exists, and never at a time when nobody is at work (then there is no slot). Times are real instants,
 * so DST on either side moves the answer.
 *
 * Each attendee's working hours and nights are turned into intervals of instants once per local day of the window
 * (luxon and the China calendar are asked per day, not per candidate slot), then every 15-minute start is scored
 * by interval overlap.
 */
import { DateTime } from 'luxon';
import { addDays } from '../calendar/iso-date.ts';
import { isWorkingDay, localDateOf, workingHoursOn, type WorkingHoursProfile } from '../calendar/working-hours.ts';

export interface SlotAttendee {
  email: string;
  profile: WorkingHoursProfile;
}

export interface Slot {
  start: Date;
  end: Date;
  /** Attendee-minutes outside working hours (0: everybody is at work). */
  minutesOutside: number;
  /** Addresses of attendees for whom the slot falls in their night. */
  atNight: string[];
}

interface Span {
  start: number;
  end: number;
}

const STEP_MS = 15 * 60_000;
const NIGHT_START_HOUR = 22;
const NIGHT_END_HOUR = 7;

export function proposeSlot(from: Date, to: Date, attendees: readonly SlotAttendee[], durationMinutes = 30): Slot | undefined {
  const duration = durationMinutes * 60_000;
  const calendars = attendees.map((a) => ({ email: a.email, ...spansOf(a.profile, from, to) }));
  let best: Slot | undefined;
  for (let t = Math.ceil(from.getTime() / STEP_MS) * STEP_MS; t + duration <= to.getTime(); t += STEP_MS) {
    const slot = { start: t, end: t + duration };
    let outside = 0;
    const atNight: string[] = [];
    for (const c of calendars) {
      outside += duration - overlap(slot, c.work);
      if (overlap(slot, c.night) > 0) atNight.push(c.email);
    }
    const candidate: Slot = { start: new Date(t), end: new Date(t + duration), minutesOutside: Math.round(outside / 60_000), atNight };
    if (!best || better(candidate, best)) best = candidate;
    if (best.minutesOutside === 0 && best.atNight.length === 0) break;
  }
  // A call at an hour when nobody is at work (a Saturday dawn before tomorrow's loading) helps no one: no slot.
  if (best && best.minutesOutside >= attendees.length * durationMinutes) return undefined;
  return best;
}

/** No night beats any night; then fewer minutes outside working hours; then earlier (candidates come in order). */
function better(a: Slot, b: Slot): boolean {
  if ((a.atNight.length === 0) !== (b.atNight.length === 0)) return a.atNight.length === 0;
  return a.minutesOutside < b.minutesOutside;
}

/** Working hours and nights of one person over the window (one local day of margin each side). */
function spansOf(profile: WorkingHoursProfile, from: Date, to: Date): { work: Span[]; night: Span[] } {
  const work: Span[] = [];
  const night: Span[] = [];
  const last = addDays(localDateOf(to, profile), 1);
  for (let day = addDays(localDateOf(from, profile), -1); day <= last; day = addDays(day, 1)) {
    if (isWorkingDay(day, profile)) {
      const hours = workingHoursOn(day, profile);
      work.push({ start: hours.start.getTime(), end: hours.end.getTime() });
    }
    const midnight = DateTime.fromISO(day, { zone: profile.timeZone });
    night.push({ start: midnight.set({ hour: NIGHT_START_HOUR }).toMillis(), end: midnight.plus({ days: 1 }).set({ hour: NIGHT_END_HOUR }).toMillis() });
  }
  return { work, night };
}

function overlap(slot: Span, spans: readonly Span[]): number {
  let total = 0;
  for (const s of spans) total += Math.max(0, Math.min(slot.end, s.end) - Math.max(slot.start, s.start));
  return total;
}

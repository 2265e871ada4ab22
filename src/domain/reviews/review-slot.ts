/**
 * A time for a review call that every attendee can attend: the earliest 30-minute slot inside everybody's working
 * hours within the review's window; when no such slot exists (New York and Ningbo share no office hour), the slot
 * with the fewest minutes outside people's working hours, never inside anyone's night (22:00–07:00 local) when a
 * daytime option exists. Times are real instants, so DST on either side moves the answer.
 */
import { DateTime } from 'luxon';
import { isWithinWorkingHours, type WorkingHoursProfile } from '../calendar/working-hours.ts';

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

const STEP_MINUTES = 15;
const NIGHT_START_HOUR = 22;
const NIGHT_END_HOUR = 7;

export function proposeSlot(from: Date, to: Date, attendees: readonly SlotAttendee[], durationMinutes = 30): Slot | undefined {
  const step = STEP_MINUTES * 60_000;
  const first = Math.ceil(from.getTime() / step) * step;
  const last = to.getTime() - durationMinutes * 60_000;
  let best: Slot | undefined;
  for (let t = first; t <= last; t += step) {
    const slot = score(new Date(t), durationMinutes, attendees);
    if (!best || better(slot, best)) best = slot;
    if (best.minutesOutside === 0 && best.atNight.length === 0) break;
  }
  return best;
}

/** No night beats any night; then fewer minutes outside working hours; then earlier (already ordered). */
function better(a: Slot, b: Slot): boolean {
  if ((a.atNight.length === 0) !== (b.atNight.length === 0)) return a.atNight.length === 0;
  return a.minutesOutside < b.minutesOutside;
}

function score(start: Date, durationMinutes: number, attendees: readonly SlotAttendee[]): Slot {
  let minutesOutside = 0;
  const atNight = new Set<string>();
  for (let m = 0; m < durationMinutes; m += STEP_MINUTES) {
    const at = new Date(start.getTime() + m * 60_000);
    for (const a of attendees) {
      if (!isWithinWorkingHours(at, a.profile)) minutesOutside += Math.min(STEP_MINUTES, durationMinutes - m);
      const hour = DateTime.fromJSDate(at, { zone: a.profile.timeZone }).hour;
      if (hour >= NIGHT_START_HOUR || hour < NIGHT_END_HOUR) atNight.add(a.email);
    }
  }
  return { start, end: new Date(start.getTime() + durationMinutes * 60_000), minutesOutside, atNight: [...atNight] };
}

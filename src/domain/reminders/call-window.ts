/**
 * This week's best time for a call between a reader and the factories: the longest overlap of the two sides'
 * working hours over the next seven days, computed on real instants so DST on the reader's side moves it
 * (8–10 a.m. New York is 9–11 p.m. Beijing in winter, 8–10 p.m. in summer; China has no DST). When the hours
 * never meet (New York), the hour with the least time outside both sides' hours, out of anyone's night; in a
 * week the factories do not work at all there is none.
 */
import { DateTime } from 'luxon';
import { addDays } from '../calendar/iso-date.ts';
import { isWorkingDay, localDateOf, workingHoursOn, type WorkingHoursProfile } from '../calendar/working-hours.ts';

export interface CallWindow {
  start: Date;
  end: Date;
  /** False when the proposal lies outside the factory's working hours. */
  overlap: boolean;
}

interface Span {
  start: number;
  end: number;
}

const HOUR = 3_600_000;
/** A window with less than this left today is not worth proposing. */
const MIN_LEFT = 30 * 60_000;
const DAYS = 7;

export function bestCallWindow(now: Date, reader: WorkingHoursProfile, factory: WorkingHoursProfile): CallWindow | undefined {
  const readerDays = spansOf(now, reader, 0, DAYS);
  const factoryDays = spansOf(now, factory, -1, DAYS + 1);
  // A week the factories do not work (Spring Festival, Golden Week) has no call window.
  if (factoryDays.length === 0 || readerDays.length === 0) return undefined;
  // Chosen by the full day's overlap (earliest wins a tie), so today's window still counts when it has begun.
  let best: { span: Span; length: number } | undefined;
  for (const r of readerDays) {
    for (const f of factoryDays) {
      const start = Math.max(r.start, f.start);
      const end = Math.min(r.end, f.end);
      const span = { start: Math.max(start, now.getTime()), end };
      if (span.end - span.start < MIN_LEFT) continue;
      if (!best || end - start > best.length) best = { span, length: end - start };
    }
  }
  if (best) return { start: new Date(best.span.start), end: new Date(best.span.end), overlap: true };

  return leastOutsideHours(now, reader, factory, readerDays, factoryDays);
}

const STEP = 30 * 60_000;
const NIGHT_FROM = 22;
const NIGHT_TO = 7;

const isNightHour = (t: number, timeZone: string): boolean => {
  const hour = DateTime.fromMillis(t, { zone: timeZone }).hour;
  return hour >= NIGHT_FROM || hour < NIGHT_TO;
};

/** An hour-long slot touches the night (22:00–07:00 local, 9 hours) iff its first or last minute does. */
function touchesNight(start: number, end: number, timeZone: string): boolean {
  return isNightHour(start, timeZone) || isNightHour(end - 60_000, timeZone);
}

function inside(start: number, end: number, spans: readonly Span[]): number {
  let covered = 0;
  for (const s of spans) covered += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
  return covered;
}

/**
 * When the working hours never meet this week: the hour-long slot (on a day both sides work) with the least total
 * time outside the two sides' hours, never in anyone's night (22:00–07:00 local) when a daytime slot exists; on a
 * tie the one inside the reader's own hours, then the earliest. New York in winter: 08:00–09:00 New York =
 * 21:00–22:00 Beijing, never 04:30 Beijing.
 */
function leastOutsideHours(now: Date, reader: WorkingHoursProfile, factory: WorkingHoursProfile, readerDays: Span[], factoryDays: Span[]): CallWindow | undefined {
  const first = Math.ceil(now.getTime() / STEP) * STEP;
  let best: { start: number; night: boolean; outside: number; readerOutside: number } | undefined;
  const workingDays = new Map<string, boolean>();
  const works = (date: Date, profile: WorkingHoursProfile): boolean => {
    const day = localDateOf(date, profile);
    const key = `${profile.timeZone} ${day}`;
    let known = workingDays.get(key);
    if (known === undefined) {
      known = isWorkingDay(day, profile);
      workingDays.set(key, known);
    }
    return known;
  };
  for (let start = first; start < now.getTime() + DAYS * 24 * HOUR; start += STEP) {
    const end = start + HOUR;
    const startDate = new Date(start);
    if (!works(startDate, reader) || !works(startDate, factory)) continue;
    const readerOutside = HOUR - inside(start, end, readerDays);
    const outside = readerOutside + HOUR - inside(start, end, factoryDays);
    const night = touchesNight(start, end, reader.timeZone) || touchesNight(start, end, factory.timeZone);
    const better = !best ||
      (best.night && !night) ||
      (best.night === night && (outside < best.outside || (outside === best.outside && readerOutside < best.readerOutside)));
    if (better) best = { start, night, outside, readerOutside };
  }
  if (!best) return undefined;
  return { start: new Date(best.start), end: new Date(best.start + HOUR), overlap: false };
}

function spansOf(now: Date, profile: WorkingHoursProfile, fromDay: number, days: number): Span[] {
  const today = localDateOf(now, profile);
  const spans: Span[] = [];
  for (let i = fromDay; i < days; i += 1) {
    const day = addDays(today, i);
    if (!isWorkingDay(day, profile)) continue;
    const { start, end } = workingHoursOn(day, profile);
    spans.push({ start: start.getTime(), end: end.getTime() });
  }
  return spans;
}

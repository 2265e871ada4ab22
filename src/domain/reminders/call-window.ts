/**
 * This week's best time for a call between a reader and the factories: the longest overlap of the two sides'
 * working hours over the next seven days, computed on real instants so DST on the reader's side moves it
 * (8–10 a.m. New York is 9–11 p.m. Beijing in winter, 8–10 p.m. in summer; China has no DST). When the hours
 * never meet (New York), the reader's hour closest to the factory's day is proposed instead; in a week the
 * factories do not work at all there is none.
 */
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

  // No overlap: the reader's first or last hour of a day closest to the factory's hours; among those within an
  // hour of the closest, the earliest (tomorrow at 21:00 Beijing beats next week at 20:00).
  const candidates: { span: Span; gap: number }[] = [];
  for (const r of readerDays) {
    for (const span of [{ start: r.start, end: Math.min(r.end, r.start + HOUR) }, { start: Math.max(r.start, r.end - HOUR), end: r.end }]) {
      if (span.start < now.getTime()) continue;
      const gap = Math.min(...factoryDays.map((f) => Math.max(f.start - span.end, span.start - f.end)));
      candidates.push({ span, gap });
    }
  }
  if (candidates.length === 0) return undefined;
  const closestGap = Math.min(...candidates.map((c) => c.gap));
  const pick = candidates.sort((a, b) => a.span.start - b.span.start).find((c) => c.gap <= closestGap + HOUR)!;
  return { start: new Date(pick.span.start), end: new Date(pick.span.end), overlap: false };
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

/**
 * Fast whole-day arithmetic on `YYYY-MM-DD` strings for checks that run over 100,000+ milestones. The calendar
 * module's Luxon helpers are exact but allocate; these work on UTC day numbers (no DST), and remember the few
 * thousand distinct dates a workspace holds.
 */
import type { IsoDate } from '../calendar/iso-date.ts';

const MS_PER_DAY = 86_400_000;
const MAX_CACHED = 50_000;
const numbers = new Map<string, number>();
const dates = new Map<number, string>();

/** Days since 1970-01-01 (the input is a valid ISO date: models validated it). */
export function dayNumber(date: IsoDate): number {
  let n = numbers.get(date);
  if (n === undefined) {
    n = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
    if (numbers.size >= MAX_CACHED) numbers.clear();
    numbers.set(date, n);
  }
  return n;
}

export function fromDayNumber(day: number): IsoDate {
  let d = dates.get(day);
  if (d === undefined) {
    d = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dates.size >= MAX_CACHED) dates.clear();
    dates.set(day, d);
  }
  return d;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function dayDiff(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function plusDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

let lastFrom: IsoDate | undefined;
let lastDays = 0;
let lastHorizon: IsoDate = '';

/**
 * `plusDays` for a date and offset asked over and over (today plus a look-ahead, once per milestone): remembered
 * from the previous call. Comparing a date with it (`due > horizon(today, 7)`) is a string comparison, not two
 * lookups and a subtraction.
 */
export function horizon(date: IsoDate, n: number): IsoDate {
  if (date !== lastFrom || n !== lastDays) {
    lastHorizon = plusDays(date, n);
    lastFrom = date;
    lastDays = n;
  }
  return lastHorizon;
}

/** How many days the inclusive ranges share (0 when they do not meet). */
export function sharedDays(aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate): number {
  const start = aStart > bStart ? aStart : bStart;
  const end = aEnd < bEnd ? aEnd : bEnd;
  return start > end ? 0 : dayDiff(start, end) + 1;
}

/**
 * Plain calendar dates (ship-by, ETD, a holiday) travel as `YYYY-MM-DD` strings, as Airtable date fields do.
 * They have no time zone; arithmetic runs on Luxon in UTC so no DST shift can move a date by a day.
 */
import { DateTime } from 'luxon';

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a `YYYY-MM-DD` date, or throws naming `field` so the caller can point at the bad record field. */
export function parseIsoDate(date: IsoDate, field = 'date'): DateTime {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) {
    throw new RangeError(`${field}: expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid) throw new RangeError(`${field}: ${date} is not a calendar date`);
  return parsed;
}

export function formatIsoDate(dt: DateTime): IsoDate {
  const text = dt.toISODate();
  if (text === null) throw new RangeError(`invalid date: ${dt.invalidExplanation ?? 'unknown'}`);
  return text;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return formatIsoDate(DateTime.utc(year, month, day));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(parseIsoDate(date).plus({ days }));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(parseIsoDate(to).diff(parseIsoDate(from), 'days').days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  return parseIsoDate(date).weekday;
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Number of days two inclusive ranges share (0 when they do not meet). */
export function overlapDays(aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate): number {
  const start = maxDate(aStart, bStart);
  const end = minDate(aEnd, bEnd);
  return start > end ? 0 : daysBetween(start, end) + 1;
}

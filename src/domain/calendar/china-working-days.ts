/**
 * Is a plain date a working day in mainland China? Listed make-up days (调休) are working days even on a
 * weekend; days inside a holiday window are off even on a weekday; otherwise Monday–Friday work.
 */
import { chinaHolidayYear } from './china-holidays.ts';
import { addDays, isWeekend, parseIsoDate, yearOf, type IsoDate } from './iso-date.ts';

export type ChinaDayStatus =
  | { working: true; reason: 'weekday' | 'make-up working day'; estimated: boolean }
  | { working: false; reason: 'weekend' | 'public holiday'; holiday?: string; estimated: boolean };

export function chinaDayStatus(date: IsoDate): ChinaDayStatus {
  parseIsoDate(date);
  const year = yearOf(date);
  // A window can start in the previous calendar year (New Year's Day on a Monday → Sat 30 Dec).
  const years = date.slice(5, 7) === '12' ? [year, year + 1] : [year];
  for (const y of years) {
    const cal = chinaHolidayYear(y);
    if (cal.makeUpWorkingDays.includes(date)) return { working: true, reason: 'make-up working day', estimated: cal.estimated };
    const holiday = cal.holidays.find((h) => h.start <= date && date <= h.end);
    if (holiday) return { working: false, reason: 'public holiday', holiday: holiday.name, estimated: cal.estimated };
  }
  const estimated = chinaHolidayYear(year).estimated;
  return isWeekend(date)
    ? { working: false, reason: 'weekend', estimated }
    : { working: true, reason: 'weekday', estimated };
}

export function isChinaWorkingDay(date: IsoDate): boolean {
  return chinaDayStatus(date).working;
}

/** The n-th China working day after `date` (n = 0 returns `date` unchanged). */
export function addChinaWorkingDays(date: IsoDate, n: number): IsoDate {
  return stepWorkingDays(date, n, 1, 'addChinaWorkingDays');
}

/** The n-th China working day before `date` (n = 0 returns `date` unchanged). */
export function subtractChinaWorkingDays(date: IsoDate, n: number): IsoDate {
  return stepWorkingDays(date, n, -1, 'subtractChinaWorkingDays');
}

/** `date` itself when it is a working day, else the next one. */
export function nextChinaWorkingDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isChinaWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** `date` itself when it is a working day, else the previous one. */
export function previousChinaWorkingDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isChinaWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** Working days in the inclusive range. */
export function countChinaWorkingDays(start: IsoDate, end: IsoDate): number {
  let count = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) if (isChinaWorkingDay(d)) count += 1;
  return count;
}

function stepWorkingDays(date: IsoDate, n: number, direction: 1 | -1, fn: string): IsoDate {
  parseIsoDate(date, `${fn}: date`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${fn}: days must be a whole number ≥ 0, got ${n}`);
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, direction);
    if (isChinaWorkingDay(d)) left -= 1;
  }
  return d;
}

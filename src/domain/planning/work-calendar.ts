/**
 * The calendars the schedule network counts in, as arrays over a range of whole days so that "n working days after"
 * is an array lookup (10,000 POs are planned in one run). Each step is counted in the calendar of whoever does it:
 * - factory: China working days (weekends off, official holidays off, make-up Saturdays/Sundays on), output at
 *   `closureCapacity` inside the CNY shutdown window, and the supplier's own Calendar rows (a factory closure stops
 *   work; maintenance runs at reduced capacity);
 * - shipping: the days a container can load or sail (not inside a shipping blackout row);
 * - client: the days the client receives goods (Monday to Friday).
 * Days are indexes from the range's first day; dates go in and out as ISO strings at the edges only.
 */
import { chinaHolidayYear } from '../calendar/china-holidays.ts';
import { cnyShutdownWindow } from '../calendar/factory-shutdown.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { PlanSettings } from './plan-settings.ts';

const MS_PER_DAY = 86_400_000;

export function dayNumberOf(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

const isoCache = new Map<number, IsoDate>();

export function isoOfDayNumber(day: number): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size > 100_000) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}

/** A day the factory does not work or works at reduced output (from the Calendar table). */
export interface FactoryWindow {
  start: IsoDate;
  end: IsoDate;
  /** 0 = closed, 0.5 = half output. */
  capacity: number;
}

export interface CalendarSpec {
  fromYear: number;
  toYear: number;
  factoryWindows: readonly FactoryWindow[];
  /** Shipping blackouts: no loading and no sailing inside. */
  blackouts: readonly { start: IsoDate; end: IsoDate }[];
  settings: Pick<PlanSettings, 'closureCapacity' | 'cnyShutdown'>;
}

export interface WorkCalendar {
  /** Day number of index 0. */
  readonly origin: number;
  readonly length: number;
  /** Output per day (0 = no work). */
  readonly capacity: Float64Array;
  /** Working days up to and including index i. */
  readonly workingCount: Int32Array;
  /** Index of the k-th working day (k from 1); [0] unused. */
  readonly workingIndex: Int32Array;
  /** Output up to and including index i. */
  readonly outputCount: Float64Array;
  /** First index ≥ i on which cargo can load or sail. */
  readonly nextOpenShipping: Int32Array;
  /** First index ≥ i that is a client working day. */
  readonly nextClientDay: Int32Array;
}

/** One China base calendar per year range: computing a holiday year is the slow part. */
const baseCache = new Map<string, Uint8Array>();
const calendarCache = new Map<string, WorkCalendar>();
const MAX_CACHED = 500;

function chinaBase(fromYear: number, toYear: number, origin: number, length: number): Uint8Array {
  const key = `${fromYear}-${toYear}`;
  let base = baseCache.get(key);
  if (!base) {
    // Same rule as isChinaWorkingDay (make-up days work, holiday windows rest, else Monday–Friday), built from the
    // holiday tables once instead of asked day by day.
    const on = new Set<number>();
    const off = new Set<number>();
    for (let y = fromYear - 1; y <= toYear + 1; y += 1) {
      const cal = chinaHolidayYear(y);
      for (const d of cal.makeUpWorkingDays) on.add(dayNumberOf(d));
      for (const h of cal.holidays) for (let d = dayNumberOf(h.start); d <= dayNumberOf(h.end); d += 1) off.add(d);
    }
    base = new Uint8Array(length);
    for (let i = 0; i < length; i += 1) {
      const day = origin + i;
      const weekday = ((day % 7) + 7) % 7; // 0 = Thursday (1970-01-01), 2 = Saturday, 3 = Sunday
      base[i] = on.has(day) ? 1 : off.has(day) ? 0 : weekday === 2 || weekday === 3 ? 0 : 1;
    }
    baseCache.set(key, base);
  }
  return base;
}

export function workCalendar(spec: CalendarSpec): WorkCalendar {
  const key =
    spec.factoryWindows.length === 0 && spec.blackouts.length === 0
      ? `${spec.fromYear}|${spec.toYear}|${spec.settings.closureCapacity}|${spec.settings.cnyShutdown.daysBefore}|${spec.settings.cnyShutdown.daysAfter}`
      : JSON.stringify(spec);
  const cached = calendarCache.get(key);
  if (cached) return cached;
  const origin = Date.UTC(spec.fromYear, 0, 1) / MS_PER_DAY;
  const length = Date.UTC(spec.toYear + 1, 0, 1) / MS_PER_DAY - origin;
  const base = chinaBase(spec.fromYear, spec.toYear, origin, length);
  const capacity = new Float64Array(length);
  for (let i = 0; i < length; i += 1) capacity[i] = base[i]!;
  // The CNY shutdown of each year in range (and the next one, whose window can start in December).
  for (let y = spec.fromYear; y <= spec.toYear + 1; y += 1) {
    const w = cnyShutdownWindow(y, spec.settings.cnyShutdown);
    scale(capacity, origin, w.start, w.end, spec.settings.closureCapacity);
  }
  for (const w of spec.factoryWindows) scale(capacity, origin, w.start, w.end, w.capacity);

  const workingCount = new Int32Array(length);
  const outputCount = new Float64Array(length);
  const workingIndex = new Int32Array(length + 1).fill(length);
  let count = 0;
  let output = 0;
  for (let i = 0; i < length; i += 1) {
    if (capacity[i]! > 0) {
      count += 1;
      workingIndex[count] = i;
    }
    output += capacity[i]!;
    workingCount[i] = count;
    outputCount[i] = output;
  }
  const blocked = new Uint8Array(length);
  for (const b of spec.blackouts) {
    const from = Math.max(0, dayNumberOf(b.start) - origin);
    const to = Math.min(length - 1, dayNumberOf(b.end) - origin);
    for (let i = from; i <= to; i += 1) blocked[i] = 1;
  }
  const nextOpenShipping = new Int32Array(length);
  const nextClientDay = new Int32Array(length);
  let open = length;
  let client = length;
  for (let i = length - 1; i >= 0; i -= 1) {
    if (!blocked[i]) open = i;
    // 1970-01-01 (day 0) was a Thursday: day % 7 = 2 is Saturday, 3 is Sunday.
    const weekday = (((origin + i) % 7) + 7) % 7;
    if (weekday !== 2 && weekday !== 3) client = i;
    nextOpenShipping[i] = open;
    nextClientDay[i] = client;
  }
  const calendar: WorkCalendar = { origin, length, capacity, workingCount, workingIndex, outputCount, nextOpenShipping, nextClientDay };
  if (calendarCache.size >= MAX_CACHED) calendarCache.clear();
  calendarCache.set(key, calendar);
  return calendar;
}

/** Multiplies the output of working days inside [start, end] (a closure takes them to 0). */
function scale(capacity: Float64Array, origin: number, start: IsoDate, end: IsoDate, factor: number): void {
  const from = Math.max(0, dayNumberOf(start) - origin);
  const to = Math.min(capacity.length - 1, dayNumberOf(end) - origin);
  for (let i = from; i <= to; i += 1) capacity[i] = Math.min(capacity[i]!, capacity[i]! * factor);
}

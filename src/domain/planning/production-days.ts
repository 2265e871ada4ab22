/**
 * Production time counted in factory output, not calendar days: a China working day gives one day of output,
 * a holiday or weekend none, and a working day inside the CNY shutdown window only `closureCapacity`
 * (workers leave early and return late, domain.md §7.4). This is what pushes a plan that spans CNY.
 */
import { isChinaWorkingDay } from '../calendar/china-working-days.ts';
import { cnyShutdownWindow, type DateWindow } from '../calendar/factory-shutdown.ts';
import { addDays, yearOf, type IsoDate } from '../calendar/iso-date.ts';
import type { PlanSettings } from './plan-settings.ts';

type CapacitySettings = Pick<PlanSettings, 'closureCapacity' | 'cnyShutdown'>;

const MAX_PRODUCTION_SPAN_DAYS = 3 * 366;
const EPSILON = 1e-9;

export function productionCapacity(date: IsoDate, settings: CapacitySettings): number {
  if (!isChinaWorkingDay(date)) return 0;
  return inShutdown(date, settings) ? settings.closureCapacity : 1;
}

/** First production day so that output from it through `complete` reaches `workDays`. */
export function productionStartFor(complete: IsoDate, workDays: number, settings: CapacitySettings): IsoDate {
  return walk(complete, workDays, -1, settings);
}

/** Day on which output from `start` reaches `workDays` (start counts as day 1). */
export function advanceProduction(start: IsoDate, workDays: number, settings: CapacitySettings): IsoDate {
  return walk(start, workDays, 1, settings);
}

/** Output (in full working days) from `start` to `end`, both included. */
export function productionOutputBetween(start: IsoDate, end: IsoDate, settings: CapacitySettings): number {
  let output = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) output += productionCapacity(d, settings);
  return output;
}

function walk(from: IsoDate, workDays: number, direction: 1 | -1, settings: CapacitySettings): IsoDate {
  if (!(workDays > 0)) throw new RangeError(`Production lead time must be more than 0 days, got ${workDays}`);
  let output = 0;
  let d = from;
  for (let i = 0; i < MAX_PRODUCTION_SPAN_DAYS; i += 1, d = addDays(d, direction)) {
    const capacity = productionCapacity(d, settings);
    output += capacity;
    if (capacity > 0 && output >= workDays - EPSILON) return d;
  }
  throw new RangeError(`Production of ${workDays} working days does not fit in ${MAX_PRODUCTION_SPAN_DAYS} days`);
}

const windowCache = new Map<string, DateWindow>();

function inShutdown(date: IsoDate, settings: CapacitySettings): boolean {
  const year = yearOf(date);
  // A long lead-in can start the next CNY's window in the previous December.
  return [year, year + 1].some((y) => {
    const key = `${y}:${settings.cnyShutdown.daysBefore ?? ''}:${settings.cnyShutdown.daysAfter ?? ''}`;
    let w = windowCache.get(key);
    if (!w) {
      w = cnyShutdownWindow(y, settings.cnyShutdown);
      windowCache.set(key, w);
    }
    return w.start <= date && date <= w.end;
  });
}

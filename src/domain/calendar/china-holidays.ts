/**
 * Mainland China public-holiday windows for any year: the State Council's notice where one exists
 * (china-holiday-data.ts), otherwise an estimate from the principles the 2025 notice states (domain.md §7.2),
 * flagged `estimated: true`. Estimates carry no make-up working days: guessing which weekend becomes a working
 * day would be optimistic, and treating it as a day off errs on the safe side for planning.
 */
import { ANNOUNCED_CHINA_HOLIDAYS, type ChinaHolidayWindow } from './china-holiday-data.ts';
import { addDays, isoDate, weekday, type IsoDate } from './iso-date.ts';
import { lunarFestivals } from './lunar-dates.ts';

export interface ChinaHolidayYear {
  year: number;
  estimated: boolean;
  source: string;
  holidays: ChinaHolidayWindow[];
  makeUpWorkingDays: IsoDate[];
}

const ESTIMATE_SOURCE = 'estimated from the State Council principles (domain.md §7.2); replace with the notice';

const cache = new Map<number, ChinaHolidayYear>();

export function chinaHolidayYear(year: number): ChinaHolidayYear {
  const cached = cache.get(year);
  if (cached) return cached;
  const announced = ANNOUNCED_CHINA_HOLIDAYS.find((y) => y.year === year);
  const result: ChinaHolidayYear = announced
    ? {
        year,
        estimated: false,
        source: announced.source,
        holidays: announced.holidays,
        makeUpWorkingDays: announced.makeUpWorkingDays.map((m) => m.date),
      }
    : { year, estimated: true, source: ESTIMATE_SOURCE, holidays: estimateWindows(year), makeUpWorkingDays: [] };
  cache.set(year, result);
  return result;
}

function estimateWindows(year: number): ChinaHolidayWindow[] {
  const lunar = lunarFestivals(year);
  const windows: ChinaHolidayWindow[] = [
    { id: 'new-year', name: "New Year's Day", ...threeDayWindow(isoDate(year, 1, 1)) },
    // "Spring Festival 8 days from the eve".
    { id: 'spring-festival', name: 'Spring Festival', start: lunar.springFestivalEve, end: addDays(lunar.springFestivalEve, 7) },
    { id: 'qingming', name: 'Qingming Festival', ...threeDayWindow(lunar.qingming) },
    { id: 'labour-day', name: 'Labour Day', start: isoDate(year, 5, 1), end: isoDate(year, 5, 5) },
    { id: 'dragon-boat', name: 'Dragon Boat Festival', ...threeDayWindow(lunar.dragonBoat) },
  ];
  const octFirst = isoDate(year, 10, 1);
  // National Day and Mid-Autumn merge into 8 days when they meet (2025: 1–8 Oct).
  if (lunar.midAutumn >= addDays(octFirst, -1) && lunar.midAutumn <= addDays(octFirst, 7)) {
    const start = lunar.midAutumn < octFirst ? lunar.midAutumn : octFirst;
    windows.push({
      id: 'national-day-mid-autumn',
      name: 'National Day Golden Week and Mid-Autumn Festival',
      start,
      end: addDays(start, 7),
    });
  } else {
    windows.push({ id: 'mid-autumn', name: 'Mid-Autumn Festival', ...threeDayWindow(lunar.midAutumn) });
    windows.push({ id: 'national-day', name: 'National Day Golden Week', start: octFirst, end: isoDate(year, 10, 7) });
  }
  return windows;
}

/**
 * "Others 3 days (1 day if it falls on a Wednesday)", joined to the nearest weekend as the notices do:
 * Mon → Sat–Mon, Tue → Sun–Tue, Thu/Fri/Sat → that day + 2, Sun → Sat–Mon.
 */
function threeDayWindow(day: IsoDate): { start: IsoDate; end: IsoDate } {
  switch (weekday(day)) {
    case 1:
    case 2:
      return { start: addDays(day, -2), end: day };
    case 3:
      return { start: day, end: day };
    case 7:
      return { start: addDays(day, -1), end: addDays(day, 1) };
    default:
      return { start: day, end: addDays(day, 2) };
  }
}

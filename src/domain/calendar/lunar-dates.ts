/**
 * Lunar and solar-term festival dates for mainland China, computed by the `date-holidays` package.
 * We use it ONLY for these dates: its CN data does not model the State Council's real holiday windows or the
 * make-up working days (domain.md §7.3), which live in china-holiday-data.ts instead.
 * https://github.com/commenthol/date-holidays/blob/master/data/countries/CN.yaml
 */
import Holidays from 'date-holidays';
import { addDays, type IsoDate } from './iso-date.ts';

export interface LunarFestivals {
  year: number;
  /** Chinese New Year's Eve (除夕), the day before day 1. */
  springFestivalEve: IsoDate;
  /** Chinese New Year, day 1 of lunar month 1 (春节). */
  chineseNewYear: IsoDate;
  /** Lantern Festival, day 15 of lunar month 1; many migrant workers return only after it. */
  lanternFestival: IsoDate;
  /** Qingming (清明), a solar term, 4 or 5 April. */
  qingming: IsoDate;
  /** Dragon Boat Festival (端午), 5th day of lunar month 5. */
  dragonBoat: IsoDate;
  /** Mid-Autumn Festival (中秋), 15th day of lunar month 8. */
  midAutumn: IsoDate;
}

// The rule strings of CN.yaml identify the festivals independently of the display language.
const RULES = {
  chineseNewYear: 'chinese 01-0-01',
  qingming: 'chinese 5-01 solarterm',
  dragonBoat: 'chinese 05-0-05',
  midAutumn: 'chinese 08-0-15',
} as const;

const MIN_YEAR = 1901;
const MAX_YEAR = 2099;

let holidays: Holidays | undefined;
const cache = new Map<number, LunarFestivals>();

export function lunarFestivals(year: number): LunarFestivals {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year: expected a whole year between ${MIN_YEAR} and ${MAX_YEAR}, got ${year}`);
  }
  const cached = cache.get(year);
  if (cached) return cached;
  holidays ??= new Holidays('CN', { languages: ['en'] });
  const list = holidays.getHolidays(year, 'en');
  const find = (rule: string): IsoDate => {
    const hit = list.find((h) => h.rule === rule);
    // A missing rule means the package's CN data changed shape; failing loudly beats planning on a wrong date.
    if (!hit) throw new Error(`date-holidays no longer returns the rule "${rule}" for CN ${year}`);
    return hit.date.slice(0, 10);
  };
  const chineseNewYear = find(RULES.chineseNewYear);
  const festivals: LunarFestivals = {
    year,
    springFestivalEve: addDays(chineseNewYear, -1),
    chineseNewYear,
    // Lunar month 1 always has 29 or 30 days, so day 15 is exactly 14 days after day 1.
    lanternFestival: addDays(chineseNewYear, 14),
    qingming: find(RULES.qingming),
    dragonBoat: find(RULES.dragonBoat),
    midAutumn: find(RULES.midAutumn),
  };
  cache.set(year, festivals);
  return festivals;
}

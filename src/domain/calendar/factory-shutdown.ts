/**
 * The Chinese New Year factory-shutdown risk window [heuristic, domain.md §7.4]: production winds down 1–2 weeks
 * before CNY, many workers return only after the Lantern Festival and full output resumes 3–4 weeks after CNY.
 * Default CNY − 21 days to CNY + 28 days (2026: 27 Jan – 17 Mar). Ahead of it sits a pre-CNY freight peak when
 * space is scarce and rates climb (Flexport, domain.md §7.5).
 */
import { addDays, type IsoDate } from './iso-date.ts';
import { lunarFestivals } from './lunar-dates.ts';

export interface CnyShutdownSettings {
  /** Days before CNY day 1 the slowdown starts (default 21). */
  daysBefore: number;
  /** Days after CNY day 1 until full output (default 28). */
  daysAfter: number;
  /** Length of the pre-CNY freight peak that ends the day before the shutdown window (default 21). */
  preCnyFreightPeakDays: number;
}

export const DEFAULT_CNY_SHUTDOWN: CnyShutdownSettings = { daysBefore: 21, daysAfter: 28, preCnyFreightPeakDays: 21 };

export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

export function cnyShutdownWindow(year: number, settings: Partial<CnyShutdownSettings> = {}): DateWindow {
  const s = resolveShutdownSettings(settings);
  const cny = lunarFestivals(year).chineseNewYear;
  return { start: addDays(cny, -s.daysBefore), end: addDays(cny, s.daysAfter) };
}

export function preCnyFreightPeak(year: number, settings: Partial<CnyShutdownSettings> = {}): DateWindow | undefined {
  const s = resolveShutdownSettings(settings);
  if (s.preCnyFreightPeakDays === 0) return undefined;
  const shutdown = cnyShutdownWindow(year, s);
  return { start: addDays(shutdown.start, -s.preCnyFreightPeakDays), end: addDays(shutdown.start, -1) };
}

export function resolveShutdownSettings(settings: Partial<CnyShutdownSettings>): CnyShutdownSettings {
  const s = { ...DEFAULT_CNY_SHUTDOWN, ...settings };
  for (const key of ['daysBefore', 'daysAfter', 'preCnyFreightPeakDays'] as const) {
    const value = s[key];
    if (!Number.isInteger(value) || value < 0 || value > 120) {
      throw new RangeError(`CNY shutdown setting ${key} must be a whole number of days 0–120, got ${value}`);
    }
  }
  return s;
}

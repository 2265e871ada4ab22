import { describe, expect, it } from 'vitest';
import { lunarFestivals } from '../../../src/domain/calendar/lunar-dates.ts';

// domain.md §7.1: CNY (day 1), eve and Lantern Festival, cross-checked with date-holidays.
const CNY: [year: number, cny: string, eve: string, lantern: string][] = [
  [2024, '2024-02-10', '2024-02-09', '2024-02-24'],
  [2025, '2025-01-29', '2025-01-28', '2025-02-12'],
  [2026, '2026-02-17', '2026-02-16', '2026-03-03'],
  [2027, '2027-02-06', '2027-02-05', '2027-02-20'],
  [2028, '2028-01-26', '2028-01-25', '2028-02-09'],
  [2029, '2029-02-13', '2029-02-12', '2029-02-27'],
  [2030, '2030-02-03', '2030-02-02', '2030-02-17'],
  [2031, '2031-01-23', '2031-01-22', '2031-02-06'],
  [2032, '2032-02-11', '2032-02-10', '2032-02-25'],
];

describe('lunar festival dates from date-holidays', () => {
  it.each(CNY)('%i: CNY %s, eve %s, Lantern %s', (year, cny, eve, lantern) => {
    const f = lunarFestivals(year);
    expect([f.chineseNewYear, f.springFestivalEve, f.lanternFestival]).toEqual([cny, eve, lantern]);
  });

  it.each([
    // Qingming (solar term), Dragon Boat and Mid-Autumn as the State Council notices place them.
    [2025, '2025-04-04', '2025-05-31', '2025-10-06'],
    [2026, '2026-04-05', '2026-06-19', '2026-09-25'],
    [2028, '2028-04-04', '2028-05-28', '2028-10-03'],
  ])('%i: Qingming %s, Dragon Boat %s, Mid-Autumn %s', (year, qingming, dragonBoat, midAutumn) => {
    expect(lunarFestivals(year)).toMatchObject({ qingming, dragonBoat, midAutumn });
  });

  it('refuses a year outside the lunar tables', () => {
    expect(() => lunarFestivals(1800)).toThrow(/year/);
  });
});

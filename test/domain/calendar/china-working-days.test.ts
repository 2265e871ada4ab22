import { describe, expect, it } from 'vitest';
import { chinaHolidayYear } from '../../../src/domain/calendar/china-holidays.ts';
import {
  addChinaWorkingDays,
  chinaDayStatus,
  countChinaWorkingDays,
  isChinaWorkingDay,
  subtractChinaWorkingDays,
} from '../../../src/domain/calendar/china-working-days.ts';

describe('isChinaWorkingDay', () => {
  it.each([
    // make-up working days (调休) are working days although they fall on a weekend
    ['2025-01-26', true, 'make-up working day'],
    ['2025-02-08', true, 'make-up working day'],
    ['2025-04-27', true, 'make-up working day'],
    ['2025-09-28', true, 'make-up working day'],
    ['2025-10-11', true, 'make-up working day'],
    ['2026-01-04', true, 'make-up working day'],
    ['2026-02-14', true, 'make-up working day'],
    ['2026-02-28', true, 'make-up working day'],
    ['2026-05-09', true, 'make-up working day'],
    ['2026-09-20', true, 'make-up working day'],
    ['2026-10-10', true, 'make-up working day'],
    // weekdays inside the official windows are days off
    ['2025-02-03', false, 'public holiday'],
    ['2025-10-08', false, 'public holiday'],
    ['2026-02-16', false, 'public holiday'],
    ['2026-02-23', false, 'public holiday'],
    ['2026-05-05', false, 'public holiday'],
    ['2026-10-07', false, 'public holiday'],
    // plain days
    ['2026-02-24', true, 'weekday'],
    ['2026-03-07', false, 'weekend'],
  ])('%s → working %s (%s)', (date, working, reason) => {
    expect(isChinaWorkingDay(date)).toBe(working);
    expect(chinaDayStatus(date).reason).toBe(reason);
  });

  it('February 2026 has 16 working days: 20 weekdays − 6 Spring Festival weekdays + 2 make-up Saturdays', () => {
    expect(countChinaWorkingDays('2026-02-01', '2026-02-28')).toBe(16);
  });

  it('rejects a malformed date naming the field', () => {
    expect(() => addChinaWorkingDays('2026/02/13', 1)).toThrow(/date: expected a date as YYYY-MM-DD/);
    expect(() => addChinaWorkingDays('2026-02-13', -1)).toThrow(/whole number/);
  });
});

describe('adding and subtracting working days across CNY 2026', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14'], // Friday → the make-up Saturday
    ['2026-02-14', 1, '2026-02-24'], // over the 9-day holiday
    ['2026-02-27', 1, '2026-02-28'], // the second make-up Saturday
    ['2026-02-12', 5, '2026-02-26'],
    ['2026-03-02', 0, '2026-03-02'],
  ])('%s + %i working days = %s', (from, n, to) => {
    expect(addChinaWorkingDays(from, n)).toBe(to);
    if (n > 0) expect(subtractChinaWorkingDays(to, n)).toBe(from);
  });
});

describe('years the State Council has not announced', () => {
  it('2027 is estimated: Spring Festival 8 days from the eve, no invented make-up days', () => {
    const y = chinaHolidayYear(2027);
    expect(y.estimated).toBe(true);
    expect(y.makeUpWorkingDays).toEqual([]);
    expect(y.holidays.find((h) => h.id === 'spring-festival')).toMatchObject({ start: '2027-02-05', end: '2027-02-12' });
    expect(chinaDayStatus('2027-02-08')).toMatchObject({ working: false, estimated: true });
  });

  it('2028 merges National Day and Mid-Autumn (3 Oct) into 1–8 Oct', () => {
    const y = chinaHolidayYear(2028);
    expect(y.holidays.find((h) => h.id === 'national-day-mid-autumn')).toMatchObject({ start: '2028-10-01', end: '2028-10-08' });
    expect(y.holidays.some((h) => h.id === 'mid-autumn')).toBe(false);
  });

  it('announced years are not estimates', () => {
    expect([2024, 2025, 2026].map((year) => chinaHolidayYear(year).estimated)).toEqual([false, false, false]);
  });
});

import { describe, expect, it } from 'vitest';
import { blackFridayCyberMonday, clientCountry, usThanksgiving } from '../../../src/domain/calendar/client-peaks.ts';
import { cnyShutdownWindow, preCnyFreightPeak } from '../../../src/domain/calendar/factory-shutdown.ts';

describe('Black Friday and Cyber Monday (domain.md §7.5)', () => {
  it.each([
    [2024, '2024-11-29', '2024-12-02'],
    [2025, '2025-11-28', '2025-12-01'],
    [2026, '2026-11-27', '2026-11-30'],
    [2027, '2027-11-26', '2027-11-29'],
    [2028, '2028-11-24', '2028-11-27'],
    [2029, '2029-11-23', '2029-11-26'],
    [2030, '2030-11-29', '2030-12-02'],
    [2031, '2031-11-28', '2031-12-01'],
    [2032, '2032-11-26', '2032-11-29'],
  ])('%i: Black Friday %s, Cyber Monday %s', (year, bf, cm) => {
    expect(blackFridayCyberMonday(year)).toEqual({ start: bf, end: cm });
    expect(usThanksgiving(year) < bf).toBe(true);
  });
});

describe('CNY factory shutdown window [heuristic]', () => {
  it('defaults to CNY − 21 to CNY + 28 days (2026: 27 Jan – 17 Mar)', () => {
    expect(cnyShutdownWindow(2026)).toEqual({ start: '2026-01-27', end: '2026-03-17' });
  });

  it('is configurable', () => {
    expect(cnyShutdownWindow(2027, { daysBefore: 14, daysAfter: 21 })).toEqual({ start: '2027-01-23', end: '2027-02-27' });
    expect(() => cnyShutdownWindow(2027, { daysBefore: -1 })).toThrow(/daysBefore/);
  });

  it('the pre-CNY freight peak ends the day before the shutdown starts', () => {
    expect(preCnyFreightPeak(2026)).toEqual({ start: '2026-01-06', end: '2026-01-26' });
    expect(preCnyFreightPeak(2026, { preCnyFreightPeakDays: 0 })).toBeUndefined();
  });
});

describe('client countries', () => {
  it.each([
    ['US', 'US', 'US'],
    ['United States', 'US', 'US'],
    ['de', 'DE', 'EU'],
    ['Germany', 'DE', 'EU'],
    ['NL', 'NL', 'EU'],
    ['UK', 'GB', 'GB'],
    ['Australia', 'AU', 'AU'],
  ])('%s → %s (%s market)', (input, code, market) => {
    expect(clientCountry(input)).toEqual({ code, market });
  });

  it('has no profile for a market we do not know', () => {
    expect(clientCountry('Brazil')).toBeUndefined();
  });
});

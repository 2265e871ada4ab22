import { describe, expect, it } from 'vitest';
import { riskWindowsFor } from '../../../src/domain/calendar/risk-windows.ts';

const KINDS = ['Public holiday CN', 'Factory closure', 'Shipping blackout', 'Client peak', 'Maintenance'];

describe('riskWindowsFor', () => {
  const rows = riskWindowsFor({ fromYear: 2026, toYear: 2027, clientCountries: ['US', 'Germany', 'AU'] });

  it('is deterministic with unique stable keys, so the calendar job can upsert idempotently', () => {
    expect(riskWindowsFor({ fromYear: 2026, toYear: 2027, clientCountries: ['AU', 'US', 'DE'] })).toEqual(rows);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    for (const r of rows) {
      expect(KINDS).toContain(r.kind);
      expect(r.start <= r.end).toBe(true);
    }
  });

  it.each([
    ['cn-holiday:2026:spring-festival', 'Public holiday CN', '2026-02-15', '2026-02-23', false, undefined],
    ['cn-holiday:2026:national-day', 'Public holiday CN', '2026-10-01', '2026-10-07', false, undefined],
    ['cn-holiday:2026:labour-day', 'Public holiday CN', '2026-05-01', '2026-05-05', false, undefined],
    ['cn-holiday:2027:spring-festival', 'Public holiday CN', '2027-02-05', '2027-02-12', true, undefined],
    ['factory-closure:2026:cny', 'Factory closure', '2026-01-27', '2026-03-17', false, undefined],
    ['factory-closure:2027:cny', 'Factory closure', '2027-01-16', '2027-03-06', true, undefined],
    ['client-peak:US:2026:black-friday-cyber-monday', 'Client peak', '2026-11-27', '2026-11-30', false, 'US'],
    ['client-peak:DE:2027:black-friday-cyber-monday', 'Client peak', '2027-11-26', '2027-11-29', false, 'DE'],
    ['client-peak:AU:2026:back-to-school', 'Client peak', '2026-01-05', '2026-02-05', false, 'AU'],
    ['shipping-blackout:US:2026:transpacific-peak', 'Shipping blackout', '2026-08-01', '2026-10-31', false, 'US'],
  ])('%s is a %s from %s to %s (estimated %s)', (key, kind, start, end, estimated, country) => {
    const row = rows.find((r) => r.key === key);
    expect(row).toMatchObject({ kind, start, end, estimated });
    expect(row?.clientCountry).toBe(country);
  });

  it('leaves out client peaks when no client country is given', () => {
    const cnOnly = riskWindowsFor({ fromYear: 2026, toYear: 2026 });
    expect(cnOnly.some((r) => r.kind === 'Client peak')).toBe(false);
    expect(cnOnly.filter((r) => r.kind === 'Public holiday CN')).toHaveLength(7);
  });

  it('refuses an unknown client country and a reversed span, naming them', () => {
    expect(() => riskWindowsFor({ fromYear: 2026, toYear: 2026, clientCountries: ['Atlantis'] })).toThrow(/"Atlantis"/);
    expect(() => riskWindowsFor({ fromYear: 2027, toYear: 2026 })).toThrow(/fromYear ≤ toYear/);
  });
});

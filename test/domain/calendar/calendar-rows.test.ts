import { describe, expect, it } from 'vitest';
import { calendarRows } from '../../../src/domain/calendar/calendar-rows.ts';

const CLIENTS = [
  { id: 'recUS', name: 'Harborline', country: 'United States' },
  { id: 'recDE', name: 'Küchenwerk', country: 'DE' },
  { id: 'recXX', name: 'Andes Imports', country: 'Peru' },
  { id: 'recNone', name: 'No country' },
];

describe('generated Calendar rows', () => {
  const { rows, notes } = calendarRows(2025, 2026, CLIENTS);
  const byKey = new Map(rows.map((r) => [r.key, r]));

  it('has unique keys and is the same on every call', () => {
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(calendarRows(2025, 2026, CLIENTS)).toEqual({ rows, notes });
  });

  it.each([
    ['cn-holiday:2025:spring-festival', 'Public holiday CN', '2025-01-28', '2025-02-04', false],
    ['cn-holiday:2025:national-day-mid-autumn', 'Public holiday CN', '2025-10-01', '2025-10-08', false],
    ['cn-makeup:2025-01-26', 'Make-up working day CN', '2025-01-26', '2025-01-26', false],
    ['cn-makeup:2026-02-28', 'Make-up working day CN', '2026-02-28', '2026-02-28', false],
    ['factory-closure:2026:cny', 'Factory closure', '2026-01-27', '2026-03-17', false],
    ['client-peak:US:2025:black-friday-cyber-monday', 'Client peak', '2025-11-28', '2025-12-01', false],
    ['client-peak:DE:2026:back-to-school', 'Client peak', '2026-08-01', '2026-09-15', false],
  ])('%s', (key, kind, start, end, estimated) => {
    expect(byKey.get(key)).toMatchObject({ kind, start, end, estimated });
  });

  it('names the holiday a make-up day belongs to and the market of a peak', () => {
    expect(byKey.get('cn-makeup:2025-01-26')?.name).toBe('Make-up working day for Spring Festival 2025-01-26');
    expect(byKey.get('client-peak:US:2025:black-friday-cyber-monday')).toMatchObject({ market: 'US', notes: expect.stringContaining('Client market: US') });
  });

  it('generates no peaks for unknown markets and says why', () => {
    expect(rows.some((r) => r.key.includes(':PE:'))).toBe(false);
    expect(notes).toEqual([
      'Clients recXX (Andes Imports): "Country" "Peru" has no peak profile (known: US, EU members, GB, AU)',
      'Clients recNone (No country): "Country" is empty; no client peaks for it',
    ]);
  });
});

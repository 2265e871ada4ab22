import { describe, expect, it } from 'vitest';
import { datesOf, plan } from './network-fixtures.ts';

// Defaults (plan-settings.ts): repeat order 5 wd to sample approval, 10 wd to materials, IPI 1 wd and materials 2 wd
// before production start, DUPRO at 40 % of output, PSI 1 wd after production, cargo ready 2 wd after PSI, loading
// 1 wd after cargo ready, ETD 4 days after loading (air: 3 days after cargo ready), booking 28 days (air 7) before
// cargo ready, final mile 7 days (air 3), balance 3 days after ETD. Transit: sea 18, air 7 days.
// 2026-06-10 is a Wednesday; 19–21 Jun 2026 is the Dragon Boat holiday.
const SEA_FROM_10_JUNE = {
  'Deposit paid': '2026-06-10', // today
  'Sample approval': '2026-06-17', // + 5 wd: 11, 12, 15, 16, 17
  'Materials ready': '2026-07-02', // + 10 wd: 18, (19 holiday) 22–26, 29, 30, 1 Jul, 2 Jul
  IPI: '2026-07-02', // with the materials
  'Production start': '2026-07-06', // materials + 2 wd (3, 6 Jul); IPI + 1 wd = 3 Jul
  DUPRO: '2026-07-09', // 4 days of output: 6, 7, 8, 9 Jul
  'Production complete': '2026-07-17', // 10 days of output: 6–10, 13–17 Jul
  PSI: '2026-07-20', // + 1 wd (Monday)
  'Cargo ready': '2026-07-22', // + 2 wd
  Booking: '2026-06-24', // cargo ready − 28 days
  'Container loading': '2026-07-23', // + 1 wd
  ETD: '2026-07-27', // + 4 days
  ETA: '2026-08-14', // + 18 days
  Delivered: '2026-08-21', // + 7 days, a Friday
  'Balance paid': '2026-07-30', // ETD + 3 days (against the B/L copy)
};

describe('forward and backward passes on hand-computed networks', () => {
  it('sea: earliest dates from today, float against the ship-by date minus the buffer, the critical path', () => {
    const r = plan({ mode: 'Sea', today: '2026-06-10', productionDays: 10, target: { node: 'ETD', date: '2026-07-31', bufferDays: 3 } });
    expect(datesOf(r)).toEqual(SEA_FROM_10_JUNE);
    // Latest ETD = 31 Jul − 3 = 28 Jul: one day of float along the chain that decides the date.
    expect(r.target).toEqual({ node: 'ETD', date: '2026-07-31', forecast: '2026-07-27', bufferDays: 3, daysLate: 0, bufferUsed: 0 });
    expect(r.byId.get('ETD')).toMatchObject({ latest: '2026-07-28', float: 1, critical: true, status: 'On track' });
    expect(r.byId.get('Container loading')).toMatchObject({ latest: '2026-07-24', float: 1, critical: true });
    expect(r.byId.get('Booking')).toMatchObject({ latest: '2026-07-23', float: 29, critical: false });
    expect(r.nodes.filter((n) => n.critical).map((n) => n.id)).toEqual(['Deposit paid', 'Production start', 'PSI', 'Cargo ready', 'Container loading', 'ETD']);
    expect(r.conflicts).toEqual([]);
  });

  it('air: no container loading, ETD 3 days after cargo ready, booking a week ahead', () => {
    const r = plan({ mode: 'Air', today: '2026-06-10', productionDays: 10 });
    const { 'Container loading': _loading, ...head } = SEA_FROM_10_JUNE;
    expect(datesOf(r)).toEqual({
      ...head,
      Booking: '2026-07-15', // cargo ready − 7 days
      ETD: '2026-07-25', // cargo ready + 3 days (airlines fly on Saturdays)
      ETA: '2026-08-01', // + 7
      Delivered: '2026-08-04', // + 3 days
      'Balance paid': '2026-07-28',
    });
  });

  it('split: the sea chain plus an air leg from the same cargo ready', () => {
    const r = plan({ mode: 'Sea + Air split', today: '2026-06-10', productionDays: 10 });
    expect(datesOf(r)).toEqual({ ...SEA_FROM_10_JUNE, 'Air ETD': '2026-07-25', 'Air ETA': '2026-08-01', 'Air delivered': '2026-08-04' });
  });

  it('across CNY 2027: half output in the shutdown window, nothing on the holiday, a longer booking lead', () => {
    const r = plan({
      mode: 'Sea',
      today: '2026-12-04',
      productionDays: 20,
      facts: { 'Deposit paid': { actual: '2026-11-20' }, 'Sample approval': { actual: '2026-12-01' }, 'Production start': { actual: '2027-01-04' } },
    });
    expect(datesOf(r)).toEqual({
      'Deposit paid': '2026-11-20',
      'Sample approval': '2026-12-01',
      // Untracked steps before a done one are history: no date.
      'Materials ready': undefined,
      IPI: undefined,
      'Production start': '2027-01-04',
      DUPRO: '2027-01-13', // 8 days of output: 4–8, 11–13 Jan
      // 20 days of output: 4–15 Jan full (10); from 16 Jan (CNY − 21) half: 18–22 (12.5), 25–29 (15), 1–4 Feb (17),
      // 5–12 Feb Spring Festival holiday (0), 15–19 Feb (19.5), 22 Feb (20). Without CNY it would be 29 Jan.
      'Production complete': '2027-02-22',
      PSI: '2027-02-23',
      'Cargo ready': '2027-02-25',
      Booking: '2027-01-14', // cargo ready − (28 + 14 days ahead of CNY)
      'Container loading': '2027-02-26',
      ETD: '2027-03-02',
      ETA: '2027-03-20',
      Delivered: '2027-03-29', // 27 Mar is a Saturday: the client receives on Monday
      'Balance paid': '2027-03-05',
    });
    expect(r.byId.get('Materials ready')?.source).toBe('history');
  });

  it('a supplier closure and a shipping blackout move the steps done in them', () => {
    const r = plan({
      mode: 'Sea',
      today: '2026-06-10',
      productionDays: 10,
      factoryWindows: [{ start: '2026-07-13', end: '2026-07-14', capacity: 0 }],
      blackouts: [{ start: '2026-07-24', end: '2026-07-28' }],
    });
    // Two days without output: production ends 21 Jul instead of 17 Jul; PSI 22, cargo ready 24, loading 27 Jul
    // is inside the blackout → 29 Jul; ETD 2 Aug.
    expect(datesOf(r)).toMatchObject({ 'Production complete': '2026-07-21', PSI: '2026-07-22', 'Cargo ready': '2026-07-24', 'Container loading': '2026-07-29', ETD: '2026-08-02' });
  });

  it('keeps a person\'s date that breaks precedence, plans around it and reports one conflict naming both', () => {
    const r = plan({
      mode: 'Sea',
      today: '2026-06-10',
      productionDays: 10,
      facts: { 'Production start': { person: '2026-07-06' }, PSI: { person: '2026-07-14' }, ETD: { person: '2026-07-27' } },
    });
    const d = datesOf(r);
    expect(d.PSI).toBe('2026-07-14');
    // Production complete is squeezed between start and the entered PSI, never after it.
    expect(d['Production complete']! <= '2026-07-14').toBe(true);
    expect(r.byId.get('Production complete')?.squeezed).toBe(true);
    expect(r.conflicts).toEqual([
      { milestone: 'PSI', date: '2026-07-14', done: false, predecessor: 'Production complete', anchor: { id: 'Production start', date: '2026-07-06', source: 'person' }, earliest: '2026-07-20' },
    ]);
    // PSI cannot happen on its date: at risk; the ETD after it is still reachable from the entered PSI.
    expect(r.byId.get('PSI')).toMatchObject({ status: 'At risk', forecast: '2026-07-20' });
  });

  it('a late predecessor makes its successors at risk, not a conflict, and nothing undone lands before today', () => {
    const r = plan({
      mode: 'Sea',
      today: '2026-07-08',
      productionDays: 10,
      facts: {
        'Deposit paid': { actual: '2026-06-01' },
        'Sample approval': { actual: '2026-06-10' },
        'Materials ready': { actual: '2026-06-26' },
        IPI: { actual: '2026-06-29' },
        'Production start': { person: '2026-07-06' },
        ETD: { person: '2026-07-27' },
      },
    });
    expect(r.byId.get('Production start')?.status).toBe('Late');
    expect(r.conflicts).toEqual([]);
    for (const n of r.nodes) if (n.source === 'plan') expect(n.date! >= '2026-07-08', n.id).toBe(true);
    // Production from today (8 Jul) ends 21 Jul; PSI 22, cargo 24, loading 27, ETD 31 Jul > 27 Jul entered.
    expect(r.byId.get('ETD')).toMatchObject({ date: '2026-07-27', forecast: '2026-07-31', status: 'At risk' });
  });
});

describe('backward steps', () => {
  it('the closed forms give the same latest day as the bisection, for every day of two years', async () => {
    const { backward, bisect } = await import('../../../src/domain/planning/network-steps.ts');
    const { workCalendar } = await import('../../../src/domain/planning/work-calendar.ts');
    const cal = workCalendar({ fromYear: 2025, toYear: 2028, factoryWindows: [{ start: '2027-03-01', end: '2027-03-05', capacity: 0 }], blackouts: [], settings: { closureCapacity: 0.5, cnyShutdown: {} } });
    for (const lag of [{ unit: 'working days' as const, n: 0 }, { unit: 'working days' as const, n: 1 }, { unit: 'working days' as const, n: 10 }, { unit: 'days' as const, n: 18 }]) {
      const to = lag.unit === 'days' ? ('none' as const) : ('factory' as const);
      for (let d = 400; d < 1100; d += 1) expect(backward(cal, lag, to, d), `${lag.unit} ${lag.n} at ${d}`).toBe(bisect(cal, lag, to, d));
    }
  });
});

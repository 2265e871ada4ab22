import { describe, it } from 'vitest';
import { calendarConflict } from '../../../../src/domain/checks/rules/calendar-conflict.ts';
import { baseWorld, CLOCK, day, expectFindings, link, SETTINGS, type Expected, type World } from '../world.ts';

/** Reschedules po1 (not started yet) to produce from `start` to `end`. */
const produce = (w: World, start: string, end: string) => {
  w.patch('purchaseOrders', 'po1', { Status: 'PO placed' });
  w.patch('milestones', 'ms-start', { 'Planned date': start, 'Actual date': undefined });
  w.patch('milestones', 'ms-complete', { 'Planned date': end });
};

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a schedule clear of every window stays quiet', () => {}, []],
  [
    'production across the CNY 2027 shutdown is a Warning',
    (w) => produce(w, '2027-01-10', '2027-02-20'),
    [{ severity: 'Warning', says: ['PO-1001 at Ningbo Test Factory Co., Ltd.', 'Production 2027-01-10 → 2027-02-20 overlaps the CNY factory shutdown 2027 (2027-01-16 – 2027-03-06, estimated) by 36 days'], subject: ['po1'], owner: 'p-agent' }],
  ],
  [
    'an ETD inside National Day Golden Week is a Warning',
    (w) => w.patch('milestones', 'ms-etd', { 'Planned date': '2026-10-03' }).patch('purchaseOrders', 'po1', { 'Ship-by date': '2026-10-05' }),
    [{ severity: 'Warning', says: ['ETD 2026-10-03 falls in the National Day Golden Week 2026 (2026-10-01 – 2026-10-07)'] }],
  ],
  [
    'production spanning a Golden Week alone is Info (the plan already skips those days)',
    (w) => produce(w, '2026-09-20', '2026-10-20'),
    [{ severity: 'Info', says: ['spans National Day Golden Week 2026'] }],
  ],
  [
    'a maintenance entered for this factory overlaps production',
    (w) => w.put('calendar', 'cal-maint', { Name: 'Mould maintenance', Kind: 'Maintenance', Start: day(5), End: day(7), Supplier: link('s1'), Source: 'Manual' }),
    [{ severity: 'Warning', says: [`overlaps Mould maintenance (${day(5)} – ${day(7)}) by 3 days`] }],
  ],
  [
    'another factory’s maintenance is not ours',
    (w) => {
      w.put('suppliers', 's2', { Name: 'Other Works', Status: 'Approved' });
      w.put('calendar', 'cal-maint', { Name: 'Mould maintenance', Kind: 'Maintenance', Start: day(5), End: day(7), Supplier: link('s2'), Source: 'Manual' });
    },
    [],
  ],
  [
    'a shipping blackout for everyone covers the ETD',
    (w) => w.put('calendar', 'cal-blank', { Name: 'Blank sailings', Kind: 'Shipping blackout', Start: day(26), End: day(29), Source: 'Manual' }),
    [{ severity: 'Warning', says: [`ETD ${day(28)} falls in Blank sailings`] }],
  ],
  [
    'delivery after the start of the client’s peak (Australian EOFY sales 2027) is a Warning',
    (w) => w.patch('milestones', 'ms-eta', { 'Planned date': '2027-06-05' }),
    [{ severity: 'Warning', says: ['delivery around 2027-06-12 lands 11 days after the start of End-of-financial-year sales 2027 (2027-06-01 – 2027-06-30)'] }],
  ],
  [
    'a client peak entered for this client counts; the target before it makes a late delivery a miss',
    (w) => {
      w.put('calendar', 'cal-launch', { Name: 'Spring catalogue launch', Kind: 'Client peak', Start: day(60), End: day(62), Client: link('c1'), Source: 'Manual' });
      w.patch('projects', 'prj1', { 'Target delivery date': day(50) });
    },
    [{ severity: 'Warning', says: ['lands 5 days after the start of Spring catalogue launch'] }],
  ],
  [
    'generated calendar rows are computed, not read twice',
    (w) => w.put('calendar', 'cal-gen', { Name: 'Blank sailings', Kind: 'Shipping blackout', Start: day(26), End: day(29), Source: 'Generated', Key: 'shipping-blackout:2026:x' }),
    [],
  ],
  ['a finished production is not in conflict any more', (w) => { produce(w, '2027-01-10', '2027-02-20'); w.patch('milestones', 'ms-complete', { 'Actual date': day(-1) }); }, []],
];

describe('calendar-conflict', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(calendarConflict.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

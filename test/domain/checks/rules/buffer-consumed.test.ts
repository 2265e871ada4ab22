import { describe, it } from 'vitest';
import { bufferConsumed } from '../../../../src/domain/checks/rules/buffer-consumed.ts';
import { baseWorld, CLOCK, day, expectFindings, link, plannable, SETTINGS, type Expected, type World } from '../world.ts';

// po1 made plannable: 14-day lead time → 10 output days and a 2-day buffer; ship-by 10 Jul, entered ETD 8 Jul.
// The verdict comes from the schedule network's forecast ETD, the one the planner stores on the PO.
const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['an ETD forecast inside the buffer stays quiet', () => {}, []],
  [
    'an ETD forecast using the whole buffer is a Warning',
    (w) => w.patch('milestones', 'ms-etd', { 'Planned date': day(30) }),
    [{ severity: 'Warning', says: ['PO-1001 at Ningbo Test Factory Co., Ltd.: the forecast ETD 10 Jul 2026 uses 2 of the 2 buffer days', 'ship-by 10 Jul 2026'], subject: ['po1'], owner: 'p-agent' }],
  ],
  [
    'an ETD forecast after the ship-by date is Critical with the recovery options and their dates',
    (w) => {
      w.patch('milestones', 'ms-etd', { 'Planned date': day(33) });
      w.put('suppliers', 's2', { Name: 'Standby Works', Status: 'Standby' });
      w.patch('purchaseOrders', 'po1', { 'Standby supplier': link('s2') });
    },
    [{
      severity: 'Critical',
      says: [
        'Target missed: ETD forecast 13 Jul 2026, 3 days after the ship-by date 10 Jul 2026',
        'Keep the plan and use the 2-day buffer: ETD 13 Jul 2026, 3 days late',
        'Split production with the standby supplier (50 % there): ETD',
        'Air-freight a first batch of 30 %',
        'Book the express sea service (14 days)',
        'choose a recovery option',
      ],
    }],
  ],
  [
    'a late production start pushes the forecast: Critical although the entered ETD looks fine',
    (w) => w.patch('milestones', 'ms-start', { 'Actual date': undefined, 'Planned date': day(-9) }).patch('milestones', 'ms-dupro', { 'Planned date': day(-5) }).patch('purchaseOrders', 'po1', { 'Lead time days': 40 }),
    [{ severity: 'Critical', says: ['Target missed: ETD forecast'] }],
  ],
  ['a shipped PO no longer has a buffer to watch', (w) => w.patch('milestones', 'ms-etd', { 'Planned date': day(33) }).patch('purchaseOrders', 'po1', { Status: 'Shipped' }), []],
];

describe('buffer-consumed', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = plannable(baseWorld());
    setup(w);
    expectFindings(bufferConsumed.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

import { describe, it } from 'vitest';
import { bufferConsumed } from '../../../../src/domain/checks/rules/buffer-consumed.ts';
import { baseWorld, CLOCK, day, expectFindings, link, SETTINGS, type Expected, type World } from '../world.ts';

// 7 buffer days (60 × 12 %); Warning from 75 % (6 days), Critical from 100 %.
const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['on baseline stays quiet', () => {}, []],
  ['a 5-day slip (71 %) stays quiet', (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(23) }), []],
  [
    'a 6-day slip is a Warning',
    (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(24) }),
    [{ severity: 'Warning', says: ['PO-1001 at Ningbo Test Factory Co., Ltd.', 'Production complete is 6 days behind its baseline', '86 % of the 7 days buffer'], subject: ['po1'], owner: 'p-agent' }],
  ],
  [
    'an overdue milestone slips to today and can use it all',
    (w) => w.patch('milestones', 'ms-dupro', { 'Baseline date': day(-8), 'Planned date': day(-8) }),
    [{ severity: 'Critical', says: ['DUPRO is 8 days behind its baseline', 'recovery option'] }],
  ],
  [
    'a planned ETD after the ship-by date is Critical and names the standby',
    (w) => {
      w.patch('milestones', 'ms-etd', { 'Planned date': day(31) });
      w.put('suppliers', 's2', { Name: 'Standby Works', Status: 'Standby' });
      w.patch('purchaseOrders', 'po1', { 'Standby supplier': link('s2') });
    },
    [{ severity: 'Critical', says: [`the planned ETD ${day(31)} is after the ship-by date ${day(30)}`, 'standby: Standby Works'] }],
  ],
  ['a shipped PO no longer has a buffer to watch', (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(30) }).patch('purchaseOrders', 'po1', { Status: 'Shipped' }), []],
];

describe('buffer-consumed', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(bufferConsumed.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

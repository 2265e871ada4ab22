import { describe, it } from 'vitest';
import { staleUpdates } from '../../../../src/domain/checks/rules/stale-updates.ts';
import { baseWorld, CLOCK, day, expectFindings, link, SETTINGS, type Expected, type World } from '../world.ts';

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['an update 3 days ago stays quiet', () => {}, []],
  [
    'the last update 8 days ago is a Warning quoting it',
    (w) => w.patch('updates', 'up1', { Date: day(-8) }),
    [{ severity: 'Warning', says: ['PO-1001 at Ningbo Test Factory Co., Ltd. is in production', `the last update was 8 days ago (${day(-8)}, "PO-1001 · Weekly update")`, 'photos'], subject: ['po1'], owner: 'p-agent' }],
  ],
  ['exactly 6 days is still fine', (w) => w.patch('updates', 'up1', { Date: day(-6) }), []],
  [
    'no update ever counts from production start',
    (w) => w.drop('updates', 'up1'),
    [{ severity: 'Warning', says: [`has had no update in 9 days (since ${day(-9)})`] }],
  ],
  ['a portal update from the factory resolves it', (w) => { w.patch('updates', 'up1', { Date: day(-8) }); w.put('updates', 'up2', { Update: 'Factory news', PO: link('po1'), Date: day(-1), Source: 'Supplier portal' }); }, []],
  ['a PO not in production is not chased', (w) => { w.patch('updates', 'up1', { Date: day(-20) }); w.patch('purchaseOrders', 'po1', { Status: 'Ready to ship' }); }, []],
];

describe('stale-updates', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(staleUpdates.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

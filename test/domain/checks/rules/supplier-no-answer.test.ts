import { describe, it } from 'vitest';
import { supplierNoAnswer } from '../../../../src/domain/checks/rules/supplier-no-answer.ts';
import { baseWorld, CLOCK, day, expectFindings, link, SETTINGS, type Expected, type World } from '../world.ts';

// ms-complete (Production complete) is a milestone the factory reports; DUPRO is the agent's inspection.
const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a factory milestone still ahead stays quiet', () => {}, []],
  ['one day past its date is still within the 48 hours', (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(-1) }), []],
  [
    'two days past its date without a word from the factory',
    (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(-2) }),
    [{ severity: 'Warning', says: ['has not answered in the supplier portal about PO-1001 · Production complete', `planned ${day(-2)}`, 'call the factory'], subject: ['ms-complete'] }],
  ],
  ['a done date answers it', (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(-5), 'Actual date': day(-4) }), []],
  ['a proposed new date answers it', (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(-5), 'Proposed date': day(3), 'Proposal status': 'Proposed' }), []],
  [
    'a portal update on or after the date answers it',
    (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(-5) }).put('updates', 'up-portal', { Update: 'Line 2 slowed down', PO: link('po1'), Date: day(-5), Source: 'Supplier portal' }),
    [],
  ],
  [
    'a portal update before the date does not',
    (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(-5) }).put('updates', 'up-portal', { Update: 'All fine', PO: link('po1'), Date: day(-6), Source: 'Supplier portal' }),
    [{ severity: 'Warning', says: ['PO-1001 · Production complete'] }],
  ],
  ['an inspection is not the factory’s to report', (w) => w.patch('milestones', 'ms-dupro', { 'Planned date': day(-5) }), []],
  ['a cancelled PO is not chased', (w) => w.patch('milestones', 'ms-complete', { 'Planned date': day(-5) }).patch('purchaseOrders', 'po1', { Status: 'Cancelled' }), []],
];

describe('supplier-no-answer', () => {
  for (const [name, setup, expected] of cases) {
    it(name, () => {
      const w = baseWorld();
      setup(w);
      expectFindings(supplierNoAnswer.check(w.snapshot(), CLOCK, SETTINGS), expected);
    });
  }
});

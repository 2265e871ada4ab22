import { describe, it } from 'vitest';
import { missingIpi } from '../../../../src/domain/checks/rules/missing-ipi.ts';
import { baseWorld, CLOCK, day, expectFindings, SETTINGS, type Expected, type World } from '../world.ts';

/** Production not started yet: start in `offset` days. */
const startsIn = (w: World, offset: number) => {
  w.patch('purchaseOrders', 'po1', { Status: 'PO placed' });
  w.patch('milestones', 'ms-start', { 'Planned date': day(offset), 'Actual date': undefined });
};

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['an IPI done before the start stays quiet', () => {}, []],
  [
    'no IPI with production starting in 5 days is a Warning',
    (w) => {
      startsIn(w, 5);
      w.drop('inspections', 'in-ipi');
    },
    [{ severity: 'Warning', says: ['Production of PO-1001 at Ningbo Test Factory Co., Ltd. starts in 5 days', 'no IPI is booked', 'book the initial production inspection'], subject: ['po1'], owner: 'p-qa' }],
  ],
  [
    'an IPI booked after the start counts as none',
    (w) => {
      startsIn(w, 2);
      w.patch('inspections', 'in-ipi', { 'Scheduled date': day(3), 'Inspection date': undefined, Result: 'Pending' });
    },
    [{ severity: 'Warning', says: ['PO-1001 · IPI) is booked for ' + day(3) + ', after the start'] }],
  ],
  [
    'production already running without an IPI',
    (w) => w.drop('inspections', 'in-ipi'),
    [{ severity: 'Warning', says: [`started on ${day(-9)}`, 'check the first units now'] }],
  ],
  ['a start beyond the look-ahead is not chased yet', (w) => { startsIn(w, 12); w.drop('inspections', 'in-ipi'); }, []],
  ['production complete ends the question', (w) => { w.drop('inspections', 'in-ipi'); w.patch('milestones', 'ms-complete', { 'Actual date': day(-1) }); }, []],
  ['booking the IPI before the start resolves it', (w) => { startsIn(w, 5); w.patch('inspections', 'in-ipi', { 'Scheduled date': day(4), 'Inspection date': undefined, Result: 'Pending' }); }, []],
];

describe('missing-ipi', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(missingIpi.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

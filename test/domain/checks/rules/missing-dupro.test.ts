import { describe, it } from 'vitest';
import { missingDupro } from '../../../../src/domain/checks/rules/missing-dupro.ts';
import { baseWorld, CLOCK, day, expectFindings, SETTINGS, type Expected, type World } from '../world.ts';

// Production runs day -9 → day +18 (27 days): today is at 33 %.
const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a DUPRO booked between 20 and 60 % stays quiet', () => {}, []],
  [
    'none booked at 33 % is Info: book it before 60 %',
    (w) => w.drop('inspections', 'in-dupro'),
    [{ severity: 'Info', says: ['Production of PO-1001 at Ningbo Test Factory Co., Ltd. is at 33 % (time elapsed)', 'no DUPRO is booked', 'before 60 %'], subject: ['po1'], owner: 'p-qa' }],
  ],
  [
    'past 60 % without a DUPRO done is a Warning, even when one is booked',
    (w) => w.patch('milestones', 'ms-complete', { 'Progress %': 0.65 }),
    [{ severity: 'Warning', says: ['is at 65 % (reported progress)', 'no DUPRO has been done', 'PO-1001 · DUPRO is booked for'] }],
  ],
  ['before 20 % nothing is due', (w) => { w.drop('inspections', 'in-dupro'); w.patch('milestones', 'ms-complete', { 'Progress %': 0.1 }); }, []],
  [
    'a DUPRO performed resolves it',
    (w) => {
      w.patch('milestones', 'ms-complete', { 'Progress %': 0.7 });
      w.patch('inspections', 'in-dupro', { 'Inspection date': day(-1), Result: 'Pass' });
    },
    [],
  ],
  ['a PO not in production is not checked', (w) => { w.drop('inspections', 'in-dupro'); w.patch('purchaseOrders', 'po1', { Status: 'Inspection' }); }, []],
];

describe('missing-dupro', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(missingDupro.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

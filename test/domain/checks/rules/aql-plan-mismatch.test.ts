import { describe, it } from 'vitest';
import { aqlPlanMismatch } from '../../../../src/domain/checks/rules/aql-plan-mismatch.ts';
import { baseWorld, CLOCK, expectFindings, psi, SETTINGS, type Expected, type World } from '../world.ts';

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a judged PSI with the table plan stays quiet', (w) => psi(w, 'in-psi', 'Pass'), []],
  [
    'a judged PSI with a too small sample is a Warning naming the plan',
    (w) => psi(w, 'in-psi', 'Pass', { 'Lot size': 4000 }),
    [{ severity: 'Warning', says: ['PO-1001 · PSI in-psi (Pass) was judged on a plan that does not fit lot 4000', 'Sample size 125 is smaller than the 200', 'Major accept 7 should be 10'], subject: ['in-psi'], owner: 'p-qa' }],
  ],
  ['an inspection not judged yet is corrected by the write-back, not alerted', (w) => psi(w, 'in-psi', 'Pending', { 'Lot size': 4000 }), []],
  [
    'a lot size of 0 cannot be planned',
    (w) => w.patch('inspections', 'in-dupro', { 'Lot size': 0 }),
    [{ severity: 'Warning', says: ['PO-1001 · DUPRO: no AQL plan can be computed', 'Lot size must be a whole number of units ≥ 1'] }],
  ],
  ['the project benchmarks fill missing AQLs', (w) => psi(w, 'in-psi', 'Pass', { 'Inspection level': undefined }), []],
  [
    'a special level is planned from Table 1 too: S-3 judged on level II numbers does not fit',
    (w) => psi(w, 'in-psi', 'Pass', { 'Inspection level': 'S-3' }),
    [{ severity: 'Warning', says: ['was judged on a plan that does not fit'] }],
  ],
];

describe('aql-plan-mismatch', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(aqlPlanMismatch.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

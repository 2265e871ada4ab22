import { describe, it } from 'vitest';
import { evaluationRejected } from '../../../../src/domain/checks/rules/evaluation-rejected.ts';
import { baseWorld, CLOCK, expectFindings, link, SETTINGS, type Expected, type World } from '../world.ts';

const evaluation = (w: World, decision: string, project = 'prj1', notes?: string) =>
  w.put('supplierEvaluations', 'ev1', { Evaluation: 'Test Factory · kettles', Supplier: link('s1'), Project: link(project), Decision: decision, ...(notes ? { Notes: notes } : {}) });

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['no evaluation: quiet', () => {}, []],
  ['Selected: quiet', (w) => evaluation(w, 'Selected'), []],
  ['Standby: quiet', (w) => evaluation(w, 'Standby'), []],
  [
    'Rejected for this project: Critical on the PO, whatever the supplier status says',
    (w) => evaluation(w, 'Rejected', 'prj1', 'failed the drop test'),
    [{ severity: 'Critical', says: ['PO-1001 is In production with Ningbo Test Factory Co., Ltd., whose evaluation "Test Factory · kettles" for this project is Rejected (failed the drop test)'], subject: ['po1', 'ev1'], owner: 'p-agent' }],
  ],
  ['Rejected while still at RFQ: Critical (the gate is before the order)', (w) => evaluation(w, 'Rejected').patch('purchaseOrders', 'po1', { Status: 'RFQ' }), [{ severity: 'Critical', says: ['PO-1001 is RFQ'] }]],
  ['Rejected for another project: quiet', (w) => w.put('projects', 'prj2', { Project: 'Other', Phase: 'Supplier evaluation' }) && evaluation(w, 'Rejected', 'prj2'), []],
  ['a cancelled PO is history', (w) => evaluation(w, 'Rejected').patch('purchaseOrders', 'po1', { Status: 'Cancelled' }), []],
];

describe('evaluation-rejected (the evaluation decision is a gate)', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(evaluationRejected.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

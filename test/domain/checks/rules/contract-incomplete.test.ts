import { describe, it } from 'vitest';
import { contractIncomplete } from '../../../../src/domain/checks/rules/contract-incomplete.ts';
import { baseWorld, CLOCK, expectFindings, SETTINGS, type Expected, type World } from '../world.ts';

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a complete contract file stays quiet', () => {}, []],
  [
    'missing deliverables are listed',
    (w) => w.patch('purchaseOrders', 'po1', { 'Specs & drawings': undefined, 'Packaging instructions': undefined, 'Named place': '  ' }),
    [{ severity: 'Warning', says: ['PO-1001 is In production but lacks specs & drawings, packaging instructions and the Incoterm named place'], subject: ['po1'], owner: 'p-agent' }],
  ],
  [
    'an unsigned contract in production is Critical',
    (w) => w.patch('purchaseOrders', 'po1', { 'Contract signed': undefined, 'Payment terms': undefined, Incoterm: undefined }),
    [{ severity: 'Critical', says: ['lacks the signed contract, the Incoterm and payment terms'] }],
  ],
  [
    'at PO placed an unsigned contract is a Warning',
    (w) => w.patch('purchaseOrders', 'po1', { Status: 'PO placed', 'Contract signed': undefined }),
    [{ severity: 'Warning', says: ['PO-1001 is PO placed but lacks the signed contract'] }],
  ],
  ['before PO placed nothing is required', (w) => w.patch('purchaseOrders', 'po1', { Status: 'Quoted', 'Contract signed': undefined, 'Inspection protocol': undefined }), []],
  ['a delivered PO is history', (w) => w.patch('purchaseOrders', 'po1', { Status: 'Delivered', 'Defect & penalty clauses': undefined }), []],
];

describe('contract-incomplete (phase-3 gate)', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(contractIncomplete.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

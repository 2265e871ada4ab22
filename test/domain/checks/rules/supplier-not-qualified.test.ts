import { describe, it } from 'vitest';
import { supplierNotQualified } from '../../../../src/domain/checks/rules/supplier-not-qualified.ts';
import { baseWorld, CLOCK, day, expectFindings, SETTINGS, type Expected, type World } from '../world.ts';

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['an approved, audited, certified supplier with capacity stays quiet', () => {}, []],
  [
    'a candidate supplier is a Warning',
    (w) => w.patch('suppliers', 's1', { Status: 'Candidate' }),
    [{ severity: 'Warning', says: ['PO-1001 is placed with Ningbo Test Factory Co., Ltd., but its status is Candidate, not Approved', 'complete the supplier evaluation'], subject: ['po1'], owner: 'p-agent' }],
  ],
  ['a blocked supplier is Critical', (w) => w.patch('suppliers', 's1', { Status: 'Blocked' }), [{ severity: 'Critical', says: ['its status is Blocked'] }]],
  ['a failed audit is Critical', (w) => w.patch('suppliers', 's1', { 'Audit status': 'Failed' }), [{ severity: 'Critical', says: ['its factory audit failed'] }]],
  ['no audit is a Warning', (w) => w.patch('suppliers', 's1', { 'Audit status': 'Scheduled' }), [{ severity: 'Warning', says: ['it has no passed audit (Scheduled)'] }]],
  ['an audit older than two years no longer counts', (w) => w.patch('suppliers', 's1', { 'Last audit date': day(-800) }), [{ severity: 'Warning', says: [`its last audit (${day(-800)}) is older than 730 days`] }]],
  [
    'a certification the project requires is missing',
    (w) => w.patch('projects', 'prj1', { 'Certifications required': ['BSCI', 'CE', 'RoHS'] }),
    [{ severity: 'Warning', says: ['it lacks CE and RoHS, required by the project'] }],
  ],
  [
    'the quantity exceeds the capacity within the lead time, and every gap is listed',
    (w) => {
      w.patch('suppliers', 's1', { 'Monthly capacity': 1000, Status: 'Standby' });
    },
    [{ severity: 'Warning', says: ['its status is Standby, not Approved and 3,000 units in 60 days exceed its capacity of 2,000 (1,000 a month)'] }],
  ],
  ['an unknown capacity is Info', (w) => w.patch('suppliers', 's1', { 'Monthly capacity': undefined }), [{ severity: 'Info', says: ['monthly capacity is not recorded'] }]],
  ['a PO still negotiating is not gated yet', (w) => w.patch('suppliers', 's1', { Status: 'Candidate' }).patch('purchaseOrders', 'po1', { Status: 'Negotiating' }), []],
];

describe('supplier-not-qualified (phase-2 gate)', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(supplierNotQualified.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

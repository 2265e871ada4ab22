import { describe, it } from 'vitest';
import { inspectionFailed } from '../../../../src/domain/checks/rules/inspection-failed.ts';
import { baseWorld, CLOCK, day, expectFindings, link, psi, SETTINGS, type Expected, type World } from '../world.ts';

const failDupro = (w: World) =>
  w.patch('inspections', 'in-dupro', {
    'Inspection date': day(-2),
    Result: 'Fail',
    'Accept major': 7,
    'Major defects found': 12,
    'Accept minor': 10,
    'Minor defects found': 4,
  });

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['no failed inspection stays quiet', () => {}, []],
  [
    'a failed DUPRO without a re-inspection is Critical and names the defects',
    failDupro,
    [{ severity: 'Critical', says: [`DUPRO of PO-1001 failed on ${day(-2)}`, '12 major defects, accept 7', 'book a re-inspection'], subject: ['in-dupro'], owner: 'p-qa' }],
  ],
  [
    'a re-inspection booked resolves it',
    (w) => {
      failDupro(w);
      w.put('inspections', 'in-redupro', { Inspection: 'PO-1001 · DUPRO (re)', PO: link('po1'), Type: 'DUPRO', 'Scheduled date': day(3), 'Re-inspection of': link('in-dupro') });
    },
    [],
  ],
  [
    'a failed re-inspection needs another one',
    (w) => {
      psi(w, 'in-psi', 'Fail');
      psi(w, 'in-repsi', 'Fail', { 'Re-inspection of': link('in-psi') });
    },
    [{ severity: 'Critical', says: ['PSI of PO-1001 failed'], subject: ['in-repsi'] }],
  ],
  [
    'a failed factory audit is a Warning about the supplier',
    (w) => w.put('inspections', 'in-audit', { Inspection: 'Test Factory · Audit', Supplier: link('s1'), Type: 'Factory audit', 'Inspection date': day(-5), Result: 'Fail' }),
    [{ severity: 'Warning', says: ['Factory audit of Ningbo Test Factory Co., Ltd. failed', 'follow-up audit'], owner: 'p-agent' }],
  ],
  ['a failed inspection of a closed PO is history', (w) => { failDupro(w); w.patch('purchaseOrders', 'po1', { Status: 'Closed' }); }, []],
];

describe('inspection-failed', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(inspectionFailed.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

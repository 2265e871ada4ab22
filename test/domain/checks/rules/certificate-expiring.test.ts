import { describe, it } from 'vitest';
import { certificateExpiring } from '../../../../src/domain/checks/rules/certificate-expiring.ts';
import { baseWorld, CLOCK, day, expectFindings, SETTINGS, type Expected, type World } from '../world.ts';

// Production of po1 completes on day +18.
const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a certificate valid beyond the order stays quiet', () => {}, []],
  [
    'expiring before production ends is a Warning naming the supplier and PO',
    (w) => w.patch('suppliers', 's1', { 'Certification expiry': day(15) }),
    [{ severity: 'Warning', says: ['A certificate of Ningbo Test Factory Co., Ltd. (BSCI, ISO 9001) expires in 15 days', 'before the work on PO-1001 ends', 'renewed certificate'], subject: ['s1'], owner: 'p-agent' }],
  ],
  [
    'expiring within 30 days is flagged even after production',
    (w) => w.patch('suppliers', 's1', { 'Certification expiry': day(25) }),
    [{ severity: 'Warning', says: ['expires in 25 days'] }],
  ],
  ['expiring in 40 days after production ends is fine', (w) => w.patch('suppliers', 's1', { 'Certification expiry': day(40) }), []],
  [
    'already expired is Critical',
    (w) => w.patch('suppliers', 's1', { 'Certification expiry': day(-3) }),
    [{ severity: 'Critical', says: [`expired 3 days ago (${day(-3)})`] }],
  ],
  [
    'an RFQ counts too: the work ends at ship-by',
    (w) => {
      w.patch('suppliers', 's1', { 'Certification expiry': day(45) });
      w.patch('purchaseOrders', 'po1', { Status: 'RFQ', 'Ship-by date': day(90) });
      w.drop('milestones', 'ms-complete');
    },
    [{ severity: 'Warning', says: ['expires in 45 days'] }],
  ],
  ['a supplier without open POs is not chased', (w) => { w.patch('suppliers', 's1', { 'Certification expiry': day(5) }); w.patch('purchaseOrders', 'po1', { Status: 'Shipped' }); }, []],
];

describe('certificate-expiring', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(certificateExpiring.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

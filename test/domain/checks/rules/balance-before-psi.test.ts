import { describe, it } from 'vitest';
import { balanceBeforePsi } from '../../../../src/domain/checks/rules/balance-before-psi.ts';
import { baseWorld, CLOCK, day, expectFindings, psi, SETTINGS, type Expected, type World } from '../world.ts';

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a balance due in a month stays quiet', () => {}, []],
  [
    'a balance due in 5 days without a passed PSI is a Warning',
    (w) => w.patch('milestones', 'ms-balance', { 'Planned date': day(5) }),
    [{ severity: 'Warning', says: [`The balance of PO-1001 to Ningbo Test Factory Co., Ltd. falls due in 5 days (${day(5)}, planned)`, 'hold the payment'], subject: ['po1'], owner: 'p-fin' }],
  ],
  [
    'paid before any PSI passed is Critical',
    (w) => w.patch('milestones', 'ms-balance', { 'Planned date': day(-1), 'Actual date': day(-1) }),
    [{ severity: 'Critical', says: [`was paid on ${day(-1)} but no PSI has passed`] }],
  ],
  [
    '"After PSI pass" terms due today are Critical',
    (w) => {
      w.patch('purchaseOrders', 'po1', { 'Balance due': 'After PSI pass' });
      w.patch('milestones', 'ms-balance', { 'Planned date': day(0) });
    },
    [{ severity: 'Critical', says: ['falls due today', 'the contract ties it to a passed PSI'] }],
  ],
  [
    'without a milestone, "Before shipment" falls due at cargo ready',
    (w) => {
      w.drop('milestones', 'ms-balance');
      w.patch('purchaseOrders', 'po1', { 'Balance due': 'Before shipment' });
      w.patch('milestones', 'ms-cargo', { 'Planned date': day(6) });
    },
    [{ severity: 'Warning', says: [`falls due in 6 days (${day(6)}, before shipment)`] }],
  ],
  [
    'without a milestone, "Against B/L copy" falls due 3 days after ETD',
    (w) => {
      w.drop('milestones', 'ms-balance');
      w.patch('milestones', 'ms-etd', { 'Planned date': day(2) });
    },
    [{ severity: 'Warning', says: [`falls due in 5 days (${day(5)}, against the B/L copy)`] }],
  ],
  ['a passed PSI resolves it', (w) => { w.patch('milestones', 'ms-balance', { 'Planned date': day(5) }); psi(w, 'in-psi', 'Pass'); }, []],
];

describe('balance-before-psi', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(balanceBeforePsi.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

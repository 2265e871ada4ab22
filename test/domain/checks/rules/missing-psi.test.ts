import { describe, it } from 'vitest';
import { missingPsi } from '../../../../src/domain/checks/rules/missing-psi.ts';
import { baseWorld, CLOCK, day, expectFindings, psi, SETTINGS, shipment, type Expected, type World } from '../world.ts';

const cargoReadyIn = (w: World, offset: number) => w.patch('milestones', 'ms-cargo', { 'Planned date': day(offset) });

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['cargo ready far away stays quiet', () => {}, []],
  [
    'cargo ready in 2 days without a PSI is a Warning',
    (w) => cargoReadyIn(w, 2),
    [{ severity: 'Warning', says: ['PO-1001 at Ningbo Test Factory Co., Ltd. is cargo ready in 2 days', 'no PSI is booked'], subject: ['po1'], owner: 'p-qa' }],
  ],
  [
    'cargo ready today with the PSI still pending is Critical',
    (w) => {
      cargoReadyIn(w, 0);
      psi(w, 'in-psi', 'Pending', { 'Inspection date': undefined, 'Scheduled date': day(1) });
    },
    [{ severity: 'Critical', says: ['is cargo ready today', `is scheduled for ${day(1)} and has not passed yet`] }],
  ],
  [
    'a failed PSI is not a passed one',
    (w) => {
      cargoReadyIn(w, 1);
      psi(w, 'in-psi', 'Fail');
    },
    [{ severity: 'Warning', says: ['the PSI failed'] }],
  ],
  [
    'without a Cargo ready milestone, ETD less loading counts',
    (w) => {
      w.drop('milestones', 'ms-cargo');
      w.patch('milestones', 'ms-etd', { 'Planned date': day(6) });
    },
    [{ severity: 'Warning', says: [`cargo ready in 2 days (${day(2)}, ETD ${day(6)} less loading)`] }],
  ],
  ['a passed PSI resolves it', (w) => { cargoReadyIn(w, 1); psi(w, 'in-psi', 'Pass'); }, []],
  ['a conditional pass counts as passed by default', (w) => { cargoReadyIn(w, 1); psi(w, 'in-psi', 'Conditional pass'); }, []],
  ['a booked PO is left to shipment-without-psi', (w) => { cargoReadyIn(w, 1); shipment(w, 'shp1'); }, []],
];

describe('missing-psi', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(missingPsi.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });

  it('does not count a conditional pass when the settings say so', () => {
    const w = baseWorld();
    cargoReadyIn(w, 1);
    psi(w, 'in-psi', 'Conditional pass');
    const strict = { ...SETTINGS, conditionalPassCounts: false };
    expectFindings(missingPsi.check(w.snapshot(), CLOCK, strict), [{ severity: 'Warning', says: ['has not passed yet'] }]);
  });
});

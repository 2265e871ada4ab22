import { describe, it } from 'vitest';
import { shipmentWithoutPsi } from '../../../../src/domain/checks/rules/shipment-without-psi.ts';
import { baseWorld, CLOCK, day, expectFindings, link, psi, SETTINGS, shipment, type Expected, type World } from '../world.ts';

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['no shipment stays quiet', () => {}, []],
  [
    'a booking without any PSI is Critical',
    (w) => shipment(w, 'shp1'),
    [{ severity: 'Critical', says: [`Shipment BK-shp1 is booked with ETD ${day(4)}`, 'PO-1001 from Ningbo Test Factory Co., Ltd.', 'no PSI at all', 'hold the booking'], subject: ['shp1', 'po1'], owner: 'p-qa' }],
  ],
  [
    'a departed shipment with a failed PSI is Critical and says to hold the balance',
    (w) => {
      shipment(w, 'shp1', { ETD: day(-2), ATD: day(-2) });
      psi(w, 'in-psi', 'Fail');
    },
    [{ severity: 'Critical', says: [`sailed on ${day(-2)}`, 'PO-1001 · PSI in-psi: Fail', 'hold the balance payment'] }],
  ],
  ['a passed PSI resolves it', (w) => { shipment(w, 'shp1'); psi(w, 'in-psi', 'Pass'); }, []],
  ['a passed re-inspection after a failed PSI resolves it', (w) => {
    shipment(w, 'shp1');
    psi(w, 'in-psi', 'Fail');
    psi(w, 'in-repsi', 'Pass', { 'Re-inspection of': link('in-psi') });
  }, []],
  ['a delivered PO is history', (w) => { shipment(w, 'shp1'); w.patch('purchaseOrders', 'po1', { Status: 'Delivered' }); }, []],
];

describe('shipment-without-psi', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(shipmentWithoutPsi.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

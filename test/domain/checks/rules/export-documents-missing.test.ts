import { describe, it } from 'vitest';
import { exportDocumentsMissing } from '../../../../src/domain/checks/rules/export-documents-missing.ts';
import { baseWorld, CLOCK, day, expectFindings, link, SETTINGS, shipment, type Expected, type World } from '../world.ts';

const doc = (w: World, ref: string, kind: string) =>
  w.put('documents', ref, { Name: `${kind} BK-shp1`, Kind: kind, PO: link('po1'), Shipment: link('shp1'), Version: 1 });

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['no shipment stays quiet', () => {}, []],
  ['an ETD 10 days out is not due yet', (w) => shipment(w, 'shp1', { ETD: day(10) }), []],
  [
    'four days before ETD without documents is a Warning listing them',
    (w) => shipment(w, 'shp1'),
    [{ severity: 'Warning', says: [`Shipment BK-shp1 (PO-1001, ETD in 4 days (${day(4)})) has no commercial invoice, packing list and B/L draft`, 'Generate documents'], subject: ['shp1'], owner: 'p-log' }],
  ],
  [
    'only what is missing is listed; air freight needs an AWB draft, not a B/L draft',
    (w) => {
      shipment(w, 'shp1', { Mode: 'Air' });
      doc(w, 'd1', 'Commercial invoice');
    },
    [{ severity: 'Warning', says: ['has no packing list and AWB draft.'] }],
  ],
  [
    'an express shipment with its air waybill draft is complete',
    (w) => {
      shipment(w, 'shp1', { Mode: 'Express' });
      doc(w, 'd1', 'Commercial invoice');
      doc(w, 'd2', 'Packing list');
      doc(w, 'd3', 'AWB draft');
    },
    [],
  ],
  [
    'sailed without them is Critical',
    (w) => shipment(w, 'shp1', { ETD: day(-1), ATD: day(-1) }),
    [{ severity: 'Critical', says: [`ETD was ${day(-1)}`] }],
  ],
  ['all documents generated resolves it', (w) => { shipment(w, 'shp1'); doc(w, 'd1', 'Commercial invoice'); doc(w, 'd2', 'Packing list'); doc(w, 'd3', 'B/L draft'); }, []],
  ['an arrived shipment is history', (w) => shipment(w, 'shp1', { ETD: day(-30), ATD: day(-30), ATA: day(-2) }), []],
];

describe('export-documents-missing', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(exportDocumentsMissing.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

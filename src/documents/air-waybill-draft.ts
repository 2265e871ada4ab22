import type { AirWaybillDraftContent } from '../domain/documents/air-waybill.ts';
import { drawBoxRow, drawFieldGrid } from './blocks.ts';
import type { Frame } from './frame.ts';
import { drawTable, type Column } from './table.ts';
import { drawTransportDraftHeader } from './transport-draft-header.ts';

interface CargoRow {
  pieces: string;
  gross: string;
  chargeable: string;
  goods: string;
}

// The AWB's rating block: pieces, gross weight, chargeable weight, nature and quantity of goods (incl. dimensions).
const CARGO: Column<CargoRow>[] = [
  { header: 'No. of pieces', width: 12, cell: (r) => r.pieces, bold: true, align: 'right' },
  { header: 'Gross weight kg', width: 14, cell: (r) => r.gross, align: 'right' },
  { header: 'Chargeable weight kg', width: 16, cell: (r) => r.chargeable, align: 'right', bold: true },
  { header: 'Nature and quantity of goods (incl. dimensions or volume)', width: 58, cell: (r) => r.goods },
];

/** Air waybill draft laid out like the carrier's form: parties and references, routing, rating block, handling. */
export function drawAirWaybillDraft(frame: Frame, c: AirWaybillDraftContent): void {
  drawTransportDraftHeader(frame, { ...c, instruction: 'Shipper\'s instruction for the air waybill.\nPlease check every field and return corrections\nbefore the AWB is issued.', invoiceNumber: c.invoice.number });

  const rows: CargoRow[] = [
    { pieces: c.pieces, gross: c.grossKg, chargeable: c.chargeableKg, goods: [...c.goods, '', 'DIMENSIONS:', ...c.dimensions, `VOLUME ${c.cbm} CBM (volumetric weight ${c.volumetricKg} KG at 6,000 cm³/kg)`].join('\n') },
  ];
  drawTable(frame, CARGO, rows, {
    keepWithLastRow: 120,
    verticalRules: true,
    footer: [c.pieces, c.grossKg, c.chargeableKg, c.packagesInWords],
  });
  frame.y += 8;
  drawBoxRow(frame, [
    { title: 'Shipping marks', text: c.marks.join('\n') },
    { title: 'Handling information', text: c.handling.join('\n') },
  ], [0.4, 0.6]);
  frame.y += 8;
  drawFieldGrid(frame, [
    ...c.charges,
    { label: 'Invoice', value: `${c.invoice.number} of ${c.invoice.date}` },
    { label: 'Executed on (date) at (place)', value: '(by carrier)' },
    { label: 'Signature of shipper or agent', value: '' },
  ], 4);
}

import type { AirWaybillDraftContent } from '../domain/documents/air-waybill.ts';
import { drawBoxRow, drawContinuationHeader, drawFieldGrid } from './blocks.ts';
import type { Frame } from './frame.ts';
import { drawTable, type Column } from './table.ts';
import { THEME } from './theme.ts';

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
  const top = frame.y;
  const nameHeight = frame.text(c.shipper.name, frame.left, top, frame.width * 0.5 - 8, { bold: true, size: 10, color: THEME.accent });
  const titleHeight = frame.text(c.title, frame.left + frame.width * 0.5, top, frame.width * 0.5, { bold: true, size: THEME.size.title, align: 'right', color: THEME.accent });
  // Broken by hand: PDFKit may break after the slash of "B/L".
  const noteHeight = frame.text('Shipper\'s instruction for the air waybill.\nPlease check every field and return corrections\nbefore the AWB is issued.',
    frame.left + frame.width * 0.5, top + titleHeight + 2, frame.width * 0.5, { size: THEME.size.small, align: 'right', color: THEME.muted });
  frame.y = top + Math.max(nameHeight, titleHeight + 2 + noteHeight) + 4;
  frame.line(frame.left, frame.y, frame.right, frame.y, THEME.accent, 1.2);
  frame.y += 8;
  frame.onNewPage((f) => drawContinuationHeader(f, c.title, `invoice No. ${c.invoice.number}`, c.shipper.name));

  drawBoxRow(frame, [{ title: 'Shipper', party: c.shipper }, { title: 'References', fields: c.references }], [0.58, 0.42]);
  drawBoxRow(frame, [
    { title: 'Consignee', party: c.consignee },
    { title: 'Notify party', party: c.notifyParty },
  ], [0.58, 0.42]);
  drawFieldGrid(frame, c.routing, c.routing.length);
  frame.y += 8;

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

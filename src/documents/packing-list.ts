import type { PackingListContent, PackingRow } from '../domain/documents/packing-list.ts';
import { drawBoxRow, drawContinuationHeader, drawFieldGrid, drawHeader, drawSignature, drawTextBlock } from './blocks.ts';
import type { Frame } from './frame.ts';
import { drawTable, type Column } from './table.ts';

const COLUMNS: Column<PackingRow>[] = [
  { header: 'Carton Nos.', width: 6.6, cell: (r) => r.cartonNumbers, bold: true, noWrap: true },
  { header: 'Item / SKU', width: 7, cell: (r) => r.sku, noWrap: true },
  { header: 'Description of goods', width: 20, cell: (r) => r.description, sub: (r) => r.descriptionLocal },
  { header: 'Units / ctn', width: 5, cell: (r) => r.unitsPerCarton, align: 'right' },
  { header: 'Ctns', width: 4.6, cell: (r) => r.cartons, align: 'right' },
  { header: 'Quantity', width: 8, cell: (r) => r.quantity, align: 'right' },
  { header: 'N.W. / ctn kg', width: 5.6, cell: (r) => r.netKgPerCarton, align: 'right' },
  { header: 'G.W. / ctn kg', width: 5.6, cell: (r) => r.grossKgPerCarton, align: 'right' },
  { header: 'Net weight kg', width: 7.4, cell: (r) => r.netKg, align: 'right' },
  { header: 'Gross weight kg', width: 7.4, cell: (r) => r.grossKg, align: 'right' },
  { header: 'Carton L × W × H cm', width: 11.4, cell: (r) => r.cartonSize, align: 'center' },
  { header: 'CBM', width: 6, cell: (r) => r.cbm, align: 'right' },
];

export function drawPackingList(frame: Frame, c: PackingListContent): void {
  drawHeader(frame, {
    title: c.title,
    exporter: c.exporter,
    keys: [
      { label: 'Packing list No.', value: c.documentNumber },
      { label: 'Date', value: c.documentDate },
      ...c.references.filter((r) => r.label === 'PO No.'),
    ],
  });
  frame.onNewPage((f) => drawContinuationHeader(f, c.title, `No. ${c.documentNumber}`, c.exporter.name));
  drawBoxRow(frame, [
    { title: 'Consignee', party: c.consignee },
    { title: 'Notify party', party: c.notifyParty },
    { title: 'Shipping marks', text: c.marks.join('\n') },
  ]);
  const refs = c.references.filter((r) => r.label !== 'PO No.');
  drawFieldGrid(frame, [...refs, ...c.transport], 4);
  frame.y += 8;
  drawTable(frame, COLUMNS, c.rows, {
    keepWithLastRow: 200,
    footer: ['TOTAL', '', c.totals.packages, '', c.totals.packages.replace(/ .*/, ''), c.totals.quantities, '', '', c.totals.netKg, c.totals.grossKg, '', c.totals.cbm],
  });
  frame.y += 8;
  drawFieldGrid(frame, [
    { label: 'Total packages', value: `${c.totals.packages}` },
    { label: 'Total net weight', value: `${c.totals.netKg} KG` },
    { label: 'Total gross weight', value: `${c.totals.grossKg} KG` },
    { label: 'Total measurement', value: `${c.totals.cbm} CBM` },
  ], 4);
  frame.y += 6;
  drawTextBlock(frame, 'Packages in words', [c.packagesInWords], { bold: true });
  drawSignature(frame, c.signature, [`Prices are shown on commercial invoice No. ${c.invoiceNumber} of ${c.invoiceDate}. Gross weight includes cartons and packing material. We certify that the goods are packed as listed above.`], 'Note');
}

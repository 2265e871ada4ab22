import type { CommercialInvoiceContent, InvoiceLineRow } from '../domain/documents/commercial-invoice.ts';
import { drawBoxRow, drawContinuationHeader, drawFieldGrid, drawHeader, drawSignature } from './blocks.ts';
import type { Frame } from './frame.ts';
import { drawTable, type Column } from './table.ts';
import { THEME } from './theme.ts';
import { drawTotals, measureTotals } from './totals.ts';

function lineColumns(currency: string): Column<InvoiceLineRow>[] {
  return [
    { header: 'No.', width: 3.2, cell: (r) => r.no, align: 'right' },
    { header: 'Item / SKU', width: 8.5, cell: (r) => r.sku, bold: true, noWrap: true },
    { header: 'Description of goods', width: 27, cell: (r) => r.description, sub: (r) => r.descriptionLocal },
    { header: 'HS code', width: 9.5, cell: (r) => r.hsCode, noWrap: true },
    { header: 'Origin', width: 6.5, cell: (r) => r.origin },
    { header: 'Carton Nos.', width: 8, cell: (r) => r.cartonNumbers, noWrap: true },
    { header: 'Quantity', width: 7.5, cell: (r) => r.quantity, align: 'right' },
    { header: 'Unit', width: 4.6, cell: (r) => r.unit },
    { header: `Unit price ${currency}`, width: 8.2, cell: (r) => r.unitPrice, align: 'right' },
    { header: `Amount ${currency}`, width: 10, cell: (r) => r.amount, align: 'right' },
  ];
}

interface MarksLayout {
  leftWidth: number;
  rightWidth: number;
  rightX: number;
  half: number;
  marks: string;
  packageLines: string;
  boxHeight: number;
  height: number;
}

const SMALL = { size: THEME.size.small };
const WORDS_STYLE = { bold: true, size: THEME.size.small + 0.5 };

function marksLayout(frame: Frame, c: CommercialInvoiceContent): MarksLayout {
  const gap = 10;
  const leftWidth = frame.width * 0.52 - gap / 2;
  const rightWidth = frame.width - leftWidth - gap;
  const pad = THEME.pad;
  const half = leftWidth / 2;
  const marks = c.marks.join('\n');
  const packageLines = [
    `Total packages: ${c.packages.count}`,
    `Total quantity: ${c.packages.quantities}`,
    `Net weight: ${c.packages.netKg} KG`,
    `Gross weight: ${c.packages.grossKg} KG`,
    `Measurement: ${c.packages.cbm} CBM`,
  ].join('\n');
  const boxHeight = 10 + 2 * pad + Math.max(frame.measure(marks, half - 2 * pad, SMALL), frame.measure(packageLines, half - 2 * pad, SMALL));
  const wordsHeight = 10 + 2 * pad + frame.measure(c.amountInWords, leftWidth - 2 * pad, WORDS_STYLE);
  const height = Math.max(boxHeight + wordsHeight, measureTotals(frame, c.totals, rightWidth));
  return { leftWidth, rightWidth, rightX: frame.left + leftWidth + gap, half, marks, packageLines, boxHeight, height };
}

/** Marks, packages and the amount in words on the left; charges and total on the right; kept on one page. */
function drawMarksAndTotals(frame: Frame, c: CommercialInvoiceContent): void {
  const { leftWidth, rightWidth, rightX, half, marks, packageLines, boxHeight, height } = marksLayout(frame, c);
  const pad = THEME.pad;
  frame.ensure(height + 8);
  frame.y += 8;
  const top = frame.y;
  frame.rect(frame.left, top, half, boxHeight);
  frame.label('Shipping marks', frame.left + pad, top + pad, half - 2 * pad);
  frame.text(marks, frame.left + pad, top + pad + 10, half - 2 * pad, SMALL);
  frame.rect(frame.left + half, top, half, boxHeight);
  frame.label('Packages / weights / measurement', frame.left + half + pad, top + pad, half - 2 * pad);
  frame.text(packageLines, frame.left + half + pad, top + pad + 10, half - 2 * pad, SMALL);
  const wordsTop = top + boxHeight;
  frame.rect(frame.left, wordsTop, leftWidth, height - boxHeight);
  frame.label('Amount in words', frame.left + pad, wordsTop + pad, leftWidth - 2 * pad);
  frame.text(c.amountInWords, frame.left + pad, wordsTop + pad + 10, leftWidth - 2 * pad, WORDS_STYLE);
  drawTotals(frame, c.totals, rightX, top, rightWidth);
  frame.y = top + height;
}

export function drawCommercialInvoice(frame: Frame, c: CommercialInvoiceContent): void {
  drawHeader(frame, {
    title: c.title,
    exporter: c.exporter,
    keys: [
      { label: 'Invoice No.', value: c.documentNumber },
      { label: 'Invoice date', value: c.documentDate },
      ...c.references.filter((r) => r.label === 'PO No.'),
    ],
  });
  frame.onNewPage((f) => drawContinuationHeader(f, c.title, `No. ${c.documentNumber}`, c.exporter.name));

  drawBoxRow(frame, [
    { title: 'Sold to (buyer)', party: c.buyer },
    { title: 'Ship to (consignee)', party: c.consignee },
    { title: 'Notify party', party: c.notifyParty },
  ]);
  const otherRefs = c.references.filter((r) => !['Invoice No.', 'Invoice date', 'PO No.'].includes(r.label));
  drawFieldGrid(frame, [{ label: 'Terms of delivery', value: c.incoterm }, ...otherRefs, ...c.transport], 5);
  frame.y += 8;

  // The last line goes with the marks and totals (they never stand alone on a page); the declarations and the
  // signature may follow on the next page when a short page (US Letter) cannot hold everything.
  drawTable(frame, lineColumns(c.currency), c.lines, {
    keepWithLastRow: marksLayout(frame, c).height + 8,
    footer: ['', '', `${c.lines.length} line${c.lines.length === 1 ? '' : 's'}`, '', '', c.packages.count, c.packages.quantities, '', '', c.totals[0]?.value ?? ''],
  });
  drawMarksAndTotals(frame, c);
  drawSignature(frame, c.signature, c.statements);
}

import type { CertificateOfOriginContent } from '../domain/documents/certificate-of-origin.ts';
import type { PartyBlock } from '../domain/documents/format.ts';
import { drawContinuationHeader } from './blocks.ts';
import type { Frame } from './frame.ts';
import { drawTable, type Column } from './table.ts';
import { THEME } from './theme.ts';

const PAD = THEME.pad;

interface GoodsRow {
  marks: string;
  description: string;
  hsCode: string;
  quantity: string;
  invoice: string;
}

const COLUMNS: Column<GoodsRow>[] = [
  { header: '6. Marks and numbers', width: 17, cell: (r) => r.marks },
  { header: '7. Number and kind of packages; description of goods', width: 39, cell: (r) => r.description },
  { header: '8. H.S. code', width: 13, cell: (r) => r.hsCode, noWrap: true },
  { header: '9. Quantity', width: 12, cell: (r) => r.quantity, align: 'right' },
  { header: '10. Number and date of invoices', width: 19, cell: (r) => r.invoice },
];

function partyText(party: PartyBlock): string {
  return [party.name, party.nameLocal, ...party.lines].filter(Boolean).join('\n');
}

interface FormBox {
  title: string;
  body: string;
  bold?: boolean;
}

function boxHeight(frame: Frame, box: FormBox, width: number, minimum: number): number {
  return Math.max(minimum, 11 + frame.measure(box.body, width - 2 * PAD, { size: THEME.size.body, bold: box.bold ?? false }) + 2 * PAD);
}

function drawFormBox(frame: Frame, box: FormBox, x: number, y: number, width: number, height: number): void {
  frame.rect(x, y, width, height, { stroke: THEME.rule });
  frame.text(box.title, x + PAD, y + PAD, width - 2 * PAD, { size: THEME.size.label + 0.5, bold: true, color: THEME.muted });
  frame.text(box.body, x + PAD, y + PAD + 11, width - 2 * PAD, { size: THEME.size.body, bold: box.bold ?? false });
}

/** The CCPIT form: boxes 1–4 on the left, certificate number/title and box 5 on the right, goods table, 11 and 12. */
export function drawCertificateOfOrigin(frame: Frame, c: CertificateOfOriginContent): void {
  const leftWidth = frame.width * 0.56;
  const rightWidth = frame.width - leftWidth;
  const rightX = frame.left + leftWidth;
  const top = frame.y;
  const box1: FormBox = { title: '1. Exporter', body: partyText(c.box1Exporter) };
  const box2: FormBox = { title: '2. Consignee', body: partyText(c.box2Consignee) };
  const box3: FormBox = { title: '3. Means of transport and route', body: c.box3Transport.text, bold: true };
  const box4: FormBox = { title: '4. Country / region of destination', body: c.box4Destination, bold: true };
  const h1 = boxHeight(frame, box1, leftWidth, 78);
  const h2 = boxHeight(frame, box2, leftWidth, 70);
  const h3 = boxHeight(frame, box3, leftWidth, 40);
  const h4 = boxHeight(frame, box4, leftWidth, 30);
  drawFormBox(frame, box1, frame.left, top, leftWidth, h1);
  drawFormBox(frame, box2, frame.left, top + h1, leftWidth, h2);
  drawFormBox(frame, box3, frame.left, top + h1 + h2, leftWidth, h3);
  drawFormBox(frame, box4, frame.left, top + h1 + h2 + h3, leftWidth, h4);

  // Title block spanning boxes 1 and 2.
  frame.rect(rightX, top, rightWidth, h1 + h2, { stroke: THEME.rule });
  frame.text('Certificate No.', rightX + PAD, top + PAD, rightWidth - 2 * PAD, { size: THEME.size.label + 0.5, bold: true, color: THEME.muted });
  frame.text(c.certificateNumber || '(assigned by the issuing authority)', rightX + PAD, top + PAD + 10, rightWidth - 2 * PAD, {
    bold: c.certificateNumber !== '', size: THEME.size.body, color: c.certificateNumber ? THEME.ink : THEME.muted,
  });
  const titleY = top + (h1 + h2) / 2 - 22;
  frame.text(c.title, rightX + PAD, titleY, rightWidth - 2 * PAD, { bold: true, size: 15, align: 'center', color: THEME.accent });
  frame.text(c.subtitle, rightX + PAD, titleY + 22, rightWidth - 2 * PAD, { bold: true, size: 8.5, align: 'center', color: THEME.accent });
  frame.text('中华人民共和国原产地证明书', rightX + PAD, titleY + 36, rightWidth - 2 * PAD, { size: 9, align: 'center', color: THEME.muted });

  const box5Y = top + h1 + h2;
  frame.rect(rightX, box5Y, rightWidth, h3 + h4, { stroke: THEME.rule });
  frame.text('5. For certifying authority use only', rightX + PAD, box5Y + PAD, rightWidth - 2 * PAD, { size: THEME.size.label + 0.5, bold: true, color: THEME.muted });
  frame.y = box5Y + h3 + h4;

  frame.onNewPage((f) => drawContinuationHeader(f, 'CERTIFICATE OF ORIGIN', `invoice No. ${c.box10Invoice.number}`, c.box1Exporter.name));
  const rows: GoodsRow[] = [
    { marks: '', description: c.box7Packages, hsCode: '', quantity: '', invoice: `${c.box10Invoice.number}\n${c.box10Invoice.date}` },
    ...c.items.map((item) => ({ marks: '', description: `${item.itemNo}. ${item.description}`, hsCode: item.hsCode, quantity: item.quantity, invoice: '' })),
    { marks: '', description: c.box7Closing, hsCode: '', quantity: '', invoice: '' },
  ];
  drawTable(frame, COLUMNS, rows, { keepWithLastRow: 155, verticalRules: true, rowRules: false, leadText: [{ column: 0, text: c.box6Marks.join('\n') }] });

  const declaration = c.box11Declaration;
  const boxHeightBottom = 150;
  frame.ensure(boxHeightBottom);
  const y = frame.y;
  const half = frame.width / 2;
  frame.rect(frame.left, y, half, boxHeightBottom, { stroke: THEME.rule });
  frame.rect(frame.left + half, y, half, boxHeightBottom, { stroke: THEME.rule });
  const w = half - 2 * PAD;
  frame.text('11. Declaration by the exporter', frame.left + PAD, y + PAD, w, { size: THEME.size.label + 0.5, bold: true, color: THEME.muted });
  frame.text(declaration.text, frame.left + PAD, y + PAD + 11, w, { size: THEME.size.small });
  frame.text(declaration.company, frame.left + PAD, y + 78, w, { size: THEME.size.small, bold: true });
  const sigY = y + boxHeightBottom - 30;
  frame.line(frame.left + PAD, sigY, frame.left + half - PAD, sigY, THEME.muted, 0.5);
  frame.text(`${declaration.place}   ${declaration.date}`, frame.left + PAD, sigY + 2, w, { size: THEME.size.small, bold: true });
  frame.text(`Place and date, signature and stamp of authorised signatory: ${declaration.signatory}`, frame.left + PAD, sigY + 11, w, {
    size: THEME.size.label, color: THEME.muted,
  });

  const cx = frame.left + half + PAD;
  frame.text('12. Certification', cx, y + PAD, w, { size: THEME.size.label + 0.5, bold: true, color: THEME.muted });
  frame.text(c.box12Certification.text, cx, y + PAD + 11, w, { size: THEME.size.small });
  frame.line(cx, sigY, cx + w, sigY, THEME.muted, 0.5);
  frame.text('Place and date, signature and stamp of certifying authority', cx, sigY + 11, w, { size: THEME.size.label, color: THEME.muted });
  frame.y = y + boxHeightBottom;
}

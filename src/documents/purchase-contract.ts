/**
 * The bilingual purchase contract (English / 简体中文) on A4 portrait: title and contract number, numbered sections
 * whose headings carry both languages, fixed clauses in English with the Chinese text under each, order data
 * as entered, the goods and AQL tables, and both parties' signature and seal blocks kept together on one page.
 */
import type { Bilingual } from '../domain/contracts/contract-clauses.ts';
import { SIGN_FOR } from '../domain/contracts/contract-clauses.ts';
import type { AqlRow, ContractBlock, ContractLine, ContractTerm, PurchaseContractContent } from '../domain/contracts/purchase-contract.ts';
import { drawBoxRow, drawContinuationHeader, drawFooters } from './blocks.ts';
import type { Frame } from './frame.ts';
import { openPdf } from './open-pdf.ts';
import { drawTable, type Column } from './table.ts';
import { THEME, type PageSize } from './theme.ts';

const PAD = THEME.pad;
const both = (b: Bilingual) => `${b.en}  ${b.zh}`;

function goodsColumns(currency: string): Column<ContractLine>[] {
  return [
    { header: 'No.\n序号', width: 3.5, cell: (r) => r.no, align: 'right' },
    { header: 'Item / SKU\n货号', width: 10, cell: (r) => r.sku, bold: true, noWrap: true },
    { header: 'Description\n品名及规格', width: 30, cell: (r) => r.description, sub: (r) => r.descriptionLocal },
    { header: 'Quantity\n数量', width: 8, cell: (r) => r.quantity, align: 'right' },
    { header: 'Unit\n单位', width: 5, cell: (r) => r.unit },
    { header: `Unit price ${currency}\n单价`, width: 9, cell: (r) => r.unitPrice, align: 'right' },
    { header: `Amount ${currency}\n金额`, width: 10, cell: (r) => r.amount, align: 'right' },
  ];
}

const AQL_COLUMNS: Column<AqlRow>[] = [
  { header: 'Defect class\n缺陷类别', width: 22, cell: (r) => r.defectClass.en, sub: (r) => r.defectClass.zh },
  { header: 'AQL', width: 16, cell: (r) => r.aql },
  { header: 'Sample size\n样本量', width: 14, cell: (r) => r.sampleSize, align: 'right' },
  { header: 'Accept (Ac)\n接收数', width: 14, cell: (r) => r.accept, align: 'right' },
  { header: 'Reject (Re)\n拒收数', width: 14, cell: (r) => r.reject, align: 'right' },
];

function drawTitle(frame: Frame, c: PurchaseContractContent): void {
  frame.text(c.title.en, frame.left, frame.y, frame.width, { bold: true, size: THEME.size.title, align: 'center', color: THEME.accent });
  frame.y += 22;
  frame.text(c.title.zh, frame.left, frame.y, frame.width, { bold: true, size: 13, align: 'center', color: THEME.accent });
  frame.y += 20;
  const keys = `Contract No. 合同编号: ${c.contractNumber}     Date 日期: ${c.date}     Place 签订地点: ${c.place}`;
  frame.text(keys, frame.left, frame.y, frame.width, { size: THEME.size.body, align: 'center' });
  frame.y += 14;
  frame.line(frame.left, frame.y, frame.right, frame.y, THEME.accent, 1.2);
  frame.y += 8;
}

function termsHeight(frame: Frame, terms: ContractTerm[]): number {
  const labelWidth = frame.width * 0.26 - PAD;
  const valueWidth = frame.width * 0.74 - PAD;
  return terms.reduce((sum, t) => sum + termHeight(frame, t, labelWidth, valueWidth), 0);
}

function termHeight(frame: Frame, t: ContractTerm, labelWidth: number, valueWidth: number): number {
  const label = frame.measure(t.label.en, labelWidth, { bold: true }) + frame.measure(t.label.zh, labelWidth, { size: THEME.size.small });
  return Math.max(label, frame.measure(t.value || '—', valueWidth)) + 4;
}

function drawTerms(frame: Frame, terms: ContractTerm[]): void {
  const labelWidth = frame.width * 0.26 - PAD;
  const valueX = frame.left + frame.width * 0.26;
  const valueWidth = frame.width * 0.74 - PAD;
  for (const t of terms) {
    const height = termHeight(frame, t, labelWidth, valueWidth);
    frame.ensure(height);
    const top = frame.y;
    const used = frame.text(t.label.en, frame.left, top, labelWidth, { bold: true });
    frame.text(t.label.zh, frame.left, top + used, labelWidth, { size: THEME.size.small, color: THEME.muted });
    frame.text(t.value || '—', valueX, top, valueWidth);
    frame.y = top + height;
    frame.line(frame.left, frame.y - 1.5, frame.right, frame.y - 1.5, THEME.hairline, 0.3);
  }
  frame.y += 3;
}

function paragraph(frame: Frame, text: string, style: { size?: number; color?: string } = {}): void {
  // Long clauses may break between pages line by line; short ones move whole.
  const height = frame.measure(text, frame.width, style);
  if (height < frame.bottom - frame.top - 40) frame.ensure(height);
  frame.text(text, frame.left, frame.y, frame.width, style);
  frame.y += height + 3;
}

/** The height a block needs before its first line can be drawn (so a heading never ends a page alone). */
function firstLineHeight(frame: Frame, block: ContractBlock | undefined): number {
  if (!block) return 0;
  switch (block.kind) {
    case 'terms':
      return block.terms[0] ? termsHeight(frame, [block.terms[0]]) : 0;
    case 'text':
      return Math.min(frame.measure(block.text.en, frame.width), 60);
    case 'data':
      return Math.min(frame.measure(block.text, frame.width), 60);
    case 'parties':
      return 90;
    case 'goods':
    case 'aql':
      return 50;
  }
}

function drawBlock(frame: Frame, block: ContractBlock): void {
  switch (block.kind) {
    case 'parties':
      drawBoxRow(frame, block.parties.map((p) => ({ title: both(p.role), party: { name: p.name, nameLocal: p.nameLocal, lines: p.lines } })));
      frame.y += 6;
      return;
    case 'terms':
      if (block.terms.length > 0) drawTerms(frame, block.terms);
      return;
    case 'text':
      paragraph(frame, block.text.en);
      paragraph(frame, block.text.zh, { color: THEME.muted });
      return;
    case 'data':
      paragraph(frame, block.text);
      return;
    case 'goods':
      drawTable(frame, goodsColumns(block.currency), block.lines, {
        footer: ['', '', `Total 合计 (${block.lines.length} item${block.lines.length === 1 ? '' : 's'})`, '', '', '', block.total],
      });
      frame.y += 6;
      return;
    case 'aql':
      if (block.rows.length > 0) drawTable(frame, AQL_COLUMNS, block.rows);
      frame.y += 6;
      return;
  }
}

const SIGNATURE_HEIGHT = 118;

/** Height of a section made only of paragraphs (the closing clauses), or undefined when it holds anything else. */
function paragraphsHeight(frame: Frame, blocks: readonly ContractBlock[]): number | undefined {
  let height = 0;
  for (const block of blocks) {
    if (block.kind === 'text') height += frame.measure(block.text.en, frame.width) + frame.measure(block.text.zh, frame.width, {}) + 6;
    else if (block.kind === 'data') height += frame.measure(block.text, frame.width) + 3;
    else return undefined;
  }
  return height;
}

function drawSignatures(frame: Frame, c: PurchaseContractContent): void {
  const height = SIGNATURE_HEIGHT;
  frame.ensure(height + 24);
  frame.y += 8;
  const half = frame.width / 2;
  c.signatures.forEach((s, i) => {
    const x = frame.left + i * half;
    const w = half - (i === 0 ? 6 : 0);
    const bx = i === 0 ? x : x + 6;
    const bw = w - (i === 0 ? 0 : 6);
    frame.rect(bx, frame.y, bw, height);
    frame.label(both(s.role), bx + PAD, frame.y + PAD, bw - 2 * PAD);
    let y = frame.y + PAD + 10;
    y += frame.text(s.company, bx + PAD, y, bw - 2 * PAD, { bold: true });
    if (s.companyLocal) frame.text(s.companyLocal, bx + PAD, y + 1, bw - 2 * PAD);
    const lineY = frame.y + height - 36;
    frame.line(bx + PAD, lineY, bx + bw - PAD, lineY, THEME.muted, 0.5);
    frame.text(both(SIGN_FOR), bx + PAD, lineY + 2, bw - 2 * PAD, { size: THEME.size.label, color: THEME.muted });
    frame.text(s.signatory, bx + PAD, lineY + 11, bw - 2 * PAD, { size: THEME.size.small, bold: true });
    frame.text('Date 日期:', bx + PAD, lineY + 22, bw - 2 * PAD, { size: THEME.size.small, color: THEME.muted });
  });
  frame.y += height;
}

export function drawPurchaseContract(frame: Frame, c: PurchaseContractContent): void {
  drawTitle(frame, c);
  frame.onNewPage((f) => drawContinuationHeader(f, `${c.title.en} ${c.title.zh}`, `No. ${c.contractNumber}`, c.signatures[0]?.company ?? ''));
  c.sections.forEach((section, i) => {
    const heading = `${i + 1}. ${section.heading.en}   ${section.heading.zh}`;
    const headingHeight = frame.measure(heading, frame.width, { bold: true, size: 9.5 }) + 6;
    // The last clause moves with the signature blocks when both fit on a page: a signature page standing alone is
    // what a lawyer sends back.
    const closing = i === c.sections.length - 1 ? paragraphsHeight(frame, section.blocks) : undefined;
    const keep = closing !== undefined && headingHeight + closing + 4 + SIGNATURE_HEIGHT + 24 < frame.bottom - frame.top ? closing + 4 + SIGNATURE_HEIGHT + 24 : firstLineHeight(frame, section.blocks[0]);
    frame.ensure(headingHeight + keep);
    frame.text(heading, frame.left, frame.y, frame.width, { bold: true, size: 9.5, color: THEME.accent });
    frame.y += headingHeight;
    for (const block of section.blocks) drawBlock(frame, block);
    frame.y += 4;
  });
  drawSignatures(frame, c);
}

export async function renderPurchaseContract(c: PurchaseContractContent, pageSize: PageSize = 'A4'): Promise<Buffer> {
  const reference = `Purchase contract 采购合同 No. ${c.contractNumber} · ${c.date}`;
  const pdf = openPdf(pageSize, { title: `Purchase contract ${c.contractNumber}`, author: c.signatures[0]?.company ?? '', subject: reference, issuedOn: c.issuedOn });
  drawPurchaseContract(pdf.frame, c);
  drawFooters(pdf.frame, reference);
  return pdf.finish();
}

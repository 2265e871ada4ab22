import type { Field } from '../domain/documents/commercial-invoice.ts';
import type { PartyBlock } from '../domain/documents/format.ts';
import type { Frame } from './frame.ts';
import { THEME } from './theme.ts';

const PAD = THEME.pad;

export interface HeaderInfo {
  title: string;
  subtitle?: string | undefined;
  exporter: PartyBlock;
  /** Boxes under the title: "INVOICE NO." → "HM-INV-…", "DATE" → "18 Mar 2025". */
  keys: Field[];
}

function partyText(party: PartyBlock): string {
  return party.lines.join('\n');
}

/** First-page letterhead: exporter on the left, title and number/date boxes on the right. */
export function drawHeader(frame: Frame, header: HeaderInfo): void {
  const top = frame.y;
  const leftWidth = frame.width * 0.55;
  let y = top;
  y += frame.text(header.exporter.name, frame.left, y, leftWidth, { bold: true, size: THEME.size.company, color: THEME.accent });
  if (header.exporter.nameLocal) y += frame.text(header.exporter.nameLocal, frame.left, y + 1, leftWidth, { size: 9.5 }) + 1;
  y += frame.text(partyText(header.exporter), frame.left, y + 2, leftWidth, { size: THEME.size.small, color: THEME.muted }) + 2;

  const rightX = frame.left + leftWidth + 12;
  const rightWidth = frame.right - rightX;
  let ry = top;
  ry += frame.text(header.title, rightX, ry, rightWidth, { bold: true, size: THEME.size.title, align: 'right', color: THEME.accent });
  if (header.subtitle) ry += frame.text(header.subtitle, rightX, ry, rightWidth, { size: THEME.size.small, align: 'right', color: THEME.muted });
  ry += 6;
  ry = drawKeyBoxes(frame, header.keys, rightX, ry, rightWidth);

  frame.y = Math.max(y, ry) + 8;
  frame.line(frame.left, frame.y, frame.right, frame.y, THEME.accent, 1.2);
  frame.y += 8;
}

/** Small labelled boxes in one row (document number, date, page of pages). */
function drawKeyBoxes(frame: Frame, keys: Field[], x: number, y: number, width: number): number {
  if (keys.length === 0) return y;
  // Widths follow the values so a long invoice number stays on one line.
  frame.style({ bold: true, size: 9 });
  const natural = keys.map((k) => Math.max(frame.doc.widthOfString(k.value), 40) + 2 * PAD + 2);
  const scale = width / natural.reduce((sum, w) => sum + w, 0);
  const widths = natural.map((w) => w * scale);
  const heights = keys.map((k, i) => frame.measure(k.value, (widths[i] ?? 0) - 2 * PAD, { bold: true, size: 9 }) + 14);
  const height = Math.max(...heights);
  let cx = x;
  keys.forEach((key, i) => {
    const cell = widths[i] ?? 0;
    frame.rect(cx, y, cell, height, { fill: THEME.fill, stroke: THEME.rule });
    frame.label(key.label, cx + PAD, y + 3, cell - 2 * PAD);
    frame.text(key.value, cx + PAD, y + 11, cell - 2 * PAD, { bold: true, size: 9 });
    cx += cell;
  });
  return y + height;
}

/** Compact header on continuation pages, so a loose page still says what it belongs to. */
export function drawContinuationHeader(frame: Frame, title: string, reference: string, exporterName: string): void {
  const y = frame.top;
  const style = { bold: true, size: 8.5, color: THEME.accent };
  const left = frame.text(exporterName, frame.left, y, frame.width * 0.42, style);
  const right = frame.text(`${title}  ·  ${reference}  (continued)`, frame.left + frame.width * 0.42, y, frame.width * 0.58, { ...style, align: 'right' });
  frame.y = y + Math.max(left, right) + 4;
  frame.line(frame.left, frame.y, frame.right, frame.y, THEME.accent, 0.8);
  frame.y += 8;
}

export interface BoxSpec {
  title: string;
  party?: PartyBlock | undefined;
  fields?: Field[] | undefined;
  text?: string | undefined;
}

function boxContentHeight(frame: Frame, box: BoxSpec, width: number): number {
  let h = 10;
  if (box.party) {
    h += frame.measure(box.party.name, width, { bold: true });
    if (box.party.nameLocal) h += frame.measure(box.party.nameLocal, width) + 1;
    h += frame.measure(partyText(box.party), width, { size: THEME.size.small }) + 2;
  }
  for (const field of box.fields ?? []) h += fieldHeight(frame, field, width);
  if (box.text) h += frame.measure(box.text, width);
  return h;
}

function fieldHeight(frame: Frame, field: Field, width: number): number {
  return 8 + Math.max(frame.measure(field.value || '—', width), 9) + 3;
}

function drawBoxContent(frame: Frame, box: BoxSpec, x: number, y: number, width: number): void {
  frame.label(box.title, x, y, width);
  let cy = y + 10;
  if (box.party) {
    cy += frame.text(box.party.name, x, cy, width, { bold: true });
    if (box.party.nameLocal) cy += frame.text(box.party.nameLocal, x, cy + 1, width) + 1;
    cy += frame.text(partyText(box.party), x, cy + 2, width, { size: THEME.size.small }) + 2;
  }
  for (const field of box.fields ?? []) {
    frame.label(field.label, x, cy, width);
    frame.text(field.value || '—', x, cy + 8, width);
    cy += fieldHeight(frame, field, width);
  }
  if (box.text) frame.text(box.text, x, cy, width);
}

/** A row of bordered boxes of equal height (parties, routing); widths are fractions of the page width. */
export function drawBoxRow(frame: Frame, boxes: BoxSpec[], fractions?: number[]): void {
  const widths = (fractions ?? boxes.map(() => 1 / boxes.length)).map((f) => f * frame.width);
  const height = Math.max(...boxes.map((box, i) => boxContentHeight(frame, box, (widths[i] ?? 0) - 2 * PAD))) + 2 * PAD;
  frame.ensure(height);
  let x = frame.left;
  boxes.forEach((box, i) => {
    const w = widths[i] ?? 0;
    frame.rect(x, frame.y, w, height);
    drawBoxContent(frame, box, x + PAD, frame.y + PAD, w - 2 * PAD);
    x += w;
  });
  frame.y += height;
}

/** Labelled values in a grid of `columns` cells per row, bordered like a form. */
export function drawFieldGrid(frame: Frame, fields: Field[], columns: number): void {
  const cell = frame.width / columns;
  for (let start = 0; start < fields.length; start += columns) {
    const row = fields.slice(start, start + columns);
    const height = Math.max(...row.map((f) => fieldHeight(frame, f, cell - 2 * PAD))) + 2 * PAD - 3;
    frame.ensure(height);
    row.forEach((field, i) => {
      const x = frame.left + i * cell;
      frame.rect(x, frame.y, cell, height);
      frame.label(field.label, x + PAD, frame.y + PAD, cell - 2 * PAD);
      frame.text(field.value || '—', x + PAD, frame.y + PAD + 8, cell - 2 * PAD);
    });
    if (row.length < columns) frame.rect(frame.left + row.length * cell, frame.y, (columns - row.length) * cell, height);
    frame.y += height;
  }
}

/** A titled paragraph block ("AMOUNT IN WORDS", statements), kept on one page. */
export function drawTextBlock(frame: Frame, title: string, lines: string[], style: { bold?: boolean; size?: number } = {}): void {
  const width = frame.width - 2 * PAD;
  const body = lines.join('\n');
  const height = 10 + frame.measure(body, width, style) + 2 * PAD;
  frame.ensure(height);
  frame.rect(frame.left, frame.y, frame.width, height);
  frame.label(title, frame.left + PAD, frame.y + PAD, width);
  frame.text(body, frame.left + PAD, frame.y + PAD + 10, width, style);
  frame.y += height;
}

export interface SignatureInfo {
  company: string;
  name: string;
  title: string;
  place: string;
  date: string;
}

/**
 * Signature and company-chop area on the right half; the left half carries the declarations the signature
 * covers (or a short note), so both stay on the same page.
 */
export function drawSignature(frame: Frame, signature: SignatureInfo, declarations: string[] = [], title = 'Declarations'): void {
  // The declarations take the wider share: wrapped in half the page they made a short invoice run to a second page.
  const boxWidth = Math.max(frame.width * 0.38, 190);
  const noteWidth = frame.width - boxWidth - 12;
  const body = declarations.map((d) => (declarations.length > 1 ? `•  ${d}` : d)).join('\n');
  const noteHeight = declarations.length > 0 ? 10 + frame.measure(body, noteWidth, { size: THEME.size.small, lineGap: 0.2 }) : 0;
  const height = Math.max(88, noteHeight);
  frame.ensure(height + 8);
  frame.y += 8;
  if (declarations.length > 0) {
    frame.label(title, frame.left, frame.y, noteWidth);
    frame.text(body, frame.left, frame.y + 10, noteWidth, { size: THEME.size.small, lineGap: 0.2 });
  }
  const x = frame.right - boxWidth;
  frame.rect(x, frame.y, boxWidth, height);
  frame.label('For and on behalf of', x + PAD, frame.y + PAD, boxWidth - 2 * PAD);
  frame.text(signature.company, x + PAD, frame.y + PAD + 9, boxWidth - 2 * PAD, { bold: true });
  const lineY = frame.y + height - 32;
  frame.line(x + PAD, lineY, x + boxWidth - PAD, lineY, THEME.muted, 0.5);
  frame.text('Authorised signature and company chop', x + PAD, lineY + 2, boxWidth - 2 * PAD, { size: THEME.size.label, color: THEME.muted });
  frame.text(`${signature.name}, ${signature.title}`, x + PAD, lineY + 11, boxWidth - 2 * PAD, { size: THEME.size.small, bold: true });
  frame.text(`${signature.place}, ${signature.date}`, x + PAD, lineY + 20, boxWidth - 2 * PAD, { size: THEME.size.small, color: THEME.muted });
  frame.y += height;
}

/** Footer on every page: document and number on the left, "Page x of y" on the right (needs bufferPages). */
export function drawFooters(frame: Frame, reference: string): void {
  const range = frame.doc.bufferedPageRange();
  const y = frame.bottom + THEME.footerHeight - 12;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    frame.doc.switchToPage(i);
    frame.line(frame.left, y - 4, frame.right, y - 4, THEME.hairline, 0.5);
    frame.text(reference, frame.left, y, frame.width * 0.7, { size: THEME.size.small, color: THEME.muted });
    frame.text(`Page ${i - range.start + 1} of ${range.count}`, frame.left + frame.width * 0.7, y, frame.width * 0.3, {
      size: THEME.size.small, color: THEME.muted, align: 'right',
    });
  }
}

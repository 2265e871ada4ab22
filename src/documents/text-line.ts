import { num, showTextOperand, type DocumentFont } from './glyph-runs.ts';

/**
 * Writes one already laid-out line of text into the page content, as PDFKit's `_fragment` would but without its
 * per-call wrapping: PDFKit draws each text call inside save/restore with a flipped matrix (q, cm, BT, Tm, Tf, TJ,
 * ET, Q) and measures the string twice more. Here a line is a text object whose matrix flips the glyphs upright
 * in PDFKit's top-down page space (`1 0 0 -1 x baseline Tm`: the same placement as PDFKit's cm + Tm), the font
 * is set only when it changes (text state persists across text objects, PDF 1.7 §9.3.1), and the glyphs and
 * kerning are PDFKit's own layout, encoded into the document's subset as PDFKit encodes them (glyph-runs.ts).
 */

interface PdfKitInternals {
  _font: DocumentFont & { ascender: number; ref(): unknown };
  _fontSize: number;
  page: { fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** The font and size last set outside save/restore on a page (see Frame's ink): text state outlives ET. */
export interface TextState {
  page: unknown;
  font: string;
  size: number;
}

export type LineAlign = 'left' | 'right' | 'center';

export interface PlacedLine {
  text: string;
  /** The width PDFKit's line wrapper gave the line (the box), and the width of its words. */
  lineWidth: number;
  textWidth: number;
}

/**
 * Draws `line` with its top at y in the box starting at x, aligned as PDFKit aligns a wrapped line; false when the
 * line needs what this does not do (glyph offsets from shaping), and the caller lets PDFKit draw it.
 */
export function drawTextLine(doc: PDFKit.PDFDocument, line: PlacedLine, x: number, y: number, align: LineAlign, state: TextState): boolean {
  const pdf = doc as unknown as PdfKitInternals;
  const text = line.text.includes('\n') ? line.text.replace(/\n/g, '') : line.text;
  if (text === '') return true;
  const font = pdf._font;
  const size = pdf._fontSize;
  const operand = showTextOperand(font, text);
  if (operand === undefined) return false;
  let left = x;
  if (align === 'right') left += line.lineWidth - doc.widthOfString(text.replace(/\s+$/, ''));
  else if (align === 'center') left += line.lineWidth / 2 - line.textWidth / 2;

  if (pdf.page.fonts[font.id] == null) pdf.page.fonts[font.id] = font.ref();
  let fontChange = '';
  if (state.page !== doc.page || state.font !== font.id || state.size !== size) {
    fontChange = `/${font.id} ${num(size)} Tf\n`;
    state.page = doc.page;
    state.font = font.id;
    state.size = size;
  }
  // One write: the page content joins writes with a newline, as PDFKit separates operators.
  pdf.addContent(`BT\n1 0 0 -1 ${num(left)} ${num(y + (font.ascender / 1000) * size)} Tm\n${fontChange}${operand} TJ\nET`);
  return true;
}

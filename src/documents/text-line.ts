/**
 * Writes one already laid-out line of text into the page content, as PDFKit's `_fragment` would but without its
 * per-call wrapping: PDFKit draws each text call inside save/restore with a flipped matrix (q, cm, BT, Tm, Tf, TJ,
 * ET, Q) and measures the string twice more. Here a line is a text object whose matrix flips the glyphs upright
 * in PDFKit's top-down page space (`1 0 0 -1 x baseline Tm`: the same placement as PDFKit's cm + Tm), the font
 * is set only when it changes (text state persists across text objects, PDF 1.7 §9.3.1), and the glyph ids and
 * kerning come from PDFKit's own font encoder, so the subset, widths and ToUnicode map are PDFKit's.
 */

/** PDFKit's embedded font (EmbeddedFont in pdfkit 0.17+): what a text line needs of it. */
interface PdfKitFont {
  id: string;
  /** Ascender in 1/1000 em: PDFKit places a line's top, not its baseline. */
  ascender: number;
  encode(text: string): [string[], Array<{ xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }>];
  ref(): unknown;
}

interface PdfKitInternals {
  _font: PdfKitFont;
  _fontSize: number;
  page: { fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** PDFKit's number format in content streams (PDFObject.number): six decimals at most. */
function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
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
  const text = line.text.replace(/\n/g, '');
  if (text === '') return true;
  const font = pdf._font;
  const size = pdf._fontSize;
  const [encoded, positions] = font.encode(text);
  if (positions.some((p) => p.xOffset !== 0 || p.yOffset !== 0)) return false;
  let left = x;
  if (align === 'right') left += line.lineWidth - doc.widthOfString(text.replace(/\s+$/, ''));
  else if (align === 'center') left += line.lineWidth / 2 - line.textWidth / 2;

  if (pdf.page.fonts[font.id] == null) pdf.page.fonts[font.id] = font.ref();
  pdf.addContent('BT');
  pdf.addContent(`1 0 0 -1 ${num(left)} ${num(y + (font.ascender / 1000) * size)} Tm`);
  if (state.page !== doc.page || state.font !== font.id || state.size !== size) {
    pdf.addContent(`/${font.id} ${num(size)} Tf`);
    state.page = doc.page;
    state.font = font.id;
    state.size = size;
  }
  // Runs of glyph ids, broken where kerning moves the next glyph (PDFKit's addSegment).
  const commands: string[] = [];
  let start = 0;
  for (let i = 0; i < positions.length; i += 1) {
    const p = positions[i];
    if (p && p.xAdvance !== p.advanceWidth) {
      commands.push(`<${encoded.slice(start, i + 1).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`);
      start = i + 1;
    }
  }
  if (start < positions.length) {
    const p = positions[positions.length - 1];
    commands.push(`<${encoded.slice(start).join('')}> ${num(-((p?.xAdvance ?? 0) - (p?.advanceWidth ?? 0)))}`);
  }
  pdf.addContent(`[${commands.join(' ')}] TJ`);
  pdf.addContent('ET');
  return true;
}

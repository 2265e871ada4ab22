/**
 * The operand of a TJ operator for a string in one document's font: its glyphs as the document's subset numbers
 * them, in runs broken where kerning moves the next glyph. This is PDFKit's EmbeddedFont.encode plus _fragment's
 * segmenting, with the same side effects on the font (glyph added to the subset, its width and code points kept
 * for the widths array and ToUnicode map, first use wins), but a glyph's hex id is made once per document and a
 * string's operand once per document: PDFKit built two strings per glyph on every call, most of a table's garbage.
 */

interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** PDFKit's EmbeddedFont (pdfkit 0.17+): the parts its encoder uses. */
export interface DocumentFont {
  id: string;
  scale: number;
  widths: Array<number | undefined>;
  unicode: Array<number[] | undefined>;
  subset: { includeGlyph(id: number): number };
  layout(text: string): { glyphs: Array<{ id: number; advanceWidth: number; codePoints: number[] }>; positions: GlyphPosition[] };
}

interface Encoded {
  /** Hex glyph id in this document's subset, by glyph id in the font. */
  hex: Map<number, string>;
  /** TJ operand by string; null when the string has shaped offsets (PDFKit draws it). */
  operands: Map<string, string | null>;
}

const byDocumentFont = new WeakMap<DocumentFont, Encoded>();

/** PDFKit's number format in content streams (PDFObject.number): six decimals at most. */
export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

function hexOf(font: DocumentFont, encoded: Encoded, glyph: { id: number; advanceWidth: number; codePoints: number[] }): string {
  let hex = encoded.hex.get(glyph.id);
  if (hex === undefined) {
    const gid = font.subset.includeGlyph(glyph.id);
    hex = `0000${gid.toString(16)}`.slice(-4);
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    encoded.hex.set(glyph.id, hex);
  }
  return hex;
}

/** `[…]` for TJ, or undefined when a glyph has an x/y offset from shaping (marks): PDFKit places those itself. */
export function showTextOperand(font: DocumentFont, text: string): string | undefined {
  let encoded = byDocumentFont.get(font);
  if (!encoded) {
    encoded = { hex: new Map(), operands: new Map() };
    byDocumentFont.set(font, encoded);
  }
  const known = encoded.operands.get(text);
  if (known !== undefined) return known ?? undefined;
  const { glyphs, positions } = font.layout(text);
  let operand = '';
  let run = '';
  for (let i = 0; i < positions.length; i += 1) {
    const p = positions[i];
    const glyph = glyphs[i];
    if (!p || !glyph || p.xOffset !== 0 || p.yOffset !== 0) {
      encoded.operands.set(text, null);
      return undefined;
    }
    run += hexOf(font, encoded, glyph);
    if (p.xAdvance !== p.advanceWidth || i === positions.length - 1) {
      operand += `${operand === '' ? '' : ' '}<${run}> ${num(p.advanceWidth - p.xAdvance)}`;
      run = '';
    }
  }
  operand = `[${operand}]`;
  encoded.operands.set(text, operand);
  return operand;
}

/**
 * The part of fontkit 2 (https://github.com/foliojs/fontkit#readme) that the document fonts use; PDFKit accepts
 * such a font object wherever it accepts font bytes.
 */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }

  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }

  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    readonly advanceWidth: number;
  }

  export interface Font {
    postscriptName: string;
    getGlyph(id: number, codePoints?: number[]): Glyph;
    /** A per-document subset (fontkit's CFFSubset for CFF fonts); PDFKit calls it once per embedded font. */
    createSubset(): unknown;
    layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): GlyphRun;
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

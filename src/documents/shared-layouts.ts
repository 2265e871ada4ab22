/**
 * PDFKit lays text out per document: each document's font object starts with an empty cache, shapes every word
 * again (through fontkit) and joins the words' glyph arrays for every string it draws or measures. The invoice,
 * packing list, CO and contract of one order print the same SKUs, descriptions and labels, so here a document's
 * fonts share one layout per string with every other document of the process that uses the same parsed font.
 * A layout depends only on the font and the text (the fonts are shared and made deterministic in fonts.ts), and
 * PDFKit only reads it (its encoder maps the glyphs to the document's own subset), so sharing never changes bytes.
 */
import { LruMap } from '../lib/lru-map.ts';

/** What PDFKit's EmbeddedFont.layout returns (glyphs and positions are null when only the width was asked). */
interface LaidOut {
  glyphs: unknown[] | null;
  positions: unknown[] | null;
  advanceWidth: number;
}

/** PDFKit's EmbeddedFont (pdfkit 0.17+): `font` is the fontkit font it was opened with. */
interface EmbeddedFont {
  font: object;
  layout(text: string, features?: unknown, onlyWidth?: boolean): LaidOut;
}

/**
 * Strings kept per font, least recently used dropped first, bounded in count and in glyphs (a glyph position is
 * ~100 bytes, and a contract clause is hundreds of glyphs): a 200-line pack lays out ~3,000 distinct strings in the
 * regular font (~2 MB of glyph positions), so a pack's strings all stay while the one-off strings of thousands of
 * documents age out (~4 MB per font at most while the fonts are loaded; 4,000 strings without a glyph bound held
 * ~22 MB in a 2,000-PO documents run).
 */
const MAX_CACHED_STRINGS = 4_000;
const MAX_CACHED_GLYPHS = 40_000;
const byFont = new WeakMap<object, LruMap<string, LaidOut>>();

/** Opens the document's fonts `names` (registered beforehand) and makes their layouts shared; drawing sets fonts again. */
export function shareLayouts(doc: PDFKit.PDFDocument, names: readonly string[]): void {
  for (const name of names) {
    doc.font(name);
    const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
    let cache = byFont.get(embedded.font);
    if (!cache) {
      cache = new LruMap<string, LaidOut>(MAX_CACHED_STRINGS, { weigh: (laidOut) => (laidOut.positions?.length ?? 0) + 1, maxWeight: MAX_CACHED_GLYPHS });
      byFont.set(embedded.font, cache);
    }
    const shared = cache;
    const own = embedded.layout.bind(embedded);
    embedded.layout = (text: string, features?: unknown, onlyWidth?: boolean): LaidOut => {
      if (features) return own(text, features, onlyWidth);
      let laidOut = shared.get(text);
      if (!laidOut) {
        laidOut = own(text);
        shared.set(text, laidOut);
      }
      return laidOut;
    };
  }
}

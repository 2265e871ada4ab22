import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font, type Glyph, type GlyphRun } from 'fontkit';
import { leanSubset, type FlatGlyphs } from './font-subset.ts';
import { LruMap } from '../lib/lru-map.ts';

/**
 * Noto Sans CJK SC ("Noto Sans Hans", SIL OFL 1.1) from the @embedpdf/fonts-sc package: OpenType/CFF files that
 * pdfkit (fontkit) reads and subsets, covering Latin, punctuation and Chinese, so one family prints
 * "宁波华美电器有限公司" and "Incoterms® 2020" alike. pdfkit embeds only the glyphs a document uses.
 */
export const FONT_REGULAR = 'NotoSansSC-Regular';
export const FONT_BOLD = 'NotoSansSC-Bold';

const FILES: Record<string, string> = {
  [FONT_REGULAR]: 'NotoSansHans-Regular.otf',
  [FONT_BOLD]: 'NotoSansHans-Bold.otf',
};

const bytesCache = new Map<string, Buffer>();
const fontCache = new Map<string, Font>();

function fontDirectory(): string {
  const require = createRequire(import.meta.url);
  // The package exports only dist/index.*; the .otf files sit in fonts/ beside dist/.
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

/** The font file's bytes, read once per process (each file is ~8 MB). */
export function fontBytes(name: string): Buffer {
  const cached = bytesCache.get(name);
  if (cached) return cached;
  const file = FILES[name];
  if (!file) throw new Error(`unknown document font ${name}`);
  const bytes = readFileSync(join(fontDirectory(), file));
  bytesCache.set(name, bytes);
  return bytes;
}

/**
 * The parsed font, shared by every document of the process: fontkit parsing the CFF tables per document was half
 * of a render. PDFKit takes a fontkit font in place of bytes (`registerFont`) and still makes its own subset per
 * document. The shared object is adjusted (see `shareable`) so a document's bytes never depend on what the
 * process rendered before, and so the words every document repeats are shaped once.
 */
export function documentFont(name: string): Font {
  const cached = fontCache.get(name);
  if (cached) return cached;
  const font = shareable(create(fontBytes(name)));
  fontCache.set(name, font);
  return font;
}

/**
 * Forgets the fonts (~17 MB of file bytes plus fontkit's parsed tables and shaped runs): a job that rendered its
 * PDFs calls this at its end, so the rest of a cycle (sync, reminders…) and a long-running `serve` between cycles
 * do not carry them. The next render parses them again (a document's bytes do not depend on it, see `shareable`).
 */
export function releaseDocumentFonts(): void {
  fontCache.clear();
  bytesCache.clear();
}

/**
 * Words laid out kept per font, least recently used dropped first: a pack's labels and repeated words stay, while
 * the one-off words of thousands of documents (PO numbers, dates) age out. Bounded in glyphs too (a glyph position
 * is ~100 bytes): 10,000 runs per font held ~30 MB of glyph positions in a 2,000-PO documents run.
 */
const MAX_CACHED_RUNS = 4_000;
const MAX_CACHED_RUN_GLYPHS = 20_000;

/**
 * fontkit keeps one glyph object per glyph id and gives it the code points of the first call, so a space glyph
 * that is also the newline and no-break-space glyph would map to whichever the process met first (that ends up in
 * the ToUnicode map and picks the shaping script). Here a glyph asked for with code points is one per (id, code
 * points), as a fresh font would give it; calls without code points (subsetting) get the shared glyph with its
 * parsed outline. Then `layout(text)` depends on the text alone, so it is cached; PDFKit scales the positions of
 * a run in place, hence a fresh copy per call.
 */
function shareable(font: Font): Font {
  const proto = Object.getPrototypeOf(font) as Font;
  const variants = new Map<string, Glyph>();
  const runs = new LruMap<string, GlyphRun>(MAX_CACHED_RUNS, { weigh: (run) => run.glyphs.length + 1, maxWeight: MAX_CACHED_RUN_GLYPHS });
  const flatGlyphs: FlatGlyphs = new Map();
  Object.defineProperties(font, {
    getGlyph: {
      value(id: number, codePoints?: number[]): Glyph {
        const base = proto.getGlyph.call(font, id);
        if (codePoints === undefined) return base;
        const key = `${id}:${codePoints.join(',')}`;
        let glyph = variants.get(key);
        if (!glyph) {
          const GlyphClass = base.constructor as new (id: number, codePoints: number[], font: Font) => Glyph;
          glyph = new GlyphClass(id, codePoints, font);
          variants.set(key, glyph);
        }
        return glyph;
      },
    },
    createSubset: {
      value(): unknown {
        const subset = proto.createSubset.call(font);
        // Glyphs with their subroutines inlined instead of the font's subroutine tables: see font-subset.ts.
        leanSubset(subset, flatGlyphs);
        return subset;
      },
    },
    layout: {
      value(text: string, ...rest: unknown[]): GlyphRun {
        if (rest.some((arg) => arg !== undefined)) return proto.layout.call(font, text, ...(rest as []));
        let run = runs.get(text);
        if (!run) {
          run = proto.layout.call(font, text);
          runs.set(text, run);
        }
        return copyRun(run);
      },
    },
  });
  return font;
}

function copyRun(run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as typeof p, p));
  return copy;
}

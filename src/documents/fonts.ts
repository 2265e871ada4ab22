import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

const cache = new Map<string, Buffer>();

function fontDirectory(): string {
  const require = createRequire(import.meta.url);
  // The package exports only dist/index.*; the .otf files sit in fonts/ beside dist/.
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

/** The font file's bytes, read once per process (each file is ~8 MB; parsing per document is cheap). */
export function fontBytes(name: string): Buffer {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = FILES[name];
  if (!file) throw new Error(`unknown document font ${name}`);
  const bytes = readFileSync(join(fontDirectory(), file));
  cache.set(name, bytes);
  return bytes;
}

import type { PlacedLine } from './text-line.ts';

/** Text wrapped to a width: the lines PDFKit's line wrapper makes and the height they take. */
export interface TextLayout {
  height: number;
  lines: PlacedLine[];
}

/** PDFKit's text entry point with a per-line callback (what `heightOfString` uses): internal, stable since 0.12. */
interface PdfKitWrapping {
  _text(text: string, x: number, y: number, options: object, onLine: (line: string, options: { lineWidth: number; textWidth: number }) => void): unknown;
}

/**
 * Layouts by text, font, size, line gap and width, shared by every document of the process: a table measures
 * each cell to size its row and again to draw it, and the same labels recur on every page and document. Values
 * depend only on the key (the fonts are the same parsed files for the whole process), so clearing the cache when
 * it is full never changes output. Keyed by the text first so a lookup builds no key string.
 */
interface Entry extends TextLayout {
  font: string;
  size: number;
  lineGap: number;
  width: number;
}
const layouts = new Map<string, Entry[]>();
const MAX_CACHED_TEXTS = 20_000;

/**
 * `text` wrapped by PDFKit in the document's current font and size (`font` and `size` name them for the cache), as `heightOfString` wraps it, keeping the
 * lines so drawing needs no second wrap. Measured from y = 0 so the height is a function of the key alone (PDFKit
 * returns end y − start y, whose last bits depend on the start).
 */
export function layoutText(doc: PDFKit.PDFDocument, text: string, width: number, font: string, size: number, lineGap: number): TextLayout {
  let entries = layouts.get(text);
  if (entries) {
    for (const m of entries) if (m.width === width && m.size === size && m.font === font && m.lineGap === lineGap) return m;
  }
  const { x, y } = doc;
  const lines: PlacedLine[] = [];
  const gap = lineGap || 0;
  (doc as unknown as PdfKitWrapping)._text(text, x, 0, { width, lineGap, height: Infinity }, (line, options) => {
    lines.push({ text: line, lineWidth: options.lineWidth, textWidth: options.textWidth });
    doc.y += doc.currentLineHeight(true) + gap;
  });
  const height = doc.y;
  doc.x = x;
  doc.y = y;
  if (!entries) {
    if (layouts.size >= MAX_CACHED_TEXTS) layouts.clear();
    entries = [];
    layouts.set(text, entries);
  }
  const entry: Entry = { font, size, lineGap, width, height, lines };
  entries.push(entry);
  return entry;
}

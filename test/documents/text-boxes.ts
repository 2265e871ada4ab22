import { getDocumentProxy } from 'unpdf';

/** One run of drawn text as the PDF holds it: where a reader (or a broker's software) finds it on the page. */
export interface TextBox {
  text: string;
  x: number;
  /** Bottom and top in PDF space (y up): glyph extents of the font, descender to ascender. */
  bottom: number;
  top: number;
  right: number;
}

// Noto Sans CJK's descender and ascender in em (hhea −0.12 / 0.88): the ink a line of text can cover.
const DESCENT = 0.12;
const ASCENT = 0.88;

/**
 * The text boxes drawn on each page, read back from the PDF with pdf.js (unpdf), so a test checks what was drawn,
 * not what the renderer meant to draw. pdf.js adds whitespace-only items for gaps between runs; they are skipped.
 */
export async function textBoxes(bytes: Buffer): Promise<TextBox[][]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: TextBox[][] = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    const boxes: TextBox[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , scaleY = 0, x = 0, baseline = 0] = item.transform as number[];
      const size = Math.abs(scaleY);
      boxes.push({ text: item.str, x, right: x + item.width, bottom: baseline - DESCENT * size, top: baseline + ASCENT * size });
    }
    pages.push(boxes);
  }
  await pdf.destroy();
  return pages;
}

/** Pairs of boxes on a page whose areas intersect by more than `tolerance` points both ways. */
export function overlappingPairs(boxes: readonly TextBox[], tolerance = 0.4): Array<[TextBox, TextBox]> {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const pairs: Array<[TextBox, TextBox]> = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j]!;
      if (b.x >= a.right - tolerance) break;
      const dx = Math.min(a.right, b.right) - Math.max(a.x, b.x);
      const dy = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
      if (dx > tolerance && dy > tolerance) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** Readable lines for a failure message: "'Apr' (781,485-493) × '06' (…)". */
export function describePairs(pairs: ReadonlyArray<[TextBox, TextBox]>): string[] {
  const one = (b: TextBox) => `'${b.text}' (${b.x.toFixed(0)}–${b.right.toFixed(0)}, ${b.bottom.toFixed(1)}–${b.top.toFixed(1)})`;
  return pairs.map(([a, b]) => `${one(a)} × ${one(b)}`);
}

/**
 * Everything a receiver would reject in a drawn document, as readable lines: two text boxes over each other, text
 * off the page, and a page after the first that holds nothing but its repeated header (and a table's header row)
 * above the footer. `pageHeight` in points; the continuation header ends about 60 pt below the top.
 */
export async function layoutProblems(bytes: Buffer, page: { width: number; height: number }): Promise<string[]> {
  const pages = await textBoxes(bytes);
  const problems: string[] = [];
  pages.forEach((boxes, i) => {
    for (const pair of describePairs(overlappingPairs(boxes))) problems.push(`page ${i + 1}: overlap ${pair}`);
    for (const b of boxes) {
      if (b.x < 0 || b.right > page.width + 0.5 || b.bottom < 0 || b.top > page.height) problems.push(`page ${i + 1}: '${b.text}' off the page`);
    }
    // Body content on a continuation page: something that reaches more than a table header row below the header.
    const footerTop = 36 + 26;
    const bodyLine = page.height - 60 - 26;
    if (i > 0 && !boxes.some((b) => b.bottom < bodyLine && b.bottom > footerTop)) problems.push(`page ${i + 1}: holds only a header`);
  });
  return problems;
}

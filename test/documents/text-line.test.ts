/**
 * The renderer draws text from the lines its measuring wrapped (text-layout.ts, text-line.ts) instead of calling
 * PDFKit's text() per call. Each case here is drawn both ways, Frame.text and PDFKit's own text() with the same
 * font, size, width, alignment and line gap, and read back with pdf.js: the same lines, at the same places.
 */
import { describe, expect, it } from 'vitest';
import { FONT_BOLD, FONT_REGULAR } from '../../src/documents/fonts.ts';
import { openPdf } from '../../src/documents/open-pdf.ts';
import type { TextStyle } from '../../src/documents/frame.ts';
import { textBoxes, type TextBox } from './text-boxes.ts';

interface Case {
  text: string;
  width: number;
  style: TextStyle;
}

const CASES: Case[] = [
  { text: 'HL-KT170-BK-000-EXTRA-LONG-SKU-CODE-40CH', width: 200, style: { bold: true, size: 7.2 } },
  { text: 'AVATAR Type Wo, "quoted" — 1–40 Incoterms® 2020', width: 300, style: { size: 8 } },
  { text: '36,180.00', width: 60, style: { size: 7.2, align: 'right' } },
  { text: 'Trailing spaces   ', width: 120, style: { size: 7.2, align: 'right' } },
  { text: '42 × 32 × 28', width: 57, style: { size: 7.2, align: 'center' } },
  { text: 'Stainless steel vacuum flask, 500 ml, double wall, powder-coated, colour white', width: 105, style: { size: 7.2 } },
  { text: 'Unit price USD\n单价', width: 40, style: { size: 6.4, bold: true, align: 'right', color: '#ffffff' } },
  { text: '宁波华美电器有限公司 买方同意按本合同条款向卖方购买下列货物，卖方同意出售。', width: 150, style: { size: 7, lineGap: 0.2 } },
  { text: 'SAY US DOLLARS ONE HUNDRED AND SEVEN THOUSAND FIVE HUNDRED AND ONE AND CENTS EIGHTY ONLY', width: 180, style: { size: 7.5, bold: true, align: 'center' } },
];

const X = 40;

async function drawn(draw: (c: Case, y: number, pdf: ReturnType<typeof openPdf>) => void): Promise<TextBox[]> {
  const pdf = openPdf('A4', { title: 't', author: 'a', subject: 's', issuedOn: '2026-03-02' });
  CASES.forEach((c, i) => draw(c, 40 + i * 80, pdf));
  const pages = await textBoxes(await pdf.finish());
  return pages.flat();
}

describe('text drawn from measured lines', () => {
  it('puts every line where PDFKit text() puts it', async () => {
    const ours = await drawn((c, y, pdf) => pdf.frame.text(c.text, X, y, c.width, c.style));
    const pdfkits = await drawn((c, y, pdf) => {
      pdf.frame.doc.font(c.style.bold ? FONT_BOLD : FONT_REGULAR).fontSize(c.style.size ?? 8).fillColor(c.style.color ?? '#000000');
      pdf.frame.doc.text(c.text, X, y, { width: c.width, align: c.style.align ?? 'left', lineGap: c.style.lineGap ?? 0.6 });
    });
    expect(ours.length).toBeGreaterThan(CASES.length);
    expect(ours.map((b) => b.text)).toEqual(pdfkits.map((b) => b.text));
    ours.forEach((box, i) => {
      const theirs = pdfkits[i];
      expect(Math.abs(box.x - (theirs?.x ?? Number.NaN)), box.text).toBeLessThan(0.001);
      expect(Math.abs(box.bottom - (theirs?.bottom ?? Number.NaN)), box.text).toBeLessThan(0.001);
      expect(Math.abs(box.right - (theirs?.right ?? Number.NaN)), box.text).toBeLessThan(0.001);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { buildDocumentPack } from '../../src/domain/documents/index.ts';
import { renderDocument } from '../../src/documents/render-document.ts';
import { largeShipment } from '../domain/documents/sample-shipment.ts';
import { pdfText, type PdfText } from './pdf-text.ts';

const LINES = 200;

function flat(page: string): string {
  return page.replace(/\s+/g, ' ');
}

function expectNumberedPages(text: PdfText): void {
  const count = text.pages.length;
  text.pages.forEach((page, i) => expect(flat(page)).toContain(`Page ${i + 1} of ${count}`));
}

describe(`a ${LINES}-line purchase order`, async () => {
  const result = buildDocumentPack(largeShipment(LINES));
  if (!result.ok) throw new Error(result.fixes.join('\n'));
  const { pack } = result;
  const co = pack.certificateOfOrigin;
  const bl = pack.billOfLadingDraft;
  if (!co || !bl) throw new Error('incomplete pack');
  const [invoice, packing, origin, lading] = await Promise.all([
    renderDocument('commercial-invoice', pack.commercialInvoice).then(pdfText),
    renderDocument('packing-list', pack.packingList).then(pdfText),
    renderDocument('certificate-of-origin', co).then(pdfText),
    renderDocument('bill-of-lading-draft', bl).then(pdfText),
  ]);

  it('paginates the invoice with "Page x of y", a continuation header and the table header on every page', () => {
    expect(invoice.pages.length).toBeGreaterThan(5);
    expectNumberedPages(invoice);
    invoice.pages.slice(1).forEach((page) => {
      expect(flat(page)).toContain('COMMERCIAL INVOICE · No. HM-INV-2025-0318 (continued)');
      expect(flat(page)).toContain('No. Item / SKU Description of goods HS code Origin Carton Nos. Quantity Unit Unit price USD Amount USD');
    });
  });

  it('prints every line exactly once, in order, and never cuts a cell', () => {
    const all = invoice.pages.map(flat).join(' ');
    let last = -1;
    for (let i = 0; i < LINES; i += 1) {
      const sku = `HM-${1000 + i}`;
      const at = all.indexOf(` ${sku} `);
      expect(at, sku).toBeGreaterThan(last);
      expect(all.indexOf(` ${sku} `, at + 1), `${sku} twice`).toBe(-1);
      last = at;
    }
    expect(all).not.toContain('…');
  });

  it('keeps the last line with the totals and signature', () => {
    const lastPage = flat(invoice.pages.at(-1) ?? '');
    expect(lastPage).toContain('HM-1199');
    expect(lastPage).toContain(`TOTAL FOB NINGBO, CHINA (USD) ${pack.commercialInvoice.totals.at(-1)?.value}`);
    expect(lastPage).toContain('Authorised signature and company chop');
  });

  it('numbers cartons without gaps to the total on the packing list', () => {
    const all = packing.pages.map(flat).join(' ');
    expectNumberedPages(packing);
    const rows = pack.packingList.rows;
    expect(rows[0]?.cartonNumbers.startsWith('1–')).toBe(true);
    const lastRange = rows.at(-1)?.cartonNumbers ?? '';
    expect(all).toContain(`${lastRange} HM-1199`);
    expect(all).toContain(`TOTAL ${pack.packingList.totals.packages}`);
    expect(lastRange.endsWith(pack.packingList.totals.packages.replace(/ CARTONS$/, ''))).toBe(true);
    packing.pages.forEach((page) => expect(flat(page)).toContain('Carton Nos. Item / SKU Description of goods'));
  });

  it('continues the certificate of origin over pages and closes box 7 before the declarations', () => {
    expectNumberedPages(origin);
    const last = flat(origin.pages.at(-1) ?? '');
    expect(last).toContain(`${LINES}. `);
    expect(last.indexOf('*** *** ***')).toBeLessThan(last.indexOf('11. Declaration by the exporter'));
    origin.pages.forEach((page) => expect(flat(page)).toContain('8. H.S. code'));
  });

  it('describes the cargo on the B/L once per distinct item', () => {
    expectNumberedPages(lading);
    expect(lading.pages.map(flat).join(' ')).toContain(`${pack.packingList.totals.grossKg} ${pack.packingList.totals.cbm}`);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDocumentPack, type DocumentPack } from '../../src/domain/documents/index.ts';
import type { ShipmentDocumentInput } from '../../src/domain/documents/input.ts';
import { renderDocument } from '../../src/documents/render-document.ts';
import { sampleShipment } from '../domain/documents/sample-shipment.ts';
import { pdfText } from './pdf-text.ts';

function packFor(input: ShipmentDocumentInput = sampleShipment()): DocumentPack {
  const result = buildDocumentPack(input);
  if (!result.ok) throw new Error(result.fixes.join('\n'));
  return result.pack;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('commercial invoice PDF', async () => {
  const pack = packFor();
  const bytes = await renderDocument('commercial-invoice', pack.commercialInvoice);
  const { flat, pageSizes } = await pdfText(bytes);

  it.each([
    ['(1) US port of entry', ['US PORT OF ENTRY', 'Los Angeles, CA (2704)']],
    ['(2) date and place of sale', ['DATE / PLACE OF SALE', '06 Jan 2025, Ningbo, China']],
    ['(2) seller and buyer', ['Ningbo Huamei Electric Appliance Co., Ltd.', 'SOLD TO (BUYER)', 'Brightline Home Goods Inc.', '2100 E. Olympic Blvd']],
    ['(3) detailed description', ['Electric kettle, 1.7 L, stainless steel body', '2-slice toaster', 'Hand mixer, 5 speeds']],
    ['(3) marks and numbers of packages', ['SHIPPING MARKS', 'PO 4500012345', '1–40', '41–65', '66–125']],
    ['(4) quantities and units', ['960 PCS', '500 PCS', '1,200 PCS']],
    ['(5) unit prices in the purchase currency', ['Unit price USD', '12.35', '9.875', '6.10', '11,856.00', '4,937.50', '7,320.00']],
    ['(7) kind of currency', ['USD (US DOLLARS)', 'All prices and amounts are in USD (US DOLLARS).']],
    ['(8) charges itemised', ["Ocean freight to Los Angeles, CA, USA Not included (freight for buyer's account under FOB)", "Insurance Not included (insurance for buyer's account under FOB)", 'Packing, cases and inland freight to the port of loading are included in the unit prices.']],
    ['(9) rebates, drawbacks and bounties', ['Rebates, drawbacks and bounties allowed upon exportation: None.']],
    ['(10) country of origin per line', ['8516.71.0000 China', '8516.72.0000 China', '8509.40.0045 China']],
    ['(11) assists', ['Assists (dies, moulds, tools, engineering supplied free or at reduced cost and not in the price): None.']],
    ['responsible employee', ['Chen Li, Export Manager', 'Authorised signature and company chop']],
    ['Incoterm with named place and version', ['FOB Ningbo, China Incoterms® 2020']],
    ['total and amount in words', ['TOTAL FOB NINGBO, CHINA (USD) 24,113.50', 'SAY US DOLLARS TWENTY-FOUR THOUSAND ONE HUNDRED AND THIRTEEN AND CENTS FIFTY ONLY']],
    ['packages, weights and CBM', ['Total packages: 125 CARTONS', 'Net weight: 1,992.00 KG', 'Gross weight: 2,175.25 KG', 'Measurement: 8.636 CBM']],
    ['invoice number, date, PO and page numbers', ['HM-INV-2025-0318', '18 Mar 2025', '4500012345', 'Page 1 of 1']],
    ['notify party and container', ['NOTIFY PARTY', 'Pacific Gateway Customs Brokers LLC', 'CSQU3054383']],
  ])('shows %s', (_element, phrases) => {
    for (const phrase of phrases) expect(flat).toContain(phrase);
  });

  it('renders Chinese text that extracts as Chinese', () => {
    expect(flat).toContain('宁波华美电器有限公司');
    expect(flat).toContain('电热水壶 1.7升 不锈钢');
  });

  it('is A4 by default, one page with every charge, declaration and the signature, and small because the CJK font is subset', () => {
    expect(pageSizes).toEqual([[595, 842]]);
    expect(bytes.length).toBeLessThan(200_000); // the full font file alone is 8 MB
  });
});

describe('packing list PDF', async () => {
  const bytes = await renderDocument('packing-list', packFor().packingList);
  const { flat } = await pdfText(bytes);

  it('lists carton ranges, units per carton, weights, sizes and CBM per line', () => {
    expect(flat).toContain('1–40 HM-KT17');
    expect(flat).toContain('24 40 960 PCS 18.50 20.20 740.00 808.00 60 × 40 × 35 3.360');
    expect(flat).toContain('20 25 500 PCS 16.00 17.25 400.00 431.25 52.5 × 38 × 30 1.496');
    expect(flat).toContain('20 60 1,200 PCS 14.20 15.60 852.00 936.00 45 × 35 × 40 3.780');
  });

  it('totals cartons, quantity, weights and CBM to three decimals', () => {
    expect(flat).toContain('TOTAL 125 CARTONS 125 2,660 PCS 1,992.00 2,175.25 8.636');
    expect(flat).toContain('8.636 CBM');
    expect(flat).toContain('SAY ONE HUNDRED AND TWENTY-FIVE (125) CARTONS ONLY');
  });

  it('shows no prices', () => {
    expect(flat).not.toContain('12.35');
    expect(flat).not.toContain('24,113.50');
  });
});

describe('certificate of origin PDF', async () => {
  const pack = packFor();
  const co = pack.certificateOfOrigin;
  if (!co) throw new Error('no CO');
  const { flat } = await pdfText(await renderDocument('certificate-of-origin', co));

  it('has boxes 1 to 12 filled as on the CCPIT form', () => {
    for (const box of [
      '1. Exporter', '2. Consignee', '3. Means of transport and route', '4. Country / region of destination',
      '5. For certifying authority use only', '6. Marks and numbers', '7. Number and kind of packages; description of goods',
      '8. H.S. code', '9. Quantity', '10. Number and date of invoices', '11. Declaration by the exporter', '12. Certification',
    ]) expect(flat).toContain(box);
    expect(flat).toContain('FROM NINGBO, CHINA TO LOS ANGELES, CA, USA BY SEA');
    expect(flat).toContain('4. Country / region of destination UNITED STATES');
    expect(flat).toContain('ONE HUNDRED AND TWENTY-FIVE (125) CARTONS OF:');
    expect(flat).toContain('8516.71.0000 960 PCS');
    expect(flat).toContain('*** *** ***');
    expect(flat).toContain('HM-INV-2025-0318 18 Mar 2025');
    expect(flat).toContain('produced in China');
  });

  it('prints the exporter in English and Chinese', () => {
    expect(flat).toContain('Ningbo Huamei Electric Appliance Co., Ltd. 宁波华美电器有限公司');
  });
});

describe('B/L draft PDF', async () => {
  it('shows container and seal, notify party, packages, weight, CBM and freight term', async () => {
    const bl = packFor().billOfLadingDraft;
    if (!bl) throw new Error('no B/L');
    const { flat } = await pdfText(await renderDocument('bill-of-lading-draft', bl));
    expect(flat).toContain('Container No. (ISO 6346) Seal No. Size / type CSQU3054383 CN2025031801 40HC');
    expect(flat).toContain('NOTIFY PARTY Pacific Gateway Customs Brokers LLC');
    expect(flat).toContain('125 CARTONS');
    expect(flat).toContain('SAY ONE HUNDRED AND TWENTY-FIVE (125) CARTONS ONLY');
    expect(flat).toContain('2,175.25 8.636');
    expect(flat).toContain('FREIGHT AND CHARGES FREIGHT COLLECT');
    expect(flat).toContain('THREE (3) ORIGINALS');
  });

  it('prints an order consignee with its notify party', async () => {
    const input = sampleShipment();
    input.consignee = { ref: { table: 'Shipments', id: 'recShipment000001' }, name: 'TO ORDER OF BANK OF AMERICA N.A.', address: [] };
    input.order.incoterm = 'CIF';
    input.order.namedPlace = 'Los Angeles, CA, USA';
    input.charges.freight = 2850;
    input.charges.insurance = 41.5;
    const bl = packFor(input).billOfLadingDraft;
    if (!bl) throw new Error('no B/L');
    const { flat } = await pdfText(await renderDocument('bill-of-lading-draft', bl));
    expect(flat).toContain('CONSIGNEE TO ORDER OF BANK OF AMERICA N.A.');
    expect(flat).toContain('Pacific Gateway Customs Brokers LLC');
    expect(flat).toContain('FREIGHT PREPAID');
  });
});

describe('deterministic bytes', () => {
  it('gives identical bytes for identical content, and different bytes when it changes', async () => {
    const pack = packFor();
    const first = await renderDocument('commercial-invoice', pack.commercialInvoice);
    const second = await renderDocument('commercial-invoice', packFor().commercialInvoice);
    expect(sha256(second)).toBe(sha256(first));

    const later = sampleShipment();
    later.documentDate = '2025-03-19';
    const third = await renderDocument('commercial-invoice', packFor(later).commercialInvoice);
    expect(sha256(third)).not.toBe(sha256(first));
  });

  it('dates the file from the content, not the clock', async () => {
    const { info } = await pdfText(await renderDocument('packing-list', packFor().packingList));
    expect(info).toMatchObject({
      CreationDate: 'D:20250318000000Z',
      ModDate: 'D:20250318000000Z',
      Title: 'Packing list HM-INV-2025-0318',
      Author: 'Ningbo Huamei Electric Appliance Co., Ltd.',
    });
  });

  it('is stable for every document kind and for US Letter', async () => {
    const pack = packFor();
    const co = pack.certificateOfOrigin;
    const bl = pack.billOfLadingDraft;
    if (!co || !bl) throw new Error('incomplete pack');
    for (const render of [
      () => renderDocument('packing-list', pack.packingList, { pageSize: 'LETTER' }),
      () => renderDocument('certificate-of-origin', co),
      () => renderDocument('bill-of-lading-draft', bl, { pageSize: 'LETTER' }),
    ]) {
      expect(sha256(await render())).toBe(sha256(await render()));
    }
  });
});

describe('page size option', () => {
  it('renders US Letter when asked', async () => {
    const { pageSizes, pages } = await pdfText(await renderDocument('commercial-invoice', packFor().commercialInvoice, { pageSize: 'LETTER' }));
    expect(pageSizes[0]).toEqual([612, 792]);
    // Letter is 50 pt shorter than A4: every line stays on page 1 with the marks and totals; only the
    // declarations and the signature go on to page 2.
    expect(pages[0]).toContain('HM-MX05');
    expect(pages[0]?.replace(/\s+/g, ' ')).toContain('TOTAL FOB NINGBO, CHINA (USD) 24,113.50');
    expect(pages[1]?.replace(/\s+/g, ' ')).toContain('Authorised signature and company chop');
  });

  it('refuses content of another kind', async () => {
    const pack = packFor();
    await expect(renderDocument('packing-list', pack.commercialInvoice as never)).rejects.toThrow(/content is a commercial-invoice/);
  });
});

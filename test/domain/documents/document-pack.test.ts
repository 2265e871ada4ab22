import { describe, expect, it } from 'vitest';
import { buildDocumentPack, checkPackConsistency, type DocumentPack } from '../../../src/domain/documents/index.ts';
import type { PreparedShipment } from '../../../src/domain/documents/prepared.ts';
import { sampleShipment } from './sample-shipment.ts';

function built(input = sampleShipment()): { pack: DocumentPack; shipment: PreparedShipment } {
  const result = buildDocumentPack(input);
  if (!result.ok) throw new Error(`expected a pack, got fixes:\n${result.fixes.join('\n')}`);
  return result;
}

describe('commercial invoice content', () => {
  const { pack } = built();
  const ci = pack.commercialInvoice;

  it('prices each line as qty × unit price and totals without drift', () => {
    expect(ci.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
      ['960', '12.35', '11,856.00'],
      ['500', '9.875', '4,937.50'],
      ['1,200', '6.10', '7,320.00'],
    ]);
    expect(ci.totalMinor).toBe(2411350n);
    expect(ci.amountInWords).toBe('SAY US DOLLARS TWENTY-FOUR THOUSAND ONE HUNDRED AND THIRTEEN AND CENTS FIFTY ONLY');
  });

  it('states the Incoterm with its named place and version', () => {
    expect(ci.incoterm).toBe('FOB Ningbo, China Incoterms® 2020');
  });

  it('itemises freight and insurance as not included under FOB', () => {
    expect(ci.totals.find((t) => t.label.startsWith('Ocean freight'))?.value).toBe("Not included (freight for buyer's account under FOB)");
    expect(ci.totals.find((t) => t.label === 'Insurance')?.value).toBe("Not included (insurance for buyer's account under FOB)");
    expect(ci.totals.at(-1)).toEqual({ label: 'TOTAL FOB NINGBO, CHINA (USD)', value: '24,113.50', emphasis: true });
  });

  it('carries every 19 CFR 141.86(a) element for a US entry', () => {
    const field = (label: string) => [...ci.references, ...ci.transport].find((f) => f.label === label)?.value;
    expect(field('US port of entry')).toBe('Los Angeles, CA (2704)'); // (1)
    expect(field('Date / place of sale')).toBe('06 Jan 2025, Ningbo, China'); // (2) when/where
    expect([ci.exporter.name, ci.buyer.name]).toEqual(['Ningbo Huamei Electric Appliance Co., Ltd.', 'Brightline Home Goods Inc.']); // (2) who to whom
    expect(ci.lines[0]?.description).toContain('stainless steel'); // (3) detailed description
    expect(ci.marks).toContain('PO 4500012345'); // (3) marks of the packages
    expect(ci.lines.map((l) => l.cartonNumbers)).toEqual(['1–40', '41–65', '66–125']); // (3) numbers of the packages
    expect(ci.lines[0]?.unit).toBe('PCS'); // (4)
    expect(field('Currency')).toBe('USD (US DOLLARS)'); // (5), (7)
    expect(ci.totals.map((t) => t.label)).toEqual(expect.arrayContaining(['Insurance', 'Goods subtotal'])); // (8)
    expect(ci.statements.join(' ')).toContain('Rebates, drawbacks and bounties allowed upon exportation: None'); // (9)
    expect(ci.lines.map((l) => l.origin)).toEqual(['China', 'China', 'China']); // (10)
    expect(ci.statements.join(' ')).toContain('Assists'); // (11)
    expect(ci.signature).toMatchObject({ name: 'Chen Li', title: 'Export Manager' }); // responsible employee
  });
});

describe('packing list content', () => {
  const { pack } = built();
  const pl = pack.packingList;

  it('numbers cartons on across lines and shows units per carton, weights, size and CBM per range', () => {
    expect(pl.rows.map((r) => [r.cartonNumbers, r.unitsPerCarton, r.cartons, r.netKg, r.grossKg, r.cartonSize, r.cbm])).toEqual([
      ['1–40', '24', '40', '740.00', '808.00', '60 × 40 × 35', '3.360'],
      ['41–65', '20', '25', '400.00', '431.25', '52.5 × 38 × 30', '1.496'],
      ['66–125', '20', '60', '852.00', '936.00', '45 × 35 × 40', '3.780'],
    ]);
  });

  it('totals are exact sums (CBM rounded only for display: 3.36 + 1.49625 + 3.78 = 8.63625)', () => {
    expect(pl.totals).toEqual({ packages: '125 CARTONS', quantities: '2,660 PCS', netKg: '1,992.00', grossKg: '2,175.25', cbm: '8.636' });
    expect(pl.packagesInWords).toBe('SAY ONE HUNDRED AND TWENTY-FIVE (125) CARTONS ONLY');
  });
});

describe('certificate of origin content (China, non-preferential)', () => {
  const { pack } = built();
  const co = pack.certificateOfOrigin;

  it('fills boxes 1–12', () => {
    expect(co).not.toBeNull();
    if (!co) return;
    expect(co.box1Exporter.nameLocal).toBe('宁波华美电器有限公司');
    expect(co.box2Consignee.name).toBe('Brightline Home Goods Inc.');
    expect(co.box3Transport.text).toBe('FROM NINGBO, CHINA TO LOS ANGELES, CA, USA BY SEA');
    expect(co.box4Destination).toBe('UNITED STATES');
    expect(co.box6Marks[0]).toBe('BRIGHTLINE');
    expect(co.box7Packages).toBe('ONE HUNDRED AND TWENTY-FIVE (125) CARTONS OF:');
    expect(co.items.map((i) => [i.hsCode, i.quantity])).toEqual([
      ['8516.71.0000', '960 PCS'], ['8516.72.0000', '500 PCS'], ['8509.40.0045', '1,200 PCS'],
    ]);
    expect(co.box7Closing).toContain('***');
    expect(co.box10Invoice).toEqual({ number: 'HM-INV-2025-0318', date: '18 Mar 2025' });
    expect(co.box11Declaration.text).toContain('produced in China');
    expect(co.box12Certification.text).toContain('certified');
  });

  it('is not produced for an exporter outside China', () => {
    const input = sampleShipment();
    input.exporter.country = 'VN';
    input.lines.forEach((line) => { line.countryOfOrigin = 'VN'; });
    expect(built(input).pack.certificateOfOrigin).toBeNull();
  });
});

describe('B/L draft content', () => {
  it('defaults FREIGHT COLLECT under FOB and lists the ISO 6346 container with its seal', () => {
    const bl = built().pack.billOfLadingDraft;
    expect(bl?.freight.term).toBe('FREIGHT COLLECT');
    expect(bl?.freight.payableAt).toBe('Los Angeles, CA, USA');
    expect(bl?.containers).toEqual([{ number: 'CSQU3054383', sealNumber: 'CN2025031801', type: '40HC' }]);
    expect(bl?.originals).toBe('THREE (3) ORIGINALS');
    expect(bl?.packagesInWords).toBe('SAY ONE HUNDRED AND TWENTY-FIVE (125) CARTONS ONLY');
    expect(bl?.notifyParty.name).toBe('Pacific Gateway Customs Brokers LLC');
  });

  it.each([
    ['EXW', 'FREIGHT COLLECT'], ['FCA', 'FREIGHT COLLECT'], ['FAS', 'FREIGHT COLLECT'], ['FOB', 'FREIGHT COLLECT'],
    ['CFR', 'FREIGHT PREPAID'], ['CIF', 'FREIGHT PREPAID'], ['CPT', 'FREIGHT PREPAID'], ['CIP', 'FREIGHT PREPAID'],
    ['DAP', 'FREIGHT PREPAID'], ['DPU', 'FREIGHT PREPAID'], ['DDP', 'FREIGHT PREPAID'],
  ])('%s → %s', (incoterm, term) => {
    const input = sampleShipment();
    input.order.incoterm = incoterm;
    const paysCarriage = term === 'FREIGHT PREPAID';
    input.charges.freight = paysCarriage ? 2850 : null;
    input.charges.insurance = incoterm === 'CIF' || incoterm === 'CIP' ? 41.5 : null;
    expect(built(input).pack.billOfLadingDraft?.freight.term).toBe(term);
  });

  it('keeps a freight term the shipment record overrides, without commentary on the draft', () => {
    const input = sampleShipment();
    input.shipment.freightTerm = 'Prepaid';
    const bl = built(input).pack.billOfLadingDraft;
    expect(bl?.freight).toEqual({ term: 'FREIGHT PREPAID', payableAt: expect.any(String) });
    expect(JSON.stringify(bl)).not.toMatch(/usual term|follows from/);
  });

  it('is not produced for air freight', () => {
    const input = sampleShipment();
    input.order.incoterm = 'FCA';
    input.shipment.mode = 'Air';
    input.shipment.containers = [];
    expect(built(input).pack.billOfLadingDraft).toBeNull();
  });
});

describe('charges follow the Incoterm', () => {
  it('CIF includes freight and insurance in the total and notes the 110% cover', () => {
    const input = sampleShipment();
    input.order.incoterm = 'CIF';
    input.order.namedPlace = 'Los Angeles, CA, USA';
    input.charges.freight = '2,850.00';
    input.charges.insurance = 41.5;
    const ci = built(input).pack.commercialInvoice;
    expect(ci.totals.map((t) => [t.label, t.value])).toEqual([
      ['Goods subtotal', '24,113.50'],
      ['Ocean freight to Los Angeles, CA, USA', '2,850.00'],
      ['Insurance', '41.50'],
      ['TOTAL CIF LOS ANGELES, CA, USA (USD)', '27,005.00'],
    ]);
    expect(ci.amountInWords).toBe('SAY US DOLLARS TWENTY-SEVEN THOUSAND FIVE ONLY');
    expect(ci.statements.join(' ')).toContain('insured for USD 29,705.50 (110% of invoice value), Institute Cargo Clauses (C)');
  });

  it('DDP includes freight, leaves insurance to the seller, and itemises duties', () => {
    const input = sampleShipment();
    input.order.incoterm = 'DDP';
    input.order.namedPlace = 'Torrance, CA, USA';
    input.charges.freight = 3100;
    input.charges.other = [{ label: 'US import duties and fees', amount: '1,205.68' }];
    input.charges.discounts = [{ label: 'Early payment discount 1%', amount: 241.14 }];
    const ci = built(input).pack.commercialInvoice;
    expect(ci.totals.map((t) => t.value)).toEqual([
      '24,113.50', '3,100.00', 'Not charged (seller bears transit risk)', '1,205.68', '-241.14', '28,178.04',
    ]);
  });
});

describe('the pack agrees with itself', () => {
  it('passes the cross-document check', () => {
    const { pack, shipment } = built();
    expect(checkPackConsistency(shipment, pack)).toEqual([]);
  });

  it('catches a document that drifts from the others', () => {
    const { pack, shipment } = built();
    const bl = pack.billOfLadingDraft;
    if (!bl) throw new Error('no B/L');
    const tampered: DocumentPack = {
      ...pack,
      billOfLadingDraft: { ...bl, grossKg: '1,992.00', portOfDischarge: 'Long Beach, CA, USA' },
      packingList: { ...pack.packingList, invoiceNumber: 'HM-INV-2025-0319' },
    };
    expect(checkPackConsistency(shipment, tampered)).toEqual([
      'packing list shows invoice number "HM-INV-2025-0319" but the commercial invoice shows "HM-INV-2025-0318"',
      'B/L draft shows gross weight "1,992.00" but the commercial invoice shows "2,175.25"',
      'B/L draft shows port of discharge "Long Beach, CA, USA" but the commercial invoice shows "Los Angeles, CA, USA"',
    ]);
  });

  it('catches packing arithmetic that does not add up', () => {
    const { pack, shipment } = built();
    const first = shipment.lines[0];
    if (!first) throw new Error('no line');
    const broken: PreparedShipment = { ...shipment, lines: [{ ...first, cartonFrom: 2n }, ...shipment.lines.slice(1)] };
    expect(checkPackConsistency(broken, pack)).toContain('line 1: carton numbers start at 2, expected 1');
    const heavier: PreparedShipment = { ...shipment, lines: [{ ...first, grossGrams: first.grossGrams + 1000n }, ...shipment.lines.slice(1)] };
    expect(checkPackConsistency(heavier, pack)).toEqual(['packing totals are not the sum of the rows']);
  });
});

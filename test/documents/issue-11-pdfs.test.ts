/**
 * What a broker, a forwarder and a factory read in the PDFs: split-order carton numbers and marks, AWB wording,
 * shipped vs ordered, 19 CFR 141.86(a) charges from data, no software commentary, the bilingual contract.
 */
import { describe, expect, it } from 'vitest';
import { buildConfidentialityPolicy } from '../../src/domain/confidentiality/policy.ts';
import { buyerShownToFactory } from '../../src/domain/contracts/buyer-shown-to-factory.ts';
import { buildPurchaseContract } from '../../src/domain/contracts/purchase-contract.ts';
import { chargeableGrams } from '../../src/domain/documents/air-waybill.ts';
import { buildDocumentPack } from '../../src/domain/documents/document-pack.ts';
import { DOCUMENT_KIND_LABELS } from '../../src/domain/drive-layout/document-places.ts';
import { packDocuments } from '../../src/jobs/documents/export-packs.ts';
import { shipmentDocumentInput } from '../../src/domain/shipment-packs/document-input.ts';
import { shipmentContexts } from '../../src/domain/shipment-packs/shipment-context.ts';
import type { PoBase } from '../../src/domain/snapshot/po-base.ts';
import { renderDocument } from '../../src/documents/render-document.ts';
import { renderPurchaseContract } from '../../src/documents/purchase-contract.ts';
import { sampleBase } from '../domain/shipment-packs/sample-base.ts';
import { pdfText } from './pdf-text.ts';

const TODAY = '2026-03-02';
const AIR = 'BWL-PVG-88214';
const SEA = 'OOLU2741905530';

function pack(base: PoBase, bookingRef: string) {
  const result = shipmentContexts(base).find((r) => (r.ok ? r.context.shipment : r.shipment).bookingRef === bookingRef);
  if (!result?.ok) throw new Error(bookingRef);
  const mapped = shipmentDocumentInput(result.context, TODAY);
  if (!mapped.ok) throw new Error(mapped.fixes.join('; '));
  const built = buildDocumentPack(mapped.input);
  if (!built.ok) throw new Error(built.fixes.join('; '));
  return built.pack;
}

const text = async (bytes: Promise<Buffer>) => pdfText(await bytes);

describe('split PO-2406: one order, two packs', () => {
  it('numbers the cartons on from air (1–60) to sea (61–600) and prints each pack\'s own marks', async () => {
    const base = sampleBase();
    const air = pack(base, AIR);
    const sea = pack(base, SEA);
    const airPl = await text(renderDocument('packing-list', air.packingList));
    const seaPl = await text(renderDocument('packing-list', sea.packingList));
    const seaBl = await text(renderDocument('bill-of-lading-draft', sea.billOfLadingDraft!));
    expect(airPl.flat).toContain('C/NO. 1-60 ');
    expect(airPl.flat).toContain('1–60');
    expect(seaPl.flat).toContain('C/NO. 61-600');
    expect(seaPl.flat).toContain('61–600');
    expect(seaBl.flat).toContain('C/NO. 61-600');
    for (const t of [airPl, seaPl, seaBl]) expect(t.flat).not.toContain('C/NO. 1-600');
  });

  it('says AWB on the air pack and B/L on the sea pack', async () => {
    const base = sampleBase();
    const airCi = await text(renderDocument('commercial-invoice', pack(base, AIR).commercialInvoice));
    const airPl = await text(renderDocument('packing-list', pack(base, AIR).packingList));
    const seaCi = await text(renderDocument('commercial-invoice', pack(base, SEA).commercialInvoice));
    for (const t of [airCi, airPl]) {
      expect(t.flat).toMatch(/AWB NO\. 781-40217763/i);
      expect(t.flat).not.toMatch(/B\/L NO\./i);
    }
    expect(seaCi.flat).toMatch(/B\/L NO\. OOLU2741905530/i);
  });

  it('prints an in-tolerance difference on the invoice', async () => {
    const base = sampleBase();
    const sea = base.shipmentLines.find((l) => l.line.startsWith(SEA))!;
    sea.quantity = 3300;
    sea.cartons = 550;
    const ci = await text(renderDocument('commercial-invoice', pack(base, SEA).commercialInvoice));
    expect(ci.flat).toContain('HL-KT170-BK: 3,660 PCS shipped in total against 3,600 PCS ordered on PO-2406 (over by 60 PCS, 1.7 %), within the agreed tolerance of ±3 %');
  });
});

describe('the invoice states every 19 CFR 141.86(a) charge from data', () => {
  it('commissions, packing, assists and rebates as entered, and no commentary on the B/L draft', async () => {
    const base = sampleBase();
    const shipment = base.shipments.find((s) => s.bookingRef === SEA)!;
    Object.assign(shipment, {
      packingCharge: 180, sellingCommission: 320.5, buyingCommission: 950, assistsValue: 4800,
      assistsNote: 'injection mould for the kettle body, paid by the buyer', rebatesValue: 1200, rebatesNote: 'export VAT rebate', freightTerm: 'Prepaid',
    });
    const p = pack(base, SEA);
    const ci = await text(renderDocument('commercial-invoice', p.commercialInvoice));
    for (const phrase of [
      'US port of entry', 'Newark, NJ (4601)', 'Date / place of sale', 'HL-KT170-BK', 'Cordless electric kettle', '3,240', 'PCS', '10.05',
      'USD (US DOLLARS)', 'Packing 180.00', 'Selling commission 320.50', 'Buying commission: USD 950.00, paid by the buyer to its buying agent',
      'Rebates, drawbacks and bounties allowed upon exportation: USD 1,200.00 (export VAT rebate)',
      'Assists (dies, moulds, tools, engineering supplied free or at reduced cost and not in the price): USD 4,800.00 (injection mould for the kettle body, paid by the buyer)',
      'China', 'C/NO. 61-600',
    ]) expect(ci.flat.toLowerCase()).toContain(phrase.toLowerCase());
    const bl = await text(renderDocument('bill-of-lading-draft', p.billOfLadingDraft!));
    expect(bl.flat).toContain('FREIGHT PREPAID');
    expect(bl.flat).not.toMatch(/usual term|follows from|Notes/);
  });

  it('keeps a 40-character SKU on one line', async () => {
    const base = sampleBase();
    const sku = 'HL-KT170-BK-STAINLESS-120V-UL-GIFTBOX-V2';
    expect(sku).toHaveLength(40);
    base.lineItems.find((l) => l.sku === 'HL-KT170-BK')!.sku = sku;
    const p = pack(base, SEA);
    for (const bytes of [renderDocument('commercial-invoice', p.commercialInvoice), renderDocument('packing-list', p.packingList)]) {
      const t = await text(bytes);
      expect(t.pages.join('\n').split('\n').some((line) => line.includes(sku))).toBe(true);
    }
  });
});

describe('the purchase contract, English and 简体中文', () => {
  it('has every section in both languages, the goods in Chinese and the AQL plan, and names the agency as buyer', async () => {
    const base = sampleBase();
    const po = base.purchaseOrders.find((p) => p.poNumber === 'PO-2406')!;
    po.drawingReferences = 'HL-KT170-BK body drawing rev C';
    const agency = base.agency[0]!;
    const client = base.clients.find((c) => c.id === base.projects.find((p) => p.id === po.project)?.client);
    const policy = buildConfidentialityPolicy({ disclosures: [], suppliers: [], suppliersOfClient: new Map() });
    const built = buildPurchaseContract({
      po, project: base.projects.find((p) => p.id === po.project), supplier: base.suppliers.find((s) => s.id === po.supplier), agency,
      lineItems: base.lineItems.filter((l) => l.po === po.id), buyer: buyerShownToFactory(policy, po.supplier, client, agency), today: TODAY,
    });
    if (!built.ok) throw new Error(built.fixes.join('; '));
    const t = await text(renderPurchaseContract(built.content));
    for (const [en, zh] of [
      ['PURCHASE CONTRACT', '采购合同'], ['Parties', '合同双方'], ['Goods, specifications and prices', '货物、规格及价格'], ['Price and delivery terms', '价格及交货条款'],
      ['Payment', '付款方式'], ['Lead time and shipment', '交货期及装运'], ['Packaging and marking', '包装及唛头'], ['Inspection', '检验'],
      ['Defects and penalties', '质量异议及违约责任'], ['Governing law and disputes', '适用法律及争议解决'], ['Buyer', '买方'], ['Seller', '卖方'],
    ] as const) {
      expect(t.flat).toContain(en);
      expect(t.flat).toContain(zh);
    }
    for (const phrase of ['无线电热水壶', '宁波华美电器有限公司', 'FCA Huamei factory, Cixi, Ningbo Incoterms® 2020', 'HL-KT170-BK body drawing rev C',
      'level II', '36,180.00', '30 % = USD 10,854.00', 'Colour gift box', 'Delay beyond the ship-by date', '本合同适用中华人民共和国法律']) {
      expect(t.flat).toContain(phrase);
    }
    // By default the factory learns nothing of the end client: the agency is the buyer.
    expect(t.flat).toContain('Ningbo Tidewater Import & Export Co., Ltd.');
    expect(t.flat).not.toContain('Harborline');
  });
});

describe('the air pack gets an air waybill draft, not a B/L draft', () => {
  const CM3 = 1_000_000n; // volume units (10⁻¹² m³) per cm³

  it.each([
    ['gross heavier (the split PO\'s 60 kettle cartons, 48 × 32 × 26 cm, 9 kg each)', 540_000n, 60n * 48n * 32n * 26n * CM3, 540_000n],
    ['volume heavier: 1 m³ at 6,000 cm³/kg is 166.67 kg, rated 167.0', 100_000n, 1_000_000n * CM3, 167_000n],
    ['rounded up to the next half kilogram', 10_200n, 30_000n * CM3, 10_500n],
    ['an exact half kilogram stays', 12_500n, 6_000n * CM3, 12_500n],
  ])('chargeable weight: %s', (_case, gross, volume, chargeable) => {
    expect(chargeableGrams(gross, volume)).toBe(chargeable);
  });

  it('prints the AWB data block: parties, airports, flight, pieces, gross and chargeable weight, goods, handling', async () => {
    const air = pack(sampleBase(), AIR);
    expect(air.billOfLadingDraft).toBeNull();
    const awb = air.airWaybillDraft;
    if (!awb) throw new Error('no air waybill draft for the air pack');
    const t = await text(renderDocument('air-waybill-draft', awb));
    for (const phrase of [
      'AIR WAYBILL DRAFT', 'SHIPPER', 'CONSIGNEE', 'NOTIFY PARTY', 'AWB NO.', '781-40217763',
      'AIRPORT OF DEPARTURE', 'Shanghai Pudong (PVG)', 'AIRPORT OF DESTINATION', 'New York JFK (JFK)', 'FLIGHT / DATE', 'MU587 PVG–JFK / 24 Feb 2026',
      'No. of pieces', 'Gross weight kg', 'Chargeable weight kg', '60 540.00 540.00',
      'Nature and quantity of goods', 'CORDLESS ELECTRIC KETTLE', 'HS 851679', 'DIMENSIONS:', '60 CARTONS 48 × 32 × 26 CM',
      'VOLUME 2.396 CBM (volumetric weight 399.36 KG at 6,000 cm³/kg)', 'SAY SIXTY (60) CARTONS ONLY',
      'HANDLING INFORMATION', 'Documents attached: commercial invoice No. HM-2406-A, packing list.', 'carton Nos. 1–60',
      'SHIPPING MARKS', 'C/NO. 1-60', 'CC (collect)', 'DECLARED VALUE FOR CARRIAGE', 'NVD',
    ]) expect(t.flat).toContain(phrase);
    expect(t.flat).not.toMatch(/B\/L|bill of lading/i);
    expect(t.pages).toHaveLength(1);
  });

  it('the documents job files it with the pack (its kind in the Documents table is "AWB draft")', () => {
    const kinds = packDocuments(pack(sampleBase(), AIR)).map((d) => d.kind);
    expect(kinds).toEqual(['commercial-invoice', 'packing-list', 'certificate-of-origin', 'air-waybill-draft']);
    expect(packDocuments(pack(sampleBase(), SEA)).map((d) => d.kind)).toContain('bill-of-lading-draft');
    expect(DOCUMENT_KIND_LABELS['air-waybill-draft']).toBe('AWB draft');
  });
});

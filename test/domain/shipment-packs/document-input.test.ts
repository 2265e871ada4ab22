import { describe, expect, it } from 'vitest';
import { buildDocumentPack } from '../../../src/domain/documents/document-pack.ts';
import { shipmentDocumentInput } from '../../../src/domain/shipment-packs/document-input.ts';
import { signatoryFromContact, textParty } from '../../../src/domain/shipment-packs/parties.ts';
import { shipmentContexts, type ShipmentContext } from '../../../src/domain/shipment-packs/shipment-context.ts';
import type { PoBase } from '../../../src/domain/snapshot/po-base.ts';
import { parsedSample } from '../sample-records.ts';

const TODAY = '2026-03-02';
const TABLES: Record<keyof PoBase, string> = {
  agency: 'Agency', people: 'People', clients: 'Clients', projects: 'Projects', suppliers: 'Suppliers',
  supplierEvaluations: 'Supplier Evaluations', purchaseOrders: 'Purchase Orders', lineItems: 'Line Items', milestones: 'Milestones',
  inspections: 'Inspections', shipments: 'Shipments', shipmentLines: 'Shipment Lines', documents: 'Documents', calendar: 'Calendar', disclosures: 'Disclosures',
};

function sampleBase(): PoBase {
  const { parsed } = parsedSample(TODAY);
  return Object.fromEntries(Object.entries(TABLES).map(([key, table]) => [key, structuredClone(parsed.get(table)?.records ?? [])])) as unknown as PoBase;
}

function contextOf(base: PoBase, bookingRef: string): ShipmentContext {
  const result = shipmentContexts(base).find((r) => (r.ok ? r.context.shipment : r.shipment).bookingRef === bookingRef);
  if (!result?.ok) throw new Error(`${bookingRef}: ${result ? result.fixes.join('; ') : 'not found'}`);
  return result.context;
}

function fixesFor(base: PoBase, bookingRef: string): string[] {
  const result = shipmentContexts(base).find((r) => (r.ok ? r.context.shipment : r.shipment).bookingRef === bookingRef);
  if (!result) throw new Error(bookingRef);
  if (!result.ok) return result.fixes;
  const mapped = shipmentDocumentInput(result.context, TODAY);
  return mapped.ok ? [] : mapped.fixes;
}

const byRef = <T extends { id: string }>(rows: T[], match: (row: T) => boolean): T => {
  const row = rows.find(match);
  if (!row) throw new Error('no such row');
  return row;
};

describe('shipment records → export-document input', () => {
  it('gives a PO split into an air and a sea shipment one input each, with the quantities of its Shipment Lines', () => {
    const base = sampleBase();
    const air = shipmentDocumentInput(contextOf(base, 'BWL-PVG-88214'), TODAY);
    const sea = shipmentDocumentInput(contextOf(base, 'OOLU2741905530'), TODAY);
    if (!air.ok || !sea.ok) throw new Error('expected both to map');
    expect(air.input.order.poNumber).toBe('PO-2406');
    expect(sea.input.order.poNumber).toBe('PO-2406');
    expect(air.input.lines.map((l) => [l.sku, l.quantity])).toEqual([['HL-KT170-BK', 360]]);
    expect(sea.input.lines.map((l) => [l.sku, l.quantity])).toEqual([['HL-KT170-BK', 3240]]);
    expect(air.input.invoice).toMatchObject({ number: 'HM-2406-A', signatoryName: 'Chen Jianguo', signatoryTitle: 'Sales manager', placeOfIssue: 'Ningbo (Cixi), China' });
    expect(sea.input.shipment).toMatchObject({ usPortOfEntry: 'Newark, NJ (4601)', containers: [{ number: 'OOLU1745206', sealNumber: 'OOLGHX55271', type: '20GP' }] });
    for (const input of [air.input, sea.input]) expect(buildDocumentPack(input).ok).toBe(true);
  });

  it('makes the agency the exporter and the factory the manufacturer when the PO says Exporter = Agency', () => {
    const mapped = shipmentDocumentInput(contextOf(sampleBase(), 'COSU6310482271'), TODAY);
    if (!mapped.ok) throw new Error(mapped.fixes.join('; '));
    expect(mapped.input.exporter).toMatchObject({ name: 'Ningbo Tidewater Import & Export Co., Ltd.', nameLocal: '宁波潮汐进出口有限公司', taxIds: [{ label: 'USCI', value: '91330203MA2J8K4X7L' }] });
    expect(mapped.input.manufacturer?.name).toBe('Yiwu Jiale Crafts Co., Ltd.');
    expect(mapped.input.invoice).toMatchObject({ signatoryName: 'Zhang Wei', signatoryTitle: 'Managing Director', placeOfIssue: 'Ningbo, China', salePlace: 'Ningbo, China' });
    expect(mapped.input.notifyParty).toMatchObject({ name: 'Meridian Customs Brokerage LLC', country: 'United States' });
  });

  type Edit = (base: PoBase) => void;
  const ship = (base: PoBase, ref: string) => byRef(base.shipments, (s) => s.bookingRef === ref);
  const po = (base: PoBase, number: string) => byRef(base.purchaseOrders, (p) => p.poNumber === number);
  const supplier = (base: PoBase, name: string) => byRef(base.suppliers, (s) => s.name.startsWith(name));
  const line = (base: PoBase, name: string) => byRef(base.shipmentLines, (l) => l.line.endsWith(name) && l.line.startsWith('OOLU'));

  it.each<[string, string, Edit, RegExp]>([
    ['no exporter chosen', 'OOLU2741905530', (b) => { po(b, 'PO-2406').exporter = undefined; }, /^Purchase Orders PO-2406: "Exporter" is empty/],
    ['a factory that cannot export', 'OOLU2741905530', (b) => { supplier(b, 'Ningbo Huamei').canExportDirectly = false; }, /^Suppliers Ningbo Huamei Electric Appliance Co\., Ltd\.: "Can export directly" is not ticked, but PO-2406 has Exporter = Supplier/],
    ['a contact without a title to sign', 'OOLU2741905530', (b) => { supplier(b, 'Ningbo Huamei').contact = 'Chen Jianguo'; }, /^Suppliers Ningbo Huamei Electric Appliance Co\., Ltd\.: "Contact" must name who signs/],
    ['an agency without a city', 'COSU6310482271', (b) => { if (b.agency[0]) b.agency[0].city = undefined; }, /^Agency Tidewater Sourcing: "City" is missing/],
    ['cartons that disagree with the quantity', 'OOLU2741905530', (b) => { line(b, 'HL-KT170-BK').cartons = 500; }, /^Shipment Lines OOLU2741905530 · HL-KT170-BK: "Cartons" 500 disagrees with 3240 ÷ 6 units per carton = 540$/],
    ['a broken carton', 'OOLU2741905530', (b) => { line(b, 'HL-KT170-BK').quantity = 3243; }, /^Shipment Lines OOLU2741905530 · HL-KT170-BK: "Quantity" 3243 is not a whole number of cartons of 6/],
    ['an invoice in another currency than the PO', 'OOLU2741905530', (b) => { ship(b, 'OOLU2741905530').currency = 'EUR'; }, /^Shipments OOLU2741905530: "Currency" EUR differs from PO-2406's USD/],
    ['a typed consignee without a country', 'OOLU2741905530', (b) => { ship(b, 'OOLU2741905530').consignee = 'Edison Logistics\n12 Dock Rd, Edison NJ'; }, /^Shipments OOLU2741905530: "Consignee" must end with the country/],
  ])('names the record (by its primary value, not its ID) and field to fix for %s', (_label, bookingRef, edit, expected) => {
    const base = sampleBase();
    edit(base);
    const fixes = fixesFor(base, bookingRef);
    expect(fixes.some((f) => expected.test(f)), fixes.join('\n')).toBe(true);
  });

  it('refuses a shipment that mixes lines of two POs', () => {
    const base = sampleBase();
    const other = byRef(base.lineItems, (l) => l.sku === 'HL-KT170-WH');
    base.shipmentLines.push({ ...line(base, 'HL-KT170-BK'), id: 'recExtraLine000000', line: 'OOLU · HL-KT170-WH', lineItem: other.id, quantity: 60, cartons: 10 });
    expect(fixesFor(base, 'OOLU2741905530')).toEqual([expect.stringMatching(/^Shipments OOLU2741905530: "Shipment Lines" mix lines of PO-2405, PO-2406: one commercial invoice per PO/)]);
  });

  it('takes a TO ORDER consignee as typed (the notify party then comes from the client)', () => {
    const base = sampleBase();
    ship(base, 'OOLU2741905530').consignee = 'TO ORDER OF SHIPPER';
    const mapped = shipmentDocumentInput(contextOf(base, 'OOLU2741905530'), TODAY);
    if (!mapped.ok) throw new Error(mapped.fixes.join('; '));
    expect(mapped.input.consignee).toMatchObject({ name: 'TO ORDER OF SHIPPER', address: [] });
    expect(buildDocumentPack(mapped.input).ok).toBe(true);
  });

  it('leaves out shipments of cancelled POs', () => {
    const base = sampleBase();
    po(base, 'PO-2406').status = 'Cancelled';
    const refs = shipmentContexts(base).map((r) => (r.ok ? r.context.shipment : r.shipment).bookingRef);
    expect(refs).not.toContain('BWL-PVG-88214');
    expect(refs).toContain('COSU6310482271');
  });
});

describe('typed parties', () => {
  it.each([
    ['Meridian Customs Brokerage LLC\n120 Port Street, Newark, NJ 07114, United States\nimports@example.com', { name: 'Meridian Customs Brokerage LLC', address: ['120 Port Street, Newark, NJ 07114, United States'], country: 'United States', email: 'imports@example.com' }],
    ['Nordic Freight GmbH\nKai 4\nHamburg\nGermany\nTel: +49 40 1234', { name: 'Nordic Freight GmbH', address: ['Kai 4', 'Hamburg', 'Germany'], country: 'Germany', phone: '+49 40 1234' }],
    ['Somebody\n1 Main St, Springfield, IL', { name: 'Somebody', country: undefined }],
  ])('reads %j', (text, expected) => {
    expect(textParty({ table: 'Shipments', id: 'recX' }, text)).toMatchObject(expected);
  });

  it.each([
    ['Chen Jianguo, sales manager', { name: 'Chen Jianguo', title: 'Sales manager' }],
    ['Wu Xiaoyan, owner', { name: 'Wu Xiaoyan', title: 'Owner' }],
    ['Chen Jianguo', undefined],
    [undefined, undefined],
  ])('signatory of %j', (contact, expected) => {
    expect(signatoryFromContact(contact)).toEqual(expected);
  });
});

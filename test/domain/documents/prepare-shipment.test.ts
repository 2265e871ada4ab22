import { describe, expect, it } from 'vitest';
import { buildDocumentPack } from '../../../src/domain/documents/index.ts';
import type { ShipmentDocumentInput } from '../../../src/domain/documents/input.ts';
import { sampleShipment } from './sample-shipment.ts';

function fixesFor(change: (input: ShipmentDocumentInput) => void): string[] {
  const input = sampleShipment();
  change(input);
  const result = buildDocumentPack(input);
  return result.ok ? [] : result.fixes;
}

function line(input: ShipmentDocumentInput, index: number) {
  const found = input.lines[index];
  if (!found) throw new Error(`no line ${index}`);
  return found;
}

describe('fixes name the record and field to correct', () => {
  it.each<[string, (input: ShipmentDocumentInput) => void, string[]]>([
    ['missing HS code', (i) => { line(i, 0).hsCode = ''; }, ['Line Items recLineKettle0001: "HS code" is missing']],
    ['short HS code', (i) => { line(i, 1).hsCode = '8516'; }, ['Line Items recLineToaster002: "HS code" "8516" must be 6 to 10 digits (e.g. 8516.79 or 8516.79.0000)']],
    [
      'container check digit',
      (i) => { i.shipment.containers = [{ number: 'MSCU1234565', sealNumber: 'S1', type: '40HC' }]; },
      ['Shipments recShipment000001: "Container number" MSCU1234565 fails the ISO 6346 check digit (expected 6)'],
    ],
    [
      'malformed container number',
      (i) => { i.shipment.containers = [{ number: 'CSQ3054383', sealNumber: 'S1' }]; },
      ['Shipments recShipment000001: "Container number" CSQ3054383 is not an ISO 6346 number (4 letters ending in U, J or Z, then 7 digits)'],
    ],
    ['FCL without container', (i) => { i.shipment.containers = []; }, ['Shipments recShipment000001: "Container number" is missing: a full-container (FCL) B/L lists every container and seal']],
    [
      'FCL container without seal',
      (i) => { i.shipment.containers = [{ number: 'CSQU3054383' }]; },
      ['Shipments recShipment000001: "Seal number" is missing for container CSQU3054383'],
    ],
    [
      'TO ORDER consignee without notify party',
      (i) => { i.consignee = { ref: { table: 'Shipments', id: 'recShipment000001' }, name: 'TO ORDER OF BANK OF AMERICA N.A.', address: [] }; i.notifyParty = undefined; },
      ['Shipments recShipment000001: "Notify party" is required because the consignee is "TO ORDER OF BANK OF AMERICA N.A." (an order B/L)'],
    ],
    [
      'sea waybill to order',
      (i) => { i.consignee = { ref: { table: 'Shipments', id: 'recShipment000001' }, name: 'TO ORDER', address: [] }; i.shipment.blType = 'Sea waybill'; },
      ['Shipments recShipment000001: "B/L type" Sea waybill cannot be made out "TO ORDER": a waybill is not negotiable; name the consignee or use an original B/L'],
    ],
    ['quantity not in whole cartons', (i) => { line(i, 0).quantity = 970; }, [
      'Line Items recLineKettle0001: "Quantity" 970 is not a whole number of cartons of 24 ("Units per carton"): 40 full cartons and 10 loose units; split the odd carton onto its own line',
    ]],
    ['gross below net', (i) => { line(i, 2).grossKgPerCarton = 14; }, ['Line Items recLineMixer00003: "Gross kg per carton" 14 is less than "Net kg per carton" 14.2']],
    ['price with a currency in it', (i) => { line(i, 1).unitPrice = 'USD 9.875'; }, ['Line Items recLineToaster002: "Unit price" "USD 9.875" is not a number']],
    ['unknown origin', (i) => { line(i, 1).countryOfOrigin = 'Chinaa'; }, ['Line Items recLineToaster002: "Country of origin" "Chinaa" is not a country']],
    ['mixed origin from a China exporter', (i) => { line(i, 1).countryOfOrigin = 'Vietnam'; }, [
      'Line Items recLineToaster002: "Country of origin" is Vietnam, but the exporter\'s certificate of origin covers goods of Chinese origin only; invoice it separately',
    ]],
    ['unknown Incoterm', (i) => { i.order.incoterm = 'FOBB'; }, ['Purchase Orders recPurchaseOrder1: "Incoterm" "FOBB" is not an Incoterms® 2020 rule (EXW, FCA, FAS, FOB, CPT, CIP, CFR, CIF, DAP, DPU, DDP)']],
    ['Incoterm without named place', (i) => { i.order.namedPlace = ' '; }, ['Purchase Orders recPurchaseOrder1: "Named place" is missing']],
    ['unknown currency', (i) => { i.order.currency = 'RMB'; }, ['Purchase Orders recPurchaseOrder1: "Currency" "RMB" is not an ISO 4217 currency code we can invoice in']],
    ['sea-only rule by air', (i) => { i.shipment.mode = 'Air'; i.shipment.containers = []; }, ['Purchase Orders recPurchaseOrder1: "Incoterm" FOB is a sea-only rule but the shipment goes by Air; use FCA']],
    ['US entry without port of entry', (i) => { i.shipment.usPortOfEntry = undefined; }, ['Shipments recShipment000001: "US port of entry" is missing: 19 CFR 141.86(a)(1) requires it on invoices to the United States']],
    ['US entry without place of sale', (i) => { i.invoice.salePlace = ''; }, ['Shipments recShipment000001: "Place of sale" is missing: 19 CFR 141.86(a)(2) requires where the sale was made']],
    ['buyer without address', (i) => { i.buyer.address = []; }, ['Clients recClientBrightln: "Address" is missing (buyer)']],
    ['invoice dated after the documents', (i) => { i.invoice.date = '2025-03-20'; }, ['Shipments recShipment000001: "Invoice date" 2025-03-20 is after the document date 2025-03-18; the certificate of origin cannot be dated before the invoice']],
    ['bad ETD', (i) => { i.shipment.etd = '22/03/2025'; }, ['Shipments recShipment000001: "ETD" "22/03/2025" is not a date (expected YYYY-MM-DD)']],
    ['no lines', (i) => { i.lines = []; }, ['Purchase Orders recPurchaseOrder1: "Line Items" has no lines to ship']],
  ])('%s', (_name, change, expected) => {
    expect(fixesFor(change)).toEqual(expected);
  });

  it.each<[string, string, number | null, number | null, string[]]>([
    ['FOB with freight', 'FOB', 2850, null, ['Shipments recShipment000001: "Freight amount" is charged but under FOB the buyer pays main carriage; clear it or change the Incoterm']],
    ['EXW with insurance', 'EXW', null, 40, ['Shipments recShipment000001: "Insurance amount" is charged but under EXW the buyer insures the cargo; clear it or change the Incoterm']],
    ['CFR without freight', 'CFR', null, null, ['Shipments recShipment000001: "Freight amount" is missing: under CFR the seller pays main carriage, so the invoice must itemise it']],
    ['CFR with insurance', 'CFR', 2850, 40, ['Shipments recShipment000001: "Insurance amount" is charged but CFR excludes insurance; use CIF instead']],
    ['CIF without insurance', 'CIF', 2850, null, ['Shipments recShipment000001: "Insurance amount" is missing: under CIF the seller insures the cargo, so the invoice must itemise the premium']],
    ['CIP without freight and insurance', 'CIP', 0, null, [
      'Shipments recShipment000001: "Freight amount" is missing: under CIP the seller pays main carriage, so the invoice must itemise it',
      'Shipments recShipment000001: "Insurance amount" is missing: under CIP the seller insures the cargo, so the invoice must itemise the premium',
    ]],
    ['DDP without freight', 'DDP', null, null, ['Shipments recShipment000001: "Freight amount" is missing: under DDP the seller pays main carriage, so the invoice must itemise it']],
    ['FCA, nothing charged', 'FCA', null, null, []],
    ['DAP with freight and optional insurance', 'DAP', 3000, 55, []],
  ])('%s', (_name, incoterm, freight, insurance, expected) => {
    expect(fixesFor((i) => { i.order.incoterm = incoterm; i.charges.freight = freight; i.charges.insurance = insurance; })).toEqual(expected);
  });

  it('reports every problem of a shipment in one pass', () => {
    const fixes = fixesFor((i) => {
      line(i, 0).hsCode = '';
      line(i, 2).netKgPerCarton = 'abc';
      i.shipment.containers = [{ number: 'CSQU3054384', sealNumber: 'X' }];
      i.order.paymentTerms = '';
    });
    expect(fixes).toEqual([
      'Purchase Orders recPurchaseOrder1: "Payment terms" is missing',
      'Line Items recLineKettle0001: "HS code" is missing',
      'Line Items recLineMixer00003: "Net kg per carton" "abc" is not a number',
      'Shipments recShipment000001: "Container number" CSQU3054384 fails the ISO 6346 check digit (expected 3)',
    ]);
  });

  it('accepts a named consignee without a notify party (prints SAME AS CONSIGNEE)', () => {
    const input = sampleShipment();
    input.notifyParty = undefined;
    const result = buildDocumentPack(input);
    expect(result.ok && result.pack.billOfLadingDraft?.notifyParty.name).toBe('SAME AS CONSIGNEE');
  });
});

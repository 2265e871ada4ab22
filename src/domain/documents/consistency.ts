import type { AirWaybillDraftContent } from './air-waybill.ts';
import type { BillOfLadingDraftContent } from './bill-of-lading.ts';
import type { CertificateOfOriginContent } from './certificate-of-origin.ts';
import type { CommercialInvoiceContent } from './commercial-invoice.ts';
import { formatInteger } from './format.ts';
import type { PackingListContent } from './packing-list.ts';
import type { PreparedShipment } from './prepared.ts';

export interface DocumentPack {
  commercialInvoice: CommercialInvoiceContent;
  packingList: PackingListContent;
  /** null when the exporter is not in China (no China CO applies). */
  certificateOfOrigin: CertificateOfOriginContent | null;
  /** null for air and express shipments (they travel on an air waybill). */
  billOfLadingDraft: BillOfLadingDraftContent | null;
  /** null for sea shipments (they travel on a bill of lading). */
  airWaybillDraft: AirWaybillDraftContent | null;
}

type Fact =
  | 'exporter' | 'consignee' | 'notify party' | 'invoice number' | 'invoice date' | 'marks' | 'packages'
  | 'gross weight' | 'CBM' | 'port of loading' | 'port of discharge';

type Facts = Partial<Record<Fact, string>>;

const PORTS: ReadonlySet<Fact> = new Set<Fact>(['port of loading', 'port of discharge']);

/** What each document prints for the facts all documents must share (domain oracle §10.3). */
function factsOf(pack: DocumentPack): Array<{ document: string; facts: Facts }> {
  const ci = pack.commercialInvoice;
  const pl = pack.packingList;
  const out: Array<{ document: string; facts: Facts }> = [
    {
      document: 'commercial invoice',
      facts: {
        exporter: ci.exporter.name, consignee: ci.consignee.name, 'notify party': ci.notifyParty.name,
        'invoice number': ci.documentNumber, 'invoice date': ci.documentDate, marks: ci.marks.join('\n'),
        packages: ci.packages.count, 'gross weight': ci.packages.grossKg, CBM: ci.packages.cbm,
        'port of loading': ci.portOfLoading, 'port of discharge': ci.portOfDischarge,
      },
    },
    {
      document: 'packing list',
      facts: {
        exporter: pl.exporter.name, consignee: pl.consignee.name, 'notify party': pl.notifyParty.name,
        'invoice number': pl.invoiceNumber, 'invoice date': pl.invoiceDate, marks: pl.marks.join('\n'),
        packages: pl.totals.packages, 'gross weight': pl.totals.grossKg, CBM: pl.totals.cbm,
        'port of loading': pl.portOfLoading, 'port of discharge': pl.portOfDischarge,
      },
    },
  ];
  const co = pack.certificateOfOrigin;
  if (co) {
    const kind = pl.totals.packages.replace(/^[\d,]+ /, '');
    out.push({
      document: 'certificate of origin',
      facts: {
        exporter: co.box1Exporter.name, consignee: co.box2Consignee.name,
        'invoice number': co.box10Invoice.number, 'invoice date': co.box10Invoice.date, marks: co.box6Marks.join('\n'),
        packages: `${co.packageCount} ${kind}`,
        'port of loading': co.box3Transport.from, 'port of discharge': co.box3Transport.to,
      },
    });
  }
  const bl = pack.billOfLadingDraft;
  if (bl) {
    out.push({
      document: 'B/L draft',
      facts: {
        exporter: bl.shipper.name, consignee: bl.consignee.name, 'notify party': bl.notifyParty.name,
        'invoice number': bl.invoice.number, 'invoice date': bl.invoice.date, marks: bl.marks.join('\n'),
        packages: bl.packages, 'gross weight': bl.grossKg, CBM: bl.cbm,
        'port of loading': bl.portOfLoading, 'port of discharge': bl.portOfDischarge,
      },
    });
  }
  const awb = pack.airWaybillDraft;
  if (awb) {
    out.push({
      document: 'air waybill draft',
      facts: {
        exporter: awb.shipper.name, consignee: awb.consignee.name, 'notify party': awb.notifyParty.name,
        'invoice number': awb.invoice.number, 'invoice date': awb.invoice.date, marks: awb.marks.join('\n'),
        packages: awb.packages, 'gross weight': awb.grossKg, CBM: awb.cbm,
        'port of loading': awb.airportOfDeparture, 'port of discharge': awb.airportOfDestination,
      },
    });
  }
  return out;
}

/**
 * Every disagreement between the documents of a pack (parties, invoice no./date, marks, packages, weights, CBM,
 * ports), plus the packing arithmetic: units/carton × cartons = quantity, gross ≥ net, carton numbers contiguous,
 * totals = Σ rows. Empty when the pack agrees with itself.
 */
export function checkPackConsistency(shipment: PreparedShipment, pack: DocumentPack): string[] {
  const problems: string[] = [];
  const all = factsOf(pack);
  const reference = all[0];
  if (reference) {
    for (const { document, facts } of all.slice(1)) {
      for (const [fact, value] of Object.entries(facts) as Array<[Fact, string]>) {
        const expected = reference.facts[fact];
        // The CO prints ports in capitals (CCPIT practice); the place itself must still be the same.
        const same = PORTS.has(fact) ? expected?.toUpperCase() === value.toUpperCase() : expected === value;
        if (expected !== undefined && !same) {
          problems.push(`${document} shows ${fact} "${value}" but the commercial invoice shows "${expected}"`);
        }
      }
    }
  }

  let expectedCarton = shipment.firstCarton;
  let net = 0n;
  let gross = 0n;
  let volume = 0n;
  let cartons = 0n;
  for (const line of shipment.lines) {
    if (line.unitsPerCarton * line.cartons !== line.quantity) problems.push(`line ${line.no}: units per carton × cartons ≠ quantity`);
    if (line.grossGrams < line.netGrams) problems.push(`line ${line.no}: gross weight is below net weight`);
    if (line.cartonFrom !== expectedCarton) problems.push(`line ${line.no}: carton numbers start at ${formatInteger(line.cartonFrom)}, expected ${formatInteger(expectedCarton)}`);
    expectedCarton = line.cartonTo + 1n;
    net += line.netGrams;
    gross += line.grossGrams;
    volume += line.volume;
    cartons += line.cartons;
  }
  const totals = shipment.packages;
  if (totals.count !== cartons || totals.netGrams !== net || totals.grossGrams !== gross || totals.volume !== volume) {
    problems.push('packing totals are not the sum of the rows');
  }
  if (pack.packingList.rows.length !== pack.commercialInvoice.lines.length) {
    problems.push('the packing list and the invoice list a different number of lines');
  }
  return problems;
}

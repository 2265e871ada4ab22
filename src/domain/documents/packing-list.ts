import type { Field } from './commercial-invoice.ts';
import {
  formatCartonRange, formatCartonSize, formatCbm, formatDate, formatInteger, formatKg, formatPackages, formatQuantities,
  packagesInWords, partyBlock, SAME_AS_CONSIGNEE, signatureBlock, type PartyBlock, type SignatureBlock,
} from './format.ts';
import { transportDocumentLabel } from './format.ts';
import type { PreparedShipment } from './prepared.ts';

export interface PackingRow {
  cartonNumbers: string;
  sku: string;
  description: string;
  descriptionLocal?: string | undefined;
  unitsPerCarton: string;
  cartons: string;
  quantity: string;
  netKgPerCarton: string;
  grossKgPerCarton: string;
  netKg: string;
  grossKg: string;
  /** Carton L × W × H in cm. */
  cartonSize: string;
  cbm: string;
}

export interface PackingListContent {
  kind: 'packing-list';
  title: string;
  documentNumber: string;
  documentDate: string;
  issuedOn: string;
  invoiceNumber: string;
  invoiceDate: string;
  exporter: PartyBlock;
  consignee: PartyBlock;
  notifyParty: PartyBlock;
  references: Field[];
  transport: Field[];
  rows: PackingRow[];
  totals: { packages: string; quantities: string; netKg: string; grossKg: string; cbm: string };
  packagesInWords: string;
  marks: string[];
  portOfLoading: string;
  portOfDischarge: string;
  signature: SignatureBlock;
}

/**
 * The packing list: what is in which carton (carton numbers run on across lines), units per carton, weights per
 * carton and per range, carton size and CBM per range, and totals that are exact sums of the rows. No prices.
 */
export function buildPackingList(s: PreparedShipment): PackingListContent {
  const t = s.transport;
  const references: Field[] = [
    { label: 'Invoice No.', value: s.invoice.number },
    { label: 'Invoice date', value: formatDate(s.invoice.date) },
    { label: 'PO No.', value: s.order.poNumber },
  ];
  if (t.blNumber) references.push({ label: transportDocumentLabel(t.mode), value: t.blNumber });
  if (t.bookingRef) references.push({ label: 'Booking No.', value: t.bookingRef });

  const transport: Field[] = [
    { label: 'Port of loading', value: t.portOfLoading },
    { label: 'Port of discharge', value: t.portOfDischarge },
  ];
  if (t.placeOfDelivery) transport.push({ label: 'Place of delivery', value: t.placeOfDelivery });
  transport.push({ label: 'Country of destination', value: t.destination.name });
  if (t.vesselVoyage) transport.push({ label: t.mode === 'Air' || t.mode === 'Express' ? 'Flight' : 'Vessel / voyage', value: t.vesselVoyage });
  for (const container of t.containers) {
    const detail = [container.type, container.sealNumber ? `seal ${container.sealNumber}` : undefined].filter(Boolean).join(', ');
    transport.push({ label: 'Container', value: detail ? `${container.number} (${detail})` : container.number });
  }

  return {
    kind: 'packing-list',
    title: 'PACKING LIST',
    documentNumber: s.invoice.number,
    documentDate: formatDate(s.invoice.date),
    issuedOn: s.documentDate,
    invoiceNumber: s.invoice.number,
    invoiceDate: formatDate(s.invoice.date),
    exporter: partyBlock(s.exporter),
    consignee: partyBlock(s.consignee),
    notifyParty: s.notifyParty ? partyBlock(s.notifyParty) : SAME_AS_CONSIGNEE,
    references,
    transport,
    rows: s.lines.map((line) => ({
      cartonNumbers: formatCartonRange(line.cartonFrom, line.cartonTo),
      sku: line.sku,
      description: line.description,
      descriptionLocal: line.descriptionLocal,
      unitsPerCarton: formatInteger(line.unitsPerCarton),
      cartons: formatInteger(line.cartons),
      quantity: `${formatInteger(line.quantity)} ${line.unit}`,
      netKgPerCarton: formatKg(line.netGramsPerCarton),
      grossKgPerCarton: formatKg(line.grossGramsPerCarton),
      netKg: formatKg(line.netGrams),
      grossKg: formatKg(line.grossGrams),
      cartonSize: formatCartonSize(line.cartonSize),
      cbm: formatCbm(line.volume),
    })),
    totals: {
      packages: formatPackages(s.packages),
      quantities: formatQuantities(s.packages),
      netKg: formatKg(s.packages.netGrams),
      grossKg: formatKg(s.packages.grossGrams),
      cbm: formatCbm(s.packages.volume),
    },
    packagesInWords: packagesInWords(s.packages),
    marks: s.marks,
    portOfLoading: t.portOfLoading,
    portOfDischarge: t.portOfDischarge,
    signature: signatureBlock(s),
  };
}

import type { Field } from './commercial-invoice.ts';
import {
  formatCbm, formatDate, formatKg, formatPackages, packagesInWords, upper,
} from './format.ts';
import type { PreparedShipment } from './prepared.ts';
import { cargoDescriptions, transportDraftIdentity, type TransportDraftIdentity } from './transport-draft-common.ts';

export interface BillOfLadingDraftContent extends TransportDraftIdentity {
  kind: 'bill-of-lading-draft';
  title: string;
  references: Field[];
  routing: Field[];
  portOfLoading: string;
  portOfDischarge: string;
  containers: Array<{ number: string; sealNumber: string; type: string }>;
  marks: string[];
  packages: string;
  packagesInWords: string;
  descriptionLines: string[];
  grossKg: string;
  cbm: string;
  /** The carrier's freight box only: a B/L carries no explanation of why the term was chosen. */
  freight: { term: string; payableAt: string };
  originals: string;
  invoice: { number: string; date: string };
  clauses: string[];
}

const ORIGINALS_IN_WORDS = ['ZERO (0)', 'ONE (1)', 'TWO (2)', 'THREE (3)'];

/**
 * The shipper's draft B/L (shipping instruction) the forwarder turns into the carrier's B/L. Sea only: an air
 * shipment travels on an air waybill, so there is no B/L draft for it.
 */
export function buildBillOfLadingDraft(s: PreparedShipment): BillOfLadingDraftContent | null {
  const t = s.transport;
  if (t.mode !== 'Sea FCL' && t.mode !== 'Sea LCL') return null;
  const term = `FREIGHT ${upper(t.freightTerm)}`;
  const references: Field[] = [
    { label: 'B/L No.', value: t.blNumber ?? 'To be assigned by carrier' },
    { label: 'Booking No.', value: t.bookingRef ?? '' },
    { label: 'Invoice No.', value: s.invoice.number },
    { label: 'PO No.', value: s.order.poNumber },
  ];
  if (t.carrier) references.push({ label: 'Carrier', value: t.carrier });
  if (s.invoice.lcNumber) references.push({ label: 'L/C No.', value: s.invoice.lcNumber });

  const routing: Field[] = [];
  if (t.placeOfReceipt) routing.push({ label: 'Place of receipt', value: t.placeOfReceipt });
  routing.push({ label: 'Ocean vessel / voyage', value: t.vesselVoyage ?? '' });
  routing.push({ label: 'Port of loading', value: t.portOfLoading });
  routing.push({ label: 'Port of discharge', value: t.portOfDischarge });
  routing.push({ label: 'Place of delivery', value: t.placeOfDelivery ?? '' });

  const originals =
    t.blType === 'Sea waybill'
      ? 'SEA WAYBILL: no originals, cargo released to the named consignee'
      : t.blType === 'Telex release'
        ? `${ORIGINALS_IN_WORDS[t.numberOfOriginals] ?? t.numberOfOriginals} to be surrendered at origin (TELEX RELEASE)`
        : `${ORIGINALS_IN_WORDS[t.numberOfOriginals] ?? t.numberOfOriginals} ORIGINALS`;

  // A B/L describes the cargo, not the order: repeated descriptions (same item, several lines) are listed once.
  const descriptionLines = cargoDescriptions(s);
  const clauses = [t.mode === 'Sea FCL' ? "SHIPPER'S LOAD, STOW, COUNT AND SEAL. SAID TO CONTAIN:" : 'SAID TO CONTAIN:'];
  return {
    kind: 'bill-of-lading-draft',
    title: 'BILL OF LADING DRAFT',
    ...transportDraftIdentity(s),
    references,
    routing,
    portOfLoading: t.portOfLoading,
    portOfDischarge: t.portOfDischarge,
    containers: t.containers.map((c) => ({ number: c.number, sealNumber: c.sealNumber ?? '', type: c.type ?? '' })),
    marks: s.marks,
    packages: formatPackages(s.packages),
    packagesInWords: packagesInWords(s.packages),
    descriptionLines,
    grossKg: formatKg(s.packages.grossGrams),
    cbm: formatCbm(s.packages.volume),
    freight: { term, payableAt: t.freightPayableAt },
    originals,
    invoice: { number: s.invoice.number, date: formatDate(s.invoice.date) },
    clauses,
  };
}

import type { Field } from './commercial-invoice.ts';
import {
  formatCartonRange, formatCartonSize, formatCbm, formatDate, formatInteger, formatKg, formatPackages, packagesInWords,
} from './format.ts';
import type { PreparedShipment } from './prepared.ts';
import { cargoDescriptions, transportDraftIdentity, type TransportDraftIdentity } from './transport-draft-common.ts';

/**
 * The shipper's air waybill draft (shipper's letter of instruction data) the forwarder or airline turns into the
 * AWB: the boxes of the IATA AWB an air pack needs, filled from the shipment. Air and express only; a sea
 * shipment gets the B/L draft instead.
 */
export interface AirWaybillDraftContent extends TransportDraftIdentity {
  kind: 'air-waybill-draft';
  title: string;
  references: Field[];
  routing: Field[];
  airportOfDeparture: string;
  airportOfDestination: string;
  pieces: string;
  packages: string;
  packagesInWords: string;
  grossKg: string;
  /** Volume ÷ 6,000 cm³ per kg (IATA), in kg. */
  volumetricKg: string;
  /** The greater of gross and volumetric weight, rounded up to the next half kilogram (IATA rounding). */
  chargeableKg: string;
  cbm: string;
  /** Nature and quantity of goods: descriptions with HS codes, then the dimensions per carton size. */
  goods: string[];
  dimensions: string[];
  marks: string[];
  handling: string[];
  charges: Field[];
  invoice: { number: string; date: string };
}

/** 1 cm³ is 10⁶ volume units (10⁻¹² m³); 6,000 cm³ weigh one chargeable kg, i.e. 6 cm³ one gram. */
const VOLUME_UNITS_PER_GRAM = 6_000_000n;
const HALF_KG = 500n;

export function volumetricGrams(volume: bigint): bigint {
  return (volume + VOLUME_UNITS_PER_GRAM - 1n) / VOLUME_UNITS_PER_GRAM;
}

/** max(gross, volumetric), rounded up to the next 0.5 kg as airlines rate it. */
export function chargeableGrams(grossGrams: bigint, volume: bigint): bigint {
  const heavier = grossGrams > volumetricGrams(volume) ? grossGrams : volumetricGrams(volume);
  return ((heavier + HALF_KG - 1n) / HALF_KG) * HALF_KG;
}

export function buildAirWaybillDraft(s: PreparedShipment): AirWaybillDraftContent | null {
  const t = s.transport;
  if (t.mode !== 'Air' && t.mode !== 'Express') return null;
  const references: Field[] = [
    { label: 'AWB No.', value: t.blNumber ?? 'To be assigned by the airline' },
    ...(t.bookingRef ? [{ label: 'Booking No.', value: t.bookingRef }] : []),
    { label: 'Invoice No.', value: s.invoice.number },
    { label: 'PO No.', value: s.order.poNumber },
  ];
  if (t.carrier) references.push({ label: t.mode === 'Express' ? 'Courier' : 'Airline / forwarder', value: t.carrier });
  if (s.invoice.lcNumber) references.push({ label: 'L/C No.', value: s.invoice.lcNumber });

  const routing: Field[] = [
    { label: 'Airport of departure', value: t.portOfLoading },
    { label: 'Airport of destination', value: t.portOfDischarge },
    { label: 'Flight / date', value: [t.vesselVoyage, t.etd ? formatDate(t.etd) : undefined].filter(Boolean).join(' / ') || 'To be advised by the forwarder' },
  ];
  if (t.placeOfDelivery) routing.push({ label: 'Final destination', value: t.placeOfDelivery });

  // Dimensions as the forwarder rates them: cartons per size, "24 CTNS 60 × 40 × 35 CM".
  const bySize = new Map<string, bigint>();
  for (const line of s.lines) {
    const size = formatCartonSize(line.cartonSize);
    bySize.set(size, (bySize.get(size) ?? 0n) + line.cartons);
  }
  const dimensions = [...bySize].map(([size, cartons]) => `${formatInteger(cartons)} ${s.packages.kind} ${size} CM`);
  const goods = cargoDescriptions(s);
  const chargesCode = t.freightTerm === 'Prepaid' ? 'PP (prepaid)' : 'CC (collect)';
  return {
    kind: 'air-waybill-draft',
    title: 'AIR WAYBILL DRAFT',
    ...transportDraftIdentity(s),
    references,
    routing,
    airportOfDeparture: t.portOfLoading,
    airportOfDestination: t.portOfDischarge,
    pieces: formatInteger(s.packages.count),
    packages: formatPackages(s.packages),
    packagesInWords: packagesInWords(s.packages),
    grossKg: formatKg(s.packages.grossGrams),
    volumetricKg: formatKg(volumetricGrams(s.packages.volume)),
    chargeableKg: formatKg(chargeableGrams(s.packages.grossGrams, s.packages.volume)),
    cbm: formatCbm(s.packages.volume),
    goods,
    dimensions,
    marks: s.marks,
    handling: [
      `Documents attached: commercial invoice No. ${s.invoice.number}, packing list.`,
      `${formatPackages(s.packages)}, carton Nos. ${formatCartonRange(s.firstCarton, s.firstCarton + s.packages.count - 1n)}, marked as shown.`,
    ],
    charges: [
      { label: 'Weight charge / other charges', value: `${chargesCode} / ${chargesCode}` },
      { label: 'Currency', value: s.order.currency.code },
      { label: 'Declared value for carriage', value: 'NVD' },
      { label: 'Declared value for customs', value: `As per commercial invoice No. ${s.invoice.number}` },
      { label: 'Amount of insurance', value: 'NIL' },
    ],
    invoice: { number: s.invoice.number, date: formatDate(s.invoice.date) },
  };
}

import { resolveCountry, type Country } from './countries.ts';
import type { FixList } from './fixes.ts';
import { defaultFreightTerm, type IncotermRule } from './incoterms.ts';
import type { BlType, FreightTerm, ShipmentInput, ShipmentMode } from './input.ts';
import { checkContainerNumber } from './iso6346.ts';
import type { PreparedContainer, PreparedTransport } from './prepared.ts';
import { optionalText, readDate, requiredText, type FieldContext } from './read-values.ts';

const MODES: readonly ShipmentMode[] = ['Sea FCL', 'Sea LCL', 'Air', 'Express'];
const BL_TYPES: readonly BlType[] = ['Original', 'Telex release', 'Sea waybill'];
const FREIGHT_TERMS: readonly FreightTerm[] = ['Prepaid', 'Collect'];

function pick<T extends string>(options: readonly T[], value: string): T | undefined {
  return options.find((option) => option.toLowerCase() === value.trim().toLowerCase());
}

export function isSeaMode(mode: ShipmentMode): boolean {
  return mode === 'Sea FCL' || mode === 'Sea LCL';
}

function prepareContainers(ctx: FieldContext, input: ShipmentInput, mode: ShipmentMode | undefined): PreparedContainer[] {
  const out: PreparedContainer[] = [];
  const seen = new Set<string>();
  for (const container of input.containers ?? []) {
    const raw = container.number.trim();
    if (raw === '') continue;
    const check = checkContainerNumber(raw);
    if (!check.ok && check.reason === 'format') {
      ctx.fixes.add(ctx.ref, 'Container number', `${raw} is not an ISO 6346 number (4 letters ending in U, J or Z, then 7 digits)`);
      continue;
    }
    if (!check.ok) {
      ctx.fixes.add(ctx.ref, 'Container number', `${raw} fails the ISO 6346 check digit (expected ${check.expected})`);
      continue;
    }
    if (seen.has(check.normalized)) {
      ctx.fixes.add(ctx.ref, 'Container number', `${check.normalized} is listed twice`);
      continue;
    }
    seen.add(check.normalized);
    const sealNumber = optionalText(container.sealNumber);
    if (mode === 'Sea FCL' && !sealNumber) ctx.fixes.add(ctx.ref, 'Seal number', `is missing for container ${check.normalized}`);
    out.push({ number: check.normalized, sealNumber, type: optionalText(container.type)?.toUpperCase() });
  }
  if (mode === 'Sea FCL' && out.length === 0 && !(input.containers ?? []).some((c) => c.number.trim() !== '')) {
    ctx.fixes.add(ctx.ref, 'Container number', 'is missing: a full-container (FCL) B/L lists every container and seal');
  }
  return out;
}

/**
 * Validates the booking and derives the B/L defaults: freight term from the Incoterm, "freight payable at" the
 * port of loading (prepaid) or discharge (collect), and 3 originals for an original B/L (a full set is 3/3).
 */
export function prepareTransport(
  fixes: FixList,
  input: ShipmentInput,
  incoterm: IncotermRule | undefined,
): {
  transport: PreparedTransport | undefined;
  mode?: ShipmentMode | undefined;
  blType?: BlType | undefined;
  destination?: Country | undefined;
} {
  const ctx: FieldContext = { fixes, ref: input.ref };
  const before = fixes.items.length;
  const modeText = requiredText(ctx, 'Mode', input.mode);
  const mode = modeText === '' ? undefined : pick(MODES, modeText);
  if (modeText !== '' && !mode) fixes.add(input.ref, 'Mode', `"${modeText}" is not one of ${MODES.join(', ')}`);

  const blTypeText = optionalText(input.blType);
  const blType = blTypeText === undefined ? 'Original' : pick(BL_TYPES, blTypeText);
  if (!blType) fixes.add(input.ref, 'B/L type', `"${blTypeText}" is not one of ${BL_TYPES.join(', ')}`);

  const termText = optionalText(input.freightTerm);
  let freightTerm = termText === undefined ? undefined : pick(FREIGHT_TERMS, termText.replace(/^freight\s+/i, ''));
  if (termText !== undefined && !freightTerm) fixes.add(input.ref, 'Freight term', `"${termText}" is not Prepaid or Collect`);
  const freightTermFromIncoterm = termText === undefined;
  if (freightTermFromIncoterm && incoterm) freightTerm = defaultFreightTerm(incoterm);

  const portOfLoading = requiredText(ctx, 'Port of loading', input.portOfLoading);
  const portOfDischarge = requiredText(ctx, 'Port of discharge', input.portOfDischarge);
  let destination;
  if (requiredText(ctx, 'Destination country', input.destinationCountry) !== '') {
    destination = resolveCountry(input.destinationCountry);
    if (!destination) fixes.add(input.ref, 'Destination country', `"${input.destinationCountry}" is not a country`);
  }
  const etd = readDate(ctx, 'ETD', input.etd, false);
  const containers = prepareContainers(ctx, input, mode);
  const originals = input.numberOfOriginals ?? (blType === 'Original' ? 3 : 0);
  if (!Number.isInteger(originals) || originals < 0 || originals > 3) {
    fixes.add(input.ref, 'Number of originals', `${originals} must be a whole number from 0 to 3`);
  }
  if (fixes.items.length > before || !mode || !blType || !freightTerm || !destination) return { transport: undefined, mode, blType, destination };
  return {
    mode,
    blType,
    destination,
    transport: {
      mode,
      carrier: optionalText(input.carrier),
      bookingRef: optionalText(input.bookingRef),
      blNumber: optionalText(input.blNumber),
      blType,
      vesselVoyage: optionalText(input.vesselVoyage),
      placeOfReceipt: optionalText(input.placeOfReceipt),
      portOfLoading,
      portOfDischarge,
      placeOfDelivery: optionalText(input.placeOfDelivery),
      destination,
      usPortOfEntry: optionalText(input.usPortOfEntry),
      etd,
      containers,
      freightTerm,
      freightTermFromIncoterm,
      freightPayableAt: optionalText(input.freightPayableAt) ?? (freightTerm === 'Collect' ? portOfDischarge : portOfLoading),
      numberOfOriginals: originals,
    },
  };
}

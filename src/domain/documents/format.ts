import { DateTime } from 'luxon';
import { integerInWords } from './amount-in-words.ts';
import { divideRounded, formatScaled } from './decimal.ts';
import type { CartonSize, PackageSummary, PreparedParty, PreparedShipment } from './prepared.ts';

/**
 * Display formats shared by every document, so the invoice, packing list, CO and B/L print the same value the same
 * way (the cross-document check compares these strings).
 */

/** "2025-03-15" → "15 Mar 2025": unambiguous for US and European readers alike. */
export function formatDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('dd LLL yyyy');
}

export function formatInteger(value: bigint): string {
  return formatScaled(value, 0);
}

/** Grams → kg, exact: "1,234.50" (2 decimals) unless a gram digit matters, then 3. */
export function formatKg(grams: bigint): string {
  return grams % 10n === 0n ? formatScaled(grams / 10n, 2) : formatScaled(grams, 3);
}

/** 10⁻¹² m³ → m³ with 3 decimals (rounded for display only; totals are summed exactly). */
export function formatCbm(volume: bigint): string {
  return formatScaled(divideRounded(volume, 1_000_000_000n), 3);
}

/** Hundredths of a cm → "60" or "45.5". */
export function formatCm(hundredths: bigint): string {
  const text = formatScaled(hundredths, 2);
  return text.replace(/\.?0+$/, '');
}

export function formatCartonSize(size: CartonSize): string {
  return `${formatCm(size.length)} × ${formatCm(size.width)} × ${formatCm(size.height)}`;
}

/** "1–40" for carton numbers (a single carton reads "41"). */
export function formatCartonRange(from: bigint, to: bigint): string {
  return from === to ? formatInteger(from) : `${formatInteger(from)}–${formatInteger(to)}`;
}

/** "120 CARTONS" (the package line every document repeats). */
export function formatPackages(packages: PackageSummary): string {
  return `${formatInteger(packages.count)} ${packages.kind}`;
}

/** "ONE HUNDRED AND TWENTY (120) CARTONS ONLY", as B/Ls and COs spell the package count. */
export function packagesInWords(packages: PackageSummary): string {
  return `SAY ${integerInWords(packages.count)} (${formatInteger(packages.count)}) ${packages.kind} ONLY`;
}

/** "1,000 PCS + 200 SETS". */
export function formatQuantities(packages: PackageSummary): string {
  return packages.quantities.map((q) => `${formatInteger(q.quantity)} ${q.unit}`).join(' + ');
}

/** A party as printed in a box: name first, then the lines under it. */
export interface PartyBlock {
  name: string;
  nameLocal?: string | undefined;
  lines: string[];
}

export function partyBlock(party: PreparedParty): PartyBlock {
  const lines = [...party.addressLines];
  if (party.addressLocal) lines.push(party.addressLocal);
  if (party.country && !lines.some((line) => line.toUpperCase().includes(party.country?.name.toUpperCase() ?? ''))) {
    lines.push(party.country.name.toUpperCase());
  }
  lines.push(...party.contactLines);
  return { name: party.name, nameLocal: party.nameLocal, lines };
}

/** The exporter's signature box of the invoice and the packing list: the invoice's signatory, place and date. */
export interface SignatureBlock {
  company: string;
  name: string;
  title: string;
  place: string;
  date: string;
}

export function signatureBlock(s: PreparedShipment): SignatureBlock {
  return {
    company: s.exporter.name,
    name: s.invoice.signatoryName,
    title: s.invoice.signatoryTitle,
    place: s.invoice.placeOfIssue,
    date: formatDate(s.invoice.date),
  };
}

/** The notify box of a named consignee without a notify party. */
export const SAME_AS_CONSIGNEE: PartyBlock = { name: 'SAME AS CONSIGNEE', lines: [] };

/** "Ningbo, China" → "NINGBO, CHINA" for CO box 3 and B/L ports. */
export function upper(text: string): string {
  return text.toUpperCase();
}

/** The transport document's number label: an air or express consignment travels on an air waybill, not a B/L. */
export function transportDocumentLabel(mode: string): 'AWB No.' | 'B/L No.' {
  return mode === 'Air' || mode === 'Express' ? 'AWB No.' : 'B/L No.';
}

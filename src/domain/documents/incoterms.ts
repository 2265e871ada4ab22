import type { FreightTerm, IncotermCode } from './input.ts';

/**
 * The eleven Incoterms® 2020 rules and what each means for the paperwork: who pays main carriage (so whether the
 * invoice includes freight), who must insure, which B/L freight term is the usual default, and sea-only rules.
 * Source: ICC Incoterms® 2020 summary (https://iccwbo.org/business-solutions/incoterms-rules/).
 */
export interface IncotermRule {
  code: IncotermCode;
  name: string;
  group: 'E' | 'F' | 'C' | 'D';
  seaOnly: boolean;
  sellerPaysMainCarriage: boolean;
  sellerMustInsure: boolean;
  /** Cover the seller must buy where it must insure (ICC (C) for CIF, (A) for CIP since 2020). */
  insuranceCover?: string;
}

export const INCOTERMS_VERSION = 'Incoterms® 2020';

const RULES: readonly IncotermRule[] = [
  { code: 'EXW', name: 'Ex Works', group: 'E', seaOnly: false, sellerPaysMainCarriage: false, sellerMustInsure: false },
  { code: 'FCA', name: 'Free Carrier', group: 'F', seaOnly: false, sellerPaysMainCarriage: false, sellerMustInsure: false },
  { code: 'FAS', name: 'Free Alongside Ship', group: 'F', seaOnly: true, sellerPaysMainCarriage: false, sellerMustInsure: false },
  { code: 'FOB', name: 'Free On Board', group: 'F', seaOnly: true, sellerPaysMainCarriage: false, sellerMustInsure: false },
  { code: 'CPT', name: 'Carriage Paid To', group: 'C', seaOnly: false, sellerPaysMainCarriage: true, sellerMustInsure: false },
  {
    code: 'CIP', name: 'Carriage and Insurance Paid To', group: 'C', seaOnly: false,
    sellerPaysMainCarriage: true, sellerMustInsure: true, insuranceCover: 'Institute Cargo Clauses (A)',
  },
  { code: 'CFR', name: 'Cost and Freight', group: 'C', seaOnly: true, sellerPaysMainCarriage: true, sellerMustInsure: false },
  {
    code: 'CIF', name: 'Cost, Insurance and Freight', group: 'C', seaOnly: true,
    sellerPaysMainCarriage: true, sellerMustInsure: true, insuranceCover: 'Institute Cargo Clauses (C)',
  },
  { code: 'DAP', name: 'Delivered at Place', group: 'D', seaOnly: false, sellerPaysMainCarriage: true, sellerMustInsure: false },
  { code: 'DPU', name: 'Delivered at Place Unloaded', group: 'D', seaOnly: false, sellerPaysMainCarriage: true, sellerMustInsure: false },
  { code: 'DDP', name: 'Delivered Duty Paid', group: 'D', seaOnly: false, sellerPaysMainCarriage: true, sellerMustInsure: false },
];

export function incotermRule(code: string): IncotermRule | undefined {
  const wanted = code.trim().toUpperCase();
  return RULES.find((rule) => rule.code === wanted);
}

/** Seller pays the ocean freight under C and D rules → "prepaid"; buyer pays under E and F rules → "collect". */
export function defaultFreightTerm(rule: IncotermRule): FreightTerm {
  return rule.sellerPaysMainCarriage ? 'Prepaid' : 'Collect';
}

/** "FOB Ningbo, China Incoterms® 2020": a bare "FOB" without place and version is incomplete. */
export function incotermLine(rule: IncotermRule, namedPlace: string): string {
  return `${rule.code} ${namedPlace.trim()} ${INCOTERMS_VERSION}`;
}

/** Minimum insured value under CIF/CIP: 110% of the invoice value (ICC A5/B5, UCP 600 art. 28(f)(ii)). */
export const MINIMUM_INSURED_PERCENT = 110n;

import { amountInWords } from './amount-in-words.ts';
import { formatMinor } from './currency.ts';
import { formatDecimal } from './decimal.ts';
import {
  formatCartonRange, formatCbm, formatDate, formatInteger, formatKg, formatPackages, formatQuantities, partyBlock,
  SAME_AS_CONSIGNEE, signatureBlock, type PartyBlock, type SignatureBlock,
} from './format.ts';
import { transportDocumentLabel } from './format.ts';
import { incotermLine, MINIMUM_INSURED_PERCENT } from './incoterms.ts';
import type { PreparedShipment } from './prepared.ts';

/** One labelled value ("Port of loading: Ningbo, China"). */
export interface Field {
  label: string;
  value: string;
}

export interface InvoiceLineRow {
  no: string;
  sku: string;
  description: string;
  descriptionLocal?: string | undefined;
  hsCode: string;
  origin: string;
  cartonNumbers: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
}

export interface TotalRow {
  label: string;
  /** Formatted amount, or a phrase such as "Not included (buyer's account under FOB)". */
  value: string;
  emphasis?: boolean;
}

export interface CommercialInvoiceContent {
  kind: 'commercial-invoice';
  title: string;
  documentNumber: string;
  documentDate: string;
  /** ISO date, used as the PDF creation date. */
  issuedOn: string;
  exporter: PartyBlock;
  buyer: PartyBlock;
  consignee: PartyBlock;
  notifyParty: PartyBlock;
  manufacturer?: PartyBlock | undefined;
  references: Field[];
  incoterm: string;
  currency: string;
  transport: Field[];
  lines: InvoiceLineRow[];
  totals: TotalRow[];
  totalMinor: bigint;
  amountInWords: string;
  packages: { count: string; quantities: string; netKg: string; grossKg: string; cbm: string };
  marks: string[];
  portOfLoading: string;
  portOfDischarge: string;
  statements: string[];
  signature: SignatureBlock;
}

/**
 * The commercial invoice. For US entries it carries every 19 CFR 141.86(a) element: port of entry, date/place of
 * sale and parties, detailed descriptions with marks and carton numbers, quantities and units, unit prices in the
 * purchase currency, the currency, every charge itemised, rebates, origin per line and assists.
 */
export function buildCommercialInvoice(s: PreparedShipment): CommercialInvoiceContent {
  const currency = s.order.currency;
  const money = (minor: bigint): string => formatMinor(minor, currency);
  const rule = s.order.incoterm;
  const t = s.transport;

  const goodsMinor = s.lines.reduce((sum, line) => sum + line.amountMinor, 0n);
  const totals: TotalRow[] = [{ label: 'Goods subtotal', value: money(goodsMinor) }];
  let totalMinor = goodsMinor;
  const notIncluded = (what: string): string => `Not included (${what} for buyer's account under ${rule.code})`;

  // 141.86(a)(8): freight and insurance always appear as separate lines, included or not, so the importer can
  // deduct them from the transaction value (US) or add them (EU customs value).
  const carriage = t.mode === 'Air' || t.mode === 'Express' ? 'Air' : 'Ocean';
  const freightLabel = `${carriage} freight to ${rule.group === 'D' ? s.order.namedPlace : t.portOfDischarge}`;
  if (s.charges.freightMinor !== null) {
    totals.push({ label: freightLabel, value: money(s.charges.freightMinor) });
    totalMinor += s.charges.freightMinor;
  } else {
    totals.push({ label: freightLabel, value: notIncluded('freight') });
  }
  if (s.charges.insuranceMinor !== null) {
    totals.push({ label: 'Insurance', value: money(s.charges.insuranceMinor) });
    totalMinor += s.charges.insuranceMinor;
  } else {
    const seller = rule.sellerPaysMainCarriage && !rule.sellerMustInsure && rule.group === 'D';
    totals.push({ label: 'Insurance', value: seller ? 'Not charged (seller bears transit risk)' : notIncluded('insurance') });
  }
  if (s.charges.packingMinor !== null) {
    totals.push({ label: 'Packing', value: money(s.charges.packingMinor) });
    totalMinor += s.charges.packingMinor;
  }
  if (s.charges.commissionMinor !== null) {
    totals.push({ label: 'Selling commission', value: money(s.charges.commissionMinor) });
    totalMinor += s.charges.commissionMinor;
  }
  for (const other of s.charges.other) {
    totals.push({ label: other.label, value: money(other.amountMinor) });
    totalMinor += other.amountMinor;
  }
  for (const discount of s.charges.discounts) {
    totals.push({ label: `Less: ${discount.label}`, value: `-${money(discount.amountMinor)}` });
    totalMinor -= discount.amountMinor;
  }
  const namedPlace = s.order.namedPlace.toUpperCase();
  totals.push({ label: `TOTAL ${rule.code} ${namedPlace} (${currency.code})`, value: money(totalMinor), emphasis: true });

  const references: Field[] = [
    { label: 'Invoice No.', value: s.invoice.number },
    { label: 'Invoice date', value: formatDate(s.invoice.date) },
    { label: 'PO No.', value: s.order.poNumber },
  ];
  if (s.invoice.lcNumber) references.push({ label: 'L/C No.', value: s.invoice.lcNumber });
  references.push({ label: 'Payment terms', value: s.order.paymentTerms });
  references.push({ label: 'Currency', value: `${currency.code} (${currency.majorName})` });

  const transport: Field[] = [];
  if (s.isUsEntry) transport.push({ label: 'US port of entry', value: t.usPortOfEntry ?? '' });
  transport.push({ label: 'Port of loading', value: t.portOfLoading });
  transport.push({ label: 'Port of discharge', value: t.portOfDischarge });
  if (t.placeOfDelivery) transport.push({ label: 'Place of delivery', value: t.placeOfDelivery });
  transport.push({ label: 'Country of destination', value: t.destination.name });
  transport.push({ label: 'Mode', value: t.mode });
  if (t.vesselVoyage) transport.push({ label: t.mode === 'Air' || t.mode === 'Express' ? 'Flight' : 'Vessel / voyage', value: t.vesselVoyage });
  if (t.etd) transport.push({ label: 'ETD', value: formatDate(t.etd) });
  if (t.blNumber) transport.push({ label: transportDocumentLabel(t.mode), value: t.blNumber });
  if (t.containers.length > 0) transport.push({ label: 'Containers', value: t.containers.map((c) => c.number).join(', ') });
  const saleDate = s.invoice.saleDate ? formatDate(s.invoice.saleDate) : undefined;
  if (saleDate || s.invoice.salePlace) {
    transport.push({ label: 'Date / place of sale', value: [saleDate, s.invoice.salePlace].filter(Boolean).join(', ') });
  }

  const c = s.charges;
  const withNote = (minor: bigint | null, note: string): string => {
    if (minor === null) return note;
    return /^none$/i.test(note) ? money(minor) : `${currency.code} ${money(minor)} (${note})`;
  };
  const statements = [
    `All prices and amounts are in ${currency.code} (${currency.majorName}).`,
    c.packingMinor === null
      ? 'Packing, cases and inland freight to the port of loading are included in the unit prices.'
      : 'Inland freight to the port of loading is included in the unit prices; packing is itemised above.',
    c.commissionMinor === null ? 'Selling commission: none.' : 'Selling commission: itemised above.',
    c.buyingCommissionMinor === null
      ? 'Buying commission: none.'
      : `Buying commission: ${currency.code} ${money(c.buyingCommissionMinor)}, paid by the buyer to its buying agent, not included in the total.`,
    `Rebates, drawbacks and bounties allowed upon exportation: ${withNote(c.rebatesMinor, c.rebates)}.`,
    `Assists (dies, moulds, tools, engineering supplied free or at reduced cost and not in the price): ${withNote(c.assistsMinor, c.assists)}.`,
    `Contents of each package: see carton numbers per line and the packing list No. ${s.invoice.number}.`,
  ];
  if (rule.sellerMustInsure) {
    const insured = (totalMinor * MINIMUM_INSURED_PERCENT + 99n) / 100n;
    statements.push(`Cargo insured for ${currency.code} ${money(insured)} (110% of invoice value), ${rule.insuranceCover}.`);
  }
  if (!s.invoice.isSale) {
    statements.push('No sale: goods shipped without a sale; values shown are the prices the seller would have received in the ordinary course of trade.');
  }
  if (s.manufacturer) statements.push(`Manufacturer: ${s.manufacturer.name}${s.manufacturer.country ? `, ${s.manufacturer.country.name}` : ''}.`);
  statements.push(...s.invoice.remarks);
  statements.push('We certify that this invoice is true and correct, that it shows the actual price of the goods described, and that no other invoice has been issued for them.');

  return {
    kind: 'commercial-invoice',
    title: 'COMMERCIAL INVOICE',
    documentNumber: s.invoice.number,
    documentDate: formatDate(s.invoice.date),
    issuedOn: s.documentDate,
    exporter: partyBlock(s.exporter),
    buyer: partyBlock(s.buyer),
    consignee: partyBlock(s.consignee),
    notifyParty: s.notifyParty ? partyBlock(s.notifyParty) : SAME_AS_CONSIGNEE,
    manufacturer: s.manufacturer ? partyBlock(s.manufacturer) : undefined,
    references,
    incoterm: incotermLine(rule, s.order.namedPlace),
    currency: currency.code,
    transport,
    lines: s.lines.map((line) => ({
      no: String(line.no),
      sku: line.sku,
      description: line.description,
      descriptionLocal: line.descriptionLocal,
      hsCode: line.hsCode,
      origin: line.origin.name,
      cartonNumbers: formatCartonRange(line.cartonFrom, line.cartonTo),
      quantity: formatInteger(line.quantity),
      unit: line.unit,
      unitPrice: formatDecimal(line.unitPrice, currency.minorDigits),
      amount: money(line.amountMinor),
    })),
    totals,
    totalMinor,
    amountInWords: amountInWords(totalMinor, currency),
    packages: {
      count: formatPackages(s.packages),
      quantities: formatQuantities(s.packages),
      netKg: formatKg(s.packages.netGrams),
      grossKg: formatKg(s.packages.grossGrams),
      cbm: formatCbm(s.packages.volume),
    },
    marks: s.marks,
    portOfLoading: t.portOfLoading,
    portOfDischarge: t.portOfDischarge,
    statements,
    signature: signatureBlock(s),
  };
}

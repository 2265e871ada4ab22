import { currencyInfo, type CurrencyInfo } from './currency.ts';
import type { FixList } from './fixes.ts';
import { incotermRule, type IncotermRule } from './incoterms.ts';
import type { ChargeInput, ChargesInput, Decimalish, InvoiceInput, OrderInput } from './input.ts';
import type { PreparedCharge, PreparedCharges, PreparedShipment } from './prepared.ts';
import { optionalText, readDate, readScaled, requiredText, type FieldContext } from './read-values.ts';

const ALL_RULES = 'EXW, FCA, FAS, FOB, CPT, CIP, CFR, CIF, DAP, DPU, DDP';

export function prepareInvoice(fixes: FixList, input: InvoiceInput): PreparedShipment['invoice'] {
  const ctx: FieldContext = { fixes, ref: input.ref };
  return {
    number: requiredText(ctx, 'Invoice number', input.number),
    date: readDate(ctx, 'Invoice date', input.date, true) ?? '',
    saleDate: readDate(ctx, 'Sale date', input.saleDate, false),
    salePlace: optionalText(input.salePlace),
    isSale: input.isSale !== false,
    lcNumber: optionalText(input.lcNumber),
    signatoryName: requiredText(ctx, 'Signatory name', input.signatoryName),
    signatoryTitle: requiredText(ctx, 'Signatory title', input.signatoryTitle),
    placeOfIssue: requiredText(ctx, 'Place of issue', input.placeOfIssue),
    remarks: (input.remarks ?? []).map((r) => r.trim()).filter((r) => r !== ''),
  };
}

export interface PreparedOrder {
  poNumber: string;
  orderDate?: string | undefined;
  incoterm?: IncotermRule | undefined;
  namedPlace: string;
  currency?: CurrencyInfo | undefined;
  paymentTerms: string;
}

export function prepareOrder(fixes: FixList, input: OrderInput): PreparedOrder {
  const ctx: FieldContext = { fixes, ref: input.ref };
  const incotermText = requiredText(ctx, 'Incoterm', input.incoterm);
  const incoterm = incotermText === '' ? undefined : incotermRule(incotermText);
  if (incotermText !== '' && !incoterm) {
    fixes.add(input.ref, 'Incoterm', `"${incotermText}" is not an Incoterms® 2020 rule (${ALL_RULES})`);
  }
  const currencyText = requiredText(ctx, 'Currency', input.currency);
  const currency = currencyText === '' ? undefined : currencyInfo(currencyText);
  if (currencyText !== '' && !currency) {
    fixes.add(input.ref, 'Currency', `"${currencyText}" is not an ISO 4217 currency code we can invoice in`);
  }
  return {
    poNumber: requiredText(ctx, 'PO number', input.poNumber),
    orderDate: readDate(ctx, 'Order date', input.orderDate, false),
    incoterm,
    namedPlace: requiredText(ctx, 'Named place', input.namedPlace),
    currency,
    paymentTerms: requiredText(ctx, 'Payment terms', input.paymentTerms),
  };
}

function isAbsent(value: Decimalish | null | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function readAmount(ctx: FieldContext, field: string, value: Decimalish | null | undefined, digits: number): bigint | null {
  if (isAbsent(value)) return null;
  return readScaled(ctx, field, value, { positive: false, digits }) ?? null;
}

function readList(ctx: FieldContext, field: string, items: ChargeInput[] | undefined, digits: number): PreparedCharge[] {
  const out: PreparedCharge[] = [];
  for (const item of items ?? []) {
    const label = item.label.trim();
    if (label === '') {
      ctx.fixes.add(ctx.ref, field, 'has an amount without a label');
      continue;
    }
    const amountMinor = readScaled(ctx, `${field}: ${label}`, item.amount, { positive: false, digits });
    if (amountMinor !== undefined && amountMinor > 0n) out.push({ label, amountMinor });
  }
  return out;
}

/**
 * Reads the itemised charges and checks freight and insurance against the Incoterm: under E/F rules the buyer
 * pays main carriage, so the invoice must not charge it; C/D rules include freight; CIF/CIP also insurance.
 */
export function prepareCharges(
  fixes: FixList,
  input: ChargesInput,
  incoterm: IncotermRule | undefined,
  currency: CurrencyInfo | undefined,
): PreparedCharges {
  const ctx: FieldContext = { fixes, ref: input.ref };
  const digits = currency?.minorDigits ?? 2;
  const before = fixes.items.length;
  const freight = readAmount(ctx, 'Freight amount', input.freight, digits);
  const insurance = readAmount(ctx, 'Insurance amount', input.insurance, digits);
  const unreadable = fixes.items.length > before;
  const nonZero = (amount: bigint | null): bigint | null => (amount === 0n ? null : amount);
  const charges: PreparedCharges = {
    freightMinor: nonZero(freight),
    insuranceMinor: nonZero(insurance),
    packingMinor: nonZero(readAmount(ctx, 'Packing amount', input.packing, digits)),
    commissionMinor: nonZero(readAmount(ctx, 'Selling commission', input.commission, digits)),
    buyingCommissionMinor: nonZero(readAmount(ctx, 'Buying commission', input.buyingCommission, digits)),
    assistsMinor: nonZero(readAmount(ctx, 'Assists value', input.assistsAmount, digits)),
    rebatesMinor: nonZero(readAmount(ctx, 'Rebates / drawbacks', input.rebatesAmount, digits)),
    other: readList(ctx, 'Other charges', input.other, digits),
    discounts: readList(ctx, 'Discounts', input.discounts, digits),
    rebates: optionalText(input.rebates) ?? 'None',
    assists: optionalText(input.assists) ?? 'None',
  };
  if (!incoterm || unreadable) return charges;

  const code = incoterm.code;
  if (incoterm.sellerPaysMainCarriage && charges.freightMinor === null) {
    fixes.add(input.ref, 'Freight amount', `is missing: under ${code} the seller pays main carriage, so the invoice must itemise it`);
  }
  if (!incoterm.sellerPaysMainCarriage && charges.freightMinor !== null) {
    fixes.add(input.ref, 'Freight amount', `is charged but under ${code} the buyer pays main carriage; clear it or change the Incoterm`);
  }
  if (incoterm.sellerMustInsure && charges.insuranceMinor === null) {
    fixes.add(input.ref, 'Insurance amount', `is missing: under ${code} the seller insures the cargo, so the invoice must itemise the premium`);
  }
  if (!incoterm.sellerPaysMainCarriage && charges.insuranceMinor !== null) {
    fixes.add(input.ref, 'Insurance amount', `is charged but under ${code} the buyer insures the cargo; clear it or change the Incoterm`);
  }
  if ((code === 'CFR' || code === 'CPT') && charges.insuranceMinor !== null) {
    fixes.add(input.ref, 'Insurance amount', `is charged but ${code} excludes insurance; use ${code === 'CFR' ? 'CIF' : 'CIP'} instead`);
  }
  return charges;
}

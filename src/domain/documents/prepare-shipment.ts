import { FixList, isBlank } from './fixes.ts';
import type { ShipmentDocumentInput } from './input.ts';
import { consignmentMarks, prepareLines, summarisePackages } from './prepare-lines.ts';
import { prepareParty } from './prepare-parties.ts';
import { prepareCharges, prepareInvoice, prepareOrder } from './prepare-terms.ts';
import { isSeaMode, prepareTransport } from './prepare-transport.ts';
import type { PreparedShipment } from './prepared.ts';
import { optionalText, readDate } from './read-values.ts';

export type PrepareResult = { ok: true; shipment: PreparedShipment } | { ok: false; fixes: string[] };

/** The any-mode rule to use instead of a sea-only one when the goods fly. */
const ANY_MODE_EQUIVALENT: Readonly<Record<string, string>> = { FAS: 'FCA', FOB: 'FCA', CFR: 'CPT', CIF: 'CIP' };

/**
 * Validates a shipment for export documents and parses it into exact units. Reports every problem at once, each
 * naming the Airtable record and field, and never fills a gap with a guess.
 */
export function prepareShipment(input: ShipmentDocumentInput): PrepareResult {
  const fixes = new FixList();
  const invoice = prepareInvoice(fixes, input.invoice);
  const order = prepareOrder(fixes, input.order);
  const charges = prepareCharges(fixes, input.charges, order.incoterm, order.currency);
  const documentDate = readDate({ fixes, ref: input.invoice.ref }, 'Document date', input.documentDate, true) ?? '';

  const exporter = prepareParty(fixes, input.exporter, 'exporter', { countryRequired: true });
  const buyer = prepareParty(fixes, input.buyer, 'buyer', { countryRequired: true });
  const consignee = prepareParty(fixes, input.consignee, 'consignee', { countryRequired: true });
  const notifyParty = input.notifyParty ? prepareParty(fixes, input.notifyParty, 'notify party', { countryRequired: false }) : undefined;
  const manufacturer = input.manufacturer
    ? prepareParty(fixes, input.manufacturer, 'manufacturer', { countryRequired: false })
    : undefined;

  if (input.lines.length === 0) fixes.add(input.order.ref, 'Line Items', 'has no lines to ship');
  const firstCarton = BigInt(Math.max(1, Math.trunc(input.shipment.firstCartonNumber ?? 1)));
  const lines = prepareLines(fixes, input.lines, order.currency, firstCarton);
  const { transport, mode, blType, destination } = prepareTransport(fixes, input.shipment, order.incoterm);
  const shipmentRef = input.shipment.ref;

  if (consignee.isToOrder && !notifyParty) {
    fixes.add(shipmentRef, 'Notify party', `is required because the consignee is "${consignee.name}" (an order B/L)`);
  }
  if (consignee.isToOrder && blType === 'Sea waybill') {
    fixes.add(shipmentRef, 'B/L type', `Sea waybill cannot be made out "${consignee.name}": a waybill is not negotiable; name the consignee or use an original B/L`);
  }
  if (mode && order.incoterm?.seaOnly && !isSeaMode(mode)) {
    const instead = ANY_MODE_EQUIVALENT[order.incoterm.code] ?? 'FCA';
    fixes.add(input.order.ref, 'Incoterm', `${order.incoterm.code} is a sea-only rule but the shipment goes by ${mode}; use ${instead}`);
  }
  if (invoice.date !== '' && documentDate !== '' && invoice.date > documentDate) {
    fixes.add(input.invoice.ref, 'Invoice date', `${invoice.date} is after the document date ${documentDate}; the certificate of origin cannot be dated before the invoice`);
  }

  // A China certificate of origin only covers goods of Chinese origin; a mixed consignment needs separate invoices.
  if (exporter.country?.code === 'CN') {
    for (const line of lines) {
      if (line.origin.code !== 'CN') {
        fixes.add(line.ref, 'Country of origin', `is ${line.origin.name}, but the exporter's certificate of origin covers goods of Chinese origin only; invoice it separately`);
      }
    }
  }

  const discountMinor = charges.discounts.reduce((sum, d) => sum + d.amountMinor, 0n);
  const beforeDiscounts = lines.reduce((sum, l) => sum + l.amountMinor, 0n) + (charges.freightMinor ?? 0n) +
    (charges.insuranceMinor ?? 0n) + (charges.packingMinor ?? 0n) + (charges.commissionMinor ?? 0n) +
    charges.other.reduce((sum, o) => sum + o.amountMinor, 0n);
  if (discountMinor > beforeDiscounts) fixes.add(input.charges.ref, 'Discounts', 'exceed the invoice value');

  const isUsEntry = destination?.code === 'US';
  const saleDate = invoice.saleDate ?? order.orderDate;
  if (isUsEntry) {
    // 19 CFR 141.86(a)(1) and (a)(2): port of entry, and when and where the sale was made.
    if (isBlank(input.shipment.usPortOfEntry)) fixes.add(shipmentRef, 'US port of entry', 'is missing: 19 CFR 141.86(a)(1) requires it on invoices to the United States');
    if (!saleDate) fixes.add(input.order.ref, 'Order date', 'is missing: 19 CFR 141.86(a)(2) requires the date of sale on invoices to the United States');
    if (!invoice.salePlace) fixes.add(input.invoice.ref, 'Place of sale', 'is missing: 19 CFR 141.86(a)(2) requires where the sale was made');
  }

  if (!fixes.isEmpty || !transport || !order.incoterm || !order.currency) {
    return { ok: false, fixes: fixes.items.length > 0 ? fixes.items : ['Shipment could not be read'] };
  }
  const kind = optionalText(input.shipment.packageKind)?.toUpperCase() ?? 'CARTONS';
  return {
    ok: true,
    shipment: {
      documentDate,
      invoice: { ...invoice, saleDate },
      order: { ...order, incoterm: order.incoterm, currency: order.currency },
      charges,
      exporter,
      buyer,
      consignee,
      notifyParty,
      manufacturer,
      lines,
      packages: summarisePackages(lines, kind),
      firstCarton,
      marks: consignmentMarks(lines),
      transport,
      isUsEntry,
      certificateNumber: optionalText(input.certificateNumber),
    },
  };
}

/**
 * The charges a US invoice must state (19 CFR 141.86(a)(8) commissions and packing, (9) rebates and drawbacks,
 * (11) assists), read from the Shipments record. Each is printed from its cell; an empty cell reads "none" only
 * when the agent ticked "Charges confirmed", because an invoice certifying "no assists" for a PO whose buyer paid
 * for the moulds is a false statement to customs.
 */
import type { FixList } from '../documents/fixes.ts';
import type { ChargesInput } from '../documents/input.ts';
import type { ShipmentContext } from './shipment-context.ts';

/** The line item is marked as a new SKU (the "New SKU" checkbox, when the base has it). */
function isNewSku(item: object): boolean {
  return 'newSku' in item && item.newSku === true;
}

export function chargesOf(ctx: ShipmentContext, fixes: FixList): ChargesInput {
  const s = ctx.shipment;
  const ref = { table: 'Shipments', id: s.id };
  const blanks = [
    ['Packing charge', s.packingCharge],
    ['Selling commission', s.sellingCommission],
    ['Buying commission', s.buyingCommission],
    ['Assists value', s.assistsValue],
    ['Rebates / drawbacks', s.rebatesValue],
  ].filter(([, v]) => v === undefined).map(([name]) => String(name));
  const newSkus = ctx.lines.filter((l) => isNewSku(l.lineItem)).map((l) => l.lineItem.sku);
  const toolingHint = ctx.hasToolingKickoff && s.assistsValue === undefined
    ? ` ${ctx.po.poNumber} had a Tooling kickoff${newSkus.length > 0 ? ` for the new SKU ${newSkus.join(', ')}` : ''}: if the buyer paid for the moulds, enter their value in "Assists value" with a note (an assist under 19 CFR 152.102).`
    : '';
  if (!s.chargesConfirmed && blanks.length > 0) {
    fixes.add(ref, 'Charges confirmed', `is not ticked and ${blanks.map((b) => `"${b}"`).join(', ')} ${blanks.length === 1 ? 'is' : 'are'} empty: enter each amount, or tick "Charges confirmed" when the empty ones are none (the invoice states each to US customs).${toolingHint}`);
  }
  if (s.assistsValue !== undefined && s.assistsValue > 0 && !s.assistsNote?.trim()) {
    fixes.add(ref, 'Assists note', 'is empty: say what the assist is (e.g. "injection mould for the kettle body, paid by the buyer")');
  }
  const other = s.otherCharges ? [{ label: 'Other charges', amount: s.otherCharges }] : undefined;
  return {
    ref,
    freight: s.freightCharge,
    insurance: s.insuranceCharge,
    packing: s.packingCharge,
    commission: s.sellingCommission,
    buyingCommission: s.buyingCommission,
    assistsAmount: s.assistsValue,
    assists: s.assistsNote?.trim() || 'None',
    rebatesAmount: s.rebatesValue,
    rebates: s.rebatesNote?.trim() || 'None',
    other,
  };
}

/**
 * Shipped vs ordered, per line item, over every shipment of the PO: a contract's more-or-less clause ("±3 %")
 * allows the factory to ship a little more or less than ordered. Outside the PO's "Quantity tolerance %" the pack
 * is blocked with what to correct; inside it, the difference is printed on the invoice so the buyer is not
 * surprised by 3,660 pieces invoiced against 3,600 ordered.
 */
import type { FixList } from '../documents/fixes.ts';
import type { ShipmentContext } from './shipment-context.ts';

const fmt = (n: number): string => n.toLocaleString('en-US');
const pct = (fraction: number): string => `${(Math.round(fraction * 1000) / 10).toLocaleString('en-US')} %`;

/** Invoice remarks for differences inside the tolerance; fixes for those outside it. */
export function orderedVsShipped(ctx: ShipmentContext, fixes: FixList): string[] {
  const { po } = ctx;
  const tolerance = po.quantityTolerance ?? 0;
  const notes: string[] = [];
  for (const { shipmentLine, lineItem } of ctx.lines) {
    const ordered = lineItem.quantity;
    const shipped = ctx.shippedOfOrder.get(lineItem.id);
    if (ordered === undefined || ordered <= 0 || !shipped) continue;
    const difference = shipped.quantity - ordered;
    if (difference === 0) continue;
    const unit = (lineItem.unit ?? 'units').toUpperCase();
    const share = difference / ordered;
    const over = difference > 0;
    const across = shipped.shipments > 1 ? ` over ${shipped.shipments} shipments` : '';
    const what = `${po.poNumber} ships ${fmt(shipped.quantity)} ${unit} of ${lineItem.sku}${across} against ${fmt(ordered)} ordered ` +
      `(${over ? '+' : '−'}${fmt(Math.abs(difference))}, ${over ? '+' : '−'}${pct(Math.abs(share))})`;
    // A hair of float error must not turn exactly 3 % into "outside ±3 %".
    if (Math.abs(share) > tolerance + 1e-9) {
      const allowed = tolerance > 0 ? `the PO's "Quantity tolerance %" of ±${pct(tolerance)}` : 'the exact quantity (the PO has no "Quantity tolerance %")';
      fixes.add(
        { table: 'Shipment Lines', id: shipmentLine.id },
        'Quantity',
        `${what}, outside ${allowed}: correct the Shipment Lines, amend the line item's Quantity, or enter the tolerance the contract allows`,
      );
      continue;
    }
    notes.push(
      `${lineItem.sku}: ${fmt(shipped.quantity)} ${unit} shipped in total against ${fmt(ordered)} ${unit} ordered on ${po.poNumber} ` +
        `(${over ? 'over' : 'under'} by ${fmt(Math.abs(difference))} ${unit}, ${pct(Math.abs(share))}), within the agreed tolerance of ±${pct(tolerance)}; ` +
        `this shipment: ${fmt(shipmentLine.quantity)} ${unit}.`,
    );
  }
  return notes;
}

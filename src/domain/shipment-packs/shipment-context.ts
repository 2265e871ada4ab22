/**
 * Gathers, per shipment, the records its export documents come from. Shipments carry no PO link: a shipment's PO
 * is the PO of the line items its Shipment Lines point at, so a PO split into an air and a sea shipment yields two
 * contexts with the quantities of their own Shipment Lines.
 */
import { FixList } from '../documents/fixes.ts';
import type { AgencyRecord } from '../models/agency.ts';
import type { Client } from '../models/client.ts';
import type { LineItem } from '../models/line-item.ts';
import type { Project } from '../models/project.ts';
import type { Milestone } from '../models/milestone.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { ShipmentLine } from '../models/shipment-line.ts';
import type { Shipment } from '../models/shipment.ts';
import type { Supplier } from '../models/supplier.ts';
import { byId, groupBy } from '../snapshot/index-rows.ts';
import type { PoBaseCore } from '../snapshot/po-base.ts';

export interface ShippedLine {
  shipmentLine: ShipmentLine;
  lineItem: LineItem;
}

/** How much of one line item the PO's shipments carry together (a split order ships it on several). */
export interface OrderShipped {
  quantity: number;
  shipments: number;
}

export interface ShipmentContext {
  shipment: Shipment;
  po: PurchaseOrder;
  /**
   * Number of this shipment's first carton: the cartons of a PO are numbered once across its shipments, in
   * sailing order (ETD, then booking ref), so the air part of a split PO holds 1–60 and the sea part 61–600.
   */
  firstCartonNumber: number;
  /** Line item ID → units of it on all shipments of the PO (this one included). */
  shippedOfOrder: Map<string, OrderShipped>;
  /** The PO has a Tooling kickoff milestone: moulds were made for it, possibly paid by the buyer (an assist). */
  hasToolingKickoff: boolean;
  project?: Project | undefined;
  client?: Client | undefined;
  supplier?: Supplier | undefined;
  agency?: AgencyRecord | undefined;
  lines: ShippedLine[];
}

export type ContextResult =
  | { ok: true; context: ShipmentContext }
  /** `po` is known when the fixes can be written on the PO's "Sync issues". */
  | { ok: false; shipment: Shipment; po?: PurchaseOrder | undefined; fixes: string[] };

const ref = (table: string, id: string, label?: string) => ({ table, id, label });

/** What the packs are built from: the PO base, of whose milestones only the kind and PO are read (tooling kickoffs). */
export type ShipmentBase = PoBaseCore & { milestones: readonly Pick<Milestone, 'po' | 'kind'>[] };

/** One context (or the fixes that stop it) per shipment that has lines; shipments of cancelled POs are left out. */
export function shipmentContexts(base: ShipmentBase): ContextResult[] {
  const lineItems = byId(base.lineItems);
  const pos = byId(base.purchaseOrders);
  const projects = byId(base.projects);
  const clients = byId(base.clients);
  const suppliers = byId(base.suppliers);
  const linesByShipment = groupBy(base.shipmentLines, (l) => l.shipment);
  const agency = base.agency[0];
  const results: ContextResult[] = [];
  const order = orderNumbering(base, lineItems);
  const toolingPos = new Set(base.milestones.filter((m) => m.kind === 'Tooling kickoff').map((m) => m.po));

  for (const shipment of base.shipments) {
    const shipmentLines = linesByShipment.get(shipment.id) ?? [];
    if (shipmentLines.length === 0) continue;
    const fixes = new FixList();
    const lines: ShippedLine[] = [];
    const poIds = new Set<string>();
    const seenItems = new Set<string>();
    for (const shipmentLine of shipmentLines) {
      const lineItem = lineItems.get(shipmentLine.lineItem);
      if (!lineItem) {
        fixes.add(ref('Shipment Lines', shipmentLine.id, shipmentLine.line), 'Line item', 'points at a line item that could not be read (see that row\'s "Sync issues")');
        continue;
      }
      if (seenItems.has(lineItem.id)) {
        fixes.add(ref('Shipment Lines', shipmentLine.id, shipmentLine.line), 'Line item', `${lineItem.sku} is on this shipment twice; put its whole quantity on one shipment line`);
        continue;
      }
      seenItems.add(lineItem.id);
      poIds.add(lineItem.po);
      lines.push({ shipmentLine, lineItem });
    }
    const poList = [...poIds].map((id) => pos.get(id));
    const po = poList.length === 1 ? poList[0] : undefined;
    if (poList.length === 1 && !po) {
      fixes.add(ref('Shipments', shipment.id, shipment.bookingRef), 'Shipment Lines', 'belong to a purchase order that could not be read (see its "Sync issues")');
    }
    if (poList.length > 1) {
      const numbers = poList.map((p) => p?.poNumber ?? '(unreadable PO)').sort().join(', ');
      fixes.add(ref('Shipments', shipment.id, shipment.bookingRef), 'Shipment Lines', `mix lines of ${numbers}: one commercial invoice per PO, so book one shipment per PO (or split the lines)`);
    }
    if (po?.status === 'Cancelled') continue;
    if (!fixes.isEmpty || !po) {
      results.push({ ok: false, shipment, po, fixes: fixes.items });
      continue;
    }
    const project = projects.get(po.project);
    const clientId = shipment.client ?? project?.client;
    results.push({
      ok: true,
      context: {
        shipment,
        po,
        project,
        client: clientId ? clients.get(clientId) : undefined,
        supplier: suppliers.get(po.supplier),
        agency,
        lines,
        firstCartonNumber: order.firstCarton.get(shipment.id) ?? 1,
        shippedOfOrder: order.shipped,
        hasToolingKickoff: toolingPos.has(po.id),
      },
    });
  }
  return results;
}

/** Cartons of one shipment line: as entered, else whole cartons of the quantity (odd counts are the mapping's fix). */
function cartonsOf(line: ShipmentLine, item: LineItem | undefined): number {
  if (line.cartons !== undefined) return line.cartons;
  const perCarton = item?.unitsPerCarton;
  return perCarton ? Math.ceil(line.quantity / perCarton) : 0;
}

/**
 * Per PO: the first carton number of each of its shipments (sailing order: ETD or ATD, then booking ref) and the
 * units of each line item over all its shipments. A shipment mixing POs is refused elsewhere; here it counts
 * under each line's own PO.
 */
function orderNumbering(base: PoBaseCore, lineItems: Map<string, LineItem>): { firstCarton: Map<string, number>; shipped: Map<string, OrderShipped> } {
  const shipped = new Map<string, OrderShipped>();
  const cartonsByPo = new Map<string, Map<string, number>>();
  for (const line of base.shipmentLines) {
    const item = lineItems.get(line.lineItem);
    if (!item) continue;
    const total = shipped.get(item.id) ?? { quantity: 0, shipments: 0 };
    shipped.set(item.id, { quantity: total.quantity + line.quantity, shipments: total.shipments + 1 });
    const perShipment = cartonsByPo.get(item.po) ?? new Map<string, number>();
    perShipment.set(line.shipment, (perShipment.get(line.shipment) ?? 0) + cartonsOf(line, item));
    cartonsByPo.set(item.po, perShipment);
  }
  const shipments = byId(base.shipments);
  const sailing = (id: string): string => {
    const s = shipments.get(id);
    return `${s?.etd ?? s?.atd ?? '9999-12-31'} ${s?.bookingRef ?? id}`;
  };
  const firstCarton = new Map<string, number>();
  for (const perShipment of cartonsByPo.values()) {
    let next = 1;
    for (const id of [...perShipment.keys()].sort((a, b) => sailing(a).localeCompare(sailing(b)))) {
      if (!firstCarton.has(id)) firstCarton.set(id, next);
      next += perShipment.get(id) ?? 0;
    }
  }
  return { firstCarton, shipped };
}

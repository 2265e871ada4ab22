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
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { ShipmentLine } from '../models/shipment-line.ts';
import type { Shipment } from '../models/shipment.ts';
import type { Supplier } from '../models/supplier.ts';
import { byId, groupBy } from '../snapshot/index-rows.ts';
import type { PoBase } from '../snapshot/po-base.ts';

export interface ShippedLine {
  shipmentLine: ShipmentLine;
  lineItem: LineItem;
}

export interface ShipmentContext {
  shipment: Shipment;
  po: PurchaseOrder;
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

/** One context (or the fixes that stop it) per shipment that has lines; shipments of cancelled POs are left out. */
export function shipmentContexts(base: PoBase): ContextResult[] {
  const lineItems = byId(base.lineItems);
  const pos = byId(base.purchaseOrders);
  const projects = byId(base.projects);
  const clients = byId(base.clients);
  const suppliers = byId(base.suppliers);
  const linesByShipment = groupBy(base.shipmentLines, (l) => l.shipment);
  const agency = base.agency[0];
  const results: ContextResult[] = [];

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
      },
    });
  }
  return results;
}

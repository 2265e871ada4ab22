/**
 * A read-only view of the whole workspace for the checks: the parsed records of every table plus the indexes the
 * rules need (by ID, milestones per PO and kind, inspections per PO, which POs ride on which shipment, …).
 * Built once per run by a pure function, so every rule is a lookup, never a scan of another table.
 */
import type { Alert } from '../models/alert.ts';
import type { CalendarEntry } from '../models/calendar-entry.ts';
import type { Client } from '../models/client.ts';
import type { DocumentRecord } from '../models/document.ts';
import type { Inspection } from '../models/inspection.ts';
import type { LineItem } from '../models/line-item.ts';
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import type { Person } from '../models/person.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { ShipmentLine } from '../models/shipment-line.ts';
import type { Shipment } from '../models/shipment.ts';
import type { SupplierEvaluation } from '../models/supplier-evaluation.ts';
import type { Supplier } from '../models/supplier.ts';
import type { Update } from '../models/update.ts';
import { MILESTONE_KINDS } from '../planning/milestone-kinds.ts';

/** The valid records of each table (rows with problems are already left out). */
export interface ParsedTables {
  people: Person[];
  clients: Client[];
  projects: Project[];
  suppliers: Supplier[];
  supplierEvaluations: SupplierEvaluation[];
  purchaseOrders: PurchaseOrder[];
  lineItems: LineItem[];
  milestones: Milestone[];
  inspections: Inspection[];
  shipments: Shipment[];
  shipmentLines: ShipmentLine[];
  documents: DocumentRecord[];
  updates: Update[];
  calendar: CalendarEntry[];
  alerts: Alert[];
}

export interface WorkspaceSnapshot extends Readonly<ParsedTables> {
  person: ReadonlyMap<string, Person>;
  client: ReadonlyMap<string, Client>;
  project: ReadonlyMap<string, Project>;
  supplier: ReadonlyMap<string, Supplier>;
  po: ReadonlyMap<string, PurchaseOrder>;
  milestone: ReadonlyMap<string, Milestone>;
  inspection: ReadonlyMap<string, Inspection>;
  shipment: ReadonlyMap<string, Shipment>;
  /** A PO's milestones in lifecycle order (deposit first, balance last). */
  milestonesByPo: ReadonlyMap<string, readonly Milestone[]>;
  /** PO → kind → milestone (the first one when a PO has two of a kind). */
  milestoneByKind: ReadonlyMap<string, ReadonlyMap<MilestoneKind, Milestone>>;
  inspectionsByPo: ReadonlyMap<string, readonly Inspection[]>;
  /** Failed inspection ID → the inspections that repeat it. */
  reinspectionsOf: ReadonlyMap<string, readonly Inspection[]>;
  /** Factory audits (and any inspection linked to a supplier directly). */
  inspectionsBySupplier: ReadonlyMap<string, readonly Inspection[]>;
  lineItemsByPo: ReadonlyMap<string, readonly LineItem[]>;
  /** Σ line-item quantities of a PO. */
  quantityByPo: ReadonlyMap<string, number>;
  /** Shipments a PO's lines travel on, through Shipment Lines → Line Items. */
  shipmentsByPo: ReadonlyMap<string, readonly Shipment[]>;
  posByShipment: ReadonlyMap<string, readonly PurchaseOrder[]>;
  /** Updates of a PO, newest first. */
  updatesByPo: ReadonlyMap<string, readonly Update[]>;
  documentsByShipment: ReadonlyMap<string, readonly DocumentRecord[]>;
  posBySupplier: ReadonlyMap<string, readonly PurchaseOrder[]>;
  posByProject: ReadonlyMap<string, readonly PurchaseOrder[]>;
  evaluationsBySupplier: ReadonlyMap<string, readonly SupplierEvaluation[]>;
}

const KIND_ORDER = new Map<string, number>(MILESTONE_KINDS.map((k, i) => [k, i]));

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

export function buildSnapshot(tables: ParsedTables): WorkspaceSnapshot {
  const po = byId(tables.purchaseOrders);
  const shipment = byId(tables.shipments);
  const lineItem = byId(tables.lineItems);

  const milestonesByPo = groupBy(tables.milestones, (m) => m.po);
  const milestoneByKind = new Map<string, Map<MilestoneKind, Milestone>>();
  for (const [poId, list] of milestonesByPo) {
    list.sort((a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0));
    const kinds = new Map<MilestoneKind, Milestone>();
    for (const m of list) if (!kinds.has(m.kind)) kinds.set(m.kind, m);
    milestoneByKind.set(poId, kinds);
  }

  const lineItemsByPo = groupBy(tables.lineItems, (l) => l.po);
  const quantityByPo = new Map<string, number>();
  for (const [poId, lines] of lineItemsByPo) quantityByPo.set(poId, lines.reduce((sum, l) => sum + (l.quantity ?? 0), 0));

  // Shipment Lines → Line Items → PO, both directions, each pair once.
  const shipmentsByPo = new Map<string, Shipment[]>();
  const posByShipment = new Map<string, PurchaseOrder[]>();
  const seenPairs = new Set<string>();
  for (const sl of tables.shipmentLines) {
    const poId = lineItem.get(sl.lineItem)?.po;
    const s = shipment.get(sl.shipment);
    const order = poId === undefined ? undefined : po.get(poId);
    if (!s || !order || seenPairs.has(`${s.id}|${order.id}`)) continue;
    seenPairs.add(`${s.id}|${order.id}`);
    (shipmentsByPo.get(order.id) ?? shipmentsByPo.set(order.id, []).get(order.id)!).push(s);
    (posByShipment.get(s.id) ?? posByShipment.set(s.id, []).get(s.id)!).push(order);
  }

  const updatesByPo = groupBy(tables.updates, (u) => u.po);
  for (const list of updatesByPo.values()) list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

  return {
    ...tables,
    person: byId(tables.people),
    client: byId(tables.clients),
    project: byId(tables.projects),
    supplier: byId(tables.suppliers),
    po,
    milestone: byId(tables.milestones),
    inspection: byId(tables.inspections),
    shipment,
    milestonesByPo,
    milestoneByKind,
    inspectionsByPo: groupBy(tables.inspections, (i) => i.po),
    reinspectionsOf: groupBy(tables.inspections, (i) => i.reinspectionOf),
    inspectionsBySupplier: groupBy(tables.inspections, (i) => i.supplier),
    lineItemsByPo,
    quantityByPo,
    shipmentsByPo,
    posByShipment,
    updatesByPo,
    documentsByShipment: groupBy(tables.documents, (d) => d.shipment),
    posBySupplier: groupBy(tables.purchaseOrders, (p) => p.supplier),
    posByProject: groupBy(tables.purchaseOrders, (p) => p.project),
    evaluationsBySupplier: groupBy(tables.supplierEvaluations, (e) => e.supplier),
  };
}

/** An empty table set, for tests and for building snapshots field by field. */
export function emptyTables(): ParsedTables {
  return {
    people: [], clients: [], projects: [], suppliers: [], supplierEvaluations: [], purchaseOrders: [], lineItems: [],
    milestones: [], inspections: [], shipments: [], shipmentLines: [], documents: [], updates: [], calendar: [], alerts: [],
  };
}

/**
 * A read-only view of the whole workspace for the checks: the parsed records of every table plus the indexes the
 * rules need (by ID, milestones per PO and kind, inspections per PO, which POs ride on which shipment, …).
 * Built once per run by a pure function, so every rule is a lookup, never a scan of another table. Sized for
 * 10,000 POs and 120,000 milestones (scripts/bench/checks.ts): one pass per index, and the indexes no rule uses
 * today are built on first access.
 */
import type { Client } from '../models/client.ts';
import type { DocumentRecord } from '../models/document.ts';
import type { Inspection } from '../models/inspection.ts';
import type { LineItem } from '../models/line-item.ts';
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import type { Person } from '../models/person.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { Shipment } from '../models/shipment.ts';
import type { SupplierEvaluation } from '../models/supplier-evaluation.ts';
import type { Supplier } from '../models/supplier.ts';
import type { Update } from '../models/update.ts';
import { MILESTONE_LIFECYCLE } from '../planning/milestone-kinds.ts';
import { byId, groupBy } from '../snapshot/index-rows.ts';
import type { CHECKED_TABLES, TableRecords } from '../models/table-sets.ts';

/** The valid records of each table the checks read (rows with problems are already left out). */
export type ParsedTables = TableRecords<typeof CHECKED_TABLES>;

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
  /** The same, as one slot per kind at `KIND_SLOT[kind]`: the lookup every rule makes, kept to one hash lookup. */
  milestoneSlots: ReadonlyMap<string, readonly (Milestone | undefined)[]>;
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

/** A milestone kind's place in the lifecycle, which is also its slot in `milestoneSlots`. */
export const KIND_SLOT = Object.fromEntries(MILESTONE_LIFECYCLE.map((k, i) => [k, i])) as Readonly<Record<MilestoneKind, number>>;

function add<T>(map: Map<string, T[]>, key: string | undefined, row: T): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

/** Stable insertion sort by lifecycle order: a PO's dozen milestones usually arrive in order already. */
function sortByKind(list: Milestone[]): void {
  const order = list.map((m) => KIND_SLOT[m.kind]);
  for (let i = 1; i < list.length; i += 1) {
    const m = list[i]!;
    const o = order[i]!;
    let j = i - 1;
    while (j >= 0 && order[j]! > o) {
      list[j + 1] = list[j]!;
      order[j + 1] = order[j]!;
      j -= 1;
    }
    list[j + 1] = m;
    order[j + 1] = o;
  }
}

function kindMaps(slots: ReadonlyMap<string, readonly (Milestone | undefined)[]>): Map<string, Map<MilestoneKind, Milestone>> {
  const out = new Map<string, Map<MilestoneKind, Milestone>>();
  for (const [poId, list] of slots) {
    const kinds = new Map<MilestoneKind, Milestone>();
    for (const m of list) if (m) kinds.set(m.kind, m);
    out.set(poId, kinds);
  }
  return out;
}

export function buildSnapshot(tables: ParsedTables): WorkspaceSnapshot {
  const po = byId(tables.purchaseOrders);
  const shipment = byId(tables.shipments);
  const lineItem = byId(tables.lineItems);

  const poKey = (id: string) => po.get(id)?.id ?? id;
  const milestonesByPo = groupBy(tables.milestones, (m) => m.po, poKey);
  const milestoneSlots = new Map<string, (Milestone | undefined)[]>();
  for (const [poId, list] of milestonesByPo) {
    sortByKind(list);
    const slots = new Array<Milestone | undefined>(MILESTONE_LIFECYCLE.length).fill(undefined);
    for (const m of list) slots[KIND_SLOT[m.kind]] ??= m;
    milestoneSlots.set(poId, slots);
  }

  const inspectionsByPo = groupBy(tables.inspections, (i) => i.po, poKey);
  const reinspectionsOf = new Map<string, Inspection[]>();
  for (const i of tables.inspections) add(reinspectionsOf, i.reinspectionOf, i);

  const quantityByPo = new Map<string, number>();
  for (const [poId, lines] of groupBy(tables.lineItems, (l) => l.po, poKey)) {
    let sum = 0;
    for (const l of lines) sum += l.quantity ?? 0;
    quantityByPo.set(poId, sum);
  }

  // Shipment Lines → Line Items → PO, both directions, each pair once (a PO has few shipments: a list scan).
  const shipmentsByPo = new Map<string, Shipment[]>();
  const posByShipment = new Map<string, PurchaseOrder[]>();
  for (const sl of tables.shipmentLines) {
    const poId = lineItem.get(sl.lineItem)?.po;
    const s = shipment.get(sl.shipment);
    const order = poId === undefined ? undefined : po.get(poId);
    if (!s || !order) continue;
    const ofPo = shipmentsByPo.get(order.id);
    if (ofPo?.includes(s)) continue;
    if (ofPo) ofPo.push(s);
    else shipmentsByPo.set(order.id, [s]);
    add(posByShipment, s.id, order);
  }

  const updatesByPo = groupBy(tables.updates, (u) => u.po, poKey);
  for (const list of updatesByPo.values()) {
    if (list.length > 1) list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  const posBySupplier = new Map<string, PurchaseOrder[]>();
  const posByProject = new Map<string, PurchaseOrder[]>();
  for (const order of tables.purchaseOrders) {
    add(posBySupplier, order.supplier, order);
    add(posByProject, order.project, order);
  }

  // Built on first use: no rule needs these today, and 150,000 entries are not free.
  let milestoneById: Map<string, Milestone> | undefined;
  let milestoneByKind: Map<string, Map<MilestoneKind, Milestone>> | undefined;
  let inspectionById: Map<string, Inspection> | undefined;
  let inspectionsBySupplier: Map<string, Inspection[]> | undefined;
  let lineItemsByPo: Map<string, LineItem[]> | undefined;
  let evaluationsBySupplier: Map<string, SupplierEvaluation[]> | undefined;
  return {
    ...tables,
    person: byId(tables.people),
    client: byId(tables.clients),
    project: byId(tables.projects),
    supplier: byId(tables.suppliers),
    po,
    get milestone() {
      return (milestoneById ??= byId(tables.milestones));
    },
    get inspection() {
      return (inspectionById ??= byId(tables.inspections));
    },
    shipment,
    milestonesByPo,
    get milestoneByKind() {
      return (milestoneByKind ??= kindMaps(milestoneSlots));
    },
    milestoneSlots,
    inspectionsByPo,
    reinspectionsOf,
    get inspectionsBySupplier() {
      return (inspectionsBySupplier ??= groupBy(tables.inspections, (i) => i.supplier));
    },
    get lineItemsByPo() {
      return (lineItemsByPo ??= groupBy(tables.lineItems, (l) => l.po, poKey));
    },
    quantityByPo,
    shipmentsByPo,
    posByShipment,
    updatesByPo,
    documentsByShipment: groupBy(tables.documents, (d) => d.shipment),
    posBySupplier,
    posByProject,
    get evaluationsBySupplier() {
      return (evaluationsBySupplier ??= groupBy(tables.supplierEvaluations, (e) => e.supplier));
    },
  };
}

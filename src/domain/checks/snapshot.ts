/**
 * A read-only view of the whole workspace for the checks: the parsed records of every table plus the indexes the
 * rules need (by ID, milestones per PO and kind: milestones-by-po.ts, inspections per PO, which POs ride on which
 * shipment, …).
 * Built once per run by a pure function, so every rule is a lookup, never a scan of another table. Sized for
 * 10,000 POs and 120,000 milestones (scripts/bench/checks.ts): one pass per index, and the indexes no rule uses
 * today are built on first access.
 */
import type { Client } from '../models/client.ts';
import type { Inspection } from '../models/inspection.ts';
import type { Milestone } from '../models/milestone.ts';
import type { Person } from '../models/person.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { Shipment } from '../models/shipment.ts';
import type { SupplierEvaluation } from '../models/supplier-evaluation.ts';
import type { Supplier } from '../models/supplier.ts';
import { byId, groupBy } from '../snapshot/index-rows.ts';
import type { CHECKED_TABLES, TableRecords } from '../models/table-sets.ts';
import { MilestonesByPo, type PoLookup, type RowsByPo } from './milestones-by-po.ts';
import { UpdatesByPo, type PoUpdates } from './updates-by-po.ts';
import { InspectionsByPo, type PackedRows } from './inspections-by-po.ts';
import { DocumentKindsByShipment } from './document-kinds.ts';

export { KIND_SLOT } from './milestones-by-po.ts';

/** The valid records of each table the checks read (rows with problems are already left out). */
export type ParsedTables = TableRecords<typeof CHECKED_TABLES>;

/**
 * What the snapshot is built from: milestones and inspections as arrays, or packed per PO (the checks job: see
 * RowsByPo, PackedRows); updates and documents as arrays, or already folded into what the rules read of them (the
 * checks job: UpdatesByPo, DocumentKindsByShipment).
 */
export type CheckTables = Omit<ParsedTables, 'milestones' | 'inspections' | 'updates' | 'documents'> & {
  documents: ParsedTables['documents'] | DocumentKindsByShipment;
  milestones: readonly Milestone[] | RowsByPo<Milestone>;
  inspections: readonly Inspection[] | PackedRows<Inspection>;
  updates: ParsedTables['updates'] | UpdatesByPo;
};

/**
 * Every table as parsed, but: milestones are looked up per PO (`milestonesByPo`), inspections walked or looked up
 * per PO, updates and documents kept only as what the rules read of them (`updatesByPo`, `documentKinds`), and Line
 * Items and Shipment Lines only feed `quantityByPo` and the shipment links, so the snapshot does not keep them
 * (~10 MB at 10,000 POs).
 */
export interface WorkspaceSnapshot extends Readonly<Omit<ParsedTables, 'milestones' | 'inspections' | 'updates' | 'documents' | 'lineItems' | 'shipmentLines'>> {
  /** Every inspection, PO by PO when they come packed (a new pass each time it is read: walk it, do not keep it). */
  readonly inspections: Iterable<Inspection>;
  person: ReadonlyMap<string, Person>;
  client: ReadonlyMap<string, Client>;
  project: ReadonlyMap<string, Project>;
  supplier: ReadonlyMap<string, Supplier>;
  po: ReadonlyMap<string, PurchaseOrder>;
  shipment: ReadonlyMap<string, Shipment>;
  /** A PO's milestones in lifecycle order (deposit first, balance last). */
  milestonesByPo: PoLookup<readonly Milestone[]>;
  /** PO → the first milestone of each kind at `KIND_SLOT[kind]`: the lookup every rule makes, kept to one hash lookup. */
  milestoneSlots: PoLookup<readonly (Milestone | undefined)[]>;
  /** Milestones come packed per PO: rules that work PO by PO run shard by shard (see `shard`). */
  readonly packedMilestones: boolean;
  /**
   * The same workspace with only these POs in `purchaseOrders` (every other table and index whole), their
   * milestones and inspections held as objects until the next call; `shard([])` lets the last shard's go.
   */
  shard(purchaseOrders: readonly PurchaseOrder[]): WorkspaceSnapshot;
  inspectionsByPo: PoLookup<readonly Inspection[]>;
  /** Failed inspection ID → the inspections that repeat it. */
  reinspectionsOf: ReadonlyMap<string, readonly Inspection[]>;
  /** Σ line-item quantities of a PO. */
  quantityByPo: ReadonlyMap<string, number>;
  /** Shipments a PO's lines travel on, through Shipment Lines → Line Items. */
  shipmentsByPo: ReadonlyMap<string, readonly Shipment[]>;
  posByShipment: ReadonlyMap<string, readonly PurchaseOrder[]>;
  /** A PO's latest update, and its latest from the supplier portal. */
  updatesByPo: PoLookup<PoUpdates>;
  /** The kinds of document each shipment has. */
  documentKinds: DocumentKindsByShipment;
  posBySupplier: ReadonlyMap<string, readonly PurchaseOrder[]>;
  posByProject: ReadonlyMap<string, readonly PurchaseOrder[]>;
  evaluationsBySupplier: ReadonlyMap<string, readonly SupplierEvaluation[]>;
}

/** POs per shard: ~6,000 milestones as objects at a time (~2 MB), and few enough shards to set each rule up. */
export const SHARD_POS = 500;

/**
 * Calls `work` with views of the snapshot that hold `shardPos` POs each (their milestones unpacked once), or once
 * with the snapshot itself when the milestones are not packed. For work that judges each PO on its own.
 */
export function forEachShard(s: WorkspaceSnapshot, work: (view: WorkspaceSnapshot) => void, shardPos = SHARD_POS): void {
  if (!s.packedMilestones) {
    work(s);
    return;
  }
  const pos = s.purchaseOrders;
  try {
    for (let start = 0; start < pos.length; start += shardPos) work(s.shard(pos.slice(start, start + shardPos)));
  } finally {
    s.shard([]);
  }
}

function add<T>(map: Map<string, T[]>, key: string | undefined, row: T): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

export function buildSnapshot(tables: CheckTables): WorkspaceSnapshot {
  const po = byId(tables.purchaseOrders);
  const shipment = byId(tables.shipments);
  const lineItem = byId(tables.lineItems);

  const poKey = (id: string) => po.get(id)?.id ?? id;
  const milestones = new MilestonesByPo(tables.milestones, poKey);

  const inspections = new InspectionsByPo(tables.inspections, poKey);
  const reinspectionsOf = new Map<string, Inspection[]>();
  for (const i of inspections.all()) add(reinspectionsOf, i.reinspectionOf, i);

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

  const updatesByPo = tables.updates instanceof UpdatesByPo ? tables.updates : UpdatesByPo.of(tables.updates);

  const posBySupplier = new Map<string, PurchaseOrder[]>();
  const posByProject = new Map<string, PurchaseOrder[]>();
  for (const order of tables.purchaseOrders) {
    add(posBySupplier, order.supplier, order);
    add(posByProject, order.project, order);
  }

  // Built on first use: no rule needs it today. The getter reads this table, not `tables`, so that the tables the
  // snapshot does not keep can go.
  const { supplierEvaluations } = tables;
  let evaluationsBySupplier: Map<string, SupplierEvaluation[]> | undefined;
  const { milestones: _packed, inspections: _inspections, updates: _updates, documents: _documents, lineItems: _lines, shipmentLines: _shipmentLines, ...rest } = tables;
  const snapshot: WorkspaceSnapshot = {
    ...rest,
    person: byId(tables.people),
    client: byId(tables.clients),
    project: byId(tables.projects),
    supplier: byId(tables.suppliers),
    po,
    get inspections() {
      return inspections.all();
    },
    shipment,
    milestonesByPo: milestones.lists,
    milestoneSlots: milestones.slots,
    packedMilestones: milestones.packed,
    shard(purchaseOrders) {
      const ids = purchaseOrders.map((order) => order.id);
      milestones.hold(ids);
      inspections.hold(ids);
      // The getters above keep working on the view: they read the closure, not `this`.
      return Object.create(snapshot, { purchaseOrders: { value: purchaseOrders, enumerable: true } }) as WorkspaceSnapshot;
    },
    inspectionsByPo: inspections.lists,
    reinspectionsOf,
    quantityByPo,
    shipmentsByPo,
    posByShipment,
    updatesByPo,
    documentKinds: tables.documents instanceof DocumentKindsByShipment ? tables.documents : DocumentKindsByShipment.of(tables.documents),
    posBySupplier,
    posByProject,
    get evaluationsBySupplier() {
      return (evaluationsBySupplier ??= groupBy(supplierEvaluations, (e) => e.supplier));
    },
  };
  return snapshot;
}

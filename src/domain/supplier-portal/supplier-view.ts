/**
 * What one factory sees in the supplier portal, built from the parsed base: only its own open POs, and of each
 * only what a factory needs (items and specs, schedule, inspections booked, what is asked of it). Record IDs stay
 * inside the view for the writes; the pages name things by PO number, milestone kind and inspection label.
 */
import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import type { Inspection, InspectionType } from '../models/inspection.ts';
import type { LineItem } from '../models/line-item.ts';
import type { Milestone, MilestoneKind, ProposalStatus } from '../models/milestone.ts';
import type { PoStatus, PurchaseOrder } from '../models/purchase-order.ts';

/** POs a factory works on: placed and not yet shipped. */
export const OPEN_PO_STATUSES: readonly PoStatus[] = ['PO placed', 'In production', 'Inspection', 'Ready to ship'];
/** Milestones the factory itself reaches, so may mark done or propose a new date for. */
export const FACTORY_MILESTONES: readonly MilestoneKind[] = ['Tooling kickoff', 'Materials ready', 'Production start', 'Production complete', 'Cargo ready'];
/** Milestones a factory has no business seeing (the client's side of the voyage). */
const HIDDEN_MILESTONES: ReadonlySet<MilestoneKind> = new Set(['ETA', 'Delivered']);
const FACTORY_INSPECTIONS: ReadonlySet<InspectionType> = new Set(['IPI', 'DUPRO', 'PSI', 'CLC']);
/** 48 hours past the planned date with no answer: overdue. */
export const OVERDUE_DAYS = 2;
export const DEFAULT_PROMPT_DAYS = 3;

export interface MilestoneView {
  id: string;
  kind: MilestoneKind;
  plannedDate?: IsoDate | undefined;
  actualDate?: IsoDate | undefined;
  proposedDate?: IsoDate | undefined;
  proposalStatus?: ProposalStatus | undefined;
  /** The factory may mark it done / propose a date. */
  factoryOwned: boolean;
}

export interface InspectionView {
  id: string;
  label: string;
  type: InspectionType;
  scheduledDate?: IsoDate | undefined;
  goodsReadyDate?: IsoDate | undefined;
  result?: string | undefined;
}

export interface LineView {
  sku: string;
  description?: string | undefined;
  descriptionZh?: string | undefined;
  quantity?: number | undefined;
  unit?: string | undefined;
  unitsPerCarton?: number | undefined;
  carton?: string | undefined;
  marks?: string | undefined;
}

export type Ask =
  | { kind: 'acknowledge' }
  | { kind: 'milestone-due'; milestone: MilestoneKind; date: IsoDate }
  | { kind: 'milestone-overdue'; milestone: MilestoneKind; date: IsoDate }
  | { kind: 'goods-ready'; inspection: string; type: InspectionType };

export interface PoView {
  id: string;
  poNumber: string;
  status: PoStatus;
  orderDate?: IsoDate | undefined;
  shipBy?: IsoDate | undefined;
  acknowledgement?: 'Confirmed' | 'Rejected' | undefined;
  acknowledgedAt?: string | undefined;
  /** Fraction 0–1. */
  progress?: number | undefined;
  packaging?: string | undefined;
  inspectionProtocol?: string | undefined;
  lines: LineView[];
  milestones: MilestoneView[];
  inspections: InspectionView[];
  asks: Ask[];
}

export interface SupplierViewInput {
  supplierId: string;
  today: IsoDate;
  promptDays: number;
  purchaseOrders: readonly PurchaseOrder[];
  lineItems: readonly LineItem[];
  milestones: readonly Milestone[];
  inspections: readonly Inspection[];
}

function groupByPo<T extends { po?: string | undefined }>(rows: readonly T[], pos: ReadonlySet<string>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    if (!row.po || !pos.has(row.po)) continue;
    const list = out.get(row.po) ?? [];
    list.push(row);
    out.set(row.po, list);
  }
  return out;
}

const KIND_ORDER = new Map<string, number>();
['Deposit paid', 'Tooling kickoff', 'Sample approval', 'Materials ready', 'IPI', 'Production start', 'DUPRO', 'Production complete', 'PSI', 'Cargo ready', 'Booking', 'Container loading', 'ETD', 'Balance paid'].forEach((k, i) => KIND_ORDER.set(k, i));

/** The supplier's open POs, oldest ship-by first. A PO belongs to a supplier only through its Supplier link. */
export function supplierPos(input: SupplierViewInput): PoView[] {
  const own = input.purchaseOrders.filter((po) => po.supplier === input.supplierId && OPEN_PO_STATUSES.includes(po.status));
  const ids = new Set(own.map((po) => po.id));
  const lines = groupByPo(input.lineItems, ids);
  const milestones = groupByPo(input.milestones, ids);
  const inspections = groupByPo(input.inspections, ids);
  return own
    .map((po) => poView(po, lines.get(po.id) ?? [], milestones.get(po.id) ?? [], inspections.get(po.id) ?? [], input))
    .sort((a, b) => (a.shipBy ?? '9999').localeCompare(b.shipBy ?? '9999') || a.poNumber.localeCompare(b.poNumber));
}

function poView(po: PurchaseOrder, lines: LineItem[], milestones: Milestone[], inspections: Inspection[], input: SupplierViewInput): PoView {
  const ms: MilestoneView[] = milestones
    .filter((m) => !HIDDEN_MILESTONES.has(m.kind))
    .sort((a, b) => (KIND_ORDER.get(a.kind) ?? 99) - (KIND_ORDER.get(b.kind) ?? 99))
    .map((m) => ({
      id: m.id,
      kind: m.kind,
      plannedDate: m.plannedDate,
      actualDate: m.actualDate,
      proposedDate: m.proposedDate,
      proposalStatus: m.proposalStatus,
      factoryOwned: FACTORY_MILESTONES.includes(m.kind),
    }));
  const ins: InspectionView[] = inspections
    .filter((i) => FACTORY_INSPECTIONS.has(i.type))
    .map((i) => ({ id: i.id, label: i.inspection, type: i.type, scheduledDate: i.scheduledDate, goodsReadyDate: i.goodsReadyDate, result: i.result }));
  const view: PoView = {
    id: po.id,
    poNumber: po.poNumber,
    status: po.status,
    orderDate: po.orderDate,
    shipBy: po.shipBy,
    acknowledgement: po.supplierAcknowledgement,
    acknowledgedAt: po.supplierAcknowledgedAt,
    progress: po.productionProgress,
    packaging: po.packagingInstructions,
    inspectionProtocol: po.inspectionProtocol,
    lines: lines.map((l) => ({
      sku: l.sku,
      description: l.description,
      descriptionZh: l.descriptionZh,
      quantity: l.quantity,
      unit: l.unit,
      unitsPerCarton: l.unitsPerCarton,
      carton: l.cartonLengthCm && l.cartonWidthCm && l.cartonHeightCm ? `${l.cartonLengthCm} × ${l.cartonWidthCm} × ${l.cartonHeightCm} cm` : undefined,
      marks: l.marks,
    })),
    milestones: ms,
    inspections: ins,
    asks: [],
  };
  view.asks = asksOf(view, input.today, input.promptDays);
  return view;
}

/** What the factory is asked to do on this PO today. */
export function asksOf(po: PoView, today: IsoDate, promptDays: number): Ask[] {
  const asks: Ask[] = [];
  if (po.status === 'PO placed' && !po.acknowledgement) asks.push({ kind: 'acknowledge' });
  for (const m of po.milestones) {
    if (!m.factoryOwned || m.actualDate || !m.plannedDate || m.proposalStatus === 'Proposed') continue;
    if (addDays(m.plannedDate, OVERDUE_DAYS) <= today) asks.push({ kind: 'milestone-overdue', milestone: m.kind, date: m.plannedDate });
    else if (m.plannedDate <= addDays(today, promptDays)) asks.push({ kind: 'milestone-due', milestone: m.kind, date: m.plannedDate });
  }
  for (const i of po.inspections) {
    if (i.goodsReadyDate || (i.result && i.result !== 'Pending')) continue;
    asks.push({ kind: 'goods-ready', inspection: i.label, type: i.type });
  }
  return asks;
}

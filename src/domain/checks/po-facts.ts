/**
 * Facts about one PO that several rules share: where it is in its lifecycle, its milestone dates, its buffer,
 * whether a PSI passed, and who should act. Pure lookups on the snapshot.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Inspection, InspectionType } from '../models/inspection.ts';
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import type { Project } from '../models/project.ts';
import { PO_STATUSES, type PoStatus, type PurchaseOrder } from '../models/purchase-order.ts';
import { DEFAULT_BUFFER } from '../models/project.ts';
import { plusDays } from './day-math.ts';
import type { CheckSettings } from './settings.ts';
import { KIND_SLOT, type WorkspaceSnapshot } from './snapshot.ts';

/** A plain object, not a Map: every rule asks this of every PO, and a property lookup is the cheaper one. */
const STAGE = Object.fromEntries(PO_STATUSES.map((s, i) => [s, i])) as Readonly<Record<PoStatus, number>>;

/** Is the PO (not cancelled) between two statuses of the kanban, both included? */
export function statusBetween(po: PurchaseOrder, from: PoStatus, to: PoStatus): boolean {
  if (po.status === 'Cancelled') return false;
  const at = STAGE[po.status];
  return at >= STAGE[from] && at <= STAGE[to];
}

/** Neither closed nor cancelled: the agency still works on it. */
export function isOpen(po: PurchaseOrder): boolean {
  return po.status !== 'Closed' && po.status !== 'Cancelled';
}

export const isDone = (m: Milestone): boolean => m.actualDate !== undefined;

/** The date the milestone is expected on: actual, else planned, else baseline. */
export function expectedDate(m: Milestone | undefined): IsoDate | undefined {
  return m === undefined ? undefined : (m.actualDate ?? m.plannedDate ?? m.baselineDate);
}

/** The date a not-done milestone is due: planned, else baseline. */
export function dueDate(m: Milestone): IsoDate | undefined {
  return m.plannedDate ?? m.baselineDate;
}

export function milestoneOf(s: WorkspaceSnapshot, poId: string, kind: MilestoneKind): Milestone | undefined {
  return s.milestoneSlots.get(poId)?.[KIND_SLOT[kind]];
}

export function projectOf(s: WorkspaceSnapshot, po: PurchaseOrder): Project | undefined {
  return s.project.get(po.project);
}

export function supplierName(s: WorkspaceSnapshot, supplierId: string | undefined): string {
  return (supplierId === undefined ? undefined : s.supplier.get(supplierId)?.name) ?? 'the supplier';
}

/** Schedule buffer in calendar days: Buffer % of the lead time (PO's, else the project's target). */
export function bufferDays(s: WorkspaceSnapshot, po: PurchaseOrder): number | undefined {
  const project = projectOf(s, po);
  const lead = po.leadTimeDays ?? project?.targetLeadTimeDays;
  if (lead === undefined) return undefined;
  return Math.round(lead * (project?.buffer ?? DEFAULT_BUFFER));
}

export interface DatedFrom {
  date: IsoDate;
  /** Where the date came from, for the message. */
  source: string;
}

/** Cargo ready: its milestone, else ETD (milestone, else ship-by) minus the loading time. */
export function cargoReadyDate(s: WorkspaceSnapshot, po: PurchaseOrder, settings: CheckSettings): DatedFrom | undefined {
  const cargo = expectedDate(milestoneOf(s, po.id, 'Cargo ready'));
  if (cargo) return { date: cargo, source: 'cargo ready' };
  const etd = expectedDate(milestoneOf(s, po.id, 'ETD'));
  if (etd) return { date: plusDays(etd, -settings.cargoReadyBeforeEtdDays), source: `ETD ${etd} less loading` };
  if (po.shipBy) return { date: plusDays(po.shipBy, -settings.cargoReadyBeforeEtdDays), source: `ship-by ${po.shipBy} less loading` };
  return undefined;
}

/** ETD: its milestone, else the ship-by date. */
export function etdDate(s: WorkspaceSnapshot, po: PurchaseOrder): IsoDate | undefined {
  return expectedDate(milestoneOf(s, po.id, 'ETD')) ?? po.shipBy;
}

/** Production start → complete (actual, else planned dates); undefined without both. */
export function productionWindow(s: WorkspaceSnapshot, poId: string): { start: IsoDate; end: IsoDate; complete?: Milestone } | undefined {
  const start = expectedDate(milestoneOf(s, poId, 'Production start'));
  const complete = milestoneOf(s, poId, 'Production complete');
  const end = expectedDate(complete);
  if (!start || !end || end < start) return undefined;
  return { start, end, ...(complete ? { complete } : {}) };
}

export function isPassed(i: Inspection, settings: CheckSettings): boolean {
  return i.result === 'Pass' || (settings.conditionalPassCounts && i.result === 'Conditional pass');
}

/** Has the inspection been done (a result other than Pending, or an inspection date on or before today)? */
export function isPerformed(i: Inspection, today: IsoDate): boolean {
  return (i.result !== undefined && i.result !== 'Pending') || (i.inspectionDate !== undefined && i.inspectionDate <= today);
}

export function inspectionsOfType(s: WorkspaceSnapshot, poId: string, type: InspectionType): readonly Inspection[] {
  return (s.inspectionsByPo.get(poId) ?? []).filter((i) => i.type === type);
}

export function passedPsi(s: WorkspaceSnapshot, poId: string, settings: CheckSettings): Inspection | undefined {
  // A loop, not inspectionsOfType(…).find: asked of most POs by three rules, so no list is built.
  for (const i of s.inspectionsByPo.get(poId) ?? []) if (i.type === 'PSI' && isPassed(i, settings)) return i;
  return undefined;
}

/** The first candidate that is a known, active person: who an alert goes to. */
export function ownerOf(s: WorkspaceSnapshot, ...candidates: (string | undefined)[]): string | undefined {
  for (const id of candidates) {
    if (id === undefined) continue;
    const person = s.person.get(id);
    if (person?.active) return id;
  }
  return undefined;
}

/** The project's agent (sourcing owner of the PO). */
export function agentOf(s: WorkspaceSnapshot, po: PurchaseOrder): string | undefined {
  return projectOf(s, po)?.agent;
}

/** Owner of a PO topic: the owner of the milestone of that kind, else the project's agent. */
export function poOwner(s: WorkspaceSnapshot, po: PurchaseOrder, ...kinds: MilestoneKind[]): string | undefined {
  return ownerOf(s, ...kinds.map((k) => milestoneOf(s, po.id, k)?.owner), agentOf(s, po));
}

/** The links every PO finding carries. */
export function poLinks(po: PurchaseOrder): { po: string; project: string; supplier: string } {
  return { po: po.id, project: po.project, supplier: po.supplier };
}

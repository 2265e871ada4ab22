/**
 * What each milestone waits for, and which of those cannot be done in time. Shared by the milestone-at-risk rule
 * and the Milestones "Status" write-back so both say the same thing.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import { dueDate, isDone, milestoneOf } from './po-facts.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

/** Only predecessors the PO actually has are checked. */
const PREDECESSORS: Partial<Record<MilestoneKind, MilestoneKind[]>> = {
  'Tooling kickoff': ['Deposit paid'],
  'Sample approval': ['Tooling kickoff'],
  'Materials ready': ['Sample approval'],
  IPI: ['Materials ready'],
  'Production start': ['Sample approval', 'Materials ready', 'IPI'],
  DUPRO: ['Production start'],
  'Production complete': ['Production start'],
  PSI: ['Production complete'],
  'Cargo ready': ['PSI'],
  'Container loading': ['Booking', 'Cargo ready'],
  ETD: ['Booking', 'Container loading'],
  ETA: ['ETD'],
  Delivered: ['ETA'],
};

export function predecessorKinds(po: PurchaseOrder, kind: MilestoneKind): MilestoneKind[] {
  const kinds = [...(PREDECESSORS[kind] ?? [])];
  // The balance waits for what the payment term ties it to.
  if (kind === 'Balance paid') kinds.push(po.balanceDue === 'Against B/L copy' ? 'ETD' : 'PSI');
  return kinds;
}

/**
 * Predecessors of a not-done milestone that are not done and cannot be in time: overdue, undated, or planned
 * after the milestone itself. A predecessor simply due a little earlier is the normal course of things.
 */
export function blockingPredecessors(s: WorkspaceSnapshot, po: PurchaseOrder, m: Milestone, today: IsoDate): Milestone[] {
  const due = dueDate(m);
  if (due === undefined) return [];
  const out: Milestone[] = [];
  for (const kind of predecessorKinds(po, m.kind)) {
    const p = milestoneOf(s, po.id, kind);
    if (!p || isDone(p) || p.id === m.id) continue;
    const pDue = dueDate(p);
    if (pDue === undefined || pDue < today || pDue > due) out.push(p);
  }
  return out;
}

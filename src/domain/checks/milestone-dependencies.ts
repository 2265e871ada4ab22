/**
 * What each milestone waits for, read from the PO's schedule network (planning/schedule-network.ts): the same
 * precedence the planner plans with, so a check never calls "blocking" what the plan calls normal.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import { predecessorsOf } from '../planning/schedule-network.ts';
import { scheduleOf } from './po-schedules.ts';
import { isDone, milestoneOf } from './po-facts.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

export function predecessorKinds(s: WorkspaceSnapshot, po: PurchaseOrder, kind: MilestoneKind, today: IsoDate): MilestoneKind[] {
  const schedule = scheduleOf(s, po, today);
  if (!schedule) return [];
  return predecessorsOf(schedule.network, kind).filter((id): id is MilestoneKind => !id.startsWith('Air '));
}

/**
 * Predecessors of a milestone that are not done and hold it back: their own forecast is later than their date
 * (they are pushed or late themselves), or it does not leave room before the milestone.
 */
export function blockingPredecessors(s: WorkspaceSnapshot, po: PurchaseOrder, m: Milestone, today: IsoDate): Milestone[] {
  const schedule = scheduleOf(s, po, today);
  const node = schedule?.passes.byId.get(m.kind);
  if (!schedule || !node?.date || !node.forecast || node.forecast <= node.date) return [];
  const out: Milestone[] = [];
  for (const kind of predecessorKinds(s, po, m.kind, today)) {
    const p = milestoneOf(s, po.id, kind);
    const r = schedule.passes.byId.get(kind);
    if (!p || isDone(p) || !r?.date || !r.forecast) continue;
    if (r.forecast > r.date || r.forecast >= node.date || r.status === 'Late') out.push(p);
  }
  return out;
}

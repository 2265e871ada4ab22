/**
 * The schedule of each PO for the checks, computed once per snapshot and day (several rules and the Status
 * write-back ask for it) with the same function the planner and the Gantt use.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Milestone } from '../models/milestone.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { ScheduleStatus } from '../planning/network-passes.ts';
import { poSchedule, type PoSchedule } from '../planning/po-schedule.ts';
import { milestoneStatusOf } from '../planning/schedule-status.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

const cache = new WeakMap<WorkspaceSnapshot, { today: IsoDate; byPo: Map<string, PoSchedule | undefined> }>();

export function scheduleOf(s: WorkspaceSnapshot, po: PurchaseOrder, today: IsoDate): PoSchedule | undefined {
  let entry = cache.get(s);
  if (!entry || entry.today !== today) {
    entry = { today, byPo: new Map() };
    cache.set(s, entry);
  }
  if (entry.byPo.has(po.id)) return entry.byPo.get(po.id);
  let schedule: PoSchedule | undefined;
  try {
    const result = poSchedule({ po, project: s.project.get(po.project), milestones: s.milestonesByPo.get(po.id) ?? [], calendar: s.calendar, today });
    schedule = result.ok ? result.schedule : undefined;
  } catch {
    // A PO the planner cannot plan (its report names why) is checked on its own dates.
    schedule = undefined;
  }
  entry.byPo.set(po.id, schedule);
  return schedule;
}

export function scheduleStatus(s: WorkspaceSnapshot, po: PurchaseOrder, m: Milestone, today: IsoDate): ScheduleStatus | undefined {
  return milestoneStatusOf(scheduleOf(s, po, today), m, today);
}

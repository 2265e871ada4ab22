/**
 * The Milestones "Status" system field: the schedule network's status (planning/schedule-status.ts), the same word
 * the Gantt draws and the client portal shows: Done, Late, At risk, On track (none for a row without any date).
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Milestone } from '../models/milestone.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { ScheduleStatus } from '../planning/network-passes.ts';
import { scheduleStatus } from './po-schedules.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

export type MilestoneStatus = ScheduleStatus;

export function milestoneStatus(s: WorkspaceSnapshot, po: PurchaseOrder, m: Milestone, today: IsoDate): MilestoneStatus | undefined {
  return scheduleStatus(s, po, m, today);
}

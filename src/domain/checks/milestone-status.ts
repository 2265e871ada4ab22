/**
 * The Milestones "Status" system field: Done (actual date), Late (due date passed), At risk (due soon with a
 * blocking predecessor), On track (due within the look-ahead), Planned (later, or undated).
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Milestone } from '../models/milestone.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import { horizon } from './day-math.ts';
import { blockingPredecessors } from './milestone-dependencies.ts';
import { dueDate, isDone } from './po-facts.ts';
import type { CheckSettings } from './settings.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

export type MilestoneStatus = NonNullable<Milestone['status']>;

export function milestoneStatus(s: WorkspaceSnapshot, po: PurchaseOrder, m: Milestone, today: IsoDate, settings: CheckSettings): MilestoneStatus {
  if (isDone(m)) return 'Done';
  const due = dueDate(m);
  if (due === undefined) return 'Planned';
  if (due < today) return 'Late';
  if (due > horizon(today, settings.atRiskWithinDays)) return 'Planned';
  return blockingPredecessors(s, po, m, today).length > 0 ? 'At risk' : 'On track';
}

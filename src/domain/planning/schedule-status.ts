/**
 * The status of one Milestones row, from the PO's schedule (po-schedule.ts) when it has one, else from the row's
 * own dates. The checks write it to "Status"; the Gantt draws it; the client portal shows what the checks wrote.
 * Words: Done (actual date) · Late (its date passed, not done) · At risk (it cannot happen on its date, conflicts
 * with an entered date, or uses the buffer) · On track. A row with no date at all has no status.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Milestone } from '../models/milestone.ts';
import type { ScheduleStatus } from './network-passes.ts';
import type { PoSchedule } from './po-schedule.ts';

export function milestoneStatusOf(schedule: PoSchedule | undefined, m: Milestone, today: IsoDate): ScheduleStatus | undefined {
  const node = schedule && isScheduledRow(schedule, m) ? schedule.passes.byId.get(m.kind) : undefined;
  if (node) return node.status;
  if (m.actualDate) return 'Done';
  const due = m.plannedDate ?? m.baselineDate;
  if (due === undefined) return undefined;
  return due < today ? 'Late' : 'On track';
}

/** The row the schedule reads for its kind (the first one; a second row of a kind is the planner's problem report). */
function isScheduledRow(schedule: PoSchedule, m: Milestone): boolean {
  return schedule.rowIds.get(m.kind) === m.id;
}

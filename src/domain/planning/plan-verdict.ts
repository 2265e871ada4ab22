/**
 * The planner's verdict on one PO, as stored in the PO's "Plan verdict" field and printed by `sourcing plan`:
 * whether the ship-by / delivery date holds, how much of the buffer the forecast uses, the conflicts between
 * entered dates, and, when the date is missed, the recovery options with their dates. Plain words, names not IDs.
 */
import { displayDay } from './display-day.ts';
import type { Conflict } from './network-passes.ts';
import type { PoSchedule } from './po-schedule.ts';
import { recoveryOptions, type RecoveryOption } from './recovery-options.ts';

export type VerdictState = 'On time' | 'Uses buffer' | 'Target missed' | 'No target';

export interface PlanVerdict {
  state: VerdictState;
  /** One line: "Target missed: ETD forecast 1 Mar 2027, 25 days after the ship-by date 4 Feb 2027". */
  headline: string;
  options: RecoveryOption[];
  conflicts: Conflict[];
  /** The text stored on the PO. */
  text: string;
}

export function planVerdict(schedule: PoSchedule, poNumber: string, hasStandbySupplier: boolean): PlanVerdict {
  const t = schedule.passes.target;
  const conflicts = schedule.passes.conflicts;
  const targetName = schedule.target?.kind === 'delivery' ? 'target delivery date' : 'ship-by date';
  const what = schedule.target?.node === 'Delivered' ? 'delivery' : 'ETD';
  let state: VerdictState;
  let headline: string;
  if (!t) {
    state = 'No target';
    headline = `No target: ${poNumber} has no ship-by date and its project no target delivery date`;
  } else if (t.daysLate > 0) {
    state = 'Target missed';
    headline = `Target missed: ${what} forecast ${displayDay(t.forecast)}, ${t.daysLate} day${t.daysLate === 1 ? '' : 's'} after the ${targetName} ${displayDay(t.date)}`;
  } else if (t.bufferUsed > 0) {
    state = 'Uses buffer';
    headline = `On time using ${t.bufferUsed} of ${t.bufferDays} buffer days: ${what} forecast ${displayDay(t.forecast)}, ${targetName} ${displayDay(t.date)}`;
  } else {
    state = 'On time';
    headline = `On time with the ${t.bufferDays}-day buffer intact: ${what} forecast ${displayDay(t.forecast)}, ${targetName} ${displayDay(t.date)}`;
  }
  const options = state === 'Target missed' ? recoveryOptions(schedule, hasStandbySupplier) : [];
  const lines = [headline];
  if (conflicts.length > 0) lines.push(`Conflicts between entered dates: ${conflicts.map((c) => `${c.milestone} vs ${c.predecessor}`).join('; ')} (see Alerts)`);
  if (options.length > 0) {
    lines.push(`Options (planned ${displayDay(schedule.today)}):`);
    for (const o of options) lines.push(`- ${optionLine(o, what)}`);
  }
  return { state, headline, options, conflicts, text: lines.join('\n') };
}

export function optionLine(o: RecoveryOption, what: string): string {
  const result = o.meetsTarget ? 'meets the date' : `${o.daysLate} day${o.daysLate === 1 ? '' : 's'} late`;
  return `${o.title}: ${what} ${displayDay(o.arrival)}, ${result}${o.available ? '' : ' (not available: ' + (o.note ?? 'precondition missing') + ')'}`;
}

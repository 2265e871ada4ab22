/**
 * The words of a schedule conflict, shared by the plan report and the checks' alert: both milestones by kind and
 * PO number (never record IDs), the dates, and what to fix.
 */
import { displayDay } from './display-day.ts';
import type { Conflict } from './network-passes.ts';

export function conflictMessage(poNumber: string, c: Conflict): string {
  const anchor = c.anchor.id === c.predecessor ? '' : ` (it follows ${c.anchor.id} ${c.anchor.source === 'plan' ? 'planned from today' : `on ${displayDay(c.anchor.date)}`})`;
  if (c.done) {
    return (
      `${poNumber}: ${c.milestone} is done on ${displayDay(c.date)}, but ${c.predecessor}${anchor} would put it no earlier than ` +
      `${displayDay(c.earliest)}. Please enter ${c.predecessor}'s actual date if it happened, or correct ${c.milestone}'s actual date.`
    );
  }
  return (
    `${poNumber}: ${c.milestone} is planned for ${displayDay(c.date)} (entered by a person), but ${c.predecessor}${anchor} allows it ` +
    `no earlier than ${displayDay(c.earliest)}. The plan keeps the entered date and plans around it. Please move ${c.milestone} to ` +
    `${displayDay(c.earliest)} or later, or confirm an earlier ${c.predecessor} with the factory and enter it.`
  );
}

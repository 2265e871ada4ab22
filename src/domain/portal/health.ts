/**
 * Schedule health as a client sees it, in the schedule network's words (planning/schedule-status.ts): done when it
 * has an actual date, late when its date has passed, at risk when the checks wrote "At risk" (the network cannot
 * make its date, or it uses the buffer), else on track. The portal does not re-plan: the Status the checks wrote
 * from the same network is the verdict, and only "its date has passed" is re-read from today. A project is as
 * healthy as its worst milestone, and at risk when its latest ETA falls after the target delivery date.
 */
import { MILESTONE_KINDS } from '../models/milestone.ts';
import type { Health } from './portal-layout.ts';
import type { PortalMilestone } from './portal-models.ts';

export type MilestoneState = 'done' | 'late' | 'at-risk' | 'on-track' | 'unplanned';

/** When the milestone is expected: its planned date, or the baseline when nothing was re-planned. */
export function dueDate(m: PortalMilestone): string | undefined {
  return m.plannedDate ?? m.baselineDate;
}

export function milestoneState(m: PortalMilestone, today: string): MilestoneState {
  if (m.actualDate || m.status === 'Done') return 'done';
  const due = dueDate(m);
  if (due !== undefined && due < today) return 'late';
  if (m.status === 'At risk') return 'at-risk';
  return due === undefined ? 'unplanned' : 'on-track';
}

const RANK: Record<Health, number> = { 'On track': 0, 'At risk': 1, Late: 2 };
const worst = (a: Health, b: Health): Health => (RANK[b] > RANK[a] ? b : a);

export interface HealthTarget {
  targetDelivery?: string;
  latestEta?: string;
}

export function scheduleHealth(milestones: readonly PortalMilestone[], today: string, target: HealthTarget = {}): Health {
  let health: Health = 'On track';
  for (const m of milestones) {
    const state = milestoneState(m, today);
    if (state === 'late') health = worst(health, 'Late');
    else if (state === 'at-risk') health = worst(health, 'At risk');
  }
  if (target.targetDelivery && target.latestEta && target.latestEta > target.targetDelivery) health = worst(health, 'At risk');
  return health;
}

const kindOrder = (kind: string) => MILESTONE_KINDS.indexOf(kind as (typeof MILESTONE_KINDS)[number]);

/** The earliest milestone still to come (not done, with a date); ties go to the earlier step of the process. */
export function nextMilestone(milestones: readonly PortalMilestone[]): PortalMilestone | undefined {
  let best: PortalMilestone | undefined;
  for (const m of milestones) {
    if (m.actualDate || m.status === 'Done') continue;
    const due = dueDate(m);
    if (due === undefined) continue;
    const bestDue = best ? dueDate(best) : undefined;
    if (!best || bestDue === undefined || due < bestDue || (due === bestDue && kindOrder(m.kind) < kindOrder(best.kind))) best = m;
  }
  return best;
}

/** A PO's ETA: its ETA milestone's actual date, else planned, else baseline (the latest one for split shipments). */
export function etaOf(milestones: readonly PortalMilestone[]): string | undefined {
  let eta: string | undefined;
  for (const m of milestones) {
    if (m.kind !== 'ETA') continue;
    const date = m.actualDate ?? m.plannedDate ?? m.baselineDate;
    if (date && (eta === undefined || date > eta)) eta = date;
  }
  return eta;
}

/** Milestones in schedule order: by baseline (else planned, else actual) date, then process step. */
export function inScheduleOrder(milestones: readonly PortalMilestone[]): PortalMilestone[] {
  const key = (m: PortalMilestone) => m.baselineDate ?? m.plannedDate ?? m.actualDate ?? '9999-12-31';
  return [...milestones].sort((a, b) => key(a).localeCompare(key(b)) || kindOrder(a.kind) - kindOrder(b.kind) || a.id.localeCompare(b.id));
}

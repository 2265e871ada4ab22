/**
 * What a factory's proposed date does to the ship date: the proposal moves its milestone, and every later milestone
 * not done yet keeps its gap to the one before (a slip is passed on in full; an earlier date moves nothing later).
 * The projected ship date is the ETD (else container loading, else cargo ready) compared with the PO's ship-by.
 *
 * Isolated on purpose: the schedule engine (issue 9) is being rewritten; when it lands, this function is the one
 * place to switch to it.
 */
import { addDays, daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import { MILESTONE_KINDS, type MilestoneKind } from '../models/milestone.ts';

export interface ScheduleMilestone {
  kind: MilestoneKind;
  plannedDate?: IsoDate | undefined;
  actualDate?: IsoDate | undefined;
}

export interface ShipByEffect {
  /** Projected ship date before and after the proposal (undefined when the PO has no ship milestone dates). */
  shipBefore?: IsoDate | undefined;
  shipAfter?: IsoDate | undefined;
  shipBy?: IsoDate | undefined;
  /** Days the ship date moves later (0 when it does not). */
  slipDays: number;
  /** True when the projected ship date stays on or before ship-by (or there is nothing to compare). */
  keepsShipBy: boolean;
}

/** Milestones on the way to the ship date, in order; payments and arrival do not hold the ship date. */
const CHAIN: readonly MilestoneKind[] = MILESTONE_KINDS.filter((k) => !['Deposit paid', 'Balance paid', 'ETA', 'Delivered'].includes(k));
const SHIP_KINDS: readonly MilestoneKind[] = ['ETD', 'Container loading', 'Cargo ready'];

function projectedShip(dates: Map<MilestoneKind, IsoDate>): IsoDate | undefined {
  for (const kind of SHIP_KINDS) {
    const date = dates.get(kind);
    if (date) return date;
  }
  return undefined;
}

export function shipByEffect(milestones: readonly ScheduleMilestone[], change: { kind: MilestoneKind; date: IsoDate }, shipBy: IsoDate | undefined): ShipByEffect {
  const byKind = new Map(milestones.map((m) => [m.kind, m]));
  const before = new Map<MilestoneKind, IsoDate>();
  for (const m of milestones) {
    const date = m.actualDate ?? m.plannedDate;
    if (date) before.set(m.kind, date);
  }
  const after = new Map(before);
  after.set(change.kind, change.date);
  const start = CHAIN.indexOf(change.kind);
  if (start >= 0) {
    let previousOld = before.get(change.kind);
    let previousNew: IsoDate = change.date;
    for (const kind of CHAIN.slice(start + 1)) {
      const m = byKind.get(kind);
      const old = before.get(kind);
      if (!m || !old) continue;
      if (m.actualDate) break; // a later step already happened: nothing after it moves
      const gap = previousOld ? Math.max(0, daysBetween(previousOld, old)) : 0;
      const moved = addDays(previousNew, gap);
      const next = moved > old ? moved : old;
      after.set(kind, next);
      previousOld = old;
      previousNew = next;
    }
  }
  const shipBefore = projectedShip(before);
  const shipAfter = projectedShip(after);
  const slipDays = shipBefore && shipAfter ? Math.max(0, daysBetween(shipBefore, shipAfter)) : 0;
  const keepsShipBy = !shipBy || !shipAfter || shipAfter <= shipBy;
  return { shipBefore, shipAfter, shipBy, slipDays, keepsShipBy };
}

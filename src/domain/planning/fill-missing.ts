/**
 * Merges computed dates into what the agent entered. An entered date is a commitment or a fact and is never
 * overwritten; only empty milestones take the computed date.
 */
import { MILESTONE_LIFECYCLE, type MilestoneDates, type MilestoneKind } from './milestone-kinds.ts';

export type EnteredDates = Partial<Record<MilestoneKind, string | null | undefined>>;

export interface FilledDates {
  dates: MilestoneDates;
  /** Kinds that took the computed date. */
  filled: MilestoneKind[];
  /** Kinds whose entered date differs from the computed one (kept as entered). */
  kept: MilestoneKind[];
}

export function fillMissing(existing: EnteredDates, computed: MilestoneDates): FilledDates {
  const dates: MilestoneDates = {};
  const filled: MilestoneKind[] = [];
  const kept: MilestoneKind[] = [];
  for (const kind of MILESTONE_LIFECYCLE) {
    const entered = existing[kind];
    const proposal = computed[kind];
    if (entered) {
      dates[kind] = entered;
      if (proposal && proposal !== entered) kept.push(kind);
    } else if (proposal) {
      dates[kind] = proposal;
      filled.push(kind);
    }
  }
  return { dates, filled, kept };
}

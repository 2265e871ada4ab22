/**
 * Gantt bars of a milestone schedule. Milestones are dates, so each bar runs finish-to-start: from the previous
 * step of the production chain to the milestone itself (Production start → Production complete is the
 * production run, ETD → ETA the transit). Payments, inspections and the booking are events beside the chain and
 * are drawn as points. Each series (baseline, planned, actual) is chained on its own dates.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { MilestoneKind } from '../models/milestone.ts';

/** The finish-to-start chain, in order; every other kind is a point event. */
export const CHAIN_KINDS: readonly MilestoneKind[] = [
  'Tooling kickoff',
  'Sample approval',
  'Materials ready',
  'Production start',
  'Production complete',
  'Cargo ready',
  'Container loading',
  'ETD',
  'ETA',
  'Delivered',
];

export interface Span {
  start: IsoDate;
  end: IsoDate;
}

export interface SeriesDates {
  kind: MilestoneKind;
  date?: IsoDate | undefined;
}

/**
 * Spans of one series: a chain milestone starts where the latest earlier chain milestone of the same series
 * ended (or at `origin`, the order date, for the first); a point, or a chain step whose predecessor lies after
 * it (data out of order), is a zero-length span.
 */
export function seriesSpans(items: readonly SeriesDates[], origin: IsoDate | undefined): (Span | undefined)[] {
  let previous = origin;
  return items.map((item) => {
    if (item.date === undefined) return undefined;
    if (!CHAIN_KINDS.includes(item.kind)) return { start: item.date, end: item.date };
    const start = previous !== undefined && previous <= item.date ? previous : item.date;
    previous = item.date;
    return { start, end: item.date };
  });
}

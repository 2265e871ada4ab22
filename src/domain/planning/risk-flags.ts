/**
 * Where a plan meets the risk calendar: production inside the CNY shutdown, shipping over Golden Week or in a
 * freight peak, delivery landing in the client's own peak. Each flag names the window so the agent can see why.
 */
import { daysBetween, overlapDays, type IsoDate } from '../calendar/iso-date.ts';
import type { CalendarKind, RiskWindow } from '../calendar/risk-windows.ts';
import type { MilestoneDates, MilestoneKind } from './milestone-kinds.ts';

/** The Severity choices of the Alerts table. */
export type FlagSeverity = 'Info' | 'Warning' | 'Critical';

export interface PlanFlag {
  code: string;
  severity: FlagSeverity;
  message: string;
  milestones: MilestoneKind[];
  window?: Pick<RiskWindow, 'key' | 'name' | 'kind' | 'start' | 'end' | 'estimated'>;
  overlapDays?: number;
}

interface SpanRule {
  code: string;
  severity: FlagSeverity | ((w: RiskWindow) => FlagSeverity);
  from: MilestoneKind;
  to: MilestoneKind;
  kinds: CalendarKind[];
  what: string;
}

const GOLDEN_WEEK_MIN_DAYS = 5;

const SPAN_RULES: SpanRule[] = [
  { code: 'preproduction-in-cny-shutdown', severity: 'Info', from: 'Tooling kickoff', to: 'Production start', kinds: ['Factory closure'], what: 'Sampling and materials' },
  { code: 'production-in-cny-shutdown', severity: 'Warning', from: 'Production start', to: 'Production complete', kinds: ['Factory closure'], what: 'Production' },
  // The plan already skips holiday days; the flag explains why production takes longer.
  { code: 'production-over-cn-holiday', severity: 'Info', from: 'Production start', to: 'Production complete', kinds: ['Public holiday CN'], what: 'Production' },
  // Trucking, customs and terminals slow down over the long "golden weeks" (Spring Festival, Labour Day, National Day).
  { code: 'shipping-over-cn-holiday', severity: (w) => (daysBetween(w.start, w.end) + 1 >= GOLDEN_WEEK_MIN_DAYS ? 'Warning' : 'Info'), from: 'Cargo ready', to: 'ETD', kinds: ['Public holiday CN'], what: 'Cargo ready to sailing' },
  { code: 'shipping-in-blackout', severity: 'Warning', from: 'Booking', to: 'ETD', kinds: ['Shipping blackout'], what: 'Booking to sailing' },
  { code: 'factory-maintenance', severity: 'Warning', from: 'Production start', to: 'Cargo ready', kinds: ['Maintenance'], what: 'Production and packing' },
];

export function riskFlags(dates: MilestoneDates, windows: readonly RiskWindow[]): PlanFlag[] {
  const flags: PlanFlag[] = [];
  for (const rule of SPAN_RULES) {
    const start = dates[rule.from];
    const end = dates[rule.to];
    if (!start || !end) continue;
    for (const w of windows) {
      if (!rule.kinds.includes(w.kind)) continue;
      const days = overlapDays(start, end, w.start, w.end);
      if (days === 0) continue;
      flags.push({
        code: rule.code,
        severity: typeof rule.severity === 'function' ? rule.severity(w) : rule.severity,
        message: `${rule.what} (${start} → ${end}) overlaps ${describe(w)} by ${days} day${days === 1 ? '' : 's'}`,
        milestones: [rule.from, rule.to],
        window: pickWindow(w),
        overlapDays: days,
      });
    }
  }
  const delivered = dates.Delivered;
  if (delivered) {
    for (const w of windows) {
      if (w.kind !== 'Client peak' || !inside(delivered, w)) continue;
      flags.push({
        code: 'delivered-in-client-peak',
        severity: 'Warning',
        message: `Delivery on ${delivered} lands inside ${describe(w)}, not ahead of it`,
        milestones: ['Delivered'],
        window: pickWindow(w),
      });
    }
  }
  return flags;
}

function inside(date: IsoDate, w: RiskWindow): boolean {
  return w.start <= date && date <= w.end;
}

function describe(w: RiskWindow): string {
  return `${w.name} (${w.start} – ${w.end}${w.estimated ? ', estimated: not announced yet' : ''})`;
}

function pickWindow(w: RiskWindow): PlanFlag['window'] {
  return { key: w.key, name: w.name, kind: w.kind, start: w.start, end: w.end, estimated: w.estimated };
}

/**
 * What happened on a project, measured against its baseline: per PO and milestone the baseline, planned and actual
 * dates with the variance, the on-time rate (actual on or before the baseline), and the inspections with their
 * defect counts.
 */
import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { Inspection } from '../models/inspection.ts';
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import { MILESTONE_LIFECYCLE } from '../planning/milestone-kinds.ts';

export interface MilestoneVariance {
  kind: MilestoneKind;
  baseline?: IsoDate | undefined;
  planned?: IsoDate | undefined;
  actual?: IsoDate | undefined;
  /** Actual minus baseline, in days (positive = late); undefined unless both are known. */
  varianceDays?: number | undefined;
  onTime?: boolean | undefined;
}

export interface OnTimeRate {
  onTime: number;
  measured: number;
  /** 0–100, one decimal; undefined when nothing could be measured. */
  percent?: number | undefined;
}

export interface InspectionOutcome {
  poNumber: string;
  type: string;
  date?: IsoDate | undefined;
  inspector?: string | undefined;
  lotSize?: number | undefined;
  sampleSize?: number | undefined;
  aql: string;
  found: { critical: number; major: number; minor: number };
  /** "Ac 10 / Re 11" for majors, when the plan is recorded. */
  majorLimits?: string | undefined;
  result: string;
  reinspection: boolean;
}

const ORDER = new Map<string, number>(MILESTONE_LIFECYCLE.map((kind, i) => [kind, i]));

export function milestoneVariances(po: PurchaseOrder, milestones: readonly Milestone[]): MilestoneVariance[] {
  return milestones
    .filter((m) => m.po === po.id)
    .sort((a, b) => (ORDER.get(a.kind) ?? 99) - (ORDER.get(b.kind) ?? 99) || (a.baselineDate ?? '').localeCompare(b.baselineDate ?? ''))
    .map((m) => {
      const varianceDays = m.baselineDate && m.actualDate ? daysBetween(m.baselineDate, m.actualDate) : undefined;
      return {
        kind: m.kind,
        baseline: m.baselineDate,
        planned: m.plannedDate,
        actual: m.actualDate,
        varianceDays,
        onTime: varianceDays === undefined ? undefined : varianceDays <= 0,
      };
    });
}

export function onTimeRate(rows: readonly MilestoneVariance[]): OnTimeRate {
  const measured = rows.filter((r) => r.onTime !== undefined);
  const onTime = measured.filter((r) => r.onTime).length;
  return {
    onTime,
    measured: measured.length,
    percent: measured.length === 0 ? undefined : Math.round((onTime / measured.length) * 1000) / 10,
  };
}

/** As the AQL tables print it: 0, 0.65, 1.0, 2.5, 4.0. */
function aqlValue(value: number | undefined): string {
  if (value === undefined) return '—';
  return value !== 0 && Number.isInteger(value) ? value.toFixed(1) : String(value);
}

function aqlText(i: Inspection): string {
  const parts = [i.aqlCritical, i.aqlMajor, i.aqlMinor];
  if (parts.every((p) => p === undefined)) return '—';
  return `${parts.map(aqlValue).join(' / ')}${i.inspectionLevel ? ` (${i.inspectionLevel})` : ''}`;
}

export function inspectionOutcomes(orders: readonly PurchaseOrder[], inspections: readonly Inspection[]): InspectionOutcome[] {
  const numbers = new Map(orders.map((po) => [po.id, po.poNumber]));
  return inspections
    .filter((i) => i.po !== undefined && numbers.has(i.po))
    .map((i) => ({
      poNumber: numbers.get(i.po ?? '') ?? '',
      type: i.type,
      date: i.inspectionDate ?? i.scheduledDate,
      inspector: i.inspector,
      lotSize: i.lotSize,
      sampleSize: i.sampleSize,
      aql: aqlText(i),
      found: { critical: i.criticalFound ?? 0, major: i.majorFound ?? 0, minor: i.minorFound ?? 0 },
      majorLimits: i.acceptMajor !== undefined && i.rejectMajor !== undefined ? `Ac ${i.acceptMajor} / Re ${i.rejectMajor}` : undefined,
      result: i.result ?? 'Pending',
      reinspection: i.reinspectionOf !== undefined,
    }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.poNumber.localeCompare(b.poNumber));
}

export function defectTotals(outcomes: readonly InspectionOutcome[]): { critical: number; major: number; minor: number; sampled: number } {
  return outcomes.reduce(
    (t, o) => ({
      critical: t.critical + o.found.critical,
      major: t.major + o.found.major,
      minor: t.minor + o.found.minor,
      sampled: t.sampled + (o.result === 'Pending' ? 0 : (o.sampleSize ?? 0)),
    }),
    { critical: 0, major: 0, minor: 0, sampled: 0 },
  );
}

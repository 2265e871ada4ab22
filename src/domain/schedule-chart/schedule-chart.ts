/**
 * The production schedule of one PO as a Gantt model: per milestone the baseline (first commitment), planned and
 * actual bars, the slip against the baseline, inspections as markers and the risk windows to shade. Pure: the
 * "as of" date comes in, and the same records always give the same model (its hash decides whether the PDF in
 * Drive is current).
 */
import { incotermAsSeenByClient as incotermText, type SupplierAsSeen } from '../confidentiality/policy.ts';
import { DateTime } from 'luxon';
import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { CalendarEntry } from '../models/calendar-entry.ts';
import type { Client } from '../models/client.ts';
import type { Inspection, InspectionResult, InspectionType } from '../models/inspection.ts';
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { Supplier } from '../models/supplier.ts';
import { MILESTONE_LIFECYCLE } from '../planning/milestone-kinds.ts';
import type { ScheduleStatus } from '../planning/network-passes.ts';
import { poSchedule, type PoSchedule } from '../planning/po-schedule.ts';
import { milestoneStatusOf } from '../planning/schedule-status.ts';
import { seriesSpans, type Span } from './bars.ts';
import { shadedWindows, type ShadedWindow } from './risk-shading.ts';
import { timeAxis, type TimeAxis } from './time-axis.ts';

export type RowState = 'on-time' | 'late' | 'open' | 'slipping' | 'overdue';

export interface ScheduleRow {
  kind: MilestoneKind;
  /** True for events beside the production chain (payments, inspections, booking): drawn as diamonds. */
  point: boolean;
  baseline?: Span | undefined;
  planned?: Span | undefined;
  actual?: Span | undefined;
  dates: { baseline?: IsoDate | undefined; planned?: IsoDate | undefined; actual?: IsoDate | undefined };
  /** Actual (or, while open, planned) minus baseline, in days; positive = later than first committed. */
  slipDays?: number | undefined;
  state: RowState;
  /** The schedule network's status word (the one the checks write and the client portal shows). */
  status?: ScheduleStatus | undefined;
  /** 0–1 while open, when reported. */
  progress?: number | undefined;
}

export interface InspectionMarker {
  date: IsoDate;
  type: InspectionType;
  result: InspectionResult | 'Pending';
  reinspection: boolean;
  /** "PSI · Pass · 5 major / 9 minor in 200". */
  label: string;
}

export interface ScheduleChart {
  poId: string;
  title: string;
  facts: { label: string; value: string }[];
  asOf: IsoDate;
  /** The PO's ship-by date (drawn as a line). */
  shipBy?: IsoDate | undefined;
  /** Whether "as of" falls inside the axis (a finished PO's chart has no today line). */
  showToday: boolean;
  axis: TimeAxis;
  rows: ScheduleRow[];
  inspections: InspectionMarker[];
  windows: ShadedWindow[];
  summary: string;
}

export interface ScheduleInput {
  po: PurchaseOrder;
  project?: Project | undefined;
  client?: Client | undefined;
  supplier?: Supplier | undefined;
  milestones: readonly Milestone[];
  inspections: readonly Inspection[];
  calendar: readonly CalendarEntry[];
  asOf: IsoDate;
  /** The factory as the client may read it (the chart sits in the client's folder); without it, the alias. */
  supplierSeen?: SupplierAsSeen | undefined;
}

const ORDER = new Map<string, number>(MILESTONE_LIFECYCLE.map((kind, i) => [kind, i]));
const POINT_KINDS = new Set<MilestoneKind>(['Deposit paid', 'IPI', 'DUPRO', 'PSI', 'Booking', 'Balance paid']);

/** How a row is drawn, from its status: done on/after baseline, late (overdue), at risk (slipping), open. */
function rowState(m: Milestone, status: ScheduleStatus | undefined): RowState {
  if (m.actualDate) return m.baselineDate && m.actualDate > m.baselineDate ? 'late' : 'on-time';
  if (status === 'Late') return 'overdue';
  if (status === 'At risk') return 'slipping';
  return 'open';
}

function sortMilestones(milestones: readonly Milestone[]): Milestone[] {
  const key = (m: Milestone) => m.baselineDate ?? m.plannedDate ?? m.actualDate ?? '9999-12-31';
  return [...milestones].sort((a, b) => (ORDER.get(a.kind) ?? 99) - (ORDER.get(b.kind) ?? 99) || key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}

function marker(inspection: Inspection): InspectionMarker | undefined {
  const date = inspection.inspectionDate ?? inspection.scheduledDate;
  if (!date) return undefined;
  const result = inspection.result ?? 'Pending';
  const found = [
    inspection.criticalFound ? `${inspection.criticalFound} critical` : '',
    inspection.majorFound !== undefined ? `${inspection.majorFound} major` : '',
    inspection.minorFound !== undefined ? `${inspection.minorFound} minor` : '',
  ].filter(Boolean);
  const defects = found.length > 0 && inspection.sampleSize ? ` · ${found.join(' / ')} in ${inspection.sampleSize}` : '';
  return {
    date,
    type: inspection.type,
    result,
    reinspection: inspection.reinspectionOf !== undefined,
    label: `${inspection.type}${inspection.reinspectionOf ? ' (re-inspection)' : ''} · ${result}${defects}`,
  };
}

function summaryOf(rows: readonly ScheduleRow[], po: PurchaseOrder, schedule: PoSchedule | undefined): string {
  const done = rows.filter((r) => r.state === 'on-time' || r.state === 'late');
  const onTime = done.filter((r) => r.state === 'on-time').length;
  const late = rows.filter((r) => r.status === 'Late').length;
  const atRisk = rows.filter((r) => r.status === 'At risk').length;
  const parts = [`${rows.length} milestones`, `${done.length} done (${onTime} on or before baseline)`];
  if (late > 0) parts.push(`${late} late`);
  if (atRisk > 0) parts.push(`${atRisk} at risk`);
  // The ETD the schedule network forecasts (an entered ETD its predecessors cannot make is not taken at its word).
  const etd = rows.find((r) => r.kind === 'ETD');
  const etdDate = schedule?.passes.byId.get('ETD')?.forecast ?? etd?.dates.actual ?? etd?.dates.planned;
  if (po.shipBy) {
    const verdict = etdDate ? ` · ETD ${etd?.dates.actual ? '' : 'forecast '}${displayDate(etdDate)} (${signed(daysBetween(po.shipBy, etdDate))} d vs ship-by)` : '';
    parts.push(`ship-by ${displayDate(po.shipBy)}${verdict}`);
  }
  return parts.join(' · ');
}

/** "2026-02-25" → "25 Feb 2026" (day first, English month: unambiguous for every reader). */
export function displayDate(iso: IsoDate): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).toFormat('dd LLL yyyy', { locale: 'en-US' });
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function buildScheduleChart(input: ScheduleInput): ScheduleChart {
  const { po, project, client, supplier, asOf } = input;
  const milestones = sortMilestones(input.milestones.filter((m) => m.po === po.id));
  const scheduled = safeSchedule(input, milestones);
  const origin = po.orderDate;
  const spans = {
    baseline: seriesSpans(milestones.map((m) => ({ kind: m.kind, date: m.baselineDate })), origin),
    planned: seriesSpans(milestones.map((m) => ({ kind: m.kind, date: m.plannedDate })), origin),
    actual: seriesSpans(milestones.map((m) => ({ kind: m.kind, date: m.actualDate })), origin),
  };
  const rows: ScheduleRow[] = milestones.map((m, i) => {
    const current = m.actualDate ?? m.plannedDate;
    const status = milestoneStatusOf(scheduled, m, asOf);
    return {
      kind: m.kind,
      point: POINT_KINDS.has(m.kind),
      baseline: spans.baseline[i],
      planned: spans.planned[i],
      actual: spans.actual[i],
      dates: { baseline: m.baselineDate, planned: m.plannedDate, actual: m.actualDate },
      slipDays: m.baselineDate && current ? daysBetween(m.baselineDate, current) : undefined,
      state: rowState(m, status),
      status,
      progress: m.actualDate ? undefined : m.progress,
    };
  });
  const inspections = input.inspections
    .filter((i) => i.po === po.id)
    .map(marker)
    .filter((m): m is InspectionMarker => m !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));

  const dates: IsoDate[] = [];
  for (const row of rows) for (const span of [row.baseline, row.planned, row.actual]) if (span) dates.push(span.start, span.end);
  for (const m of inspections) dates.push(m.date);
  if (po.shipBy) dates.push(po.shipBy);
  if (dates.length === 0) dates.push(asOf);
  const axis = timeAxis(dates);
  const showToday = asOf >= axis.start && asOf <= axis.end;

  const showSupplier = input.supplierSeen?.named === true;
  const supplierName = supplier ? (showSupplier ? supplier.name : (input.supplierSeen?.label ?? supplier.clientAlias ?? 'Factory')) : '—';
  const facts = [
    { label: 'Project', value: project?.project ?? '—' },
    { label: 'Client', value: client?.name ?? '—' },
    { label: 'Factory', value: supplierName },
    { label: 'Order date', value: po.orderDate ? displayDate(po.orderDate) : '—' },
    { label: 'Ship-by date', value: po.shipBy ? displayDate(po.shipBy) : '—' },
    { label: 'Incoterm', value: po.incoterm ? incotermText(po.incoterm, po.namedPlace, showSupplier) : '—' },
    { label: 'Status', value: po.status },
  ];
  return {
    poId: po.id,
    title: `Production schedule · ${po.poNumber}`,
    facts,
    asOf,
    shipBy: po.shipBy,
    showToday,
    axis,
    rows,
    inspections,
    windows: shadedWindows({
      start: axis.start,
      end: axis.end,
      clientCountry: project?.destinationCountry ?? client?.country,
      clientId: client?.id,
      supplierId: supplier?.id,
      supplierLabel: showSupplier ? undefined : supplierName,
      calendar: input.calendar,
    }),
    summary: summaryOf(rows, po, scheduled),
  };
}

/** The PO's schedule network (the same the planner and the checks use); none when the PO lacks planning data. */
function safeSchedule(input: ScheduleInput, milestones: readonly Milestone[]): PoSchedule | undefined {
  try {
    const result = poSchedule({ po: input.po, project: input.project, milestones, calendar: input.calendar, today: input.asOf });
    return result.ok ? result.schedule : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `sourcing plan`: for every open PO, plan its milestones on the schedule network (src/domain/planning): actual
 * dates and the planned dates a PERSON entered are constraints and are never changed; the planned dates the PLAN
 * wrote ("Planned by" = Plan) are recomputed every run as the earliest dates the network allows from today. Missing
 * milestones are created (except steps already behind the order: history), an empty Baseline date is set once from
 * the first plan and never moved, and the PO's "Plan verdict" stores whether the date holds, the conflicts and,
 * when it is missed, the recovery options. A second run on the same day writes nothing.
 */
import { DateTime } from 'luxon';
import { addDays, yearOf, type IsoDate } from '../domain/calendar/iso-date.ts';
import { riskWindowsFor, type CalendarKind, type RiskWindow } from '../domain/calendar/risk-windows.ts';
import { clientCountry } from '../domain/calendar/client-peaks.ts';
import { calendar, type CalendarEntry } from '../domain/models/calendar-entry.ts';
import { clients } from '../domain/models/client.ts';
import { lineItems } from '../domain/models/line-item.ts';
import { milestones, type Milestone, type MilestoneKind } from '../domain/models/milestone.ts';
import { projects, type Project } from '../domain/models/project.ts';
import { purchaseOrders, type PoStatus, type PurchaseOrder } from '../domain/models/purchase-order.ts';
import { MILESTONE_LIFECYCLE, type MilestoneDates } from '../domain/planning/milestone-kinds.ts';
import { planVerdict, type VerdictState } from '../domain/planning/plan-verdict.ts';
import { plannedByPlan, poSchedule } from '../domain/planning/po-schedule.ts';
import { riskFlags } from '../domain/planning/risk-flags.ts';
import { conflictMessage } from '../domain/planning/conflict-message.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import { readTables } from './read-tables.ts';
import { startReport, type JobReport } from './report.ts';

export interface PlanDeps {
  records: AirtableRecordsPort;
  counter: RequestCounter;
  now(): Date;
}

export interface PlanInput {
  /** Only these PO numbers (all open POs when absent). */
  poNumbers?: string[];
  /** Zone whose date is "today" for the plan (the factories'). */
  timeZone?: string;
}

export interface PoPlanReport {
  po: string;
  target: { kind: 'ship-by' | 'delivery'; date: IsoDate };
  leadTime: { calendarDays: number; workingDays: number };
  bufferDays: number;
  verdict: VerdictState;
  headline: string;
  /** The verdict as stored on the PO ("Plan verdict"). */
  verdictText: string;
  created: MilestoneKind[];
  /** Missing steps already behind the order (something after them is done): not added. */
  notCreated: MilestoneKind[];
  /** Dates the plan wrote on existing rows (its own earlier dates, or empty ones). */
  filled: { kind: MilestoneKind; field: 'Baseline date' | 'Planned date'; date: IsoDate }[];
  /** Milestones whose planned date a person entered (kept as entered). */
  kept: MilestoneKind[];
  /** Smallest float: the milestones that decide the date. */
  criticalPath: MilestoneKind[];
  conflicts: { severity: string; code: string; message: string }[];
  options: { kind: string; title: string; available: boolean; meetsTarget: boolean; arrival: IsoDate; daysLate: number; note?: string }[];
}

export interface PlanDetails {
  today: IsoDate;
  planned: PoPlanReport[];
  skipped: { po: string; reason: string }[];
  rowsCreated: number;
  rowsUpdated: number;
  posUpdated: number;
}

/** Before the order is placed, terms like the lead time are still open: missing data skips the PO quietly. */
const BEFORE_ORDER: ReadonlySet<PoStatus> = new Set(['RFQ', 'Quoted', 'Negotiating']);

/** Nothing left to plan once the goods have left. */
const NOT_PLANNED: ReadonlySet<PoStatus> = new Set(['Shipped', 'Delivered', 'Closed', 'Cancelled']);
const F = milestones.fields;

export async function planSchedules(deps: PlanDeps, input: PlanInput = {}): Promise<JobReport<PlanDetails>> {
  const { started, finish } = startReport('plan', deps);
  const today = DateTime.fromJSDate(started, { zone: input.timeZone ?? 'Asia/Shanghai' }).toISODate()!;
  // Page by page, parsed as read, nothing of the rows as read kept (a 10,000-PO base has 120,000 milestones).
  const read = await readTables(deps.records, { purchaseOrders, projects, clients, calendar, lineItems, milestones }, 'all', { keepRaw: 'none' });
  const problems: string[] = read.problems.map(String);
  const pos = read.tables.purchaseOrders;
  const projectById = new Map(read.tables.projects.map((p) => [p.id, p]));
  const countryByClient = new Map(read.tables.clients.map((c) => [c.id, c.country]));
  const calendarRows = read.tables.calendar;
  const manualWindows = calendarRows.filter((c) => c.source !== 'Generated');
  const newSkuPos = new Set(read.tables.lineItems.filter((l) => l.newSku).map((l) => l.po));
  const rowsByPo = new Map<string, Milestone[]>();
  for (const m of read.tables.milestones) {
    const list = rowsByPo.get(m.po);
    if (list) list.push(m);
    else rowsByPo.set(m.po, [m]);
  }

  const details: PlanDetails = { today, planned: [], skipped: [], rowsCreated: 0, rowsUpdated: 0, posUpdated: 0 };
  const creates: Fields[] = [];
  const updates: { id: string; fields: Fields }[] = [];
  const poUpdates: { id: string; fields: Fields }[] = [];
  const wanted = input.poNumbers ? new Set(input.poNumbers) : undefined;

  for (const po of pos) {
    if (wanted && !wanted.has(po.poNumber)) continue;
    if (NOT_PLANNED.has(po.status)) continue;
    const where = `Purchase Orders ${po.id} (${po.poNumber})`;
    const project = projectById.get(po.project);
    const rows = rowsByPo.get(po.id) ?? [];
    let result;
    try {
      result = poSchedule({ po, project, milestones: rows, calendar: calendarRows, today, newSku: newSkuPos.has(po.id) });
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}; not planned`);
      continue;
    }
    if (!result.ok) {
      if (BEFORE_ORDER.has(po.status)) details.skipped.push({ po: po.poNumber, reason: `${po.status}: ${result.reasons.join(', ')}` });
      else problems.push(...result.reasons.map((m) => `${where}: ${m}; not planned`));
      continue;
    }
    const schedule = result.schedule;
    if (!schedule.target) {
      details.skipped.push({ po: po.poNumber, reason: 'no "Ship-by date" and no project "Target delivery date"' });
      continue;
    }
    const verdict = planVerdict(schedule, po.poNumber, po.standbySupplier !== undefined);
    const dates: MilestoneDates = {};
    const report: PoPlanReport = {
      po: po.poNumber,
      target: { kind: schedule.target.kind, date: schedule.target.date },
      leadTime: { calendarDays: po.leadTimeDays!, workingDays: schedule.params.productionDays },
      bufferDays: schedule.bufferDays,
      verdict: verdict.state,
      headline: verdict.headline,
      verdictText: verdict.text,
      created: [],
      notCreated: [],
      filled: [],
      kept: [],
      criticalPath: [],
      conflicts: verdict.conflicts.map((c) => ({ severity: 'Warning', code: 'schedule-conflict', message: conflictMessage(po.poNumber, c) })),
      options: verdict.options.map((o) => ({
        kind: o.kind, title: o.title, available: o.available, meetsTarget: o.meetsTarget, arrival: o.arrival, daysLate: o.daysLate,
        ...(o.note ? { note: o.note } : {}),
      })),
    };
    for (const kind of MILESTONE_LIFECYCLE) {
      const node = schedule.passes.byId.get(kind);
      const same = rows.filter((r) => r.kind === kind);
      if (!node) continue;
      if (node.critical) report.criticalPath.push(kind);
      if (node.date) dates[kind] = node.date;
      if (same.length > 1) {
        problems.push(`${where}: ${same.length} "${kind}" milestones; their dates are left as they are`);
        continue;
      }
      const row = same[0];
      if (node.source === 'history' || !node.date) {
        if (!row) report.notCreated.push(kind);
        continue;
      }
      if (!row) {
        creates.push({
          [F.milestone]: `${po.poNumber} · ${kind}`,
          [F.po]: [po.id],
          [F.kind]: kind,
          [F.baselineDate]: node.date,
          [F.plannedDate]: node.date,
          [F.plannedBy]: 'Plan',
          ...(project?.agent ? { [F.owner]: [project.agent] } : {}),
        });
        report.created.push(kind);
        continue;
      }
      if (node.source === 'person') report.kept.push(kind);
      const fields: Fields = {};
      // Baseline: the first plan of the milestone, set once.
      if (!row.baselineDate && !row.actualDate) {
        fields[F.baselineDate] = node.date;
        report.filled.push({ kind, field: 'Baseline date', date: node.date });
      }
      if (node.source === 'plan') {
        if (row.plannedDate !== node.date) {
          fields[F.plannedDate] = node.date;
          report.filled.push({ kind, field: 'Planned date', date: node.date });
        }
        if (!plannedByPlan(row)) fields[F.plannedBy] = 'Plan';
      }
      if (Object.keys(fields).length > 0) updates.push({ id: row.id, fields });
    }
    const windows = windowsFor(po, project, project?.client ? countryByClient.get(project.client) : undefined, today, schedule.target.date, manualWindows);
    report.conflicts.push(...riskFlags(dates, windows).map((f) => ({ severity: f.severity, code: f.code, message: f.message })));
    if ((po.planVerdict ?? '') !== verdict.text) poUpdates.push({ id: po.id, fields: { [purchaseOrders.fields.planVerdict]: verdict.text } });
    details.planned.push(report);
  }

  if (creates.length > 0) details.rowsCreated = (await deps.records.create(milestones.table, creates)).length;
  if (updates.length > 0) details.rowsUpdated = (await deps.records.update(milestones.table, updates)).length;
  if (poUpdates.length > 0) details.posUpdated = (await deps.records.update(purchaseOrders.table, poUpdates)).length;

  return finish(problems, details);
}

const RISK_KINDS: ReadonlySet<string> = new Set<CalendarKind>(['Public holiday CN', 'Factory closure', 'Shipping blackout', 'Client peak', 'Maintenance']);

/** The generated calendar for the plan's years plus the Calendar rows people entered that apply to this PO. */
function windowsFor(po: PurchaseOrder, project: Project | undefined, country: string | undefined, today: IsoDate, target: IsoDate, manual: CalendarEntry[]): RiskWindow[] {
  const market = country ? clientCountry(country) : undefined;
  const generated = riskWindowsFor({
    fromYear: yearOf(addDays(today, -366)),
    toYear: yearOf(target) + 1,
    clientCountries: market ? [market.code] : [],
  });
  const own = manual
    .filter((c) => RISK_KINDS.has(c.kind))
    .filter((c) => (!c.supplier || c.supplier === po.supplier) && (!c.client || c.client === project?.client))
    .map((c): RiskWindow => ({
      key: `calendar:${c.id}`,
      name: c.name,
      kind: c.kind as CalendarKind,
      start: c.start,
      end: c.end ?? c.start,
      estimated: c.estimated,
      source: 'Calendar table',
    }));
  return [...generated, ...own];
}

/**
 * `sourcing plan`: for every open PO with a ship-by date (or its project's target delivery date), lay out the
 * baseline milestone dates backwards with the planner (project buffer, PO lead time and shipping mode, the lane
 * from the PO's ports), create the Milestone rows that are missing and fill EMPTY Baseline / Planned dates. An
 * entered date is a commitment or a fact and is never overwritten. The report carries each PO's risk-calendar
 * conflicts and, when the date can no longer be met, the options (standby supplier, air + sea, priority lane).
 */
import { DateTime } from 'luxon';
import { addDays, yearOf, type IsoDate } from '../domain/calendar/iso-date.ts';
import { riskWindowsFor, type CalendarKind, type RiskWindow } from '../domain/calendar/risk-windows.ts';
import { clientCountry } from '../domain/calendar/client-peaks.ts';
import { calendar, type CalendarEntry } from '../domain/models/calendar-entry.ts';
import { clients } from '../domain/models/client.ts';
import { milestones, type Milestone } from '../domain/models/milestone.ts';
import { parseRecords, type ModelRecord, type TableModel } from '../domain/models/parse-records.ts';
import { projects, type Project } from '../domain/models/project.ts';
import { purchaseOrders, type PoStatus, type PurchaseOrder } from '../domain/models/purchase-order.ts';
import { planSchedule, type SchedulePlan } from '../domain/planning/backward-planner.ts';
import { fillMissing, type EnteredDates } from '../domain/planning/fill-missing.ts';
import { destinationRegionForPort, ORIGIN_PORTS, originPortFor } from '../domain/planning/lanes.ts';
import { MILESTONE_LIFECYCLE, type MilestoneKind } from '../domain/planning/milestone-kinds.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
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
  bufferPercent: number;
  feasible: boolean;
  created: MilestoneKind[];
  /** Missing milestones the plan puts before today: not added (they are history, not late work). */
  notCreated: MilestoneKind[];
  filled: { kind: MilestoneKind; field: 'Baseline date' | 'Planned date'; date: IsoDate }[];
  /** Entered dates that differ from the computed plan (kept as entered). */
  kept: MilestoneKind[];
  conflicts: { severity: string; code: string; message: string }[];
  options: { kind: string; title: string; available: boolean; meetsTarget: boolean; arrival: IsoDate; daysLate: number; note?: string }[];
}

export interface PlanDetails {
  today: IsoDate;
  planned: PoPlanReport[];
  skipped: { po: string; reason: string }[];
  rowsCreated: number;
  rowsUpdated: number;
}

/** Before the order is placed, terms like the lead time are still open: missing data skips the PO quietly. */
const BEFORE_ORDER: ReadonlySet<PoStatus> = new Set(['RFQ', 'Quoted', 'Negotiating']);

/** Nothing left to plan once the goods have left. */
const NOT_PLANNED: ReadonlySet<PoStatus> = new Set(['Shipped', 'Delivered', 'Closed', 'Cancelled']);
const F = milestones.fields;

export async function planSchedules(deps: PlanDeps, input: PlanInput = {}): Promise<JobReport<PlanDetails>> {
  const { started, finish } = startReport('plan', deps);
  const today = DateTime.fromJSDate(started, { zone: input.timeZone ?? 'Asia/Shanghai' }).toISODate()!;
  const problems: string[] = [];
  const read = async <M extends TableModel>(model: M): Promise<ModelRecord<M>[]> => {
    const parsed = parseRecords(model, await deps.records.list(model.table));
    problems.push(...parsed.problems.map(String));
    return parsed.records;
  };
  const pos = await read(purchaseOrders);
  const projectById = new Map((await read(projects)).map((p) => [p.id, p]));
  const countryByClient = new Map((await read(clients)).map((c) => [c.id, c.country]));
  const manualWindows = (await read(calendar)).filter((c) => c.source !== 'Generated');
  const milestoneRows: Milestone[] = await read(milestones);
  const rowsByPo = new Map<string, Milestone[]>();
  for (const m of milestoneRows) rowsByPo.set(m.po, [...(rowsByPo.get(m.po) ?? []), m]);

  const details: PlanDetails = { today, planned: [], skipped: [], rowsCreated: 0, rowsUpdated: 0 };
  const creates: Fields[] = [];
  const updates: { id: string; fields: Fields }[] = [];
  const wanted = input.poNumbers ? new Set(input.poNumbers) : undefined;

  for (const po of pos) {
    if (wanted && !wanted.has(po.poNumber)) continue;
    if (NOT_PLANNED.has(po.status)) continue;
    const where = `Purchase Orders ${po.id} (${po.poNumber})`;
    const project = projectById.get(po.project);
    const target = po.shipBy
      ? { kind: 'ship-by' as const, date: po.shipBy }
      : project?.targetDeliveryDate
        ? { kind: 'delivery' as const, date: project.targetDeliveryDate }
        : undefined;
    if (!target) {
      details.skipped.push({ po: po.poNumber, reason: 'no "Ship-by date" and no project "Target delivery date"' });
      continue;
    }
    const missing = [
      !po.shippingMode && `"${purchaseOrders.fields.shippingMode}" is missing`,
      !po.leadTimeDays && `"${purchaseOrders.fields.leadTimeDays}" is missing`,
    ].filter((m): m is string => typeof m === 'string');
    const origin = po.portOfLoading ? originPortFor(po.portOfLoading) : undefined;
    const destination = po.portOfDischarge ? regionOf(po.portOfDischarge) : undefined;
    if (!origin) missing.push(`"Port of loading" ${po.portOfLoading ? `${JSON.stringify(po.portOfLoading)} has no lane data (known: ${ORIGIN_PORTS.join(', ')})` : 'is missing'}`);
    if (!destination) missing.push(`"Port of discharge" ${po.portOfDischarge ? `${JSON.stringify(po.portOfDischarge)} has no lane data` : 'is missing'}`);
    if (missing.length > 0 && BEFORE_ORDER.has(po.status)) {
      details.skipped.push({ po: po.poNumber, reason: `${po.status}: ${missing.join(', ')}` });
      continue;
    }
    if (missing.length > 0) {
      problems.push(...missing.map((m) => `${where}: ${m}; not planned`));
      continue;
    }

    const rows = rowsByPo.get(po.id) ?? [];
    const entered: EnteredDates = {};
    for (const row of rows) entered[row.kind] ??= row.actualDate ?? row.plannedDate ?? row.baselineDate;
    // "Lead time days" is agreed in calendar days; the planner counts China working days of full output.
    const workingDays = Math.max(1, Math.round((po.leadTimeDays! * 5) / 7));
    const bufferPercent = Math.round((project?.buffer ?? 0.12) * 100);
    const country = project?.client ? countryByClient.get(project.client) : undefined;
    let plan: SchedulePlan;
    try {
      plan = planSchedule({
        today,
        target,
        shippingMode: po.shippingMode!,
        lane: { origin: origin!, destination: destination! },
        productionLeadTimeDays: workingDays,
        bufferPercent,
        ...(po.balanceDue ? { balanceDue: po.balanceDue } : {}),
        existing: entered,
        riskWindows: windowsFor(po, project, country, today, target.date, manualWindows),
        hasStandbySupplier: po.standbySupplier !== undefined,
      });
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}; not planned`);
      continue;
    }

    const report: PoPlanReport = {
      po: po.poNumber,
      target,
      leadTime: { calendarDays: po.leadTimeDays!, workingDays },
      bufferPercent,
      feasible: plan.feasible,
      created: [],
      notCreated: [],
      filled: [],
      kept: fillMissing(entered, plan.milestones).kept,
      conflicts: plan.flags.map((f) => ({ severity: f.severity, code: f.code, message: f.message })),
      options: plan.options.map((o) => ({
        kind: o.kind, title: o.title, available: o.available, meetsTarget: o.meetsTarget, arrival: o.arrival, daysLate: o.daysLate,
        ...(o.note ? { note: o.note } : {}),
      })),
    };
    for (const kind of MILESTONE_LIFECYCLE) {
      const date = plan.projected[kind];
      if (!date) continue;
      const same = rows.filter((r) => r.kind === kind);
      if (same.length > 1) {
        problems.push(`${where}: ${same.length} "${kind}" milestones; their dates are left as they are`);
        continue;
      }
      const row = same[0];
      if (!row && date < today) {
        // A step the plan puts in the past that nobody tracked (Tooling kickoff of a PO already in production)
        // is history, not a late milestone: adding it now would only raise false alarms.
        report.notCreated.push(kind);
        continue;
      }
      if (!row) {
        creates.push({
          [F.milestone]: `${po.poNumber} · ${kind}`,
          [F.po]: [po.id],
          [F.kind]: kind,
          [F.baselineDate]: date,
          [F.plannedDate]: date,
          ...(project?.agent ? { [F.owner]: [project.agent] } : {}),
        });
        report.created.push(kind);
        continue;
      }
      const fields: Fields = {};
      if (!row.baselineDate) fields[F.baselineDate] = date;
      if (!row.plannedDate) fields[F.plannedDate] = date;
      for (const field of Object.keys(fields) as ('Baseline date' | 'Planned date')[]) report.filled.push({ kind, field, date });
      if (Object.keys(fields).length > 0) updates.push({ id: row.id, fields });
    }
    details.planned.push(report);
  }

  if (creates.length > 0) details.rowsCreated = (await deps.records.create(milestones.table, creates)).length;
  if (updates.length > 0) details.rowsUpdated = (await deps.records.update(milestones.table, updates)).length;

  return finish(problems, details);
}

/** "New York / Newark", "Shenzhen (Yantian)": the first part the lane table knows. */
function regionOf(port: string) {
  const parts = [port, ...port.split(/[/(),]/)].map((p) => p.trim()).filter((p) => p !== '');
  for (const part of parts) {
    const region = destinationRegionForPort(part);
    if (region) return region;
  }
  return undefined;
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

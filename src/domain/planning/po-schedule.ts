/**
 * One PO's schedule from its records: the network (schedule-network.ts) with the PO's mode, lead time, lane and
 * balance rule, the calendars of whoever does each step, and the passes (network-passes.ts). The planner, the
 * checks, the client portal's health (through the Status the checks write) and the Gantt all call this, so they
 * always agree on dates and status.
 *
 * Who set a planned date: "Planned by" = Plan means the planner wrote it and recomputes it; Person, or empty (a
 * base from before the field, a date typed by hand), means a person entered it and the planner keeps it. A row
 * with an actual date is done whatever it says.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { CalendarEntry } from '../models/calendar-entry.ts';
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import { DEFAULT_BUFFER, type Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import { bookingLeadDays } from './booking-lead.ts';
import { destinationRegionForPort, laneTransit, ORIGIN_PORTS, originPortFor, type LaneTransit, type OriginPort, type TransportMode } from './lanes.ts';
import { runPasses, type NodeFacts, type PassResult } from './network-passes.ts';
import { resolvePlanSettings, type PlanSettings } from './plan-settings.ts';
import { scheduleNetwork, type NetworkParams, type NodeId, type ScheduleNetwork } from './schedule-network.ts';
import { workCalendar, type FactoryWindow, type WorkCalendar } from './work-calendar.ts';

const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

export interface PoScheduleInput {
  po: PurchaseOrder;
  project?: Project | undefined;
  /** The PO's Milestones rows (other POs' rows are ignored). */
  milestones: readonly Milestone[];
  /** Calendar table rows (manual ones add factory closures, maintenance and shipping blackouts). */
  calendar: readonly CalendarEntry[];
  today: IsoDate;
  /** The PO has a line item marked "New SKU" (adds the tooling step even before its row exists). */
  newSku?: boolean | undefined;
  settings?: Partial<PlanSettings> | undefined;
}

export interface PoSchedule {
  network: ScheduleNetwork;
  params: NetworkParams;
  calendar: WorkCalendar;
  facts: Partial<Record<NodeId, NodeFacts>>;
  /** The row each kind was read from. */
  rowIds: ReadonlyMap<MilestoneKind, string>;
  target?: { kind: 'ship-by' | 'delivery'; node: NodeId; date: IsoDate } | undefined;
  bufferDays: number;
  lane: { origin: OriginPort; transit: Partial<Record<TransportMode, LaneTransit>> };
  passes: PassResult;
  settings: PlanSettings;
  today: IsoDate;
}

/** Resolved once: most callers plan with the defaults, and the network cache keys on the settings object. */
const DEFAULT_SETTINGS = resolvePlanSettings();

export type PoScheduleResult = { ok: true; schedule: PoSchedule } | { ok: false; reasons: string[] };

/** Who set a row's planned date (empty counts as Person: the safe side, the planner never moves it). */
export function plannedByPlan(m: Milestone): boolean {
  return m.plannedBy === 'Plan';
}

/** The first row of each kind (a PO with two rows of a kind is reported by the planner). */
export function rowsByKind(milestones: readonly Milestone[], poId: string): Map<MilestoneKind, Milestone> {
  const out = new Map<MilestoneKind, Milestone>();
  for (const m of milestones) if (m.po === poId && !out.has(m.kind)) out.set(m.kind, m);
  return out;
}

export function poSchedule(input: PoScheduleInput): PoScheduleResult {
  const { po, project, today } = input;
  const settings = input.settings ? resolvePlanSettings(input.settings) : DEFAULT_SETTINGS;
  const missing: string[] = [];
  if (!po.shippingMode) missing.push('"Shipping mode" is missing');
  if (!po.leadTimeDays) missing.push('"Lead time days" is missing');
  const origin = po.portOfLoading ? originPortFor(po.portOfLoading) : undefined;
  const destination = po.portOfDischarge ? regionOf(po.portOfDischarge) : undefined;
  if (!origin) missing.push(`"Port of loading" ${po.portOfLoading ? `${JSON.stringify(po.portOfLoading)} has no lane data (known: ${ORIGIN_PORTS.join(', ')})` : 'is missing'}`);
  if (!destination) missing.push(`"Port of discharge" ${po.portOfDischarge ? `${JSON.stringify(po.portOfDischarge)} has no lane data` : 'is missing'}`);
  if (missing.length > 0 || !po.shippingMode || !po.leadTimeDays || !origin || !destination) return { ok: false, reasons: missing };

  const rows = rowsByKind(input.milestones, po.id);
  const modes: TransportMode[] = po.shippingMode === 'Sea + Air split' ? ['Sea', 'Air'] : [po.shippingMode === 'Air' ? 'Air' : 'Sea'];
  const transit: Partial<Record<TransportMode, LaneTransit>> = {};
  const transitDays: Partial<Record<TransportMode, number>> = {};
  for (const mode of modes) {
    transit[mode] = laneTransit(origin, destination, mode);
    transitDays[mode] = transit[mode].standard.maxDays;
  }
  // "Lead time days" is agreed in calendar days; production counts factory days of full output.
  const productionDays = Math.max(1, Math.round((po.leadTimeDays * 5) / 7));
  const params: NetworkParams = {
    shippingMode: po.shippingMode,
    balanceDue: po.balanceDue ?? 'Against B/L copy',
    tooling: rows.has('Tooling kickoff') || input.newSku === true,
    productionDays,
    transitDays,
    settings,
  };
  const network = scheduleNetwork(params);

  const facts: Partial<Record<NodeId, NodeFacts>> = {};
  const years: number[] = [yearOf(today)];
  for (const [kind, m] of rows) {
    const person = plannedByPlan(m) ? undefined : (m.plannedDate ?? m.baselineDate);
    facts[kind] = { actual: m.actualDate, person };
    for (const d of [m.actualDate, person]) if (d) years.push(yearOf(d));
  }
  const target = po.shipBy
    ? { kind: 'ship-by' as const, node: 'ETD' as const, date: po.shipBy }
    : project?.targetDeliveryDate
      ? { kind: 'delivery' as const, node: 'Delivered' as const, date: project.targetDeliveryDate }
      : undefined;
  if (target) years.push(yearOf(target.date));
  const calendar = workCalendar({
    // A fixed window around today (widened for odd dates) so one calendar serves every PO of a run.
    fromYear: Math.min(yearOf(today) - 2, ...years.map((y) => y - 1)),
    toYear: Math.max(yearOf(today) + 4, ...years.map((y) => y + 2)),
    factoryWindows: factoryWindows(input.calendar, po, settings),
    blackouts: blackouts(input.calendar, po, project, origin),
    settings: { closureCapacity: settings.closureCapacity, cnyShutdown: settings.cnyShutdown },
  });
  const bufferDays = Math.round(po.leadTimeDays * (project?.buffer ?? DEFAULT_BUFFER));
  const mainMode: TransportMode = po.shippingMode === 'Air' ? 'Air' : 'Sea';
  const passes = runPasses({
    network,
    calendar,
    today,
    facts,
    target: target ? { node: target.node, date: target.date, bufferDays } : undefined,
    bookingLeadDays: (cargoReady) => bookingLeadDays(mainMode, cargoReady, settings),
  });
  return { ok: true, schedule: { network, params, calendar, facts, rowIds: new Map([...rows].map(([k, m]) => [k, m.id])), target, bufferDays, lane: { origin, transit }, passes, settings, today } };
}

/** "New York / Newark", "Shenzhen (Yantian)": the first part the lane table knows. */
export function regionOf(port: string) {
  const parts = [port, ...port.split(/[/(),]/)].map((p) => p.trim()).filter((p) => p !== '');
  for (const part of parts) {
    const region = destinationRegionForPort(part);
    if (region) return region;
  }
  return undefined;
}

function factoryWindows(rows: readonly CalendarEntry[], po: PurchaseOrder, settings: PlanSettings): FactoryWindow[] {
  const out: FactoryWindow[] = [];
  for (const c of rows) {
    // Generated rows repeat the China calendar the factory calendar already has.
    if (c.source === 'Generated') continue;
    if (c.supplier && c.supplier !== po.supplier) continue;
    if (c.kind === 'Factory closure') out.push({ start: c.start, end: c.end ?? c.start, capacity: 0 });
    else if (c.kind === 'Maintenance') out.push({ start: c.start, end: c.end ?? c.start, capacity: settings.closureCapacity });
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.capacity - b.capacity);
}

/** Shipping blackouts for this PO: its factory's or client's rows, or general ones; a row naming a port of loading applies there only. */
function blackouts(rows: readonly CalendarEntry[], po: PurchaseOrder, project: Project | undefined, origin: OriginPort): { start: IsoDate; end: IsoDate }[] {
  const out: { start: IsoDate; end: IsoDate }[] = [];
  for (const c of rows) {
    if (c.kind !== 'Shipping blackout' || c.source === 'Generated') continue;
    if (c.supplier && c.supplier !== po.supplier) continue;
    if (c.client && c.client !== project?.client) continue;
    const named = ORIGIN_PORTS.filter((p) => c.name.toLowerCase().includes(p.toLowerCase()));
    if (named.length > 0 && !named.includes(origin)) continue;
    out.push({ start: c.start, end: c.end ?? c.start });
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

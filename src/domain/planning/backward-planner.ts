/**
 * The backward planner: from the target delivery (or ship-by) date, lay out every milestone of a PO with the
 * buffer, flag where the plan meets the risk calendar, and, when the target cannot be met from today, propose
 * options with their dates. Pure: `today` and any existing dates come in as values.
 */
import { clientCountry } from '../calendar/client-peaks.ts';
import { addDays, daysBetween, parseIsoDate, yearOf, type IsoDate } from '../calendar/iso-date.ts';
import { riskWindowsFor, type RiskWindow } from '../calendar/risk-windows.ts';
import { AIR_TRANSIT, laneTransit, type DestinationRegion, type OriginPort, type TransportMode } from './lanes.ts';
import { chainFrom, chainKinds, type BalanceDue, type ChainParams } from './milestone-chain.ts';
import { isMilestoneKind, MILESTONE_LIFECYCLE, type MilestoneDates, type MilestoneKind } from './milestone-kinds.ts';
import { resolvePlanSettings, type PlanSettings } from './plan-settings.ts';
import { recoveryOptions, type RecoveryOption } from './recovery-options.ts';
import { riskFlags, type PlanFlag } from './risk-flags.ts';
import type { EnteredDates } from './fill-missing.ts';

/** The Shipping mode choices of the Purchase Orders table. */
export type ShippingMode = 'Sea' | 'Air' | 'Sea + Air split';
const SHIPPING_MODES: readonly ShippingMode[] = ['Sea', 'Air', 'Sea + Air split'];

export interface PlanInput {
  today: IsoDate;
  target: { kind: 'delivery' | 'ship-by'; date: IsoDate };
  shippingMode: ShippingMode;
  /** Lane for transit days; `transitDays` overrides it per mode. */
  lane?: { origin: OriginPort; destination: DestinationRegion };
  transitDays?: Partial<Record<TransportMode, number>>;
  /** Production lead time in China working days of full output. */
  productionLeadTimeDays: number;
  /** Buffer % (10–15 usual, default 12). */
  bufferPercent?: number;
  balanceDue?: BalanceDue;
  /** Dates already entered on the PO's milestones; never overwritten (see fillMissing). */
  existing?: EnteredDates;
  /** Client country for its peaks (alpha-2 or English name). */
  clientCountry?: string;
  /** Risk windows to check against; generated from the calendar when omitted. */
  riskWindows?: readonly RiskWindow[];
  hasStandbySupplier?: boolean;
  settings?: Partial<PlanSettings>;
}

export interface ShipmentLeg {
  mode: TransportMode;
  ETD: IsoDate;
  ETA: IsoDate;
  Delivered: IsoDate;
}

export interface SchedulePlan {
  target: PlanInput['target'];
  shippingMode: ShippingMode;
  transitDays: Partial<Record<TransportMode, number>>;
  bufferPercent: number;
  bufferDays: number;
  /** Computed baseline dates for every milestone (Container loading only for sea). */
  milestones: MilestoneDates;
  /**
   * The dates to give milestones nobody entered yet: the baseline, except after an entered main-chain date that
   * is later than the plan needs, from which the chain is walked forward again. So a missing DUPRO never lands
   * before an entered, slipped Production start. (Dates may be past: a job adds no milestone in the past.)
   */
  projected: MilestoneDates;
  /** Sea + Air split only: the two legs from the same cargo-ready date. */
  legs?: ShipmentLeg[];
  feasible: boolean;
  /** Main-chain milestones the plan needs before today that are not entered yet. */
  lateMilestones: MilestoneKind[];
  flags: PlanFlag[];
  /** Only when the target cannot be met. */
  options: RecoveryOption[];
}

export function planSchedule(input: PlanInput): SchedulePlan {
  const settings = resolvePlanSettings({ ...input.settings, ...(input.bufferPercent !== undefined ? { bufferPercent: input.bufferPercent } : {}) });
  const today = checkDate(input.today, 'today');
  const targetField = input.target?.kind === 'ship-by' ? 'Ship-by date' : 'Target delivery date';
  const target = { kind: input.target?.kind, date: checkDate(input.target?.date, targetField) };
  if (target.kind !== 'delivery' && target.kind !== 'ship-by') throw new RangeError(`target.kind must be delivery or ship-by, got ${JSON.stringify(target.kind)}`);
  if (!SHIPPING_MODES.includes(input.shippingMode)) throw new RangeError(`Shipping mode must be one of ${SHIPPING_MODES.join(', ')}, got ${JSON.stringify(input.shippingMode)}`);
  const lead = input.productionLeadTimeDays;
  if (!Number.isInteger(lead) || lead < 1 || lead > 365) throw new RangeError(`Lead time days must be a whole number 1–365, got ${JSON.stringify(lead)}`);
  const existing = checkExisting(input.existing ?? {});

  const mainMode: TransportMode = input.shippingMode === 'Air' ? 'Air' : 'Sea';
  const transit = transitFor(input, mainMode);
  const base: ChainParams = {
    mode: mainMode,
    transitDays: transit[mainMode]!,
    productionDays: lead,
    bufferDays: 0,
    balanceDue: input.balanceDue ?? 'Against B/L copy',
    settings,
  };
  const anchor = { kind: target.kind === 'delivery' ? ('Delivered' as const) : ('ETD' as const), date: target.date };

  // Buffer = % of the lead-time span (production start → target) of the plan without buffer.
  const unbuffered = chainFrom(anchor, base);
  const bufferDays = Math.ceil((settings.bufferPercent / 100) * daysBetween(unbuffered['Production start']!, target.date));
  const params: ChainParams = { ...base, bufferDays };
  const milestones = chainFrom(anchor, params);

  const legs = input.shippingMode === 'Sea + Air split' ? splitLegs(milestones, transit.Air!, settings) : undefined;
  const lateMilestones = chainKinds(mainMode).filter((kind) => !existing[kind] && milestones[kind]! < today);
  const feasible = lateMilestones.length === 0;

  const flags: PlanFlag[] = [];
  const windows = input.riskWindows ?? generatedWindows(input.clientCountry, today, milestones, settings, flags);
  flags.push(...riskFlags(milestones, windows));
  flags.push(...enteredLaterThanPlan(existing, milestones));
  if (settings.bufferPercent < 10 || settings.bufferPercent > 15) {
    flags.push({ code: 'buffer-outside-usual-range', severity: 'Info', message: `Buffer ${settings.bufferPercent} % is outside the usual 10–15 %`, milestones: [] });
  }

  let options: RecoveryOption[] = [];
  if (!feasible) {
    const lane = input.lane ? laneTransit(input.lane.origin, input.lane.destination, 'Sea') : undefined;
    options = recoveryOptions({
      today,
      target,
      base,
      airTransitDays: transit.Air ?? input.transitDays?.Air ?? AIR_TRANSIT.maxDays,
      prioritySeaTransitDays: lane?.priority?.maxDays,
      hasStandbySupplier: input.hasStandbySupplier ?? false,
      existing,
    });
    const best = options.find((o) => o.meetsTarget && o.available);
    flags.unshift({
      code: 'target-missed',
      severity: 'Critical',
      message:
        `The ${targetField.toLowerCase()} ${target.date} needs ${lateMilestones.join(', ')} before today (${today}); ` +
        (best ? `option that still meets it: ${best.title}` : 'no option meets it; agree a new date with the client'),
      milestones: lateMilestones,
    });
  }

  const projected = projectFromEntered(existing, milestones, params, mainMode);
  return { target, shippingMode: input.shippingMode, transitDays: transit, bufferPercent: settings.bufferPercent, bufferDays, milestones, projected, legs, feasible, lateMilestones, flags, options };
}

/** See SchedulePlan.projected: re-anchors on the main-chain milestone whose entered date slipped the most. */
function projectFromEntered(existing: MilestoneDates, computed: MilestoneDates, params: ChainParams, mode: TransportMode): MilestoneDates {
  const main = chainKinds(mode);
  let worst: { kind: MilestoneKind; date: IsoDate; slip: number } | undefined;
  for (const kind of main) {
    const entered = existing[kind];
    const planned = computed[kind];
    if (!entered || !planned) continue;
    const slip = daysBetween(planned, entered);
    if (slip > 0 && (!worst || slip > worst.slip)) worst = { kind, date: entered, slip };
  }
  if (!worst) return computed;
  const moved = chainFrom({ kind: worst.kind, date: worst.date }, params);
  const anchorAt = main.indexOf(worst.kind);
  const projected: MilestoneDates = { ...computed };
  for (const [kind, date] of Object.entries(moved) as [MilestoneKind, IsoDate][]) {
    const onMain = main.indexOf(kind);
    // Main-chain steps before the anchor keep the baseline; side milestones follow the moved chain.
    if (onMain === -1 || onMain > anchorAt) projected[kind] = date;
  }
  return projected;
}

function transitFor(input: PlanInput, mainMode: TransportMode): Partial<Record<TransportMode, number>> {
  const modes: TransportMode[] = input.shippingMode === 'Sea + Air split' ? ['Sea', 'Air'] : [mainMode];
  const out: Partial<Record<TransportMode, number>> = {};
  for (const mode of modes) {
    const override = input.transitDays?.[mode];
    if (override !== undefined) {
      if (!Number.isInteger(override) || override < 1 || override > 120) throw new RangeError(`Transit days (${mode}) must be a whole number 1–120, got ${override}`);
      out[mode] = override;
    } else if (input.lane) {
      out[mode] = laneTransit(input.lane.origin, input.lane.destination, mode).standard.maxDays;
    } else {
      throw new RangeError(`Port of loading / Port of discharge: need a lane or transit days for ${mode}`);
    }
  }
  if (input.transitDays?.Air !== undefined && out.Air === undefined) out.Air = input.transitDays.Air;
  return out;
}

function splitLegs(m: MilestoneDates, airTransit: number, s: PlanSettings): ShipmentLeg[] {
  const airEtd = addDays(m['Cargo ready']!, s.cargoReadyToAirEtdDays);
  const airEta = addDays(airEtd, airTransit);
  return [
    { mode: 'Air', ETD: airEtd, ETA: airEta, Delivered: addDays(airEta, s.finalMileDays.Air) },
    { mode: 'Sea', ETD: m.ETD!, ETA: m.ETA!, Delivered: m.Delivered! },
  ];
}

function generatedWindows(country: string | undefined, today: IsoDate, m: MilestoneDates, s: PlanSettings, flags: PlanFlag[]): RiskWindow[] {
  const dates = [today, ...Object.values(m)];
  const fromYear = yearOf(dates.reduce((a, b) => (a < b ? a : b)));
  const toYear = yearOf(dates.reduce((a, b) => (a > b ? a : b)));
  const known = country ? clientCountry(country) : undefined;
  if (country && !known) {
    flags.push({ code: 'no-client-peak-profile', severity: 'Info', message: `No peak calendar for client country ${JSON.stringify(country)}; client peaks not checked`, milestones: [] });
  }
  // The next CNY's shutdown can start in December, so look one year ahead.
  return riskWindowsFor({ fromYear, toYear: toYear + 1, clientCountries: known ? [known.code] : [], shutdown: s.cnyShutdown });
}

function enteredLaterThanPlan(existing: MilestoneDates, computed: MilestoneDates): PlanFlag[] {
  return MILESTONE_LIFECYCLE.flatMap((kind) => {
    const entered = existing[kind];
    const planned = computed[kind];
    if (!entered || !planned || entered <= planned) return [];
    return [{
      code: 'entered-later-than-plan',
      severity: 'Warning' as const,
      message: `${kind} entered for ${entered} is ${daysBetween(planned, entered)} days later than the plan needs (${planned})`,
      milestones: [kind],
    }];
  });
}

function checkDate(date: IsoDate, field: string): IsoDate {
  parseIsoDate(date, field);
  return date;
}

function checkExisting(existing: EnteredDates): MilestoneDates {
  const out: MilestoneDates = {};
  for (const [kind, date] of Object.entries(existing)) {
    if (!isMilestoneKind(kind)) throw new RangeError(`Milestone kind ${JSON.stringify(kind)} is not one of ${MILESTONE_LIFECYCLE.join(', ')}`);
    if (date) out[kind] = checkDate(date, `${kind} date`);
  }
  return out;
}

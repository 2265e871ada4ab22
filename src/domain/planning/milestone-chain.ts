/**
 * The milestone chain of one PO, walkable both ways from any anchor: backwards from the delivery (or ship-by)
 * date for the baseline, forwards from today for recovery options. Factory steps move in China working days;
 * ETD → ETA → Delivered move in calendar days.
 */
import {
  addChinaWorkingDays,
  nextChinaWorkingDay,
  previousChinaWorkingDay,
  subtractChinaWorkingDays,
} from '../calendar/china-working-days.ts';
import { addDays, maxDate, type IsoDate } from '../calendar/iso-date.ts';
import type { TransportMode } from './lanes.ts';
import { MILESTONE_LIFECYCLE, type MilestoneDates, type MilestoneKind } from './milestone-kinds.ts';
import type { PlanSettings } from './plan-settings.ts';
import { advanceProduction, productionStartFor } from './production-days.ts';

/** The Balance due choices of the Purchase Orders table. */
export type BalanceDue = 'Before shipment' | 'Against B/L copy' | 'After PSI pass';

export interface ChainParams {
  mode: TransportMode;
  transitDays: number;
  productionDays: number;
  /** Calendar days of slack between the latest acceptable and the planned cargo-ready date. */
  bufferDays: number;
  balanceDue: BalanceDue;
  settings: PlanSettings;
}

interface Step {
  from: MilestoneKind;
  to: MilestoneKind;
  forward(date: IsoDate): IsoDate;
  backward(date: IsoDate): IsoDate;
}

const wdStep = (from: MilestoneKind, to: MilestoneKind, n: number): Step => ({
  from,
  to,
  forward: (d) => addChinaWorkingDays(nextChinaWorkingDay(d), n),
  backward: (d) => subtractChinaWorkingDays(previousChinaWorkingDay(d), n),
});

const calendarStep = (from: MilestoneKind, to: MilestoneKind, days: number): Step => ({
  from,
  to,
  forward: (d) => addDays(d, days),
  backward: (d) => addDays(d, -days),
});

function steps(p: ChainParams): Step[] {
  const s = p.settings;
  const head: Step[] = [
    wdStep('Deposit paid', 'Tooling kickoff', s.depositToToolingWd),
    wdStep('Tooling kickoff', 'Sample approval', s.toolingToSampleApprovalWd),
    wdStep('Sample approval', 'Materials ready', s.sampleApprovalToMaterialsWd),
    wdStep('Materials ready', 'Production start', s.materialsToProductionStartWd),
    {
      from: 'Production start',
      to: 'Production complete',
      forward: (d) => advanceProduction(nextChinaWorkingDay(d), p.productionDays, s),
      backward: (d) => productionStartFor(previousChinaWorkingDay(d), p.productionDays, s),
    },
    wdStep('Production complete', 'PSI', s.productionCompleteToPsiWd),
    wdStep('PSI', 'Cargo ready', s.psiToCargoReadyWd),
  ];
  // The buffer sits between cargo ready and the shipping side: the factory aims early, the sailing stays put.
  const shipping: Step[] =
    p.mode === 'Sea'
      ? [
          {
            from: 'Cargo ready',
            to: 'Container loading',
            forward: (d) => nextChinaWorkingDay(addDays(addChinaWorkingDays(d, s.cargoReadyToLoadingWd), p.bufferDays)),
            backward: (d) => previousChinaWorkingDay(addDays(subtractChinaWorkingDays(previousChinaWorkingDay(d), s.cargoReadyToLoadingWd), -p.bufferDays)),
          },
          {
            from: 'Container loading',
            to: 'ETD',
            forward: (d) => addDays(d, s.loadingToEtdDays),
            backward: (d) => previousChinaWorkingDay(addDays(d, -s.loadingToEtdDays)),
          },
        ]
      : [
          {
            from: 'Cargo ready',
            to: 'ETD',
            forward: (d) => addDays(d, s.cargoReadyToAirEtdDays + p.bufferDays),
            backward: (d) => previousChinaWorkingDay(addDays(d, -(s.cargoReadyToAirEtdDays + p.bufferDays))),
          },
        ];
  return [
    ...head,
    ...shipping,
    calendarStep('ETD', 'ETA', p.transitDays),
    calendarStep('ETA', 'Delivered', s.finalMileDays[p.mode]),
  ];
}

const HEAD_KINDS: MilestoneKind[] = [
  'Deposit paid', 'Tooling kickoff', 'Sample approval', 'Materials ready', 'Production start', 'Production complete', 'PSI', 'Cargo ready',
];

/** Main-chain kinds in order for a mode (no Container loading for air freight). */
export function chainKinds(mode: TransportMode): MilestoneKind[] {
  return [...HEAD_KINDS, ...(mode === 'Sea' ? (['Container loading'] as const) : []), 'ETD', 'ETA', 'Delivered'];
}

/**
 * Every milestone from one anchor: earlier main-chain kinds backwards, later ones forwards (never before
 * `notBefore` when given, because a step that has not happened cannot happen in the past), then the side
 * milestones (IPI, DUPRO, Booking, Balance paid) from the main chain.
 */
export function chainFrom(anchor: { kind: MilestoneKind; date: IsoDate }, p: ChainParams, notBefore?: IsoDate): MilestoneDates {
  const list = steps(p);
  const kinds = chainKinds(p.mode);
  const at = kinds.indexOf(anchor.kind);
  if (at < 0) throw new RangeError(`${anchor.kind} is not on the ${p.mode} main chain`);
  const dates: MilestoneDates = { [anchor.kind]: anchor.date };
  for (let i = at - 1; i >= 0; i -= 1) dates[kinds[i]!] = list[i]!.backward(dates[kinds[i + 1]!]!);
  for (let i = at; i < list.length; i += 1) {
    const next = list[i]!.forward(dates[kinds[i]!]!);
    dates[kinds[i + 1]!] = notBefore === undefined ? next : maxDate(next, notBefore);
  }
  const side = sideMilestones(dates, p);
  // A booking that "should" have been made already is made on the next possible day.
  if (notBefore !== undefined) side.Booking = maxDate(side.Booking!, notBefore);
  const all: MilestoneDates = { ...dates, ...side };
  // Same key order as the Milestones table's Kind choices, so reports and snapshots read in lifecycle order.
  return Object.fromEntries(MILESTONE_LIFECYCLE.filter((k) => all[k] !== undefined).map((k) => [k, all[k]]));
}

function sideMilestones(d: MilestoneDates, p: ChainParams): MilestoneDates {
  const s = p.settings;
  const start = d['Production start']!;
  const side: MilestoneDates = {
    IPI: subtractChinaWorkingDays(start, s.ipiBeforeProductionStartWd),
    DUPRO: advanceProduction(start, (p.productionDays * s.duproAtPercent) / 100, s),
    Booking: previousChinaWorkingDay(addDays(d['Cargo ready']!, -s.bookingBeforeCargoReadyDays[p.mode])),
  };
  side['Balance paid'] =
    p.balanceDue === 'Before shipment'
      ? d['Cargo ready']!
      : p.balanceDue === 'After PSI pass'
        ? addChinaWorkingDays(d.PSI!, 1)
        : addDays(d.ETD!, s.balanceAfterEtdDays);
  return side;
}

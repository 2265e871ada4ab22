/**
 * When the target cannot be met from today, what could still work: consume the buffer, a faster lane, splitting
 * production with the standby supplier, or air-freighting a first batch ahead of the sea bulk. Each option is
 * planned forwards from today (or from the latest milestone already entered) with its resulting dates.
 */
import { nextChinaWorkingDay } from '../calendar/china-working-days.ts';
import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { TransportMode } from './lanes.ts';
import { chainFrom, chainKinds, type ChainParams } from './milestone-chain.ts';
import type { MilestoneDates, MilestoneKind } from './milestone-kinds.ts';

export type RecoveryKind = 'consume-buffer' | 'priority-lane' | 'split-production' | 'partial-shipment';

export interface Outcome {
  milestones: MilestoneDates;
  /** Delivered (delivery target) or ETD (ship-by target). */
  arrival: IsoDate;
  meetsTarget: boolean;
  daysLate: number;
}

export interface ShipmentBatch extends Outcome {
  share: number;
  mode: TransportMode;
}

export interface RecoveryOption extends Outcome {
  kind: RecoveryKind;
  title: string;
  /** False when a precondition is missing (e.g. no standby supplier on the PO); dates still show the effect. */
  available: boolean;
  note?: string;
  /** Partial shipment only: first batch by air, bulk by sea. The option's own dates are the first batch's. */
  batches?: ShipmentBatch[];
}

export interface RecoveryContext {
  today: IsoDate;
  target: { kind: 'delivery' | 'ship-by'; date: IsoDate };
  /** Chain parameters of the baseline (its mode, transit and lead time), buffer ignored. */
  base: ChainParams;
  /** Transit days by air, and a faster sea service if the lane has one. */
  airTransitDays: number;
  prioritySeaTransitDays?: number;
  hasStandbySupplier: boolean;
  existing: MilestoneDates;
}

export function recoveryOptions(ctx: RecoveryContext): RecoveryOption[] {
  const base: ChainParams = { ...ctx.base, bufferDays: 0 };
  const s = base.settings;
  const options: RecoveryOption[] = [
    {
      kind: 'consume-buffer',
      title: 'Keep the plan and use up the buffer',
      available: true,
      ...outcome(ctx, base),
    },
  ];

  if (base.mode === 'Sea') {
    const express = ctx.prioritySeaTransitDays;
    const params: ChainParams = express !== undefined ? { ...base, transitDays: express } : { ...base, mode: 'Air', transitDays: ctx.airTransitDays };
    options.push({
      kind: 'priority-lane',
      title: express !== undefined ? `Book the express sea service (${express} days)` : `Air-freight the whole order (${ctx.airTransitDays} days)`,
      available: true,
      note: express !== undefined ? undefined : 'no express sea service on this lane',
      ...outcome(ctx, params),
    });
  }

  const largestShare = Math.max(s.standbyShare, 1 - s.standbyShare);
  options.push({
    kind: 'split-production',
    title: `Split production with the standby supplier (${Math.round(s.standbyShare * 100)} % there)`,
    available: ctx.hasStandbySupplier,
    note: ctx.hasStandbySupplier ? 'the standby supplier needs its own sample approval and IPI' : 'no standby supplier on the PO',
    ...outcome(ctx, { ...base, productionDays: Math.ceil(base.productionDays * largestShare) }),
  });

  if (base.mode === 'Sea') {
    const first: ChainParams = {
      ...base,
      mode: 'Air',
      transitDays: ctx.airTransitDays,
      productionDays: Math.ceil(base.productionDays * s.firstBatchShare),
    };
    const batches: ShipmentBatch[] = [
      { share: s.firstBatchShare, mode: 'Air', ...outcome(ctx, first) },
      { share: round(1 - s.firstBatchShare), mode: 'Sea', ...outcome(ctx, base) },
    ];
    options.push({
      kind: 'partial-shipment',
      title: `Air-freight a first batch of ${Math.round(s.firstBatchShare * 100)} %, ship the bulk by sea`,
      available: true,
      note: 'the target counts as met when the first batch arrives in time; agree the split with the client',
      milestones: batches[0]!.milestones,
      arrival: batches[0]!.arrival,
      meetsTarget: batches[0]!.meetsTarget,
      daysLate: batches[0]!.daysLate,
      batches,
    });
  }
  return options;
}

function outcome(ctx: RecoveryContext, params: ChainParams): Outcome {
  const milestones = chainFrom(forwardAnchor(ctx, params.mode), params, nextChinaWorkingDay(ctx.today));
  const arrival = (ctx.target.kind === 'delivery' ? milestones.Delivered : milestones.ETD)!;
  const late = daysBetween(ctx.target.date, arrival);
  return { milestones, arrival, meetsTarget: late <= 0, daysLate: Math.max(0, late) };
}

/** The latest main-chain milestone already entered, else the deposit on the next working day. */
function forwardAnchor(ctx: RecoveryContext, mode: TransportMode): { kind: MilestoneKind; date: IsoDate } {
  const kinds = chainKinds(mode);
  for (let i = kinds.length - 1; i >= 0; i -= 1) {
    const kind = kinds[i]!;
    const date = ctx.existing[kind];
    if (date) return { kind, date };
  }
  return { kind: 'Deposit paid', date: nextChinaWorkingDay(ctx.today) };
}

function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}

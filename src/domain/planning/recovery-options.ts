/**
 * When the PO's date cannot be met, what could still work, each planned on the SAME network from the same facts
 * (actual dates and today; people's planned dates are what is being re-planned, so they do not bind): use the
 * buffer (the plan as it is), split production with the standby supplier, air-freight a first batch ahead of the
 * sea bulk, or a priority lane (express sea string, else air for the whole order). Deterministic: the same records
 * and day give the same options.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import { bookingLeadDays } from './booking-lead.ts';
import { runPasses, type NodeFacts } from './network-passes.ts';
import type { PoSchedule } from './po-schedule.ts';
import { scheduleNetwork, type NetworkParams, type NodeId } from './schedule-network.ts';

export type RecoveryKind = 'use-buffer' | 'split-standby' | 'air-first-batch' | 'priority-lane';

export interface RecoveryOption {
  kind: RecoveryKind;
  title: string;
  /** False when a precondition is missing (no standby supplier on the PO); the dates still show the effect. */
  available: boolean;
  /** The ETD (ship-by target) or delivery (delivery target) this option gives. */
  arrival: IsoDate;
  meetsTarget: boolean;
  daysLate: number;
  note?: string;
}

export function recoveryOptions(schedule: PoSchedule, hasStandbySupplier: boolean): RecoveryOption[] {
  const { passes, params, target, settings: s } = schedule;
  if (!target || !passes.target) return [];
  const options: RecoveryOption[] = [];
  const verdict = passes.target;
  options.push({
    kind: 'use-buffer',
    title: `Keep the plan and use the ${schedule.bufferDays}-day buffer`,
    available: true,
    arrival: verdict.forecast,
    meetsTarget: verdict.daysLate === 0,
    daysLate: verdict.daysLate,
  });
  const share = Math.max(s.standbyShare, 1 - s.standbyShare);
  options.push({
    kind: 'split-standby',
    title: `Split production with the standby supplier (${Math.round(s.standbyShare * 100)} % there)`,
    available: hasStandbySupplier,
    note: hasStandbySupplier ? 'the standby supplier needs its own sample approval and IPI' : 'no standby supplier on the PO',
    ...replan(schedule, { ...params, productionDays: Math.ceil(params.productionDays * share) }, target.node),
  });
  if (params.shippingMode !== 'Air') {
    const air = schedule.lane.transit.Air?.standard.maxDays ?? 7;
    const firstBatch: NetworkParams = {
      ...params,
      shippingMode: 'Air',
      productionDays: Math.ceil(params.productionDays * s.firstBatchShare),
      transitDays: { ...params.transitDays, Air: air },
    };
    options.push({
      kind: 'air-first-batch',
      title: `Air-freight a first batch of ${Math.round(s.firstBatchShare * 100)} %, ship the rest by sea`,
      available: true,
      note: 'the date counts as met when the first batch arrives in time; agree the split with the client',
      ...replan(schedule, firstBatch, target.node),
    });
    const express = schedule.lane.transit.Sea?.priority?.maxDays;
    const priority: NetworkParams =
      express !== undefined
        ? { ...params, shippingMode: 'Sea', transitDays: { ...params.transitDays, Sea: express } }
        : { ...params, shippingMode: 'Air', transitDays: { ...params.transitDays, Air: air } };
    options.push({
      kind: 'priority-lane',
      title: express !== undefined ? `Book the express sea service (${express} days)` : `Air-freight the whole order (${air} days)`,
      available: true,
      ...(express === undefined ? { note: 'no express sea service on this lane' } : {}),
      ...replan(schedule, priority, target.node),
    });
  }
  return options;
}

function replan(schedule: PoSchedule, params: NetworkParams, node: NodeId): Pick<RecoveryOption, 'arrival' | 'meetsTarget' | 'daysLate'> {
  const network = scheduleNetwork(params);
  // Only facts bind a re-plan: actual dates. Planned dates (people's or the plan's) are what changes.
  const facts: Partial<Record<NodeId, NodeFacts>> = {};
  for (const [id, f] of Object.entries(schedule.facts) as [NodeId, NodeFacts][]) if (f.actual && network.index.has(id)) facts[id] = { actual: f.actual };
  const mode = params.shippingMode === 'Air' ? 'Air' : 'Sea';
  const result = runPasses({
    network,
    calendar: schedule.calendar,
    today: schedule.today,
    facts,
    target: { node, date: schedule.target!.date, bufferDays: 0 },
    bookingLeadDays: (c) => bookingLeadDays(mode, c, schedule.settings),
  });
  // An ETD already done is history for the re-plan too: the option changes nothing.
  const t = result.target ?? schedule.passes.target!;
  return { arrival: t.forecast, meetsTarget: t.daysLate === 0, daysLate: t.daysLate };
}

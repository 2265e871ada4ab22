/** Small helpers for the schedule-network tests: a network, its calendar and the passes for given facts. */
import { resolvePlanSettings, type PlanSettings } from '../../../src/domain/planning/plan-settings.ts';
import { bookingLeadDays } from '../../../src/domain/planning/booking-lead.ts';
import { runPasses, type NodeFacts, type PassResult } from '../../../src/domain/planning/network-passes.ts';
import { scheduleNetwork, type NetworkParams, type NodeId, type ShippingMode } from '../../../src/domain/planning/schedule-network.ts';
import { workCalendar, type FactoryWindow } from '../../../src/domain/planning/work-calendar.ts';

export interface NetCase {
  mode: ShippingMode;
  today: string;
  productionDays: number;
  facts?: Partial<Record<NodeId, NodeFacts>>;
  target?: { node: NodeId; date: string; bufferDays: number };
  tooling?: boolean;
  factoryWindows?: FactoryWindow[];
  blackouts?: { start: string; end: string }[];
  settings?: Partial<PlanSettings>;
}

export function plan(c: NetCase): PassResult {
  const settings = resolvePlanSettings(c.settings);
  const params: NetworkParams = {
    shippingMode: c.mode,
    balanceDue: 'Against B/L copy',
    tooling: c.tooling ?? false,
    productionDays: c.productionDays,
    transitDays: { Sea: 18, Air: 7 },
    settings,
  };
  const year = Number(c.today.slice(0, 4));
  const calendar = workCalendar({
    fromYear: year - 2,
    toYear: year + 4,
    factoryWindows: c.factoryWindows ?? [],
    blackouts: c.blackouts ?? [],
    settings: { closureCapacity: settings.closureCapacity, cnyShutdown: settings.cnyShutdown },
  });
  const mode = c.mode === 'Air' ? 'Air' : 'Sea';
  return runPasses({
    network: scheduleNetwork(params),
    calendar,
    today: c.today,
    facts: c.facts ?? {},
    target: c.target,
    bookingLeadDays: (cargo) => bookingLeadDays(mode, cargo, settings),
  });
}

export function datesOf(r: PassResult): Record<string, string | undefined> {
  return Object.fromEntries(r.nodes.map((n) => [n.id, n.date]));
}

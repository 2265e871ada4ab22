/**
 * THE milestone precedence network of a PO, as data. Every part that talks about order or status (the planner,
 * the checks' milestone-dependencies / late / at-risk rules, the client portal's health, the Gantt) reads it from
 * here, so they cannot disagree.
 *
 * Each edge is finish-to-start: `to` can happen no earlier than `from` plus the lag, counted in the lag's unit:
 * - "working days": factory working days (China holidays, make-up days, CNY shutdown, the supplier's closures);
 * - "output days": production output (a day in the CNY shutdown or a maintenance window gives less);
 * - "days": calendar days (ships and airlines do not keep factory holidays).
 * Each node then lands on a day of its own calendar: factory steps on a factory working day, loading on a day the
 * factory works and the port is not in a blackout, the sailing outside a blackout, the delivery on a client
 * working day.
 */
import type { MilestoneKind } from '../models/milestone.ts';
import type { TransportMode } from './lanes.ts';
import type { PlanSettings } from './plan-settings.ts';

/** The Shipping mode choices of the Purchase Orders table. */
export type ShippingMode = 'Sea' | 'Air' | 'Sea + Air split';
/** The Balance due choices of the Purchase Orders table. */
export type BalanceDue = 'Before shipment' | 'Against B/L copy' | 'After PSI pass';

/** Milestone kinds, plus the air leg of a split shipment (planned and reported, not a Milestones row). */
export type NodeId = MilestoneKind | 'Air ETD' | 'Air ETA' | 'Air delivered';
export type NodeCalendar = 'factory' | 'loading' | 'shipping' | 'client' | 'none';
export type LagUnit = 'working days' | 'output days' | 'days';

export interface Lag {
  unit: LagUnit;
  n: number;
}

export interface NetworkEdge {
  from: NodeId;
  to: NodeId;
  lag: Lag;
}

export interface NetworkNode {
  id: NodeId;
  /** The Milestones row kind this node is written to (none for the air leg of a split). */
  kind?: MilestoneKind;
  calendar: NodeCalendar;
}

export interface NetworkParams {
  shippingMode: ShippingMode;
  balanceDue: BalanceDue;
  /** Only orders with a new SKU (or a Tooling kickoff row) have a tooling step. */
  tooling: boolean;
  /** Production lead time in full-output factory days. */
  productionDays: number;
  /** Port-to-port days per mode used. */
  transitDays: Partial<Record<TransportMode, number>>;
  settings: PlanSettings;
}

export interface ScheduleNetwork {
  /** In topological order: every edge goes from an earlier node to a later one. */
  nodes: readonly NetworkNode[];
  edges: readonly NetworkEdge[];
  /** Incoming / outgoing edges per node index. */
  into: readonly (readonly number[])[];
  /** Node index of each edge's ends. */
  edgeFrom: readonly number[];
  edgeTo: readonly number[];
  out: readonly (readonly number[])[];
  index: ReadonlyMap<NodeId, number>;
  /** The node the PO's date is about: ETD for a ship-by date, Delivered for a delivery date. */
  mainMode: TransportMode;
}

const CALENDAR: Record<NodeId, NodeCalendar> = {
  'Deposit paid': 'factory',
  'Tooling kickoff': 'factory',
  'Sample approval': 'factory',
  'Materials ready': 'factory',
  IPI: 'factory',
  'Production start': 'factory',
  DUPRO: 'factory',
  'Production complete': 'factory',
  PSI: 'factory',
  'Cargo ready': 'factory',
  Booking: 'factory',
  'Container loading': 'loading',
  ETD: 'shipping',
  ETA: 'none',
  Delivered: 'client',
  'Balance paid': 'none',
  'Air ETD': 'shipping',
  'Air ETA': 'none',
  'Air delivered': 'client',
};

const wd = (n: number): Lag => ({ unit: 'working days', n });
const out = (n: number): Lag => ({ unit: 'output days', n });
const days = (n: number): Lag => ({ unit: 'days', n });

/** The edges of one PO's network; their order is the topological order of the nodes they introduce. */
export function networkEdges(p: NetworkParams): NetworkEdge[] {
  const s = p.settings;
  const e = (from: NodeId, to: NodeId, lag: Lag): NetworkEdge => ({ from, to, lag });
  const mainMode: TransportMode = p.shippingMode === 'Air' ? 'Air' : 'Sea';
  const transit = p.transitDays[mainMode];
  if (transit === undefined) throw new RangeError(`Transit days (${mainMode}) are missing`);
  const edges: NetworkEdge[] = [
    ...(p.tooling
      ? [e('Deposit paid', 'Tooling kickoff', wd(s.depositToToolingWd)), e('Tooling kickoff', 'Sample approval', wd(s.toolingToSampleApprovalWd))]
      : [e('Deposit paid', 'Sample approval', wd(s.repeatOrderSampleApprovalWd))]),
    e('Sample approval', 'Materials ready', wd(s.sampleApprovalToMaterialsWd)),
    e('Materials ready', 'IPI', wd(0)),
    e('Materials ready', 'Production start', wd(s.materialsToProductionStartWd)),
    e('IPI', 'Production start', wd(s.ipiBeforeProductionStartWd)),
    e('Production start', 'DUPRO', out((p.productionDays * s.duproAtPercent) / 100)),
    e('Production start', 'Production complete', out(p.productionDays)),
    e('DUPRO', 'Production complete', wd(0)),
    e('Production complete', 'PSI', wd(s.productionCompleteToPsiWd)),
    e('PSI', 'Cargo ready', wd(s.psiToCargoReadyWd)),
    // Booking is placed from cargo ready (see booking-lead.ts); the edge only says space is booked before it is used.
    e('Deposit paid', 'Booking', wd(0)),
  ];
  if (mainMode === 'Sea') {
    edges.push(
      e('Cargo ready', 'Container loading', wd(s.cargoReadyToLoadingWd)),
      e('Booking', 'Container loading', days(1)),
      e('Container loading', 'ETD', days(s.loadingToEtdDays)),
    );
  } else {
    edges.push(e('Cargo ready', 'ETD', days(s.cargoReadyToAirEtdDays)), e('Booking', 'ETD', days(1)));
  }
  edges.push(e('ETD', 'ETA', days(transit)), e('ETA', 'Delivered', days(s.finalMileDays[mainMode])));
  if (p.balanceDue === 'Before shipment') edges.push(e('Cargo ready', 'Balance paid', days(0)));
  else if (p.balanceDue === 'After PSI pass') edges.push(e('PSI', 'Balance paid', wd(1)));
  else edges.push(e('ETD', 'Balance paid', days(s.balanceAfterEtdDays)));
  if (p.shippingMode === 'Sea + Air split') {
    const air = p.transitDays.Air;
    if (air === undefined) throw new RangeError('Transit days (Air) are missing for the air leg of the split');
    edges.push(
      e('Cargo ready', 'Air ETD', days(s.cargoReadyToAirEtdDays)),
      e('Air ETD', 'Air ETA', days(air)),
      e('Air ETA', 'Air delivered', days(s.finalMileDays.Air)),
    );
  }
  return edges;
}

/** Node order: a kind comes after every node with an edge into it (Kahn's algorithm, ties in lifecycle order). */
const LIFECYCLE: readonly NodeId[] = [
  'Deposit paid', 'Tooling kickoff', 'Sample approval', 'Materials ready', 'IPI', 'Production start', 'DUPRO',
  'Production complete', 'PSI', 'Cargo ready', 'Booking', 'Container loading', 'ETD', 'ETA', 'Delivered', 'Balance paid',
  'Air ETD', 'Air ETA', 'Air delivered',
];

const networkCache = new Map<string, ScheduleNetwork>();
const settingsIds = new Map<string, number>();
const settingsKeys = new WeakMap<PlanSettings, number>();

/** A small number per distinct settings value, for short cache keys. */
export function settingsId(settings: PlanSettings): number {
  let id = settingsKeys.get(settings);
  if (id === undefined) {
    const json = JSON.stringify(settings);
    id = settingsIds.get(json) ?? settingsIds.size + 1;
    settingsIds.set(json, id);
    settingsKeys.set(settings, id);
  }
  return id;
}

/** A short cache key: a run plans thousands of POs that share a handful of networks. */
function networkKey(p: NetworkParams): string {
  const settings = settingsId(p.settings);
  return `${p.shippingMode}|${p.balanceDue}|${p.tooling}|${p.productionDays}|${p.transitDays.Sea}|${p.transitDays.Air}|${settings}`;
}

export function scheduleNetwork(p: NetworkParams): ScheduleNetwork {
  const key = networkKey(p);
  const cached = networkCache.get(key);
  if (cached) return cached;
  const edges = networkEdges(p);
  const present = new Set<NodeId>(edges.flatMap((e) => [e.from, e.to]));
  const ids = LIFECYCLE.filter((id) => present.has(id));
  const indegree = new Map<NodeId, number>(ids.map((id) => [id, 0]));
  for (const e of edges) indegree.set(e.to, indegree.get(e.to)! + 1);
  const ordered: NodeId[] = [];
  const done = new Set<NodeId>();
  while (ordered.length < ids.length) {
    const next = ids.find((id) => !done.has(id) && indegree.get(id) === 0);
    if (!next) throw new Error('The milestone network has a cycle');
    ordered.push(next);
    done.add(next);
    for (const e of edges) if (e.from === next) indegree.set(e.to, indegree.get(e.to)! - 1);
  }
  const index = new Map<NodeId, number>(ordered.map((id, i) => [id, i]));
  const into: number[][] = ordered.map(() => []);
  const outOf: number[][] = ordered.map(() => []);
  edges.forEach((e, i) => {
    into[index.get(e.to)!]!.push(i);
    outOf[index.get(e.from)!]!.push(i);
  });
  const nodes: NetworkNode[] = ordered.map((id) => ({
    id,
    ...(id.startsWith('Air ') ? {} : { kind: id as MilestoneKind }),
    calendar: CALENDAR[id],
  }));
  const edgeFrom = edges.map((e) => index.get(e.from)!);
  const edgeTo = edges.map((e) => index.get(e.to)!);
  const network: ScheduleNetwork = { nodes, edges, into, out: outOf, edgeFrom, edgeTo, index, mainMode: p.shippingMode === 'Air' ? 'Air' : 'Sea' };
  if (networkCache.size > 20_000) networkCache.clear();
  networkCache.set(key, network);
  return network;
}

/** The kinds a milestone waits for in this network (for messages and the dependency check). */
export function predecessorsOf(network: ScheduleNetwork, id: NodeId): NodeId[] {
  const i = network.index.get(id);
  if (i === undefined) return [];
  return network.into[i]!.map((e) => network.edges[e]!.from);
}

export function describeLag(lag: Lag): string {
  if (lag.unit === 'days') return `${lag.n} day${lag.n === 1 ? '' : 's'}`;
  const n = Math.round(lag.n * 10) / 10;
  return lag.unit === 'working days' ? `${n} factory working day${n === 1 ? '' : 's'}` : `${n} days of full production output`;
}

/**
 * The critical-path passes over one PO's network.
 *
 * Inputs per node: its actual date (a fact), a planned date a PERSON entered (a commitment), or nothing (the plan's
 * to fill). Planned dates the PLAN wrote last time are not inputs: they are recomputed every run.
 *
 * - History: a node with no date of its own whose successor is already done is in the past; it gets no date.
 * - Entered bound (backward, from entered dates only): the latest day each plan node can take so every entered
 *   successor stays reachable.
 * - Forward pass: earliest = max(predecessor + lag, today), on the node's calendar. A plan node takes its earliest
 *   date, unless that breaks an entered successor: then it is squeezed to the entered bound (never before its
 *   predecessors or today), so no plan date contradicts an entered one; the entered successor then carries a
 *   conflict (the entered dates themselves leave too little time) or is at risk (a late predecessor pushes it).
 * - Conflict: an entered, not-done date earlier than its predecessors' entered dates plus the lags allow (today
 *   plays no part), or a done milestone whose predecessor is not done and planned too late for it.
 * - Forecast: the same forward pass where an entered date cannot pull a successor earlier than its predecessors
 *   allow: when each milestone will realistically happen.
 * - Backward pass from the target (ship-by ETD or delivery) minus the buffer: latest; float = latest − forecast.
 * - Status: Done (actual date) · Late (date passed, not done) · At risk (a conflict, the forecast is later than the
 *   date, or negative float: the buffer is being used) · On track.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import { backward, forward, align } from './network-steps.ts';
import type { NodeId, ScheduleNetwork } from './schedule-network.ts';
import { dayNumberOf, isoOfDayNumber, type WorkCalendar } from './work-calendar.ts';

/** The status words used everywhere (checks, Milestones "Status", client portal, Gantt, digest). */
export const SCHEDULE_STATUSES = ['Done', 'Late', 'At risk', 'On track'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export type DateSource = 'actual' | 'person' | 'plan' | 'history';

export interface NodeFacts {
  actual?: IsoDate | undefined;
  /** A planned date a person entered (or one of unknown origin). */
  person?: IsoDate | undefined;
}

export interface PassInput {
  network: ScheduleNetwork;
  calendar: WorkCalendar;
  today: IsoDate;
  facts: Partial<Record<NodeId, NodeFacts>>;
  target?: { node: NodeId; date: IsoDate; bufferDays: number } | undefined;
  /** Calendar days between booking and cargo ready, for a given cargo-ready date. */
  bookingLeadDays(cargoReady: IsoDate): number;
}

export interface NodeResult {
  id: NodeId;
  source: DateSource;
  /** Actual, else the person's planned date, else the plan's date (none for history). */
  date?: IsoDate;
  /** When it will realistically happen. */
  forecast?: IsoDate;
  /** Latest date that keeps the buffer (none when no target depends on it). */
  latest?: IsoDate;
  /** latest − forecast in days. */
  float?: number;
  critical: boolean;
  /** A plan date pulled earlier than its predecessors allow to stay before an entered date. */
  squeezed: boolean;
  status?: ScheduleStatus;
}

export interface Conflict {
  /** The entered milestone that breaks precedence. */
  milestone: NodeId;
  date: IsoDate;
  done: boolean;
  /** The predecessor that cannot be met, and the nearest entered milestone behind it (may be the same). */
  predecessor: NodeId;
  anchor: { id: NodeId; date: IsoDate; source: DateSource };
  /** Earliest date the milestone could have given its predecessors. */
  earliest: IsoDate;
}

export interface TargetVerdict {
  node: NodeId;
  date: IsoDate;
  forecast: IsoDate;
  bufferDays: number;
  /** Days past the target (0 when met). */
  daysLate: number;
  /** Buffer days the forecast uses (0..bufferDays, or all of it when late). */
  bufferUsed: number;
}

export interface PassResult {
  nodes: NodeResult[];
  byId: ReadonlyMap<NodeId, NodeResult>;
  conflicts: Conflict[];
  target?: TargetVerdict;
}

const NONE = Number.NEGATIVE_INFINITY;
const FREE = Number.POSITIVE_INFINITY;

export function runPasses(input: PassInput): PassResult {
  const { network: net, calendar: cal } = input;
  const idx = (date: IsoDate): number => dayNumberOf(date) - cal.origin;
  const iso = (i: number): IsoDate => isoOfDayNumber(i + cal.origin);
  const n = net.nodes.length;
  const T = idx(input.today);
  const actual = new Array<number | undefined>(n);
  const person = new Array<number | undefined>(n);
  net.nodes.forEach((node, i) => {
    const f = input.facts[node.id];
    actual[i] = f?.actual ? idx(f.actual) : undefined;
    person[i] = f?.person && !f.actual ? idx(f.person) : undefined;
  });
  const fixed = (i: number) => actual[i] ?? person[i];

  // History: no date of its own, and something after it is already done.
  const doneBelow = new Array<boolean>(n).fill(false);
  const history = new Array<boolean>(n).fill(false);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (const e of net.out[i]!) {
      const j = net.edgeTo[e]!;
      if (actual[j] !== undefined || doneBelow[j]) doneBelow[i] = true;
    }
    history[i] = fixed(i) === undefined && doneBelow[i]!;
  }

  // Entered bound: latest day for each node so that every entered successor stays reachable.
  const bound = new Array<number>(n).fill(FREE);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (const e of net.out[i]!) {
      const edge = net.edges[e]!;
      const j = net.edgeTo[e]!;
      if (history[j]) continue;
      const q = fixed(j) ?? bound[j]!;
      if (q === FREE) continue;
      bound[i] = Math.min(bound[i]!, backward(cal, edge.lag, net.nodes[j]!.calendar, q));
    }
  }

  const eff = new Array<number>(n).fill(NONE); // the date the node has (written or entered)
  const prop = new Array<number>(n).fill(NONE); // what successors plan from (never before today while undone)
  const upper = new Array<number>(n).fill(NONE); // earliest from entered dates and lags alone (no today): finds conflicts
  const fc = new Array<number>(n).fill(NONE); // forecast
  const squeezed = new Array<boolean>(n).fill(false);
  const conflicts: Conflict[] = [];
  const cargo = net.index.get('Cargo ready');

  for (let i = 0; i < n; i += 1) {
    if (history[i]) continue;
    const node = net.nodes[i]!;
    let fromProp = NONE;
    let fromUpper = NONE;
    let fromFc = NONE;
    let fromEff = NONE;
    let lowest = NONE;
    let bindingUpper = -1;
    let bindingEff = -1;
    for (const e of net.into[i]!) {
      const edge = net.edges[e]!;
      const p = net.edgeFrom[e]!;
      if (history[p]) continue;
      fromProp = Math.max(fromProp, forward(cal, edge.lag, node.calendar, prop[p]!));
      lowest = Math.max(lowest, prop[p]!);
      const u = forward(cal, edge.lag, node.calendar, upper[p]!);
      if (u > fromUpper) [fromUpper, bindingUpper] = [u, p];
      fromFc = Math.max(fromFc, forward(cal, edge.lag, node.calendar, fc[p]!));
      // A done milestone is only questioned by a predecessor that is not done: two actual dates are facts (the
      // factory was quicker than the usual lag), an undone predecessor planned too late for it is a date to fix.
      const f = forward(cal, edge.lag, node.calendar, eff[p]!);
      if (actual[p] === undefined && f > fromEff) [fromEff, bindingEff] = [f, p];
    }
    const a = actual[i];
    const d = person[i];
    if (a !== undefined) {
      eff[i] = prop[i] = upper[i] = fc[i] = a;
      if (bindingEff >= 0 && fromEff > a) conflicts.push(conflict(i, a, true, bindingEff, fromEff));
      continue;
    }
    if (d !== undefined) {
      eff[i] = d;
      prop[i] = Math.max(d, T);
      upper[i] = d;
      fc[i] = Math.max(d, T, fromFc);
      if (d >= T && bindingUpper >= 0 && fromUpper > d) conflicts.push(conflict(i, d, false, bindingUpper, fromUpper));
      continue;
    }
    // A plan node: its earliest date, kept before entered successors when it can be.
    let early = align(cal, node.calendar, Math.max(fromProp, T));
    // Conflicts are between entered dates and lags only: a late predecessor makes a milestone at risk, not wrong.
    let up = align(cal, node.calendar, fromUpper);
    let fcast = align(cal, node.calendar, Math.max(fromFc, T));
    if (node.id === 'Booking' && cargo !== undefined && !history[cargo]) {
      // Booked the lane's lead ahead of cargo ready, not as early as possible.
      const lead = (c: number) => (Number.isFinite(c) ? align(cal, node.calendar, c - input.bookingLeadDays(iso(c))) : NONE);
      early = Math.max(early, lead(prop[cargo]!));
      up = Math.max(up, lead(upper[cargo]!));
      fcast = Math.max(fcast, lead(fc[cargo]!));
    }
    let w = early;
    if (early > bound[i]!) {
      w = Math.max(bound[i]!, lowest, T);
      squeezed[i] = w < early;
    }
    eff[i] = prop[i] = w;
    upper[i] = up;
    fc[i] = fcast;
  }

  // Latest dates: backward from the target minus the buffer.
  const latest = new Array<number>(n).fill(FREE);
  let target: TargetVerdict | undefined;
  const t = input.target ? net.index.get(input.target.node) : undefined;
  if (input.target && t !== undefined && !history[t]) {
    latest[t] = idx(input.target.date) - input.target.bufferDays;
    for (let i = t - 1; i >= 0; i -= 1) {
      for (const e of net.out[i]!) {
        const edge = net.edges[e]!;
        const j = net.edgeTo[e]!;
        if (history[j] || latest[j] === FREE) continue;
        latest[i] = Math.min(latest[i]!, backward(cal, edge.lag, net.nodes[j]!.calendar, latest[j]!));
      }
    }
    const daysLate = Math.max(0, fc[t]! - idx(input.target.date));
    const used = fc[t]! - latest[t]!;
    target = {
      node: input.target.node,
      date: input.target.date,
      forecast: iso(fc[t]!),
      bufferDays: input.target.bufferDays,
      daysLate,
      bufferUsed: Math.max(0, Math.min(input.target.bufferDays, used)),
    };
  }

  const conflicted = new Set(conflicts.map((c) => c.milestone));
  let minFloat = FREE;
  for (let i = 0; i < n; i += 1) {
    if (!history[i] && actual[i] === undefined && latest[i] !== FREE) minFloat = Math.min(minFloat, latest[i]! - fc[i]!);
  }
  const nodes: NodeResult[] = net.nodes.map((node, i) => {
    if (history[i]) return { id: node.id, source: 'history', critical: false, squeezed: false };
    const source: DateSource = actual[i] !== undefined ? 'actual' : person[i] !== undefined ? 'person' : 'plan';
    const float = latest[i] === FREE ? undefined : latest[i]! - fc[i]!;
    const done = actual[i] !== undefined;
    const status: ScheduleStatus = done
      ? 'Done'
      : eff[i]! < T
        ? 'Late'
        : conflicted.has(node.id) || fc[i]! > eff[i]! || (float !== undefined && float < 0)
          ? 'At risk'
          : 'On track';
    return {
      id: node.id,
      source,
      date: iso(eff[i]!),
      forecast: iso(fc[i]!),
      ...(float === undefined ? {} : { latest: iso(latest[i]!), float }),
      critical: !done && float !== undefined && float === minFloat,
      squeezed: squeezed[i]!,
      status,
    };
  });
  return { nodes, byId: new Map(nodes.map((r) => [r.id, r])), conflicts, ...(target ? { target } : {}) };

  function conflict(i: number, date: number, done: boolean, pred: number, earliest: number): Conflict {
    // Walk back through plan-written predecessors to the entered milestone the chain starts from.
    let a = pred;
    while (fixed(a) === undefined) {
      let next = -1;
      let best = NONE;
      for (const e of net.into[a]!) {
        const edge = net.edges[e]!;
        const p = net.edgeFrom[e]!;
        if (history[p]) continue;
        const f = forward(cal, edge.lag, net.nodes[a]!.calendar, upper[p]!);
        if (f > best) [best, next] = [f, p];
      }
      if (next < 0) break;
      a = next;
    }
    const anchorSource: DateSource = actual[a] !== undefined ? 'actual' : person[a] !== undefined ? 'person' : 'plan';
    return {
      milestone: net.nodes[i]!.id,
      date: iso(date),
      done,
      predecessor: net.nodes[pred]!.id,
      anchor: { id: net.nodes[a]!.id, date: iso(fixed(a) ?? (Number.isFinite(upper[a]!) ? upper[a]! : T)), source: anchorSource },
      earliest: iso(earliest),
    };
  }
}

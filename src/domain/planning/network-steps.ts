/**
 * One edge of the network on a work calendar: `forward(x)` is the earliest day the successor can happen when the
 * predecessor happens on day x (lag counted in its unit, then the successor's own calendar); `backward(d)` is the
 * latest day the predecessor can happen so that the successor still makes day d. `backward` is defined from
 * `forward` (the largest x with forward(x) ≤ d, by bisection), so the two passes can never disagree.
 */
import type { Lag, NodeCalendar } from './schedule-network.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** Day x itself when the factory works, else the next day it does. */
export function nextWorking(cal: WorkCalendar, x: number): number {
  if (x < 0) return x;
  if (x >= cal.length) return x;
  const before = x > 0 ? cal.workingCount[x - 1]! : 0;
  return cal.workingIndex[before + 1] ?? cal.length;
}

export function align(cal: WorkCalendar, calendar: NodeCalendar, x: number): number {
  if (x < 0 || x >= cal.length) return x;
  switch (calendar) {
    case 'factory':
      return nextWorking(cal, x);
    case 'shipping':
      return cal.nextOpenShipping[x]!;
    case 'client':
      return cal.nextClientDay[x]!;
    case 'loading': {
      // A day the factory works and the port is open.
      let y = nextWorking(cal, x);
      for (let i = 0; i < 400 && y < cal.length; i += 1) {
        const z = cal.nextOpenShipping[y]!;
        if (z === y) return y;
        y = nextWorking(cal, z);
      }
      return y;
    }
    default:
      return x;
  }
}

function lagStep(cal: WorkCalendar, lag: Lag, x: number): number {
  if (lag.unit === 'days') return x + lag.n;
  if (x < 0 || x >= cal.length) return x + Math.ceil(lag.n * 1.4);
  if (lag.unit === 'working days') {
    if (lag.n === 0) return nextWorking(cal, x);
    return cal.workingIndex[cal.workingCount[x]! + lag.n] ?? cal.length + lag.n;
  }
  // Output days: day x counts as the first production day.
  const need = (x > 0 ? cal.outputCount[x - 1]! : 0) + lag.n - 1e-9;
  let lo = x;
  let hi = cal.length - 1;
  if (cal.outputCount[hi]! < need) return cal.length + Math.ceil(lag.n);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cal.outputCount[mid]! >= need) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function forward(cal: WorkCalendar, lag: Lag, to: NodeCalendar, x: number): number {
  return align(cal, to, lagStep(cal, lag, x));
}

/** The largest x with forward(x) ≤ d. */
export function backward(cal: WorkCalendar, lag: Lag, to: NodeCalendar, d: number): number {
  const exact = backwardExact(cal, lag, to, d);
  if (exact !== undefined) return exact;
  return bisect(cal, lag, to, d);
}

/** The common steps in closed form (same answer as the bisection; the property tests compare them). */
function backwardExact(cal: WorkCalendar, lag: Lag, to: NodeCalendar, d: number): number | undefined {
  if (lag.unit === 'days' && to === 'none') return d - lag.n;
  if (lag.unit !== 'working days' || to !== 'factory' || d < 0 || d >= cal.length) return undefined;
  const c = cal.workingCount[d]!;
  if (lag.n === 0) return c >= 1 ? cal.workingIndex[c]! : undefined;
  // forward(x) = the n-th working day after x ≤ d ⟺ working days up to x ≤ c − n.
  const k = c - lag.n + 1;
  if (k < 2) return undefined;
  return cal.workingIndex[k]! - 1;
}

export function bisect(cal: WorkCalendar, lag: Lag, to: NodeCalendar, d: number): number {
  const span = lag.unit === 'days' ? lag.n + 60 : Math.ceil(lag.n * 6) + 120;
  let lo = d - span;
  if (forward(cal, lag, to, lo) > d) return lo - 1;
  let hi = d;
  if (forward(cal, lag, to, hi) <= d) return hi;
  // Invariant: forward(lo) ≤ d < forward(hi).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (forward(cal, lag, to, mid) <= d) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Injected faults (POST /__workspace/faults), what a real network and real providers do to a client:
 * - `status`: answer that status in the provider's error shape (429 with its Retry-After rule);
 * - `reset`: close the connection without an answer, before the request is applied (ECONNRESET at the client);
 * - `timeout`: hold the request unanswered for `delayMs`, then close the connection (nothing applied);
 * - `lost-response`: APPLY the request, then close the connection without the answer: the write happened, the
 *   client cannot know (what a proxy timeout or a dropped connection does to a create);
 * - `delay`: answer normally, `delayMs` late (a slow network or a slow provider; makes runs overlap in tests).
 * A fault applies to the next `count` matching requests, or with `rate` (0..1) to that share of them, drawn from a
 * seeded generator so a chaos run repeats exactly. `methods` / `pathIncludes` narrow which requests match.
 */
import type { LocalRequest, ServiceName } from './types.ts';

export type FaultKind = 'status' | 'reset' | 'timeout' | 'lost-response' | 'delay';
export const FAULT_KINDS: FaultKind[] = ['status', 'reset', 'timeout', 'lost-response', 'delay'];

export interface Fault {
  service: ServiceName;
  kind: FaultKind;
  /** For kind `status`. */
  status: number;
  /** Matching requests still to fault; null = unlimited (with a rate). */
  remaining: number | null;
  /** Share of matching requests faulted (1 = every one). */
  rate: number;
  retryAfterMs?: number;
  message?: string;
  /** For `timeout`: how long the request hangs before the connection is closed (default 30 s); for `delay`, how late it answers. */
  delayMs?: number;
  methods?: string[];
  pathIncludes?: string;
  seed: number;
  /** How many requests this fault has hit so far. */
  hits: number;
}
export type FaultQueue = Fault[];

/** Parses a control-plane body into a fault, or answers what is wrong with it. */
export function parseFault(body: Record<string, unknown> | undefined, services: readonly ServiceName[]): Fault | string {
  const usage =
    'expected {service: airtable|notion|drive|gmail|storage|chat, kind?: status|reset|timeout|lost-response|delay, status?: number, ' +
    'count?: number, rate?: 0..1, seed?: number, methods?: string[], pathIncludes?: string, delayMs?: number, retryAfterMs?: number, message?: string}';
  if (!body) return usage;
  const service = body['service'];
  const kind = body['kind'] ?? 'status';
  const status = body['status'];
  if (!services.includes(service as ServiceName) || !FAULT_KINDS.includes(kind as FaultKind)) return usage;
  if (kind === 'status' && typeof status !== 'number') return usage;
  const rate = body['rate'];
  if (rate !== undefined && (typeof rate !== 'number' || rate < 0 || rate > 1)) return usage;
  const count = body['count'] ?? (rate === undefined ? 1 : null);
  if (count !== null && typeof count !== 'number') return usage;
  const methods = body['methods'];
  if (methods !== undefined && (!Array.isArray(methods) || !methods.every((m) => typeof m === 'string'))) return usage;
  const fault: Fault = {
    service: service as ServiceName,
    kind: kind as FaultKind,
    status: typeof status === 'number' ? status : 0,
    remaining: count,
    rate: rate ?? 1,
    seed: typeof body['seed'] === 'number' ? body['seed'] >>> 0 : 1,
    hits: 0,
  };
  if (methods) fault.methods = (methods as string[]).map((m) => m.toUpperCase());
  if (typeof body['pathIncludes'] === 'string') fault.pathIncludes = body['pathIncludes'];
  if (typeof body['delayMs'] === 'number') fault.delayMs = body['delayMs'];
  if (typeof body['retryAfterMs'] === 'number') fault.retryAfterMs = body['retryAfterMs'];
  if (typeof body['message'] === 'string') fault.message = body['message'];
  return fault;
}

/** The fault this request meets, if any (consuming one of its count). */
export function takeFault(faults: FaultQueue, service: ServiceName, request: LocalRequest): Fault | undefined {
  for (const fault of faults) {
    if (fault.service !== service || fault.remaining === 0) continue;
    if (fault.methods && !fault.methods.includes(request.method.toUpperCase())) continue;
    if (fault.pathIncludes && !`${request.path}?${request.rawQuery}`.includes(fault.pathIncludes)) continue;
    if (fault.rate < 1 && nextRandom(fault) >= fault.rate) continue;
    if (fault.remaining !== null) fault.remaining -= 1;
    fault.hits += 1;
    return fault;
  }
  return undefined;
}

/** mulberry32: small, seeded, good enough to pick which requests fail. */
function nextRandom(fault: Fault): number {
  fault.seed = (fault.seed + 0x6d2b79f5) >>> 0;
  let t = fault.seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

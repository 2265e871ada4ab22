/**
 * One run per base and job kind, whoever starts it (a command, `npm start`'s schedule, a function, a Pub/Sub
 * redelivery): every entry point takes the job's lease here before the job reads anything, and a run that finds
 * it held writes nothing and says "already running" (exit 0, HTTP 200: nothing failed, the work is being done).
 * Leases live in the runtime's state store, expire after LEASE_TTL_SECONDS when their run dies, and are renewed
 * every third of that while it lives. A cycle takes the leases of all its jobs at once, in LEASE_ORDER, so two
 * cycles never hold halves of each other's set in crossed order.
 */
import type { JobReport } from '../jobs/report.ts';
import { leaseKey, Leases, type Lease } from '../lib/leases.ts';
import type { Runtime } from './runtime.ts';

export type JobKind =
  | 'provision'
  | 'calendar'
  | 'plan'
  | 'documents'
  | 'closure'
  | 'supplier-dates'
  | 'checks'
  | 'sync'
  | 'reminders'
  | 'chat'
  | 'reviews'
  | 'weekly'
  | 'supplier-prompts'
  | 'supplier-links';

/** The one order leases are taken in (the cycle's order, provision first). */
export const LEASE_ORDER: readonly JobKind[] = [
  'provision',
  'calendar',
  'plan',
  'documents',
  'closure',
  'supplier-dates',
  'checks',
  'sync',
  'reminders',
  'chat',
  'reviews',
  'weekly',
  'supplier-prompts',
  'supplier-links',
];

export interface AlreadyRunning {
  job: JobKind;
  /** Who holds the lease (`run@host:pid:…`). */
  heldBy: string;
  /** When the lease runs out if its holder stops renewing it (ISO). */
  until: string;
}

/** The report of a run that did not start because another run of the same job holds the lease. */
export type AlreadyRunningReport = JobReport<{ alreadyRunning: AlreadyRunning }> & { alreadyRunning: AlreadyRunning };

export interface HeldLeases {
  held: JobKind[];
  refused: AlreadyRunning[];
  release(): Promise<void>;
}

/** The lease scope: the base ID, or (before a base exists, for provisioning) its name. */
export function leaseScope(runtime: Runtime, baseId?: string): string {
  const id = baseId ?? runtime.airtableTarget.baseId;
  if (id) return id;
  return `named-${runtime.airtableTarget.baseName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'base'}`;
}

/** Takes the leases of `kinds` (in LEASE_ORDER) that are free; the others are reported as refused. */
export async function takeLeases(runtime: Runtime, scope: string, kinds: readonly JobKind[]): Promise<HeldLeases> {
  const leases = new Leases(runtime.state);
  const ttlMs = runtime.config.state.leaseTtlMs;
  const held = new Map<JobKind, Lease>();
  const refused: AlreadyRunning[] = [];
  try {
    for (const kind of LEASE_ORDER.filter((k) => kinds.includes(k))) {
      const got = await leases.acquire(leaseKey(scope, kind), runtime.holder, ttlMs);
      if (got.acquired) held.set(kind, got.lease);
      else refused.push({ job: kind, heldBy: got.heldBy, until: got.expiresAt.toISOString() });
    }
  } catch (error) {
    await Promise.all([...held.values()].map((lease) => leases.release(lease).catch(() => false)));
    throw error;
  }
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(() =>
      Promise.all(
        [...held].map(async ([kind, lease]) => {
          // A lost lease (expired and taken over) cannot be won back; the run finishes, the next run sees its state.
          const renewed = await leases.renew(lease, ttlMs).catch(() => lease);
          if (renewed) held.set(kind, renewed);
          else held.delete(kind);
        }),
      ),
    );
  }, Math.max(1, Math.floor(ttlMs / 3)));
  timer.unref();
  const kindsHeld = [...held.keys()];
  return {
    held: kindsHeld,
    refused,
    async release() {
      clearInterval(timer);
      await renewing;
      await Promise.all([...held.values()].map((lease) => leases.release(lease).catch(() => false)));
      held.clear();
    },
  };
}

export type Leased<T> = { ran: true; result: T } | { ran: false; report: AlreadyRunningReport };

/** Runs one job under its lease; when another run holds it, answers the "already running" report instead. */
export async function runLeased<T>(runtime: Runtime, scope: string, kind: JobKind, work: () => Promise<T>): Promise<Leased<T>> {
  const leases = await takeLeases(runtime, scope, [kind]);
  const refusal = leases.refused[0];
  if (refusal) return { ran: false, report: alreadyRunningReport(runtime, refusal) };
  try {
    return { ran: true, result: await work() };
  } finally {
    await leases.release();
  }
}

/** A job's report when it is a job, or the "already running" report. */
export async function leasedReport<R extends JobReport<unknown>>(
  runtime: Runtime,
  scope: string,
  kind: JobKind,
  work: () => Promise<R>,
): Promise<R | AlreadyRunningReport> {
  const outcome = await runLeased(runtime, scope, kind, work);
  return outcome.ran ? outcome.result : outcome.report;
}

export function alreadyRunningReport(runtime: Runtime, refusal: AlreadyRunning): AlreadyRunningReport {
  return {
    job: refusal.job,
    ok: true,
    startedAt: runtime.now().toISOString(),
    durationMs: 0,
    requests: {},
    problems: [],
    details: { alreadyRunning: refusal },
    alreadyRunning: refusal,
  };
}

export function isAlreadyRunning(report: JobReport<unknown>): report is AlreadyRunningReport {
  return (report as Partial<AlreadyRunningReport>).alreadyRunning !== undefined;
}

/** The line people read. */
export function alreadyRunningText(refusal: AlreadyRunning): string {
  return (
    `${refusal.job}: already running (held by ${refusal.heldBy} until ${refusal.until.slice(0, 19).replace('T', ' ')} UTC ` +
    `unless renewed); this run wrote nothing.`
  );
}

/**
 * Leases over the state store: one holder at a time per name (`lease/<base>/<job>`), until it releases or its
 * time runs out. A run that dies without releasing (SIGKILL, a function instance torn down) blocks the next run
 * for at most the TTL; a run that lives longer renews before expiry. Every step is a conditional write, so two
 * processes racing for a free or expired lease cannot both win. Time is wall-clock time (`now`, injectable for
 * tests), never the jobs' --now clock: a lease is about when processes run, not about the agency's calendar.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { StateStore } from '../ports/state-store.ts';

interface LeaseDocument {
  holder: string;
  acquiredAt: string;
  expiresAt: number;
}

export interface Lease {
  key: string;
  holder: string;
  /** The store version of the lease document this holder wrote last. */
  version: string;
  expiresAt: number;
}

export type AcquireResult =
  | { acquired: true; lease: Lease }
  | { acquired: false; heldBy: string; expiresAt: Date };

export interface LeaseOptions {
  /** Wall-clock milliseconds (Date.now by default). */
  now?: () => number;
}

/** A holder ID that says who holds a lease (host, process) and is unique per run. */
export function newHolderId(label = 'run'): string {
  return `${label}@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function leaseKey(baseId: string, job: string): string {
  return `lease/${baseId}/${job}`;
}

export class Leases {
  private readonly now: () => number;

  constructor(
    private readonly store: StateStore,
    options: LeaseOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Takes the lease when it is free, expired, or already this holder's. */
  async acquire(key: string, holder: string, ttlMs: number): Promise<AcquireResult> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await this.store.get<LeaseDocument>(key);
      const now = this.now();
      const value: LeaseDocument = { holder, acquiredAt: new Date(now).toISOString(), expiresAt: now + ttlMs };
      if (current && current.value.holder !== holder && current.value.expiresAt > now) {
        return { acquired: false, heldBy: current.value.holder, expiresAt: new Date(current.value.expiresAt) };
      }
      const written = await this.store.put(key, value, current ? { version: current.version } : { mustNotExist: true });
      if (written.ok) return { acquired: true, lease: { key, holder, version: written.version, expiresAt: value.expiresAt } };
      // Someone wrote between our read and write: read again (they may hold it now, or have released it).
    }
    const current = await this.store.get<LeaseDocument>(key);
    return { acquired: false, heldBy: current?.value.holder ?? 'another run', expiresAt: new Date(current?.value.expiresAt ?? this.now()) };
  }

  /** Extends the lease; undefined when it was lost (expired and taken by another run, or deleted). */
  async renew(lease: Lease, ttlMs: number): Promise<Lease | undefined> {
    const current = await this.store.get<LeaseDocument>(lease.key);
    if (!current || current.version !== lease.version || current.value.holder !== lease.holder) return undefined;
    const expiresAt = this.now() + ttlMs;
    const written = await this.store.put(lease.key, { ...current.value, expiresAt }, { version: current.version });
    return written.ok ? { ...lease, version: written.version, expiresAt } : undefined;
  }

  /** Gives the lease back (only if still ours: a lease that expired and was taken stays with its new holder). */
  async release(lease: Lease): Promise<boolean> {
    return this.store.delete(lease.key, { version: lease.version });
  }
}

export interface HeldLease {
  /** Aborted when a renewal finds the lease lost: the work should stop writing. */
  signal: AbortSignal;
}

export type LeaseOutcome<T> = { ran: true; result: T } | { ran: false; heldBy: string; expiresAt: Date };

/**
 * Runs `work` while holding `key`, renewing every third of the TTL; answers `{ran: false}` without running it when
 * another holder has it. The lease is released when `work` settles (also when it throws).
 */
export async function withLease<T>(
  leases: Leases,
  key: string,
  options: { holder: string; ttlMs: number; renewEveryMs?: number },
  work: (held: HeldLease) => Promise<T>,
): Promise<LeaseOutcome<T>> {
  const got = await leases.acquire(key, options.holder, options.ttlMs);
  if (!got.acquired) return { ran: false, heldBy: got.heldBy, expiresAt: got.expiresAt };
  let lease: Lease | undefined = got.lease;
  const lost = new AbortController();
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(async () => {
      if (!lease) return;
      try {
        lease = await leases.renew(lease, options.ttlMs);
      } catch {
        // A failed renewal is retried at the next tick; the lease still has up to two thirds of its TTL.
        return;
      }
      if (!lease) lost.abort(new Error(`lease ${key} was lost`));
    });
  }, options.renewEveryMs ?? Math.max(1, Math.floor(options.ttlMs / 3)));
  timer.unref();
  try {
    return { ran: true, result: await work({ signal: lost.signal }) };
  } finally {
    clearInterval(timer);
    await renewing;
    if (lease) await leases.release(lease).catch(() => false);
  }
}

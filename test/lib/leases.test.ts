import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { leaseKey, Leases, withLease } from '../../src/lib/leases.ts';
import type { StateStore } from '../../src/ports/state-store.ts';

let dir: string | undefined;
let store: StateStore | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function setup(): { leases: Leases; clock: { t: number } } {
  dir = mkdtempSync(join(tmpdir(), 'lease-'));
  store = openSqliteStateStore(join(dir, 'state.db'));
  const clock = { t: 1_000_000 };
  return { leases: new Leases(store, { now: () => clock.t }), clock };
}

describe('leases', () => {
  const key = leaseKey('app1', 'plan');

  it('one holder at a time; the holder may take it again; release frees it', async () => {
    const { leases } = setup();
    const a = await leases.acquire(key, 'a', 60_000);
    expect(a.acquired).toBe(true);
    const b = await leases.acquire(key, 'b', 60_000);
    expect(b).toMatchObject({ acquired: false, heldBy: 'a' });
    expect((await leases.acquire(key, 'a', 60_000)).acquired).toBe(true);
    const again = await leases.acquire(key, 'a', 60_000);
    if (!again.acquired) throw new Error('expected the lease');
    expect(await leases.release(again.lease)).toBe(true);
    expect((await leases.acquire(key, 'b', 60_000)).acquired).toBe(true);
  });

  it('a lease left behind by a killed run expires after its TTL and the next run takes it', async () => {
    const { leases, clock } = setup();
    const dead = await leases.acquire(key, 'killed', 60_000);
    if (!dead.acquired) throw new Error('expected the lease');
    clock.t += 59_999;
    expect((await leases.acquire(key, 'next', 60_000)).acquired).toBe(false);
    clock.t += 2;
    const next = await leases.acquire(key, 'next', 60_000);
    expect(next.acquired).toBe(true);
    // The killed run, if it woke up, could neither renew nor release the new holder's lease.
    expect(await leases.renew(dead.lease, 60_000)).toBeUndefined();
    expect(await leases.release(dead.lease)).toBe(false);
    expect((await leases.acquire(key, 'third', 60_000)).acquired).toBe(false);
  });

  it('renewal keeps the lease past its first TTL', async () => {
    const { leases, clock } = setup();
    const got = await leases.acquire(key, 'a', 1_000);
    if (!got.acquired) throw new Error('expected the lease');
    clock.t += 900;
    const renewed = await leases.renew(got.lease, 1_000);
    expect(renewed?.expiresAt).toBe(clock.t + 1_000);
    clock.t += 900;
    expect((await leases.acquire(key, 'b', 1_000)).acquired).toBe(false);
  });

  it('withLease runs the work once, renews while it runs and releases after (also on throw)', async () => {
    const { leases } = setup();
    const inner: unknown[] = [];
    const outcome = await withLease(leases, key, { holder: 'a', ttlMs: 60_000, renewEveryMs: 5 }, async () => {
      inner.push(await withLease(leases, key, { holder: 'b', ttlMs: 60_000 }, async () => 'twice'));
      await new Promise((r) => setTimeout(r, 30));
      return 'done';
    });
    expect(outcome).toEqual({ ran: true, result: 'done' });
    expect(inner).toEqual([{ ran: false, heldBy: 'a', expiresAt: expect.any(Date) }]);
    await expect(withLease(leases, key, { holder: 'c', ttlMs: 60_000 }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await leases.acquire(key, 'd', 60_000)).acquired).toBe(true);
  });

  it('many racing acquirers: exactly one wins', async () => {
    const { leases } = setup();
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((h) => leases.acquire(key, h, 60_000)));
    expect(results.filter((r) => r.acquired)).toHaveLength(1);
  });
});

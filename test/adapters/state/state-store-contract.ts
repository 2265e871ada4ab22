/** The behaviour every StateStore adapter must show (SQLite here, Cloud Storage against the local workspace). */
import { expect, it } from 'vitest';
import type { StateStore } from '../../../src/ports/state-store.ts';

export function stateStoreContract(open: () => Promise<StateStore>): void {
  it('creates only when told the key must not exist, and says conflict the second time', async () => {
    const store = await open();
    const first = await store.put('webhook/app1/cursor', { cursor: 1 }, { mustNotExist: true });
    expect(first.ok).toBe(true);
    expect(await store.put('webhook/app1/cursor', { cursor: 2 }, { mustNotExist: true })).toEqual({ ok: false, reason: 'conflict' });
    expect((await store.get('webhook/app1/cursor'))?.value).toEqual({ cursor: 1 });
  });

  it('replaces only the version it read (compare-and-set)', async () => {
    const store = await open();
    const created = await store.put('snap/a', { n: 1 });
    if (!created.ok) throw new Error('create failed');
    const read = await store.get<{ n: number }>('snap/a');
    expect(read).toEqual({ key: 'snap/a', value: { n: 1 }, version: created.version });
    const second = await store.put('snap/a', { n: 2 }, { version: created.version });
    expect(second.ok).toBe(true);
    // A writer still holding the first version loses: its read is stale.
    expect(await store.put('snap/a', { n: 3 }, { version: created.version })).toEqual({ ok: false, reason: 'conflict' });
    expect((await store.get('snap/a'))?.value).toEqual({ n: 2 });
    // Updating a key that does not exist with a version is a conflict too.
    expect(await store.put('snap/missing', { n: 1 }, { version: created.version })).toEqual({ ok: false, reason: 'conflict' });
  });

  it('deletes conditionally and lists by prefix in key order', async () => {
    const store = await open();
    await store.put('events/app1/evt2', true);
    await store.put('events/app1/evt1', { at: 'x' });
    await store.put('events/app2/evt1', true);
    const listed = await store.list('events/app1/');
    expect(listed.map((d) => [d.key, d.value])).toEqual([
      ['events/app1/evt1', { at: 'x' }],
      ['events/app1/evt2', true],
    ]);
    const doc = listed[0]!;
    expect(await store.delete(doc.key, { version: 'not-' + doc.version })).toBe(false);
    expect(await store.delete(doc.key, { version: doc.version })).toBe(true);
    expect(await store.delete(doc.key)).toBe(false);
    expect(await store.get(doc.key)).toBeUndefined();
    // A key re-created after a delete never reuses the old version.
    const again = await store.put(doc.key, 1, { mustNotExist: true });
    expect(again.ok && again.version !== doc.version).toBe(true);
  });

  it('refuses keys that are not path-like', async () => {
    const store = await open();
    await expect(store.put('../etc', 1)).rejects.toThrow(/invalid state key/);
    await expect(store.get('')).rejects.toThrow(/invalid state key/);
  });

  it('lets exactly one of many racing creators win', async () => {
    const store = await open();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.put('race/one', { i }, { mustNotExist: true })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
}

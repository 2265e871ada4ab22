/**
 * The event-driven sync's few state operations (src/ports/sync-state.ts) over the deployment's state store
 * (src/ports/state-store.ts: SQLite locally, Cloud Storage with generation preconditions in the cloud). `update`
 * is a compare-and-swap loop on the document's version; `claim` is a create-only write.
 */
import type { StateStore } from '../ports/state-store.ts';
import type { SyncStatePort } from '../ports/sync-state.ts';

const MAX_TRIES = 20;

export function syncStateOver(store: StateStore): SyncStatePort & { close(): Promise<void> } {
  return {
    async get<T>(key: string) {
      return (await store.get<T>(key))?.value;
    },
    async set(key, value) {
      await store.put(key, value);
    },
    async update<T>(key: string, change: (current: T | undefined) => T): Promise<T> {
      for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
        const current = await store.get<T>(key);
        const next = change(current?.value);
        const written = await store.put(key, next, current ? { version: current.version } : { mustNotExist: true });
        if (written.ok) return next;
      }
      throw new Error(`state "${key}": ${MAX_TRIES} concurrent writers in a row; giving up`);
    },
    async claim(key) {
      return (await store.put(key, true, { mustNotExist: true })).ok;
    },
    async delete(key) {
      await store.delete(key);
    },
    close: () => store.close(),
  };
}

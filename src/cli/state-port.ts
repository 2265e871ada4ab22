/**
 * The runtime's state store, opened on first use (most commands never need more than one lease) and closed with
 * the runtime: Cloud Storage when STATE_BUCKET is set, else `<WORKSPACE_DIR>/state.db` (every process of this
 * machine, CLI and `npm start` alike, sees the same leases). Both adapters load on first use, off the cold start.
 */
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { StateStore } from '../ports/state-store.ts';

export function lazyStateStore(config: Config, counter: RequestCounter, workspaceUrl?: string): StateStore {
  let opening: Promise<StateStore> | undefined;
  const store = () => {
    opening ??= open(config, counter, workspaceUrl).catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  return {
    get: async (key) => (await store()).get(key),
    put: async (key, value, condition) => (await store()).put(key, value, condition),
    delete: async (key, condition) => (await store()).delete(key, condition),
    list: async (prefix) => (await store()).list(prefix),
    close: async () => {
      if (opening) await (await opening.catch(() => undefined))?.close();
      opening = undefined;
    },
  };
}

async function open(config: Config, counter: RequestCounter, workspaceUrl: string | undefined): Promise<StateStore> {
  const { bucket } = config.state;
  if (bucket) {
    const { createGcsStateStore } = await import('../adapters/state/gcs-state-store.ts');
    // In local mode the local workspace answers the Cloud Storage API (with its token instead of Google's).
    const local = config.mode === 'local' && workspaceUrl !== undefined;
    return createGcsStateStore({
      bucket,
      prefix: config.state.prefix,
      apiUrl: local ? workspaceUrl : config.state.storageUrl,
      counter,
      ...(local ? { bearerToken: config.workspace.token } : {}),
    });
  }
  const { openSqliteStateStore } = await import('../adapters/state/sqlite-state-store.ts');
  return openSqliteStateStore(join(config.workspace.dir, 'state.db'));
}

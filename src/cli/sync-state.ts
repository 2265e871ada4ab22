import { join, resolve } from 'node:path';
import { openSqliteStateStore } from '../adapters/state/sqlite-state-store.ts';
import { syncStateOver } from '../lib/sync-state-over-store.ts';
import type { SyncStatePort } from '../ports/sync-state.ts';

/** Local mode keeps the sync's state in the workspace dir's shared state store: `<WORKSPACE_DIR>/state.db`. */
export function openLocalSyncState(workspaceDir: string): SyncStatePort & { close(): Promise<void> } {
  return syncStateOver(openSqliteStateStore(join(resolve(workspaceDir), 'state.db')));
}

import { join, resolve } from 'node:path';
import { openSqliteState, type ClosableSyncState } from '../adapters/state/sqlite-state.ts';

/** Local mode keeps the sync's state next to the workspace's data: `<WORKSPACE_DIR>/sync-state.db`. */
export function openLocalSyncState(workspaceDir: string): ClosableSyncState {
  return openSqliteState(join(resolve(workspaceDir), 'sync-state.db'));
}

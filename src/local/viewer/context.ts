/** What viewer pages and actions get from the server: the services' context plus the workspace's own parts. */
import type { WorkspaceHooks } from '../hooks.ts';
import type { RequestLog } from '../request-log.ts';
import type { ServiceContext } from '../types.ts';
import type { ActionLog } from './action-log.ts';

export interface ViewerContext extends ServiceContext {
  /** The bearer token the viewer's actions send to the APIs, as any client of the workspace would. */
  token: string;
  requestLog: RequestLog;
  actions: ActionLog;
  hooks: WorkspaceHooks;
}

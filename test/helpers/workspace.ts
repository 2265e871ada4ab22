import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorkspace, type RunningWorkspace, type WorkspaceOptions } from '../../src/local/server.ts';

export interface TestWorkspace extends RunningWorkspace {
  /** Calls the control plane with the workspace token. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
}

/** A fresh local workspace on port 0 in a temporary directory, removed on close. */
export async function startTestWorkspace(options: WorkspaceOptions = {}): Promise<TestWorkspace> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sourcing-ws-'));
  const ws = await startWorkspace({ port: 0, speed: 1000, ...options, dir });
  return {
    ...ws,
    async control(method, path, body) {
      const res = await fetch(`${ws.url}/__workspace${path}`, {
        method,
        headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    async close() {
      await ws.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What the function tests share: a local workspace with a secret-looking token, the process environment the
 * functions read (set per test, restored after), and a record of every response body and log line, so a test can
 * assert that no secret ever left the process.
 */
import { vi } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/** Secret values that must never appear in an answer or a log line. */
export const SECRETS = {
  workspaceToken: 'wsTok-7f3c9a1e5b2d4c6f8a0b',
  notionToken: `ntn_${'Q'.repeat(10)}4kT9xZr2vW8yB5nM1pL7cD3fH6`,
  acmeAirtable: 'patAcmeSecret0001.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
};

export interface Harness {
  ws: TestWorkspace;
  /** Every log line written through console.log / console.error during the tests. */
  logs: string[];
  /** Every response body text seen by the tests. */
  bodies: string[];
  setEnv(extra: Record<string, string | undefined>): void;
  close(): Promise<void>;
}

const TOUCHED = [
  'WORKSPACE_PORT', 'WORKSPACE_TOKEN', 'WORKSPACE_SPEED', 'WORKSPACE_DIR', 'NOTION_TOKEN', 'AIRTABLE_TOKEN', 'WORKSPACES',
  'PUBSUB_TOPIC', 'PUBSUB_EMULATOR_HOST', 'GOOGLE_CLOUD_PROJECT', 'ACME_AIRTABLE_TOKEN', 'AIRTABLE_BASE_NAME',
];

export async function startHarness(): Promise<Harness> {
  const ws = await startTestWorkspace({ token: SECRETS.workspaceToken });
  const saved = Object.fromEntries(TOUCHED.map((k) => [k, process.env[k]]));
  const logs: string[] = [];
  const capture = (...args: unknown[]) => {
    logs.push(args.map((a) => (a instanceof Error ? `${a.stack ?? a.message}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture), vi.spyOn(console, 'warn').mockImplementation(capture)];
  const base = {
    WORKSPACE_PORT: String(ws.port),
    WORKSPACE_TOKEN: ws.token,
    WORKSPACE_SPEED: '1000',
    WORKSPACE_DIR: ws.dir,
    NOTION_TOKEN: SECRETS.notionToken,
  };
  const apply = (extra: Record<string, string | undefined>) => {
    for (const key of TOUCHED) delete process.env[key];
    for (const [key, value] of Object.entries({ ...base, ...extra })) if (value !== undefined) process.env[key] = value;
  };
  apply({});
  return {
    ws,
    logs,
    bodies: [],
    setEnv: apply,
    async close() {
      for (const spy of spies) spy.mockRestore();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await ws.close();
    },
  };
}

/** Base names in the local workspace (through the Meta API, as a person would check). */
export async function baseNames(ws: TestWorkspace): Promise<string[]> {
  const res = await fetch(`${ws.url}/v0/meta/bases`, { headers: { authorization: `Bearer ${ws.token}` } });
  const body = (await res.json()) as { bases: { name: string }[] };
  return body.bases.map((b) => b.name);
}

/**
 * One run per base and job kind, through the real entry points (the CLI's main, in-process, against a local
 * workspace on the sample agency; the functions in functions-leases.test.ts): a run that finds its job's lease
 * held writes nothing and says "already running" (exit 0); a lease left by a killed run expires and the next run
 * proceeds; two runs started together → one works, the other reports "already running".
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { runCycle } from '../../src/cli/cycle.ts';
import { main } from '../../src/cli/main.ts';
import { createRuntime } from '../../src/cli/runtime.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadSampleRows, loadTemplateTables } from '../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { leaseKey, Leases } from '../../src/lib/leases.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import type { StateStore } from '../../src/ports/state-store.ts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
let store: StateStore;
let baseId: string;
let env: Record<string, string>;

beforeAll(async () => {
  ws = await startTestWorkspace();
  const counter = new RequestCounter();
  const airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 1000, penaltyMs: 50 });
  const setup = await setupWorkspace(
    { meta: airtable.meta, records: airtable.records, counter, now: () => new Date() },
    { baseName: 'Sourcing workspace', workspaceId: 'wspLocal000000000', tables: loadTemplateTables(), rows: loadSampleRows(new Date().toISOString().slice(0, 10)) },
  );
  baseId = setup.details.baseId;
  store = openSqliteStateStore(join(ws.dir, 'state.db'));
  env = {
    PATH: process.env['PATH'] ?? '',
    WORKSPACE_PORT: String(ws.port),
    WORKSPACE_DIR: ws.dir,
    WORKSPACE_TOKEN: ws.token,
    WORKSPACE_SPEED: '1000',
    MAIL_FROM: 'Agency Ops <ops@agency.example>',
  };
}, 60_000);
afterAll(async () => {
  await store.close();
  await ws.close();
});

/** Runs `sourcing <args>` in-process (one or several at once); answers their exit codes and JSON reports. */
async function sourcingAtOnce(runs: string[][]): Promise<{ codes: number[]; reports: Record<string, unknown>[] }> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const codes = await Promise.all(runs.map((args) => main([...args, '--json'], env)));
    // Each run prints one JSON document; only a document's own first line starts with "{".
    const reports = out.split(/\n(?=\{)/).map((doc) => JSON.parse(doc) as Record<string, unknown>);
    return { codes, reports };
  } finally {
    write.mockRestore();
  }
}

/** Runs `sourcing <args>` in-process; answers its exit code and what it printed. */
async function sourcing(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await main([...args, '--json'], { ...env, ...extraEnv });
    return { code, out };
  } finally {
    write.mockRestore();
    err.mockRestore();
  }
}

/** Writes (non-GET requests) the services received since `seq`. */
async function writesSince(seq: number): Promise<string[]> {
  const log = (await ws.control('GET', `/requests?since=${seq}`)) as { requests: { method: string; path: string; service: string }[] };
  return log.requests.filter((r) => r.service !== 'control' && r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}
async function lastSeq(): Promise<number> {
  return ((await ws.control('GET', '/requests?since=999999999')) as { lastSeq: number }).lastSeq;
}

const JOBS: [command: string, lease: string][] = [
  ['calendar', 'calendar'],
  ['plan', 'plan'],
  ['docs', 'documents'],
  ['close', 'closure'],
  ['check', 'checks'],
  ['sync', 'sync'],
  ['remind', 'reminders'],
  ['chat', 'chat'],
  ['reviews', 'reviews'],
  ['weekly', 'weekly'],
];

describe.each(JOBS)('sourcing %s under its lease', (command, lease) => {
  it('finds the lease held by another run: exits 0, says "already running", writes nothing', async () => {
    const leases = new Leases(store);
    const other = await leases.acquire(leaseKey(baseId, lease), 'other-run@elsewhere', 60_000);
    if (!other.acquired) throw new Error('expected to take the lease');
    try {
      const seq = await lastSeq();
      const run = await sourcing([command]);
      expect(run.code, run.out).toBe(0);
      const report = JSON.parse(run.out) as { ok: boolean; alreadyRunning?: { job: string; heldBy: string } };
      expect(report.alreadyRunning).toMatchObject({ job: lease, heldBy: 'other-run@elsewhere' });
      expect(await writesSince(seq)).toEqual([]);
    } finally {
      await leases.release(other.lease);
    }
  });

  it('a lease left by a killed run (expired) does not block: the next run proceeds', async () => {
    const past = new Leases(store, { now: () => Date.now() - 10 * 60_000 });
    await past.acquire(leaseKey(baseId, lease), 'killed-run@elsewhere', 60_000);
    const run = await sourcing([command]);
    expect([0, 1], run.out).toContain(run.code);
    const report = JSON.parse(run.out) as { alreadyRunning?: unknown; job: string };
    expect(report.alreadyRunning).toBeUndefined();
    // Released at the end: nothing left behind.
    expect(await store.get(leaseKey(baseId, lease))).toBeUndefined();
  });

  it('two runs started together: one works, the other reports "already running"', async () => {
    // Every Airtable answer 100 ms late, so the first run is surely still working when the second asks.
    await ws.control('POST', '/faults', { service: 'airtable', kind: 'delay', delayMs: 100, rate: 1 });
    try {
      const { codes, reports } = await sourcingAtOnce([[command], [command]]);
      expect(reports).toHaveLength(2);
      expect(reports.filter((r) => r['alreadyRunning'] !== undefined)).toHaveLength(1);
      expect(reports.filter((r) => r['alreadyRunning'] === undefined && r['job'] !== undefined)).toHaveLength(1);
      expect(codes).toContain(0);
    } finally {
      await ws.control('DELETE', '/faults');
    }
  }, 60_000);
});

describe('provision under its lease', () => {
  it('a second provision while one runs says "already running"', async () => {
    const leases = new Leases(store);
    const other = await leases.acquire(leaseKey('named-sourcing-workspace', 'provision'), 'other-run@elsewhere', 60_000);
    if (!other.acquired) throw new Error('expected to take the lease');
    try {
      const run = await sourcing(['provision']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out)).toMatchObject({ alreadyRunning: { job: 'provision' } });
    } finally {
      await leases.release(other.lease);
    }
  });
});

describe('a job meets a transient Airtable failure', () => {
  it.each([500, 503])('`sourcing check` with one Airtable %i: the retry succeeds, the job finishes (not exit 3), the retry is in its report', async (status) => {
    await ws.control('POST', '/faults', { service: 'airtable', status, count: 1, methods: ['GET'], pathIncludes: `/v0/${baseId}/` });
    const run = await sourcing(['check']);
    expect([0, 1], run.out).toContain(run.code);
    const report = JSON.parse(run.out) as { requests: { airtable: { byOperation: Record<string, number> } } };
    expect(report.requests.airtable.byOperation['retry']).toBe(1);
  });
});

/** The supplier portal's steps have no command of their own: they run in the cycle (and the hourly function). */
describe.each(['supplier-dates', 'supplier-prompts'] as const)('the cycle\'s %s step under its lease', (step) => {
  it('finds the lease held by another run: the step says "already running" and writes nothing', async () => {
    const leases = new Leases(store);
    const other = await leases.acquire(leaseKey(baseId, step), 'other-run@elsewhere', 60_000);
    if (!other.acquired) throw new Error('expected to take the lease');
    const runtime = await createRuntime(loadConfig(env));
    try {
      const seq = await lastSeq();
      const [only] = await runCycle(runtime, baseId, { only: [step] });
      expect(only?.report).toMatchObject({ alreadyRunning: { job: step, heldBy: 'other-run@elsewhere' } });
      expect(await writesSince(seq)).toEqual([]);
    } finally {
      await runtime.close();
      await leases.release(other.lease);
    }
  });

  it('a lease left by a killed run (expired) does not block: the step runs and releases it', async () => {
    const past = new Leases(store, { now: () => Date.now() - 10 * 60_000 });
    await past.acquire(leaseKey(baseId, step), 'killed-run@elsewhere', 60_000);
    const runtime = await createRuntime(loadConfig(env));
    try {
      const [only] = await runCycle(runtime, baseId, { only: [step] });
      expect(only?.id).toBe(step);
      expect((only?.report as { alreadyRunning?: unknown }).alreadyRunning).toBeUndefined();
      expect(await store.get(leaseKey(baseId, step))).toBeUndefined();
    } finally {
      await runtime.close();
    }
  });
});

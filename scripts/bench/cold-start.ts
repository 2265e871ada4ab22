/**
 * Cold start of the Cloud Functions build: a fresh `node` process imports dist/functions/index.js (what the
 * Functions Framework loads from package.json `main`) and answers its first request: `provisionWorkspace` on an
 * already provisioned base in a local workspace (two Airtable requests, the shape of a scheduled run). Measured
 * from process start, so Node's own boot is included; the warm second request is shown for comparison.
 * Target: first answer under 400 ms. Builds dist/ first when it is missing (not counted).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { LOCAL_AIRTABLE_WORKSPACE_ID } from '../../src/cli/runtime.ts';
import { loadTemplateTables } from '../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { startWorkspace } from '../../src/local/server.ts';
import { runFreshProcess } from './fresh-process.ts';
import type { BenchResult } from './types.ts';

const TARGET_MS = 400;
const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'dist/functions/index.js');

/** The child: plain JS, timings from process start (performance.timeOrigin), printed as one JSON line. */
const CHILD = `
const entry = process.argv[2];
const testing = process.argv[3];
const booted = performance.now();
await import(entry);
const imported = performance.now();
const { getTestServer } = await import(testing);
const server = getTestServer('provisionWorkspace').listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = 'http://127.0.0.1:' + server.address().port + '/';
const call = async () => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await res.text();
  return res.status;
};
const status = await call();
const answered = performance.now();
const warmStatus = await call();
const warm = performance.now() - answered;
server.close();
process.stdout.write(JSON.stringify({ booted, imported, answered, warm, status, warmStatus, rssMb: process.memoryUsage().rss / 1048576 }) + '\\n');
process.exit(0);
`;

interface ChildTimes {
  booted: number;
  imported: number;
  answered: number;
  warm: number;
  status: number;
  warmStatus: number;
  rssMb: number;
}

function runChild(script: string, env: Record<string, string>): Promise<ChildTimes> {
  const testing = pathToFileURL(createRequire(import.meta.url).resolve('@google-cloud/functions-framework/testing')).href;
  return runFreshProcess<ChildTimes>({
    args: [script, pathToFileURL(ENTRY).href, testing],
    env,
    resultLine: '{"booted"',
    label: 'cold-start child',
    stderrChars: 500,
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (n: number) => Math.round(n);

export async function benchColdStart(options: { runs?: number } = {}): Promise<BenchResult> {
  const runs = options.runs ?? 7;
  if (!existsSync(ENTRY)) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'sourcing-cold-'));
  const workspace = await startWorkspace({ port: 0, dir, speed: 100 });
  const script = join(dir, 'cold-child.mjs');
  writeFileSync(script, CHILD);
  try {
    const counter = new RequestCounter();
    const airtable = createAirtableAdapters({ endpointUrl: workspace.url, apiKey: workspace.token, counter });
    await setupWorkspace(
      { meta: airtable.meta, records: airtable.records, counter, now: () => new Date() },
      { baseName: 'Sourcing workspace', workspaceId: LOCAL_AIRTABLE_WORKSPACE_ID, tables: loadTemplateTables() },
    );
    const env = { WORKSPACE_PORT: String(workspace.port), WORKSPACE_TOKEN: workspace.token, WORKSPACE_DIR: dir, WORKSPACE_SPEED: '100' };
    const times: ChildTimes[] = [];
    for (let i = 0; i < runs; i += 1) times.push(await runChild(script, env));
    const bad = times.find((t) => t.status !== 200 || t.warmStatus !== 200);
    if (bad) throw new Error(`provisionWorkspace answered ${bad.status} / ${bad.warmStatus} during the cold-start bench`);
    const first = times.map((t) => t.answered);
    const ok = median(first) < TARGET_MS;
    return {
      name: 'Cloud Functions cold start (dist build, provisionWorkspace)',
      rows: [
        { label: 'Node boot (process start → user code)', value: round(median(times.map((t) => t.booted))), unit: 'ms' },
        { label: 'import dist/functions/index.js', value: round(median(times.map((t) => t.imported - t.booted))), unit: 'ms' },
        { label: 'first request (load adapters, 2 Airtable calls)', value: round(median(times.map((t) => t.answered - t.imported))), unit: 'ms' },
        { label: `first answer from process start (median of ${runs})`, value: round(median(first)), unit: 'ms' },
        { label: 'first answer, slowest run', value: round(Math.max(...first)), unit: 'ms' },
        { label: 'warm second request', value: round(median(times.map((t) => t.warm))), unit: 'ms' },
        { label: 'RSS after first answer', value: round(median(times.map((t) => t.rssMb))), unit: 'MB' },
        { label: `target < ${TARGET_MS} ms`, value: ok ? 'met' : 'MISSED' },
      ],
      notes: ['Each run is a fresh node process (NODE_ENV=production) against a local workspace with the base already provisioned.'],
    };
  } finally {
    await workspace.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

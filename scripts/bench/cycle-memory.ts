/**
 * Peak memory of a full cycle (every job, in `runCycle`'s order, sharing one read of the base) over 10,000 POs:
 * the checks benchmark's agency (12 milestones and 3 inspections per PO, shipments, documents, updates, calendar,
 * yesterday's alerts; ~240,000 records) seeded straight into a local workspace (seed-base.ts), then the cycle runs
 * in a fresh `node` process on the built JavaScript (dist/, as Cloud Functions run it) against that workspace,
 * which stays in this process: the figure is the cycle process's own peak RSS (VmHWM), not the emulator's.
 * Two cycles in two processes: the first does the first-time work (portals, every PDF), the second is the
 * steady state of a scheduled run. Target: < 256 MB (the default Cloud Functions memory).
 *
 * To look inside: BENCH_STEPS=calendar,documents runs only those steps; BENCH_HEAP_SNAPSHOT_AFTER=<step>[,…]
 * writes a heap snapshot of what the cycle holds after each of those steps; BENCH_NODE_FLAGS adds flags to the cycle process
 * (`--heapsnapshot-near-heap-limit=1 --diagnostic-dir=/tmp/x` catches what a step holds when it runs out);
 * BENCH_LIVE_SAMPLE_MS=2000 forces a GC that often during each step and reports the step's largest live heap (its
 * working set, which the live heap after the step does not show); the cycle process gets the deployment's glibc
 * MALLOC_* settings (DEPLOYED_MALLOC_ENV), and the bench's own MALLOC_* variables replace them; it sets V8's flags
 * as the deployed functions get them (NODE_OPTIONS from deploy.sh, then functions/v8-settings.ts) unless
 * BENCH_V8_DEFAULTS=1.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { LOCAL_AIRTABLE_WORKSPACE_ID } from '../../src/cli/runtime.ts';
import { loadTemplateTables } from '../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { startWorkspace } from '../../src/local/server.ts';
import { BENCH_NOW, DEFAULT_SCALE, generateRawTables } from './checks-data.ts';
import { DEPLOYED_MALLOC_ENV, DEPLOYED_NODE_OPTIONS, DEPLOYED_OLD_SPACE_MB } from './deployed-env.ts';
import { DEPLOYED_V8_FLAGS } from '../../functions/v8-settings.ts';
import { seedBase, type SeedTables } from './seed-base.ts';
import type { BenchResult, BenchRow } from './types.ts';

const TARGET_MB = 256;
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist/src');

/**
 * The child: plain JS on dist/. After each step it forces a GC (started with --expose-gc) so "live" is what the
 * cycle still holds, and writes one JSON line per step to stderr as it goes; the peak is VmHWM.
 */
const CHILD = `
import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
const [v8SettingsUrl, runtimeUrl, configUrl, cycleUrl, baseId] = process.argv.slice(2);
// As deployed: V8's memory mode first, before the cycle's modules load (functions/v8-settings.ts).
if (process.env.BENCH_V8_DEFAULTS !== '1') (await import(v8SettingsUrl)).applyDeployedV8Flags();
const { createRuntime } = await import(runtimeUrl);
const { loadConfig } = await import(configUrl);
const { runCycle } = await import(cycleUrl);
const hwmMb = () => Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
const total = (report, service) => report.requests[service]?.total ?? 0;
// BENCH_LIVE_SAMPLE_MS: a forced GC every so often during each step, so the step's largest live heap is known.
let maxLive = 0;
const sampleMs = Number(process.env.BENCH_LIVE_SAMPLE_MS ?? 0);
if (sampleMs > 0) setInterval(() => { globalThis.gc?.(); maxLive = Math.max(maxLive, process.memoryUsage().heapUsed); }, sampleMs).unref();
// What the process was made of when its RSS was highest in each step (sampled without a GC): heap or the rest.
// "Buffers" is \`external\`, which already includes \`arrayBuffers\` (Node's Buffers).
let atPeak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0 };
setInterval(() => { const m = process.memoryUsage(); if (m.rss > atPeak.rss) atPeak = { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external }; }, 200).unref();
const runtime = await createRuntime(loadConfig(process.env));
const started = performance.now();
let last = started;
await runCycle(runtime, baseId, {
  ...(process.env.BENCH_STEPS ? { only: process.env.BENCH_STEPS.split(',') } : {}),
  onStep(step) {
    const now = performance.now();
    const peakMb = hwmMb();
    globalThis.gc?.();
    const memory = process.memoryUsage();
    if ((process.env.BENCH_HEAP_SNAPSHOT_AFTER ?? '').split(',').includes(step.id)) {
      process.stderr.write('heap snapshot: ' + writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT_DIR + '/after-' + step.id + '.heapsnapshot') + '\\n');
    }
    process.stderr.write('STEP ' + JSON.stringify({
      id: step.id, failed: step.failed, firstProblem: step.report.problems[0], seconds: (now - last) / 1000,
      airtable: total(step.report, 'airtable'), notion: total(step.report, 'notion'), drive: total(step.report, 'drive'), gmail: total(step.report, 'gmail'),
      peakMb, liveMb: memory.heapUsed / 1048576, buffersMb: memory.external / 1048576, maxLiveMb: maxLive / 1048576,
      atPeakMb: Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, v / 1048576])),
    }) + '\\n');
    maxLive = 0;
    atPeak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0 };
    last = performance.now();
  },
});
const seconds = (performance.now() - started) / 1000;
await runtime.close();
process.stdout.write(JSON.stringify({ cycle: true, seconds, peakMb: hwmMb() }) + '\\n');
process.exit(0);
`;

interface ChildStep {
  id: string;
  failed: boolean;
  firstProblem?: string;
  seconds: number;
  airtable: number;
  notion: number;
  drive: number;
  gmail: number;
  peakMb: number;
  liveMb: number;
  buffersMb: number;
  maxLiveMb: number;
  /** Sampled every 200 ms: the step's highest RSS and the V8 heap (reserved, used) and buffers at that moment. */
  atPeakMb: { rss: number; heapTotal: number; heapUsed: number; external: number };
}

interface ChildRun {
  steps: ChildStep[];
  /** Undefined when the child died (out of memory, say). */
  result?: { seconds: number; peakMb: number };
  /** The end of its stderr when it died. */
  failure?: string;
}

/** Runs the cycle in a fresh node with `flags`; step lines are echoed to this process's stderr as they come. */
function runChild(flags: string[], args: string[], env: Record<string, string>, label: string): Promise<ChildRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...flags, ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { steps: [] };
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      let newline = err.indexOf('\n');
      while (newline >= 0) {
        const line = err.slice(0, newline);
        err = err.slice(newline + 1);
        if (line.startsWith('STEP ')) {
          const step = JSON.parse(line.slice(5)) as ChildStep;
          run.steps.push(step);
          process.stderr.write(`  [cycle-memory] ${label}: ${step.id} done, peak ${mb(step.peakMb)} MB, live ${mb(step.liveMb)} MB\n`);
        } else {
          run.failure = `${run.failure ?? ''}${line}\n`.slice(-1500);
        }
        newline = err.indexOf('\n');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"cycle"'));
      if (code === 0 && line) run.result = JSON.parse(line) as ChildRun['result'];
      else run.failure = `exit ${code}: ${(run.failure ?? '') + err}`.slice(-1500);
      resolveRun(run);
    });
  });
}

const mb = (n: number) => Math.round(n);

/**
 * NODE_OPTIONS as scripts/deploy.sh sets it for the functions (V8's young generation as its optimize-for-size mode
 * sizes it), unless BENCH_V8_DEFAULTS=1 measures V8's defaults; BENCH_NODE_FLAGS, on the command line, override it.
 */
function deployedNodeOptions(): Record<string, string> {
  return process.env['BENCH_V8_DEFAULTS'] === '1' ? {} : { NODE_OPTIONS: DEPLOYED_NODE_OPTIONS };
}

/**
 * The cycle process runs with the deployment's malloc settings; MALLOC_* variables of the bench's own environment
 * replace them (MALLOC_ARENA_MAX=8 to see the glibc default's effect, say).
 */
function mallocEnv(): Record<string, string> {
  const own = Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('MALLOC_') && e[1] !== undefined);
  return { ...DEPLOYED_MALLOC_ENV, ...Object.fromEntries(own) };
}

export async function benchCycleMemory(options: { pos?: number; heapMb?: number; firstHeapMb?: number } = {}): Promise<BenchResult> {
  const scale = { ...DEFAULT_SCALE, pos: options.pos ?? DEFAULT_SCALE.pos };
  // With a heap budget the child runs as in a small instance: V8 collects before growing past it, or dies.
  // The young generation's size comes from the deployed NODE_OPTIONS (deployed-env.ts), as in the functions.
  const heapFlags = options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [];
  // BENCH_NODE_FLAGS: more flags for the cycle process (e.g. --heapsnapshot-near-heap-limit=1 --diagnostic-dir=/tmp/x).
  const extraFlags = (process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter((f) => f !== '');
  // Always rebuilt: a stale dist/ would measure old code.
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'sourcing-bench-memory-'));
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  try {
    // Provision the empty base through the API, then seed it with the workspace stopped.
    let workspace = await startWorkspace({ port: 0, dir, speed: 1000 });
    const counter = new RequestCounter();
    const airtable = createAirtableAdapters({ endpointUrl: workspace.url, apiKey: workspace.token, counter });
    const setup = await setupWorkspace(
      { meta: airtable.meta, records: airtable.records, counter, now: () => new Date() },
      { baseName: 'Sourcing workspace', workspaceId: LOCAL_AIRTABLE_WORKSPACE_ID, tables: loadTemplateTables() },
    );
    const baseId = setup.details.baseId;
    await workspace.close();
    const seedStarted = performance.now();
    const raw = generateRawTables(scale);
    const seed: SeedTables = new Map(Object.entries(raw).map(([key, rows]) => [tableOfKey(key), rows]));
    const seeded = seedBase(dir, baseId, seed);
    rows.push({ label: `records seeded (${scale.pos} POs)`, value: seeded.records.toLocaleString('en'), unit: `in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s` });

    workspace = await startWorkspace({ port: 0, dir, speed: 1000 });
    const script = join(dir, 'cycle-child.mjs');
    writeFileSync(script, CHILD);
    const env = { ...mallocEnv(), ...deployedNodeOptions(), ...(process.env['BENCH_LIVE_SAMPLE_MS'] ? { BENCH_LIVE_SAMPLE_MS: process.env['BENCH_LIVE_SAMPLE_MS'] } : {}), ...(process.env['BENCH_STEPS'] ? { BENCH_STEPS: process.env['BENCH_STEPS'] } : {}), ...(process.env['BENCH_V8_DEFAULTS'] ? { BENCH_V8_DEFAULTS: process.env['BENCH_V8_DEFAULTS'] } : {}), ...(process.env['BENCH_HEAP_SNAPSHOT_AFTER'] ? { BENCH_HEAP_SNAPSHOT_AFTER: process.env['BENCH_HEAP_SNAPSHOT_AFTER'], BENCH_HEAP_SNAPSHOT_DIR: tmpdir() } : {}), WORKSPACE_PORT: String(workspace.port), WORKSPACE_TOKEN: workspace.token, WORKSPACE_DIR: dir, WORKSPACE_SPEED: '1000', SOURCING_NOW: BENCH_NOW.toISOString() };
    const url = (path: string) => pathToFileURL(join(DIST, path)).href;
    try {
      const args = [script, pathToFileURL(join(ROOT, 'dist/functions/v8-settings.js')).href, url('cli/runtime.js'), url('config/config.js'), url('cli/cycle.js'), baseId];
      for (const label of ['first cycle', 'second cycle (steady state)']) {
        // BENCH_FIRST_HEAP_MB: another budget for the first-ever cycle (the one-time import), e.g. a bigger instance.
        const first = label === 'first cycle' && options.firstHeapMb ? [`--max-old-space-size=${options.firstHeapMb}`] : undefined;
        const run = await runChild(['--expose-gc', ...(first ?? heapFlags), ...extraFlags], args, env, label);
        const peak = run.result?.peakMb ?? Math.max(0, ...run.steps.map((s) => s.peakMb));
        rows.push({
          label: `${label}: peak RSS of the cycle process`,
          value: run.result ? mb(peak) : 'DIED',
          unit: run.result ? `MB (${peak < TARGET_MB ? 'under' : 'OVER'} ${TARGET_MB} MB); ${run.result.seconds.toFixed(0)} s` : `after ${run.steps.at(-1)?.id ?? 'no step'} (peak so far ${mb(peak)} MB): ${run.failure?.split('\n').find((l) => /heap|memory|Error/i.test(l)) ?? run.failure ?? ''}`,
        });
        for (const step of run.steps) {
          rows.push({
            label: `  ${label}, after ${step.id}`,
            value: `peak ${mb(step.peakMb)} MB`,
            unit: `(live heap ${mb(step.liveMb)}${step.maxLiveMb > 0 ? `, largest live heap during the step ${mb(step.maxLiveMb)}` : ''}, buffers ${mb(step.buffersMb)}; at the step's highest RSS ${mb(step.atPeakMb.rss)} MB: V8 heap ${mb(step.atPeakMb.heapTotal)} reserved / ${mb(step.atPeakMb.heapUsed)} used, buffers ${mb(step.atPeakMb.external)}); ${step.seconds.toFixed(1)} s; requests Airtable ${step.airtable}, Notion ${step.notion}, Drive ${step.drive}, Gmail ${step.gmail}${step.failed ? '; FAILED' : ''}`,
          });
          if (step.failed) notes.push(`${label}, ${step.id}: ${step.firstProblem ?? 'failed'}`);
        }
        if (!run.result) break;
      }
    } finally {
      await workspace.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  notes.push(
    'The local workspace (the Airtable, Notion, Drive and Gmail emulators) runs in the bench process; only the cycle process is measured.',
    'Peak = VmHWM of the cycle process; live heap = heapUsed after a forced GC at the end of each step (what the cycle still holds).',
    ...(options.firstHeapMb ? [`First cycle with --max-old-space-size=${options.firstHeapMb} (the one-time import on a bigger instance).`] : []),
    heapFlags.length > 0
      ? `Child flags: ${heapFlags.join(' ')}${options.heapMb === DEPLOYED_OLD_SPACE_MB ? ' (the old space Node gives the deployed functions\' 512 MiB instances; BENCH_HEAP_MB sets another)' : ' (BENCH_HEAP_MB)'}.`
      : 'Child with Node\'s default heap sizing (on a large machine V8 lets garbage grow the heap well past the live set).',
    `Child malloc settings: ${Object.entries(mallocEnv()).map(([k, v]) => `${k}=${v}`).join(' ')} (scripts/deploy.sh sets the same for the functions).`,
    process.env['BENCH_V8_DEFAULTS'] === '1'
      ? 'V8 defaults (BENCH_V8_DEFAULTS=1): without the deployed functions\' optimize-for-size mode.'
      : `V8 as deployed: NODE_OPTIONS=${DEPLOYED_NODE_OPTIONS} (scripts/deploy.sh), then ${DEPLOYED_V8_FLAGS} set at start (functions/v8-settings.ts).`,
  );
  return { name: `Full cycle (all jobs, shared read) over ${scale.pos.toLocaleString('en')} POs: peak memory of the cycle process`, rows, notes };
}

/** The Airtable table of each generated table (checks-data keys are the models' camelCase names). */
function tableOfKey(key: string): string {
  const names: Record<string, string> = {
    people: 'People', clients: 'Clients', projects: 'Projects', suppliers: 'Suppliers', supplierEvaluations: 'Supplier Evaluations',
    purchaseOrders: 'Purchase Orders', lineItems: 'Line Items', milestones: 'Milestones', inspections: 'Inspections', shipments: 'Shipments',
    shipmentLines: 'Shipment Lines', documents: 'Documents', updates: 'Updates', calendar: 'Calendar', alerts: 'Alerts',
  };
  const name = names[key];
  if (!name) throw new Error(`cycle-memory: no table for generated rows "${key}"`);
  return name;
}

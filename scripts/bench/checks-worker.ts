/**
 * Child process of the checks benchmark (scripts/bench/checks.ts starts it with `node --expose-gc --import tsx`),
 * so the memory it reports is the checks' own and not the harness's. Two steps, two processes:
 * - `--prepare FILE`: generate the agency, parse it with the models, write the parsed tables to FILE
 *   (v8.serialize), print the record counts and how long generating and parsing took;
 * - `--measure FILE`: load the parsed tables (nothing else on the heap: no generator garbage that would hide the
 *   checks' own memory), pack the milestones per PO as the job does, and run the pure part of the checks job
 *   several times: snapshot, every rule (the per-PO ones shard by shard),
 *   reconciliation against yesterday's Alerts, computed fields. The first run is the cold one (no JIT, empty
 *   caches). Prints one JSON line.
 *
 * Peak memory of a run: Linux keeps the process's high-water mark of resident memory (VmHWM) and resets it to
 * the current size when "5" is written to /proc/self/clear_refs, so each run's peak is exact, not sampled.
 * Options: --runs N (default 6), --pos N (default 10,000; prepare only).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { ComputedFields, type FieldPatch } from '../../src/domain/checks/computed-fields.ts';
import type { CheckClock, CheckRule, Severity } from '../../src/domain/checks/finding.ts';
import { ALL_RULES } from '../../src/domain/checks/all-rules.ts';
import { reconcileAlerts, type AlertPlan } from '../../src/domain/checks/reconcile-alerts.ts';
import { runRules, type ChecksResult } from '../../src/domain/checks/run-rules.ts';
import { resolveCheckSettings } from '../../src/domain/checks/settings.ts';
import { buildSnapshot, type CheckTables, type ParsedTables } from '../../src/domain/checks/snapshot.ts';
import type { Milestone } from '../../src/domain/models/milestone.ts';
import type { Inspection } from '../../src/domain/models/inspection.ts';
import { inspectionGroup } from '../../src/domain/checks/inspections-by-po.ts';
import { UpdatesByPo } from '../../src/domain/checks/updates-by-po.ts';
import { DocumentKindsByShipment } from '../../src/domain/checks/document-kinds.ts';
import { CompactRows } from '../../src/jobs/snapshot/compact-rows.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { CHECKED_TABLES } from '../../src/domain/models/table-sets.ts';
import { BENCH_NOW, BENCH_TODAY, DEFAULT_SCALE, generateRawTables, type RawTables } from './checks-data.ts';

export interface CheckRun {
  totalMs: number;
  phasesMs: { snapshot: number; rules: number; reconcile: number; computed: number };
  /** Rule → ms. */
  rulesMs: Record<string, number>;
  /** Peak resident memory during the run above the resident memory before it. */
  peakRssDeltaMb: number;
  peakRssMb: number;
  /** JS heap in use right after the run (results still held, garbage not yet collected) minus before. */
  heapDeltaMb: number;
  /**
   * On-CPU time of the main thread (Linux schedstat) and time it waited for a CPU: the first barely depends on
   * how busy the machine is, the second is the share of wall time other processes took.
   */
  threadCpuMs: number | null;
  runQueueWaitMs: number | null;
}

export interface PrepareOutput {
  records: Record<string, number>;
  generateMs: number;
  parseMs: number;
  parseProblems: number;
}

export interface MeasureOutput {
  /** Resident memory with the parsed tables loaded, before the first run. */
  baseRssMb: number;
  baseHeapMb: number;
  runs: CheckRun[];
  findings: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
  alerts: { create: number; update: number; counts: Record<string, number> };
  patches: Record<string, number>;
}

const MB = 1024 * 1024;
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const gc = (globalThis as { gc?: () => void }).gc;

function highWaterMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

function resetHighWater(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the peak then covers the whole process (generation included) and says so by being large.
  }
}

/** [on-CPU ns, run-queue wait ns] of the calling thread, or null when the kernel does not say. */
function threadSchedule(): [number, number] | null {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/).map(Number);
    return run === undefined || wait === undefined ? null : [run, wait];
  } catch {
    return null;
  }
}

function parseAll(raw: RawTables): { tables: ParsedTables; problems: number } {
  let problems = 0;
  const tables = {} as Record<keyof ParsedTables, unknown[]>;
  for (const [key, model] of Object.entries(CHECKED_TABLES) as [keyof ParsedTables, (typeof CHECKED_TABLES)[keyof ParsedTables]][]) {
    const parsed = parseRecords(model, raw[key]);
    tables[key] = parsed.records;
    problems += parsed.problems.length;
    if (parsed.problems.length > 0 && problems <= parsed.problems.length) console.error(String(parsed.problems[0]));
  }
  return { tables: tables as unknown as ParsedTables, problems };
}


function prepare(file: string): PrepareOutput {
  const scale = { ...DEFAULT_SCALE, pos: arg('--pos', DEFAULT_SCALE.pos) };
  let started = performance.now();
  const raw = generateRawTables(scale);
  const generateMs = performance.now() - started;
  started = performance.now();
  const { tables, problems } = parseAll(raw);
  const parseMs = performance.now() - started;
  writeFileSync(file, serialize(tables));
  const records = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, (v as unknown[]).length]));
  return { records, generateMs, parseMs, parseProblems: problems };
}

/** In a function of its own, so no frame keeps the file's buffer alive past the collection. */
function loadTables(file: string): ParsedTables {
  return deserialize(readFileSync(file)) as ParsedTables;
}

/**
 * The tables as the checks job keeps them (jobs/checks/read-workspace.ts): milestones and inspections packed per
 * PO, updates and documents folded into what the rules read. That is reading's cost, not timed here.
 */
function packMilestones(tables: ParsedTables): CheckTables {
  const milestones = new CompactRows<Milestone>();
  for (const m of tables.milestones) milestones.add(m.po, m);
  milestones.seal();
  const inspections = new CompactRows<Inspection>();
  for (const i of tables.inspections) inspections.add(inspectionGroup(i), i);
  inspections.seal();
  return { ...tables, milestones, inspections, updates: UpdatesByPo.of(tables.updates), documents: DocumentKindsByShipment.of(tables.documents) };
}

function measure(file: string): MeasureOutput {
  const tables = packMilestones(loadTables(file));
  gc?.();
  gc?.();
  const baseRssMb = process.memoryUsage().rss / MB;
  const baseHeapMb = process.memoryUsage().heapUsed / MB;
  const clock: CheckClock = { today: BENCH_TODAY, now: BENCH_NOW };
  const runs: CheckRun[] = [];
  let last: { result: ChecksResult; plan: AlertPlan; patches: FieldPatch[] } | undefined;
  const runCount = Math.max(2, arg('--runs', 6));
  for (let i = 0; i < runCount; i += 1) {
    last = undefined;
    gc?.();
    gc?.();
    const rssBefore = process.memoryUsage().rss / MB;
    const heapBefore = process.memoryUsage().heapUsed / MB;
    const rulesMs: Record<string, number> = {};
    // Each rule timed on its own (18 clock reads a run: nothing next to the rules themselves).
    const timed: CheckRule[] = ALL_RULES.map((rule) => ({
      ...rule,
      check: (s, c, settings) => {
        const t = performance.now();
        try {
          return rule.check(s, c, settings);
        } finally {
          // Summed: the per-PO rules run once per shard of POs.
          rulesMs[rule.rule] = (rulesMs[rule.rule] ?? 0) + performance.now() - t;
        }
      },
    }));
    resetHighWater();
    const sched = threadSchedule();
    const t0 = performance.now();
    const settings = resolveCheckSettings({});
    const snapshot = buildSnapshot(tables);
    const t1 = performance.now();
    // As the job does: the computed fields' per-PO part rides on the rules' pass over the POs.
    const computed = new ComputedFields(clock, settings);
    const result = runRules(snapshot, clock, settings, timed, { eachShard: computed.addShard });
    const t2 = performance.now();
    const plan = reconcileAlerts({
      findings: result.findings,
      existing: tables.alerts,
      unreadableKeys: new Set(),
      rulesRun: new Set(result.rulesRun),
      unreadableRecords: new Set(),
      now: clock.now,
    });
    const t3 = performance.now();
    const patches = computed.patches(snapshot);
    const t4 = performance.now();
    const schedAfter = threadSchedule();
    const peakRssMb = highWaterMb();
    const heapAfter = process.memoryUsage().heapUsed / MB;
    if (result.failures.length > 0) throw new Error(`rules failed: ${JSON.stringify(result.failures)}`);
    last = { result, plan, patches };
    runs.push({
      totalMs: t4 - t0,
      phasesMs: { snapshot: t1 - t0, rules: t2 - t1, reconcile: t3 - t2, computed: t4 - t3 },
      rulesMs,
      peakRssDeltaMb: peakRssMb - rssBefore,
      peakRssMb,
      heapDeltaMb: heapAfter - heapBefore,
      threadCpuMs: sched && schedAfter ? (schedAfter[0] - sched[0]) / 1e6 : null,
      runQueueWaitMs: sched && schedAfter ? (schedAfter[1] - sched[1]) / 1e6 : null,
    });
  }
  const { result, plan, patches } = last!;
  const bySeverity: Record<Severity, number> = { Info: 0, Warning: 0, Critical: 0 };
  const byRule: Record<string, number> = Object.fromEntries(ALL_RULES.map((r) => [r.rule, 0]));
  for (const f of result.findings) {
    bySeverity[f.severity] += 1;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  const patchCounts: Record<string, number> = {};
  for (const p of patches) patchCounts[p.table] = (patchCounts[p.table] ?? 0) + 1;
  return {
    baseRssMb,
    baseHeapMb,
    runs,
    findings: result.findings.length,
    bySeverity,
    byRule,
    alerts: { create: plan.create.length, update: plan.update.length, counts: { ...plan.counts } },
    patches: patchCounts,
  };
}

const prepareAt = process.argv.indexOf('--prepare');
const measureAt = process.argv.indexOf('--measure');
if (prepareAt >= 0) process.stdout.write(`${JSON.stringify(prepare(process.argv[prepareAt + 1]!))}\n`);
else if (measureAt >= 0) process.stdout.write(`${JSON.stringify(measure(process.argv[measureAt + 1]!))}\n`);
else throw new Error('usage: checks-worker.ts --prepare FILE [--pos N] | --measure FILE [--runs N]');

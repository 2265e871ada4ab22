/**
 * The chaos suite: seeded cycles on the sample agency with injected provider errors, SIGKILLs at random points of
 * a job, and two copies of a job at once; after each, one clean cycle; then the workspace is compared with a
 * reference (provision, clean cycle, clean cycle on a fresh workspace): Airtable rows per table by key, Notion
 * pages per portal, Drive files per folder, mails by recipient and subject (and Message-IDs sent twice).
 * Everything runs against one local workspace in this process; CLI children reuse it through WORKSPACE_PORT.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionWith } from '../../src/cli/commands/provision.ts';
import { runCycle, type CycleStep, type StepId } from '../../src/cli/cycle.ts';
import { createRuntime, type Runtime } from '../../src/cli/runtime.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { JobReport } from '../../src/jobs/report.ts';
import { startWorkspace, type RunningWorkspace } from '../../src/local/server.ts';
import { runChild, stackTraces, CYCLE_CHILD, type ChildResult } from './children.ts';
import { seededRandom, type Random } from './random.ts';
import { compareSnapshots, takeSnapshot, type Difference, type Snapshot } from './snapshot.ts';

export type ChaosMode = 'faults' | 'kill' | 'double';
/** The cycle's steps that have a command of their own (the supplier-portal steps run only inside the cycle). */
export type ChaosStep = Exclude<StepId, 'supplier-dates' | 'supplier-prompts'>;
export type ChaosTarget = ChaosStep | 'setup';

export const CYCLE_ORDER: ChaosStep[] = ['calendar', 'plan', 'documents', 'closure', 'checks', 'sync', 'reminders', 'chat', 'reviews', 'weekly'];
/** The command of each job: the `sourcing` CLI, or npm start's provisioning for the sample load. */
const COMMAND: Record<ChaosTarget, string[]> = {
  setup: [CYCLE_CHILD, '--setup-only'], calendar: ['calendar'], plan: ['plan'], documents: ['docs'], closure: ['close'], checks: ['check'], sync: ['sync'], reminders: ['remind'],
  chat: ['chat'], reviews: ['reviews'], weekly: ['weekly'],
};
const SERVICES = ['airtable', 'notion', 'drive', 'gmail'] as const;
const STATUSES = [429, 500, 503] as const;
/** Lease lifetime for the harness and its children (a live run renews every third of it). */
const LEASE_TTL_SECONDS = 4;

function pinnedNow(at: Date): string {
  const pinned = new Date(at);
  pinned.setUTCMinutes(17, 0, 0);
  return pinned.toISOString();
}

export interface ChaosOptions {
  runs: number;
  seed: number;
  modes?: readonly ChaosMode[];
  targets?: readonly ChaosTarget[];
  /** Fixed scenarios, one per run, instead of drawing mode and target (the seed still draws faults and kill points). */
  scenarios?: readonly { mode: ChaosMode; target: ChaosTarget }[];
  /** Take a new reference when the last one is older than this (reminders depend on the time of day). */
  referenceMaxAgeMs?: number;
  log?: (line: string) => void;
  /** Inject faults only before these steps (all by default). */
  faultSteps?: readonly StepId[];
}

export interface RunOutcome {
  run: number;
  mode: ChaosMode;
  target: ChaosTarget;
  /** What was injected, in words. */
  chaos: string[];
  /** A child process was SIGKILLed (kill mode). */
  killed: boolean;
  differences: Difference[];
  stackTraces: string[];
  /** Children that exited neither 0, 1 nor 3 (a refused command or a crash: the chaos never happened). */
  childErrors: string[];
  /**
   * Problems the clean cycle after the chaos still reported (a state it could not complete). Problems the
   * reference's second cycle reports too (the sample's blocked pack and contract, which wait for data) are not
   * the chaos's doing and are left out; any other one counts.
   */
  cleanProblems: string[];
  ms: number;
}

export interface ChaosSummary {
  seed: number;
  runs: RunOutcome[];
  referenceCycles: number;
  ms: number;
}

interface Harness {
  ws: RunningWorkspace;
  env: Record<string, string>;
  control(method: string, path: string, body?: unknown): Promise<void>;
  runtime(): Promise<Runtime>;
  /** console.error lines of this process (the local workspace logs its own 500s there). */
  errors: string[];
}

export async function runChaos(options: ChaosOptions): Promise<ChaosSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'sourcing-chaos-'));
  const errors: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
  };
  const ws = await startWorkspace({ port: 0, dir, speed: 1000 });
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', WORKSPACE_PORT: String(ws.port), WORKSPACE_DIR: dir, WORKSPACE_SPEED: '1000', WORKSPACE_TOKEN: ws.token };
  if (process.env['TZ']) env['TZ'] = process.env['TZ'];
  // Short leases, so a run killed while holding them blocks the clean cycle for seconds, not two minutes.
  env['LEASE_TTL_SECONDS'] = String(LEASE_TTL_SECONDS);
  // Every run starts at the same moment (the jobs' clock, SOURCING_NOW), so reminders that follow working hours
  // compare with the reference: 17 minutes past the current hour, away from the :00 / :30 starts of working hours.
  env['SOURCING_NOW'] = process.env['SOURCING_NOW'] ?? pinnedNow(new Date());
  const harness: Harness = {
    ws,
    env,
    errors,
    async control(method, path, body) {
      const res = await fetch(`${ws.url}/__workspace${path}`, {
        method,
        headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
    },
    runtime: () => createRuntime(loadConfig(env)),
  };
  const summary: ChaosSummary = { seed: options.seed, runs: [], referenceCycles: 0, ms: 0 };
  try {
    let reference = await takeReference(harness);
    summary.referenceCycles += 1;
    for (let run = 1; run <= options.runs; run += 1) {
      if (Date.now() - reference.takenAt > (options.referenceMaxAgeMs ?? 10 * 60_000)) {
        reference = await takeReference(harness);
        summary.referenceCycles += 1;
      }
      const random = seededRandom(options.seed * 1_000_003 + run);
      const { outcome, snapshot } = await chaosRun(harness, reference, run, random, options);
      if (outcome.differences.length > 0) {
        // Reminders depend on the time of day (someone's working hours may have begun since the reference was
        // taken): compare again with a reference taken now, and keep only what persists.
        reference = await takeReference(harness);
        summary.referenceCycles += 1;
        outcome.differences = compareSnapshots(reference.snapshot, snapshot);
      }
      summary.runs.push(outcome);
      const defects = outcome.differences.length + outcome.stackTraces.length + outcome.childErrors.length + outcome.cleanProblems.length;
      log(`run ${run}: ${outcome.mode === 'faults' ? 'faults in every job' : `${outcome.mode} ${outcome.target}`} (${outcome.chaos.join('; ') || 'nothing injected'}): ` +
        `${defects === 0 ? 'same as the reference' : `${outcome.differences.length} difference(s), ${outcome.stackTraces.length} stack trace(s), ${outcome.childErrors.length} child error(s), ${outcome.cleanProblems.length} clean-cycle problem(s)`} [${Math.round(outcome.ms / 1000)} s]`);
      for (const d of outcome.differences) log(`    ${d.kind} ${d.area}: ${d.identity} (reference ${d.expected}, here ${d.actual})`);
      for (const s of outcome.stackTraces) log(`    stack trace: ${s.split('\n').join(' | ')}`);
      for (const e of outcome.childErrors) log(`    child: ${e}`);
      for (const p of outcome.cleanProblems) log(`    clean cycle: ${p}`);
    }
  } finally {
    console.error = consoleError;
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
  summary.ms = Date.now() - started;
  return summary;
}

interface Reference {
  snapshot: Snapshot;
  takenAt: number;
  /** Provider requests per step of a clean first cycle (where a kill can land), and of the sample load. */
  requests: Record<ChaosTarget | StepId, number>;
  /** The cycle's steps in the order it ran them. */
  order: StepId[];
  /** Problems a clean second cycle on a fresh workspace reports ("step: problem"). */
  problems: Set<string>;
}

/** A fresh workspace: everything deleted (also npm start's sample-load marker), the request log emptied, faults dropped. */
async function fresh(h: Harness): Promise<void> {
  await h.control('POST', '/reset');
  rmSync(join(h.ws.dir, 'sample-load.json'), { force: true });
  h.ws.requestLog.clear();
}

/** The base as `npm start` prepares it: the sample loaded into a new base, an interrupted load resumed. */
async function provisioned(h: Harness): Promise<{ runtime: Runtime; baseId: string; setup: JobReport<unknown> }> {
  const runtime = await h.runtime();
  const setup = await provisionWith(runtime, 'new-base');
  return { runtime, baseId: (setup.details as { baseId: string }).baseId, setup: setup as JobReport<unknown> };
}

async function takeReference(h: Harness): Promise<Reference> {
  await fresh(h);
  const { runtime, baseId, setup } = await provisioned(h);
  try {
    const first = await runCycle(runtime, baseId);
    await provisionWith(runtime, 'new-base');
    const second = await runCycle(runtime, baseId);
    const problems = [...first, ...second].filter((s) => s.failed).map((s) => `${s.id}: ${s.report.problems.join('; ')}`);
    if (problems.length > 0) throw new Error(`the reference cycle failed, so nothing can be compared: ${problems.join(' / ')}`);
    const requests = { setup: total(setup) } as Record<ChaosTarget | StepId, number>;
    for (const step of first) requests[step.id] = total(step.report);
    return { snapshot: takeSnapshot(h.ws.dir), takenAt: Date.now(), requests, order: first.map((s) => s.id), problems: new Set(problemsOf(second)) };
  } finally {
    await runtime.close();
  }
}

function problemsOf(cycle: CycleStep[]): string[] {
  return cycle.flatMap((s) => (s.report.problems.length > 0 ? s.report.problems.map((p) => `${s.id}: ${p}`) : s.failed ? [`${s.id}: failed`] : []));
}

function total(report: JobReport<unknown>): number {
  return Object.values(report.requests).reduce((n, c) => n + c.total, 0);
}

async function chaosRun(h: Harness, reference: Reference, run: number, random: Random, options: ChaosOptions): Promise<{ outcome: RunOutcome; snapshot: Snapshot }> {
  const started = Date.now();
  const scenario = options.scenarios?.[(run - 1) % options.scenarios.length];
  const mode: ChaosMode = scenario?.mode ?? random.pick(options.modes ?? (['faults', 'kill', 'double'] as const));
  const targets = options.targets ?? (mode === 'faults' ? CYCLE_ORDER : [...CYCLE_ORDER, 'setup' as const]);
  const target = scenario?.target ?? random.pick(targets);
  const chaos: string[] = [];
  const children: ChildResult[] = [];
  const errorsBefore = h.errors.length;
  await fresh(h);

  if (mode === 'kill') {
    // npm start's work in a child (sample load, then the cycle), killed at a random request inside the target.
    // The steps in the order the cycle runs them (the supplier-portal steps included), so the kill lands in the target.
    const order: (ChaosTarget | StepId)[] = ['setup', ...reference.order];
    const before = order.slice(0, order.indexOf(target)).reduce((n, id) => n + (reference.requests[id] ?? 0), 0);
    const killAt = before + random.int(1, Math.max(1, reference.requests[target] ?? 1));
    chaos.push(`npm start's work killed after ${killAt} requests (${target}: requests ${before + 1}–${before + (reference.requests[target] ?? 0)})`);
    const child = await runChild([CYCLE_CHILD], { env: h.env, requestLog: h.ws.requestLog, killAfterRequests: killAt });
    children.push(child);
    // The killed run never released its leases: as the next scheduled run would, wait until they run out.
    if (child.killedAfter !== undefined) await new Promise((r) => setTimeout(r, LEASE_TTL_SECONDS * 1000 + 500));
  } else if (target === 'setup') {
    chaos.push('two copies of the sample load at once');
    children.push(...(await Promise.all([0, 1].map(() => runChild(COMMAND.setup, { env: h.env, requestLog: h.ws.requestLog })))));
  } else {
    const { runtime, baseId } = await provisioned(h);
    try {
      if (mode === 'faults') {
        await runCycle(runtime, baseId, { beforeStep: (id) => (!options.faultSteps || options.faultSteps.includes(id) ? injectFaults(h, random, id, chaos) : h.control('DELETE', '/faults').then(() => undefined)) });
        await h.control('DELETE', '/faults');
      } else {
        const index = CYCLE_ORDER.indexOf(target);
        await runCycle(runtime, baseId, { only: CYCLE_ORDER.slice(0, index) });
        chaos.push(`two copies of ${COMMAND[target].join(' ')} at once`);
        children.push(...(await Promise.all([0, 1].map(() => runChild(COMMAND[target], { env: h.env, requestLog: h.ws.requestLog })))));
        await runCycle(runtime, baseId, { only: CYCLE_ORDER.slice(index + 1) });
      }
    } finally {
      await runtime.close();
    }
  }
  const childErrors: string[] = [];
  for (const child of children) {
    if (child.killedAfter === undefined && child.code === 3) chaos.push(`a child exited 3: ${lastLine(child.stderr)}`);
    // 0 = done or "already running", 1 = done with problems, 3 = a provider failed (the chaos); anything else
    // (2: the command or a setting refused, a crash) means the child never did the job it was started for.
    else if (child.killedAfter === undefined && ![0, 1].includes(child.code ?? -1)) childErrors.push(`exit ${String(child.code ?? child.signal)}: ${lastLine(`${child.stdout}\n${child.stderr}`)}`);
  }

  // One clean cycle, then the comparison.
  const { runtime, baseId } = await provisioned(h);
  let clean: CycleStep[];
  try {
    clean = await runCycle(runtime, baseId);
  } finally {
    await runtime.close();
  }
  const cleanProblems = problemsOf(clean).filter((p) => !reference.problems.has(p));
  const traces = [...children.flatMap((c) => stackTraces(`${c.stdout}\n${c.stderr}`)), ...h.errors.slice(errorsBefore).filter((e) => /\n\s+at /.test(e))];
  const snapshot = takeSnapshot(h.ws.dir);
  const outcome: RunOutcome = {
    run,
    mode,
    target,
    chaos,
    killed: children.some((c) => c.killedAfter !== undefined),
    differences: compareSnapshots(reference.snapshot, snapshot),
    stackTraces: traces,
    childErrors,
    cleanProblems,
    ms: Date.now() - started,
  };
  return { outcome, snapshot };
}


/**
 * Before each job of a faults run: with a chance, one or two faults of the local workspace (src/local/faults.ts):
 * an error status (429/500/503), a connection reset, a timeout, or a write applied whose answer is lost; for
 * the next 1–3 matching requests of a service, or a seeded share (5–20 %) of all of them during the job.
 */
async function injectFaults(h: Harness, random: Random, step: StepId, chaos: string[]): Promise<void> {
  await h.control('DELETE', '/faults');
  if (!random.chance(0.7)) return;
  const n = random.int(1, 2);
  for (let i = 0; i < n; i += 1) {
    const service = random.pick(SERVICES);
    const kind = random.pick(['status', 'status', 'reset', 'timeout', 'lost-response'] as const);
    const byRate = random.chance(0.3);
    const fault: Record<string, unknown> = { service, kind, seed: random.int(1, 1_000_000) };
    if (kind === 'status') fault['status'] = random.pick(STATUSES);
    if (kind === 'timeout') fault['delayMs'] = random.int(200, 1500);
    if (kind === 'lost-response') fault['methods'] = ['POST', 'PATCH', 'PUT'];
    if (byRate) fault['rate'] = random.int(5, 20) / 100;
    else fault['count'] = random.int(1, 3);
    const what = kind === 'status' ? `answer ${String(fault['status'])}` : kind === 'timeout' ? `time out after ${String(fault['delayMs'])} ms` : kind === 'reset' ? 'reset the connection' : 'apply the write and lose the answer';
    chaos.push(`${step}: ${byRate ? `${Math.round(Number(fault['rate']) * 100)} % of` : `next ${String(fault['count'])}`} ${service} request(s) ${what}`);
    await h.control('POST', '/faults', fault);
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

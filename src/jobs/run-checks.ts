/**
 * The scheduled checks: read the workspace once, run every rule (src/domain/checks), then make Airtable match:
 * the Alerts table reconciled by Key, computed system fields (weighted scores, AQL sampling numbers, milestone
 * statuses) and "Sync issues" written only where they differ. A same-day rerun on unchanged data writes nothing.
 */
import { DateTime } from 'luxon';
import { ComputedFields } from '../domain/checks/computed-fields.ts';
import type { CheckClock, Severity } from '../domain/checks/finding.ts';
import { reconcileAlerts, type AlertCounts, type AlertPlan } from '../domain/checks/reconcile-alerts.ts';
import { runRules, type RuleFailure } from '../domain/checks/run-rules.ts';
import { resolveCheckSettings, type CheckSettings } from '../domain/checks/settings.ts';
import { syncIssuePatches } from '../domain/checks/sync-issues.ts';
import { rulesWaitingFor } from '../domain/checks/upstream-rules.ts';
import { ALL_RULES } from '../domain/checks/all-rules.ts';
import { alerts } from '../domain/models/alert.ts';
import type { RequestCounter, RequestCounts } from '../lib/request-counter.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import { ALL_READ_MODELS, readWorkspace, type ReadWorkspace } from './checks/read-workspace.ts';
import { startReport, type JobReport } from './report.ts';

export interface RunChecksDeps {
  records: AirtableRecordsPort;
  counter: RequestCounter;
  now(): Date;
}

export interface RunChecksInput {
  /** The agency's calendar date (YYYY-MM-DD); by default today in the Agency row's time zone (UTC without one). */
  today?: string;
  /** Overrides of the check settings (thresholds, weights, days); validated, defaults for the rest. */
  settings?: unknown;
  /**
   * Jobs of the same cycle that failed before this one: rules about their outputs are not run (see
   * upstream-rules.ts), so a failed documents run never becomes "has no commercial invoice".
   */
  upstreamFailed?: readonly string[];
}

export type SeverityCounts = Record<Severity, number>;

export interface RunChecksDetails {
  baseId: string;
  today: string;
  findings: number;
  bySeverity: SeverityCounts;
  /** Rule → findings per severity (every rule listed, zeros included). */
  byRule: Record<string, SeverityCounts>;
  alerts: AlertCounts;
  /** Table → rows whose computed system fields were written. */
  computed: Record<string, number>;
  /** Rows whose "Sync issues" was written (set or cleared). */
  syncIssues: number;
  /** Rows left out because they failed validation. */
  skippedRows: number;
  ruleFailures: RuleFailure[];
  /** Rules not run because the job whose output they check failed in this cycle. */
  notChecked: { rule: string; because: string }[];
  /** Rows the checks could not write (a service failure): the Alerts table is not up to date. */
  writesFailed: number;
}

/** Rows per port call (the adapter still sends them 10 per request). */
const ROWS_PER_CALL = 500;

const zero = (): SeverityCounts => ({ Info: 0, Warning: 0, Critical: 0 });

export async function runChecks(deps: RunChecksDeps, input: RunChecksInput = {}): Promise<JobReport<RunChecksDetails>> {
  const { started, finish } = startReport('checks', deps);
  const settings = resolveCheckSettings(input.settings ?? {});
  // Decided in a function of its own: the snapshot (every table read) can go before the writes, which take most of
  // the run (~900 requests on a first run at 10,000 POs); only the rows to write and the counts stay.
  const decided = decide(await readWorkspace(deps.records), started, input, settings);
  const { problems, plan, patches } = decided;

  let writesFailed = 0;
  // A few hundred rows per call: the adapter answers every row it wrote, and a first run at 10,000 POs writes
  // ~30,000 milestone statuses and ~8,500 new alerts (held at once, their answers were ~20 MB of the job's memory).
  // A failed call stops that write: its rows and the ones after it are counted as not written.
  const write = async <R>(what: string, rows: readonly R[], send: (part: R[]) => Promise<unknown>) => {
    for (let start = 0; start < rows.length; start += ROWS_PER_CALL) {
      try {
        await send(rows.slice(start, start + ROWS_PER_CALL));
      } catch (error) {
        writesFailed += rows.length - start;
        problems.push(`Could not write ${rows.length - start} row(s) of ${what}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
  };
  for (const [table, rows] of patches) {
    await write(table, [...rows].map(([id, fields]) => ({ id, fields })), (part) => deps.records.update(table, part));
  }
  // https://airtable.com/developers/web/api/update-multiple-records (performUpsert on Key): new alerts are upserted
  // on their Key, so a lost answer is retried without a twin and a run overlapping this one cannot add a second row.
  await write(`${alerts.table} (new)`, plan.create, (part) => deps.records.upsert(alerts.table, part, [alerts.fields.key]));
  await write(alerts.table, plan.update, (part) => deps.records.update(alerts.table, part));

  return finish(problems, {
    baseId: deps.records.baseId,
    today: decided.today,
    findings: decided.findings,
    bySeverity: decided.bySeverity,
    byRule: decided.byRule,
    alerts: plan.counts,
    computed: decided.computed,
    syncIssues: decided.syncIssues,
    skippedRows: decided.skippedRows,
    ruleFailures: decided.ruleFailures,
    notChecked: decided.notChecked,
    writesFailed,
  });
}

interface Decided {
  today: string;
  problems: string[];
  plan: AlertPlan;
  /** Table → record ID → fields: computed fields and Sync issues of one row go out as one patch. */
  patches: Map<string, Map<string, Fields>>;
  findings: number;
  bySeverity: SeverityCounts;
  byRule: Record<string, SeverityCounts>;
  computed: Record<string, number>;
  syncIssues: number;
  skippedRows: number;
  ruleFailures: RuleFailure[];
  notChecked: { rule: string; because: string }[];
}

/** Everything the checks conclude from one read: the findings, the Alerts plan and the patches to write. */
function decide(read: ReadWorkspace, started: Date, input: RunChecksInput, settings: CheckSettings): Decided {
  const problems = read.problems.map(String);

  const zone = read.agency?.timeZone ?? 'UTC';
  const clock: CheckClock = { today: input.today ?? DateTime.fromJSDate(started, { zone }).toISODate()!, now: started };
  const snapshot = read.snapshot;
  const waiting = rulesWaitingFor(input.upstreamFailed ?? []);
  // The computed fields' per-PO part rides on the rules' pass over the POs (each PO's milestones unpacked once).
  const computedFields = new ComputedFields(clock, settings);
  const result = runRules(snapshot, clock, settings, ALL_RULES.filter((r) => !waiting.has(r.rule)), { eachShard: computedFields.addShard });
  for (const f of result.failures) problems.push(`Rule ${f.rule} failed and was skipped: ${f.message}`);
  // Not a problem of this job: the failed job reports its own.
  const notChecked = [...waiting].map(([rule, because]) => ({ rule, because }));

  const unreadableRecords = new Set(read.problems.map((p) => p.recordId));
  const unreadableKeys = new Set<string>();
  for (const row of read.raw.get(alerts.table) ?? []) {
    const key = row.fields[alerts.fields.key];
    if (unreadableRecords.has(row.id) && typeof key === 'string') unreadableKeys.add(key);
  }
  const plan = reconcileAlerts({
    findings: result.findings,
    existing: snapshot.alerts,
    unreadableKeys,
    rulesRun: new Set(result.rulesRun),
    unreadableRecords,
    now: clock.now,
  });
  if (plan.counts.unreadable > 0) {
    problems.push(`${plan.counts.unreadable} finding(s) belong to Alerts rows that failed validation; fix those rows so they can be updated`);
  }

  // Computed fields and Sync issues of one row go out as one patch.
  const patches = new Map<string, Map<string, Fields>>();
  const addPatch = (table: string, id: string, fields: Fields) => {
    const rows = patches.get(table) ?? new Map<string, Fields>();
    rows.set(id, { ...rows.get(id), ...fields });
    patches.set(table, rows);
  };
  const computed: Record<string, number> = {};
  for (const p of computedFields.patches(snapshot)) {
    addPatch(p.table, p.id, p.fields);
    computed[p.table] = (computed[p.table] ?? 0) + 1;
  }
  let syncIssues = 0;
  for (const model of ALL_READ_MODELS) {
    for (const p of syncIssuePatches(model, read.raw.get(model.table) ?? [], read.problems)) {
      addPatch(model.table, p.id, p.fields);
      syncIssues += 1;
    }
  }

  const byRule: Record<string, SeverityCounts> = Object.fromEntries(result.rulesRun.map((r) => [r, zero()]));
  const bySeverity = zero();
  for (const f of result.findings) {
    (byRule[f.rule] ??= zero())[f.severity] += 1;
    bySeverity[f.severity] += 1;
  }
  return {
    today: clock.today,
    problems,
    plan,
    patches,
    findings: result.findings.length,
    bySeverity,
    byRule,
    computed,
    syncIssues,
    skippedRows: unreadableRecords.size,
    ruleFailures: result.failures,
    notChecked,
  };
}

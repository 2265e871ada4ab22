/**
 * The AQL plan an inspection should follow: lot size and level (the inspection's own, else the project's
 * benchmark, else level II) and the AQLs (same fallbacks) through ISO 2859-1 (src/domain/quality). Shared by the
 * aql-plan-mismatch rule and the write-back of the Inspections system fields.
 */
import { aqlPlan, type AqlPlan } from '../quality/aql-plan.ts';
import type { InspectionLevel } from '../quality/sampling-tables.ts';
import { AQL_VALUES } from '../models/choices.ts';
import type { Inspection } from '../models/inspection.ts';
import type { Severity } from '../quality/switched-plans.ts';
import { switchingStateFor } from './inspection-switching.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

/** The Inspections table's system fields, in field-name order of the model. */
export interface PlanFields {
  sampleSize: number | null;
  acceptCritical: number | null;
  rejectCritical: number | null;
  acceptMajor: number | null;
  rejectMajor: number | null;
  acceptMinor: number | null;
  rejectMinor: number | null;
}

export type PlanOutcome =
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'plan'; plan: AqlPlan; fields: PlanFields; switching?: { severity: Severity; reason: string } | undefined };

/** Inspection types that sample by AQL (a container loading check counts cartons; an audit samples nothing). */
const SAMPLED = new Set(['IPI', 'DUPRO', 'PSI']);
const LEVELS = new Set(['I', 'II', 'III', 'S-1', 'S-2', 'S-3', 'S-4']);

export function inspectionPlan(s: WorkspaceSnapshot, i: Inspection): PlanOutcome {
  if (!SAMPLED.has(i.type) || i.lotSize === undefined) return { kind: 'none' };
  const project = i.po === undefined ? undefined : s.project.get(s.po.get(i.po)?.project ?? '');
  const level = i.inspectionLevel ?? project?.inspectionLevel ?? 'II';
  if (!LEVELS.has(level)) return { kind: 'none' };
  const aqlCritical = i.aqlCritical ?? project?.aqlCritical ?? null;
  const aqlMajor = i.aqlMajor ?? project?.aqlMajor ?? null;
  const aqlMinor = i.aqlMinor ?? project?.aqlMinor ?? null;
  if (aqlCritical === null && aqlMajor === null && aqlMinor === null) return { kind: 'none' };
  // A PSI's plan follows the supplier's switching state; other inspections sample at normal severity.
  const switching = i.type === 'PSI' ? switchingStateFor(s, i) : undefined;
  const severity = switching?.severity ?? 'Normal';
  const key = planKey(i.lotSize, level, aqlCritical, aqlMajor, aqlMinor, severity);
  let outcome = PLANS.get(key);
  if (!outcome) {
    outcome = computePlan(i.lotSize, level as InspectionLevel, aqlCritical, aqlMajor, aqlMinor, severity);
    if (PLANS.size >= MAX_CACHED_PLANS) PLANS.clear();
    PLANS.set(key, outcome);
  }
  return outcome.kind === 'plan' && switching ? { ...outcome, switching: { severity, reason: switching.reason } } : outcome;
}

// Thousands of inspections share a handful of plans, each named by a number (a string key costs more to build
// than the lookup it serves) or, for values outside the models' choices, by a string.
const PLANS = new Map<number | string, PlanOutcome>();
const MAX_CACHED_PLANS = 10_000;
const AQL_INDEX = new Map<number | null, number>([[null, 0], ...AQL_VALUES.map((v, k) => [Number(v), k + 1] as const)]);
const LEVEL_INDEX: Readonly<Record<string, number>> = { I: 0, II: 1, III: 2, 'S-1': 3, 'S-2': 4, 'S-3': 5, 'S-4': 6 };
const SEVERITY_INDEX: Readonly<Record<Severity, number>> = { Normal: 0, Tightened: 1, Reduced: 2 };
const MAX_NUMBERED_LOT = 1e9;

function planKey(lotSize: number, level: string, aqlCritical: number | null, aqlMajor: number | null, aqlMinor: number | null, severity: Severity): number | string {
  const l = LEVEL_INDEX[level];
  const c = AQL_INDEX.get(aqlCritical);
  const m = AQL_INDEX.get(aqlMajor);
  const n = AQL_INDEX.get(aqlMinor);
  if (l === undefined || c === undefined || m === undefined || n === undefined || !Number.isInteger(lotSize) || lotSize < 0 || lotSize > MAX_NUMBERED_LOT) {
    return `${lotSize}|${level}|${aqlCritical}|${aqlMajor}|${aqlMinor}|${severity}`;
  }
  return ((((lotSize * 7 + l) * 8 + c) * 8 + m) * 8 + n) * 3 + SEVERITY_INDEX[severity];
}

function computePlan(lotSize: number, level: InspectionLevel, aqlCritical: number | null, aqlMajor: number | null, aqlMinor: number | null, severity: Severity): PlanOutcome {
  try {
    const plan = aqlPlan({ lotSize, level, aqlCritical, aqlMajor, aqlMinor, severity });
    return {
      kind: 'plan',
      plan,
      fields: {
        sampleSize: plan.sampleSize,
        acceptCritical: plan.critical?.accept ?? null,
        rejectCritical: plan.critical?.reject ?? null,
        acceptMajor: plan.major?.accept ?? null,
        rejectMajor: plan.major?.reject ?? null,
        acceptMinor: plan.minor?.accept ?? null,
        rejectMinor: plan.minor?.reject ?? null,
      },
    };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

export const PLAN_KEYS: readonly (keyof PlanFields)[] = ['sampleSize', 'acceptCritical', 'rejectCritical', 'acceptMajor', 'rejectMajor', 'acceptMinor', 'rejectMinor'];

/**
 * Every number entered on the inspection is the plan's own (empty cells are not compared). Such an inspection is
 * consistent with its plan: the plan's sample size never exceeds the lot and its reject numbers are accept + 1.
 */
export function matchesPlan(i: Inspection, fields: PlanFields): boolean {
  for (const key of PLAN_KEYS) {
    const entered = i[key];
    if (entered !== undefined && entered !== fields[key]) return false;
  }
  return true;
}

/** Once an inspection has a result or defect counts, its numbers are the ones it was judged by: never rewritten. */
export function isJudged(i: Inspection): boolean {
  return (
    (i.result !== undefined && i.result !== 'Pending') ||
    i.criticalFound !== undefined ||
    i.majorFound !== undefined ||
    i.minorFound !== undefined
  );
}

/**
 * The AQL sampling plan of one inspection: lot size and level → code letter → per defect class the sample size
 * and Ac/Re, arrows followed (domain.md §6.4, oracle checklist 7).
 */
import { assertLevel, assertLotSize, codeLetterFor, SAMPLE_SIZES, type CodeLetter, type InspectionLevel } from './sampling-tables.ts';
import { aqlColumn } from './single-sampling-normal.ts';
import { resolveSwitchedPlan, type Severity } from './switched-plans.ts';

export type DefectClass = 'critical' | 'major' | 'minor';
export const DEFECT_CLASSES: readonly DefectClass[] = ['critical', 'major', 'minor'];

export interface AqlPlanInput {
  lotSize: number;
  level: InspectionLevel;
  /** null = this class is not inspected. 0 = zero tolerance. */
  aqlCritical: number | null;
  aqlMajor: number | null;
  aqlMinor: number | null;
  /** ISO 2859-1 switching state: normal (default), tightened (Table II-B) or reduced (Table II-C). */
  severity?: Severity | undefined;
}

export interface ClassPlan {
  aql: number;
  /** Letter whose sample size applies (after arrows). */
  codeLetter: CodeLetter;
  /** n as printed in the table. */
  tableSampleSize: number;
  /** Units to inspect: the table n, or the whole lot when n ≥ lot size. */
  sampleSize: number;
  /** Accept the lot when defectives ≤ accept. */
  accept: number;
  /** Reject the lot when defectives ≥ reject (= accept + 1). */
  reject: number;
  inspectAll: boolean;
}

export interface AqlPlan {
  lotSize: number;
  level: InspectionLevel;
  severity: Severity;
  /** Letter of the lot itself from Table I. */
  codeLetter: CodeLetter;
  critical: ClassPlan | null;
  major: ClassPlan | null;
  minor: ClassPlan | null;
  /**
   * One sample for all classes: the largest n of any class (the standard allows it when agreed), which is what
   * the Inspections table's single "Sample size" field holds.
   */
  sampleSize: number;
  inspectAll: boolean;
}

export function aqlPlan(input: AqlPlanInput): AqlPlan {
  assertLotSize(input.lotSize);
  assertLevel(input.level);
  const letter = codeLetterFor(input.lotSize, input.level);
  const severity = input.severity ?? 'Normal';
  const aqls: Record<DefectClass, number | null> = {
    critical: checkAql(input.aqlCritical, 'AQL critical'),
    major: checkAql(input.aqlMajor, 'AQL major'),
    minor: checkAql(input.aqlMinor, 'AQL minor'),
  };
  const fromTable = (aql: number | null): ClassPlan | null => {
    if (aql === null || aql === 0) return null;
    const resolved = resolveSwitchedPlan(severity, letter, aql);
    return withLot({ aql, codeLetter: resolved.codeLetter, tableSampleSize: resolved.sampleSize, accept: resolved.accept, reject: resolved.reject }, input.lotSize);
  };
  const plans: Record<DefectClass, ClassPlan | null> = {
    critical: fromTable(aqls.critical),
    major: fromTable(aqls.major),
    minor: fromTable(aqls.minor),
  };
  // AQL 0 is not a table column: zero tolerance (Ac 0 / Re 1) on the major sample, else on the lot's own letter.
  for (const cls of DEFECT_CLASSES) {
    if (aqls[cls] !== 0) continue;
    const base = plans.major ?? { codeLetter: letter, tableSampleSize: SAMPLE_SIZES[letter] };
    plans[cls] = withLot({ aql: 0, codeLetter: base.codeLetter, tableSampleSize: base.tableSampleSize, accept: 0, reject: 1 }, input.lotSize);
  }
  const inspected = DEFECT_CLASSES.map((c) => plans[c]).filter((p): p is ClassPlan => p !== null);
  const sampleSize = inspected.length > 0 ? Math.max(...inspected.map((p) => p.sampleSize)) : 0;
  return {
    lotSize: input.lotSize,
    level: input.level,
    severity,
    codeLetter: letter,
    ...plans,
    sampleSize,
    inspectAll: inspected.length > 0 && sampleSize >= input.lotSize,
  };
}

function withLot(plan: Omit<ClassPlan, 'sampleSize' | 'inspectAll'>, lotSize: number): ClassPlan {
  const inspectAll = plan.tableSampleSize >= lotSize;
  return { ...plan, sampleSize: inspectAll ? lotSize : plan.tableSampleSize, inspectAll };
}

function checkAql(aql: number | null, field: string): number | null {
  if (aql === null) return null;
  if (typeof aql !== 'number' || !Number.isFinite(aql) || aql < 0) {
    throw new RangeError(`${field} must be a number ≥ 0 (0 = zero tolerance), got ${JSON.stringify(aql)}`);
  }
  if (aql === 0) return aql;
  try {
    aqlColumn(aql);
  } catch (error) {
    throw new RangeError(`${field}: ${(error as Error).message}`);
  }
  return aql;
}

/**
 * Compares the sampling numbers entered on an inspection with the plan the standard gives, and says what
 * disagrees, so a check can flag a QC booking made with the wrong sample size or acceptance numbers.
 */
import { DEFECT_CLASSES, type AqlPlan, type DefectClass } from './aql-plan.ts';

export interface EnteredClassNumbers {
  accept?: number | null;
  reject?: number | null;
}

export interface EnteredInspectionPlan {
  sampleSize?: number | null;
  critical?: EnteredClassNumbers;
  major?: EnteredClassNumbers;
  minor?: EnteredClassNumbers;
}

export interface InspectionPlanIssue {
  /** `sampleSize` or `<class>.accept` / `<class>.reject`. */
  field: string;
  entered: number;
  expected: number | null;
  message: string;
}

export interface InspectionPlanCheck {
  consistent: boolean;
  issues: InspectionPlanIssue[];
}

export function checkInspectionPlan(entered: EnteredInspectionPlan, computed: AqlPlan): InspectionPlanCheck {
  const issues: InspectionPlanIssue[] = [];
  const where = `lot ${computed.lotSize}, level ${computed.level}, code ${computed.codeLetter}`;
  const n = entered.sampleSize;
  if (n !== undefined && n !== null) {
    if (n > computed.lotSize) {
      issues.push({ field: 'sampleSize', entered: n, expected: computed.sampleSize, message: `Sample size ${n} exceeds the lot size ${computed.lotSize}` });
    } else if (n !== computed.sampleSize) {
      const short = DEFECT_CLASSES.map((c) => [c, computed[c]] as const).find(([, p]) => p !== null && n < p.sampleSize);
      const message = short
        ? `Sample size ${n} is smaller than the ${short[1]!.sampleSize} the ${short[0]} plan needs (AQL ${short[1]!.aql}, code ${short[1]!.codeLetter}; ${where})`
        : `Sample size ${n} differs from the computed ${computed.sampleSize} (${where}); the acceptance numbers only hold for the table's sample size`;
      issues.push({ field: 'sampleSize', entered: n, expected: computed.sampleSize, message });
    }
  }
  for (const cls of DEFECT_CLASSES) issues.push(...checkClass(cls, entered[cls], computed, where));
  return { consistent: issues.length === 0, issues };
}

function checkClass(cls: DefectClass, entered: EnteredClassNumbers | undefined, computed: AqlPlan, where: string): InspectionPlanIssue[] {
  const plan = computed[cls];
  const issues: InspectionPlanIssue[] = [];
  const accept = entered?.accept ?? null;
  const reject = entered?.reject ?? null;
  for (const [name, value, expected] of [
    ['accept', accept, plan?.accept ?? null],
    ['reject', reject, plan?.reject ?? null],
  ] as const) {
    if (value === null) continue;
    if (!plan) {
      issues.push({ field: `${cls}.${name}`, entered: value, expected: null, message: `${capitalise(cls)} defects have no AQL, yet ${name} ${value} was entered` });
    } else if (value !== expected) {
      issues.push({
        field: `${cls}.${name}`,
        entered: value,
        expected,
        message: `${capitalise(cls)} ${name} ${value} should be ${expected} (AQL ${plan.aql}, n ${plan.sampleSize}, ${where})`,
      });
    }
  }
  if (accept !== null && reject !== null && reject !== accept + 1) {
    issues.push({
      field: `${cls}.reject`,
      entered: reject,
      expected: accept + 1,
      message: `${capitalise(cls)} reject ${reject} must be accept + 1 (${accept + 1}) in single sampling`,
    });
  }
  return issues;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

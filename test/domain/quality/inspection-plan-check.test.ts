import { describe, expect, it } from 'vitest';
import { aqlPlan } from '../../../src/domain/quality/aql-plan.ts';
import { checkInspectionPlan, type EnteredInspectionPlan } from '../../../src/domain/quality/inspection-plan-check.ts';

const computed = aqlPlan({ lotSize: 3000, level: 'II', aqlCritical: 0, aqlMajor: 2.5, aqlMinor: 4.0 }); // K, n 125

describe('checkInspectionPlan', () => {
  it.each<[string, EnteredInspectionPlan, string[]]>([
    ['the computed plan', { sampleSize: 125, critical: { accept: 0, reject: 1 }, major: { accept: 7, reject: 8 }, minor: { accept: 10, reject: 11 } }, []],
    ['nothing entered yet', {}, []],
    ['a sample one row too small (the classic shifted-table error)', { sampleSize: 80 }, ['sampleSize']],
    ['a sample larger than the lot', { sampleSize: 5000 }, ['sampleSize']],
    ['a wrong major accept number', { sampleSize: 125, major: { accept: 10, reject: 11 } }, ['major.accept', 'major.reject']],
    ['reject not accept + 1', { minor: { accept: 10, reject: 12 } }, ['minor.reject', 'minor.reject']],
  ])('%s', (_label, entered, fields) => {
    const result = checkInspectionPlan(entered, computed);
    expect(result.issues.map((i) => i.field)).toEqual(fields);
    expect(result.consistent).toBe(fields.length === 0);
  });

  it('says which class needs the bigger sample', () => {
    const [issue] = checkInspectionPlan({ sampleSize: 80 }, computed).issues;
    expect(issue?.message).toMatch(/smaller than the 125 the critical plan needs/);
    expect(issue?.expected).toBe(125);
  });

  it('flags numbers entered for a class without an AQL', () => {
    const noCritical = aqlPlan({ lotSize: 3000, level: 'II', aqlCritical: null, aqlMajor: 2.5, aqlMinor: 4.0 });
    const result = checkInspectionPlan({ critical: { accept: 0 } }, noCritical);
    expect(result.issues).toEqual([expect.objectContaining({ field: 'critical.accept', expected: null })]);
  });
});

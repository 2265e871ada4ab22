import { describe, expect, it } from 'vitest';
import { aqlPlan } from '../../../src/domain/quality/aql-plan.ts';
import { codeLetterFor, type InspectionLevel } from '../../../src/domain/quality/sampling-tables.ts';
import { resolveSwitchedPlan, switchedCell } from '../../../src/domain/quality/switched-plans.ts';

/** ISO 2859-1 Table 1 (sample size code letters), special levels S-1..S-4 next to general levels I..III. */
const TABLE_1: [lot: number, letters: string][] = [
  [2, 'AAAA AAB'], [8, 'AAAA AAB'], [9, 'AAAA ABC'], [15, 'AAAA ABC'], [16, 'AABB BCD'], [25, 'AABB BCD'],
  [26, 'ABBC CDE'], [50, 'ABBC CDE'], [51, 'BBCC CEF'], [90, 'BBCC CEF'], [91, 'BBCD DFG'], [150, 'BBCD DFG'],
  [151, 'BCDE EGH'], [280, 'BCDE EGH'], [281, 'BCDE FHJ'], [500, 'BCDE FHJ'], [501, 'CCEF GJK'], [1_200, 'CCEF GJK'],
  [1_201, 'CDEG HKL'], [3_200, 'CDEG HKL'], [3_201, 'CDFG JLM'], [10_000, 'CDFG JLM'], [10_001, 'CDFH KMN'],
  [35_000, 'CDFH KMN'], [35_001, 'DEGJ LNP'], [150_000, 'DEGJ LNP'], [150_001, 'DEGJ MPQ'], [500_000, 'DEGJ MPQ'],
  [500_001, 'DEHK NQR'], [5_000_000, 'DEHK NQR'],
];
const LEVELS: InspectionLevel[] = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'];

describe('ISO 2859-1 Table 1 with the special levels', () => {
  it.each(TABLE_1)('lot %i → %s', (lot, letters) => {
    expect(LEVELS.map((level) => codeLetterFor(lot, level)).join('').replace(/^(.{4})/, '$1 ')).toBe(letters);
  });

  it('a special level gives a small sample for a costly test: lot 3,000 at S-2 → D, n 8, AQL 1.5 → 0/1', () => {
    const plan = aqlPlan({ lotSize: 3_000, level: 'S-2', aqlCritical: null, aqlMajor: 1.5, aqlMinor: null });
    expect(plan.codeLetter).toBe('D');
    expect(plan.major).toMatchObject({ codeLetter: 'D', sampleSize: 8, accept: 0, reject: 1 });
  });
});

describe('tightened (Table II-B) and reduced (Table II-C) single sampling', () => {
  it.each([
    // letter, AQL, tightened n Ac/Re, reduced n Ac/Re (arrows followed)
    ['K', 2.5, '125 5/6', '50 3/6'],
    ['L', 2.5, '200 8/9', '80 5/8'],
    ['L', 4.0, '200 12/13', '80 7/10'],
    ['M', 4.0, '315 18/19', '125 10/13'],
    ['K', 1.5, '125 3/4', '50 2/5'],
    ['J', 4.0, '80 5/6', '32 3/6'],
    ['H', 2.5, '50 2/3', '20 1/4'],
    ['G', 2.5, '32 1/2', '13 1/3'],
    ['F', 2.5, '32 1/2', '8 0/2'],
    ['D', 2.5, '8 0/1', '2 0/1'],
    ['C', 4.0, '5 0/1', '2 0/1'],
    ['N', 4.0, '315 18/19', '125 10/13'],
  ] as const)('%s at AQL %s: tightened %s, reduced %s', (letter, aql, tightened, reduced) => {
    const show = (p: { sampleSize: number; accept: number; reject: number }) => `${p.sampleSize} ${p.accept}/${p.reject}`;
    expect(show(resolveSwitchedPlan('Tightened', letter, aql))).toBe(tightened);
    expect(show(resolveSwitchedPlan('Reduced', letter, aql))).toBe(reduced);
  });

  it('prints arrows where the tables do', () => {
    expect(switchedCell('Tightened', 'D', 4.0)).toBe('down');
    expect(switchedCell('Tightened', 'E', 4.0)).toBe('down');
    expect(switchedCell('Reduced', 'C', 4.0)).toBe('up');
    expect(switchedCell('Reduced', 'D', 4.0)).toBe('down');
    expect(switchedCell('Tightened', 'N', 4.0)).toBe('up');
  });

  it('the same lot samples more when tightened and less when reduced', () => {
    const plan = (severity: 'Normal' | 'Tightened' | 'Reduced') => aqlPlan({ lotSize: 3_000, level: 'II', aqlCritical: 0, aqlMajor: 2.5, aqlMinor: 4.0, severity });
    expect([plan('Normal').major?.accept, plan('Tightened').major?.accept, plan('Reduced').major?.accept]).toEqual([7, 5, 3]);
    expect([plan('Normal').sampleSize, plan('Tightened').sampleSize, plan('Reduced').sampleSize]).toEqual([125, 125, 50]);
  });
});

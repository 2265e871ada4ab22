import { describe, expect, it } from 'vitest';
import { aqlPlan } from '../../../src/domain/quality/aql-plan.ts';

// domain.md §6.4: resolved plans for General Level II, arrows followed ("n, Ac/Re"; * = n ≥ lot → 100%).
const RESOLVED_LEVEL_II = `
2–8 | A | 20, 0/1* | 13, 0/1* | 8, 0/1* | 5, 0/1 | 3, 0/1
9–15 | B | 20, 0/1* | 13, 0/1 | 8, 0/1 | 5, 0/1 | 3, 0/1
16–25 | C | 20, 0/1 | 13, 0/1 | 8, 0/1 | 5, 0/1 | 3, 0/1
26–50 | D | 20, 0/1 | 13, 0/1 | 8, 0/1 | 5, 0/1 | 13, 1/2
51–90 | E | 20, 0/1 | 13, 0/1 | 8, 0/1 | 20, 1/2 | 13, 1/2
91–150 | F | 20, 0/1 | 13, 0/1 | 32, 1/2 | 20, 1/2 | 20, 2/3
151–280 | G | 20, 0/1 | 50, 1/2 | 32, 1/2 | 32, 2/3 | 32, 3/4
281–500 | H | 80, 1/2 | 50, 1/2 | 50, 2/3 | 50, 3/4 | 50, 5/6
501–1200 | J | 80, 1/2 | 80, 2/3 | 80, 3/4 | 80, 5/6 | 80, 7/8
1201–3200 | K | 125, 2/3 | 125, 3/4 | 125, 5/6 | 125, 7/8 | 125, 10/11
3201–10000 | L | 200, 3/4 | 200, 5/6 | 200, 7/8 | 200, 10/11 | 200, 14/15
10001–35000 | M | 315, 5/6 | 315, 7/8 | 315, 10/11 | 315, 14/15 | 315, 21/22
35001–150000 | N | 500, 7/8 | 500, 10/11 | 500, 14/15 | 500, 21/22 | 315, 21/22
150001–500000 | P | 800, 10/11 | 800, 14/15 | 800, 21/22 | 500, 21/22 | 315, 21/22
500001–2000000 | Q | 1250, 14/15 | 1250, 21/22 | 800, 21/22 | 500, 21/22 | 315, 21/22`;
const AQLS = [0.65, 1.0, 1.5, 2.5, 4.0];

const rows = RESOLVED_LEVEL_II.trim()
  .split('\n')
  .flatMap((line) => {
    const [range, letter, ...plans] = line.split('|').map((s) => s.trim());
    const [min, max] = range!.split('–').map(Number) as [number, number];
    return plans.flatMap((plan, i) => {
      const m = /^(\d+), (\d+)\/(\d+)\*?$/.exec(plan)!;
      const [n, ac, re] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return [min, max].map((lot) => ({ lot, letter: letter!, aql: AQLS[i]!, n, ac, re }));
    });
  });

describe('aqlPlan against the resolved Level II plans (every row and column of §6.4)', () => {
  it.each(rows)('lot $lot (code $letter), AQL $aql → n $n, Ac $ac / Re $re', ({ lot, letter, aql, n, ac, re }) => {
    const plan = aqlPlan({ lotSize: lot, level: 'II', aqlCritical: null, aqlMajor: aql, aqlMinor: null });
    expect(plan.codeLetter).toBe(letter);
    expect(plan.major).toMatchObject({ tableSampleSize: n, accept: ac, reject: re });
    // n ≥ lot size → inspect the whole lot.
    expect(plan.major!.sampleSize).toBe(Math.min(n, lot));
    expect(plan.major!.inspectAll).toBe(n >= lot);
  });
});

describe('aqlPlan per defect class', () => {
  it('QIMA worked check: lot 4,000, level II, major 2.5 / minor 4.0 → L, n 200, 10/11 and 14/15', () => {
    const plan = aqlPlan({ lotSize: 4000, level: 'II', aqlCritical: 0, aqlMajor: 2.5, aqlMinor: 4.0 });
    expect(plan.codeLetter).toBe('L');
    expect(plan.major).toMatchObject({ sampleSize: 200, accept: 10, reject: 11 });
    expect(plan.minor).toMatchObject({ sampleSize: 200, accept: 14, reject: 15 });
    // Critical 0 = zero tolerance on the major sample.
    expect(plan.critical).toMatchObject({ aql: 0, sampleSize: 200, accept: 0, reject: 1 });
    expect(plan.sampleSize).toBe(200);
  });

  it('lot 3,000 → K, n 125, 2.5 → 7/8, 4.0 → 10/11', () => {
    const plan = aqlPlan({ lotSize: 3000, level: 'II', aqlCritical: 0, aqlMajor: 2.5, aqlMinor: 4.0 });
    expect([plan.codeLetter, plan.major?.accept, plan.minor?.accept, plan.sampleSize]).toEqual(['K', 7, 10, 125]);
  });

  it('classes with different n share the largest one as the inspection sample size', () => {
    // Lot 60 (E): major 2.5 → F n 20 1/2, minor 4.0 → 13 1/2.
    const plan = aqlPlan({ lotSize: 60, level: 'II', aqlCritical: 0, aqlMajor: 2.5, aqlMinor: 4.0 });
    expect([plan.major?.sampleSize, plan.minor?.sampleSize, plan.critical?.sampleSize, plan.sampleSize]).toEqual([20, 13, 20, 20]);
    expect(plan.inspectAll).toBe(false);
  });

  it('levels I and III move the code letter', () => {
    expect(aqlPlan({ lotSize: 4000, level: 'I', aqlCritical: null, aqlMajor: 2.5, aqlMinor: null }).major).toMatchObject({ codeLetter: 'J', sampleSize: 80, accept: 5 });
    expect(aqlPlan({ lotSize: 4000, level: 'III', aqlCritical: null, aqlMajor: 2.5, aqlMinor: null }).major).toMatchObject({ codeLetter: 'M', sampleSize: 315, accept: 14 });
  });

  it('a tiny lot is inspected 100%', () => {
    const plan = aqlPlan({ lotSize: 6, level: 'II', aqlCritical: 0, aqlMajor: 1.0, aqlMinor: 4.0 });
    expect(plan.sampleSize).toBe(6);
    expect(plan.inspectAll).toBe(true);
  });

  it('names the field of a bad AQL', () => {
    expect(() => aqlPlan({ lotSize: 500, level: 'II', aqlCritical: 0, aqlMajor: 3, aqlMinor: 4 })).toThrow(/AQL major/);
    expect(() => aqlPlan({ lotSize: 500, level: 'II', aqlCritical: -1, aqlMajor: 2.5, aqlMinor: 4 })).toThrow(/AQL critical/);
  });
});

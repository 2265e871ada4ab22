import { describe, expect, it } from 'vitest';
import { codeLetterFor, SAMPLE_SIZES } from '../../../src/domain/quality/sampling-tables.ts';

// domain.md §6.1 Table I: [lot range, level I, II, III]
const TABLE_I: [min: number, max: number, I: string, II: string, III: string][] = [
  [2, 8, 'A', 'A', 'B'],
  [9, 15, 'A', 'B', 'C'],
  [16, 25, 'B', 'C', 'D'],
  [26, 50, 'C', 'D', 'E'],
  [51, 90, 'C', 'E', 'F'],
  [91, 150, 'D', 'F', 'G'],
  [151, 280, 'E', 'G', 'H'],
  [281, 500, 'F', 'H', 'J'],
  [501, 1200, 'G', 'J', 'K'],
  [1201, 3200, 'H', 'K', 'L'],
  [3201, 10000, 'J', 'L', 'M'],
  [10001, 35000, 'K', 'M', 'N'],
  [35001, 150000, 'L', 'N', 'P'],
  [150001, 500000, 'M', 'P', 'Q'],
  [500001, 5_000_000, 'N', 'Q', 'R'],
];

describe('Table I: lot size → code letter', () => {
  it.each(TABLE_I)('lots %i–%i give I=%s, II=%s, III=%s at both ends of the range', (min, max, one, two, three) => {
    for (const lot of [min, max]) {
      expect([codeLetterFor(lot, 'I'), codeLetterFor(lot, 'II'), codeLetterFor(lot, 'III')]).toEqual([one, two, three]);
    }
  });

  it('maps each code letter to the sample size of §6.2', () => {
    expect(SAMPLE_SIZES).toEqual({
      A: 2, B: 3, C: 5, D: 8, E: 13, F: 20, G: 32, H: 50, J: 80, K: 125, L: 200, M: 315, N: 500, P: 800, Q: 1250, R: 2000,
    });
  });

  it.each([0, -5, 2.5, Number.NaN])('rejects lot size %s with a message naming the field', (lot) => {
    expect(() => codeLetterFor(lot, 'II')).toThrow(/Lot size/);
  });

  it('rejects an unknown inspection level', () => {
    expect(() => codeLetterFor(100, 'S-5' as never)).toThrow(/Inspection level/);
  });
});

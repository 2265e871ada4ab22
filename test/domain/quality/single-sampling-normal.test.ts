import { describe, expect, it } from 'vitest';
import type { CodeLetter } from '../../../src/domain/quality/sampling-tables.ts';
import { resolvePlan, tableCell } from '../../../src/domain/quality/single-sampling-normal.ts';

// domain.md §6.3, Table II-A as printed (↓ / ↑ are arrows). Columns: AQL 0.65, 1.0, 1.5, 2.5, 4.0.
const TABLE_II_A = `
A | ↓ | ↓ | ↓ | ↓ | ↓
B | ↓ | ↓ | ↓ | ↓ | 0/1
C | ↓ | ↓ | ↓ | 0/1 | ↑
D | ↓ | ↓ | 0/1 | ↑ | ↓
E | ↓ | 0/1 | ↑ | ↓ | 1/2
F | 0/1 | ↑ | ↓ | 1/2 | 2/3
G | ↑ | ↓ | 1/2 | 2/3 | 3/4
H | ↓ | 1/2 | 2/3 | 3/4 | 5/6
J | 1/2 | 2/3 | 3/4 | 5/6 | 7/8
K | 2/3 | 3/4 | 5/6 | 7/8 | 10/11
L | 3/4 | 5/6 | 7/8 | 10/11 | 14/15
M | 5/6 | 7/8 | 10/11 | 14/15 | 21/22
N | 7/8 | 10/11 | 14/15 | 21/22 | ↑
P | 10/11 | 14/15 | 21/22 | ↑ | ↑
Q | 14/15 | 21/22 | ↑ | ↑ | ↑
R | 21/22 | ↑ | ↑ | ↑ | ↑`;
const AQLS = [0.65, 1.0, 1.5, 2.5, 4.0];

const cells = TABLE_II_A.trim()
  .split('\n')
  .flatMap((line) => {
    const [letter, ...values] = line.split('|').map((s) => s.trim());
    return values.map((value, i) => [letter as CodeLetter, AQLS[i]!, value] as const);
  });

describe('Table II-A cells (every cell of domain.md §6.3)', () => {
  it.each(cells)('code %s at AQL %s reads %s', (letter, aql, printed) => {
    const expected = printed === '↓' ? 'down' : printed === '↑' ? 'up' : { accept: Number(printed.split('/')[0]), reject: Number(printed.split('/')[1]) };
    expect(tableCell(letter, aql)).toEqual(expected);
  });
});

describe('columns outside the reference grid (ISO 2859-1 Table II-A)', () => {
  it.each([
    // AQL 6.5: A is the 0/1 plan, B points up to it, C down to D's 1/2.
    ['A', 6.5, 'A', 2, 0, 1],
    ['B', 6.5, 'A', 2, 0, 1],
    ['C', 6.5, 'D', 8, 1, 2],
    ['H', 6.5, 'H', 50, 7, 8],
    ['K', 6.5, 'K', 125, 14, 15],
    ['L', 6.5, 'L', 200, 21, 22],
    ['R', 6.5, 'L', 200, 21, 22],
    // AQL 0.065: 0/1 sits at L (n 200), 1/2 at P (n 800).
    ['J', 0.065, 'L', 200, 0, 1],
    ['M', 0.065, 'L', 200, 0, 1],
    ['N', 0.065, 'P', 800, 1, 2],
    ['R', 0.065, 'R', 2000, 3, 4],
    ['K', 0.1, 'K', 125, 0, 1],
    ['G', 0.4, 'G', 32, 0, 1],
  ] as const)('code %s at AQL %s resolves to %s, n %i, Ac %i / Re %i', (letter, aql, toLetter, n, ac, re) => {
    expect(resolvePlan(letter, aql)).toEqual({ codeLetter: toLetter, sampleSize: n, accept: ac, reject: re });
  });

  it.each([0.01, 10, 3])('refuses AQL %s that we do not carry', (aql) => {
    expect(() => resolvePlan('K', aql)).toThrow(/not a column/);
  });
});

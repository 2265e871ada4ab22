/**
 * Single sampling plans for tightened and reduced inspection (ISO 2859-1 Tables II-B and II-C, the same as
 * ANSI/ASQ Z1.4 and MIL-STD-105E), built like Table II-A (single-sampling-normal.ts): each cell depends only on
 * letter index + AQL column index, so one row of numbers per table describes it.
 *
 * - Tightened (II-B): same sample sizes as normal; along the diagonal ↓ … ↓, 0/1 (one diagonal later than
 *   normal), ↓, ↓, 1/2, 2/3, 3/4, 5/6, 8/9, 12/13, 18/19, ↑ … (e.g. lot 3,200 → K, n 125, AQL 2.5 → 5/6 where
 *   normal is 7/8).
 * - Reduced (II-C): smaller samples (K: 50 instead of 125) with the Z1.4 / MIL-STD-105E acceptance and rejection
 *   numbers 0/1, ↑, ↓, 0/2, 1/3, 1/4, 2/5, 3/6, 5/8, 7/10, 10/13, ↑ …; a count between Ac and Re accepts the lot
 *   but returns the supplier to normal inspection.
 *
 * Which edition: the reduced plans are ANSI/ASQ Z1.4's (= ISO 2859-1:1989 = MIL-STD-105E). The project's reference
 * (domain.md §6) carries Tables I and II-A only, so II-B and II-C cannot be checked against it. The foreword of
 * ISO 2859-1:1999 lists what that edition changed: "reduced plans have been changed to eliminate the gap between
 * the acceptance and rejection numbers" and "a new procedure for switching from normal to reduced inspection" (a
 * switching score); it lists no change to the sample sizes or to the tightened plans. So the sample sizes here hold
 * for both editions, while a contract that cites ISO 2859-1:1999 for reduced inspection would judge a count between
 * Ac and Re as a rejection. The README says which edition the product follows.
 */
import { CODE_LETTERS, type CodeLetter } from './sampling-tables.ts';
import { aqlColumn, resolvePlan, type ResolvedPlan } from './single-sampling-normal.ts';

export type Severity = 'Normal' | 'Tightened' | 'Reduced';

type Cell = { accept: number; reject: number } | 'down' | 'up';

/** The diagonal (letter index + column index, 0.010 = column 0) whose cell is the first plan, then the plans. */
const TIGHTENED = { first: 15, cells: ['01', 'down', 'down', '12', '23', '34', '56', '89', '12/13', '18/19'] } as const;
const REDUCED = { first: 14, cells: ['01', 'up', 'down', '02', '13', '14', '25', '36', '58', '7/10', '10/13'] } as const;

/** Reduced inspection sample sizes per code letter (Table II-C). */
export const REDUCED_SAMPLE_SIZES: Readonly<Record<CodeLetter, number>> = {
  A: 2, B: 2, C: 2, D: 3, E: 5, F: 8, G: 13, H: 20, J: 32, K: 50, L: 80, M: 125, N: 200, P: 315, Q: 500, R: 800,
};
const TIGHTENED_SAMPLE_SIZES: Readonly<Record<CodeLetter, number>> = {
  A: 2, B: 3, C: 5, D: 8, E: 13, F: 20, G: 32, H: 50, J: 80, K: 125, L: 200, M: 315, N: 500, P: 800, Q: 1250, R: 2000,
};

function parse(text: string): Cell {
  if (text === 'down' || text === 'up') return text;
  const [a, r] = text.includes('/') ? text.split('/') : [text[0], text[1]];
  return { accept: Number(a), reject: Number(r) };
}

function cellOf(table: { first: number; cells: readonly string[] }, letter: CodeLetter, aql: number): Cell {
  const diagonal = CODE_LETTERS.indexOf(letter) + aqlColumn(aql);
  if (diagonal < table.first) return 'down';
  const text = table.cells[diagonal - table.first];
  return text === undefined ? 'up' : parse(text);
}

/** Tightened or reduced cell as printed (for the table tests). */
export function switchedCell(severity: Exclude<Severity, 'Normal'>, letter: CodeLetter, aql: number): Cell {
  return cellOf(severity === 'Tightened' ? TIGHTENED : REDUCED, letter, aql);
}

/** The plan for a lot's code letter at this severity, arrows followed (normal: Table II-A). */
export function resolveSwitchedPlan(severity: Severity, letter: CodeLetter, aql: number): ResolvedPlan {
  if (severity === 'Normal') return resolvePlan(letter, aql);
  const table = severity === 'Tightened' ? TIGHTENED : REDUCED;
  const sizes = severity === 'Tightened' ? TIGHTENED_SAMPLE_SIZES : REDUCED_SAMPLE_SIZES;
  let index = CODE_LETTERS.indexOf(letter);
  for (;;) {
    const current = CODE_LETTERS[index];
    if (current === undefined) throw new Error(`Table II-${severity === 'Tightened' ? 'B' : 'C'}: arrow from ${letter} at AQL ${aql} leaves the table`);
    const cell = cellOf(table, current, aql);
    if (cell === 'down') index += 1;
    else if (cell === 'up') index -= 1;
    else return { codeLetter: current, sampleSize: sizes[current], ...cell };
  }
}

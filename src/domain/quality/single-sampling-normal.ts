/**
 * Table II-A of ISO 2859-1 / Z1.4: single sampling plans, normal inspection (domain.md §6.3).
 *
 * Why a rule and not a grid: sample sizes grow by one step (~×1.6) per code letter and the AQL columns by one
 * step (~×1.6) per column, so each cell depends only on (letter index + AQL column index). Along that
 * anti-diagonal the table reads ↓ … ↓, 0/1, ↑, ↓, 1/2, 2/3, 3/4, 5/6, 7/8, 10/11, 14/15, 21/22, ↑ … ↑.
 * The tests check every cell of domain.md §6.3 against it. Columns are limited to 0.025–6.5 %: outside that
 * range the diagonal runs off the table's edge (row R / row A) where the printed table deviates.
 */
import { CODE_LETTERS, SAMPLE_SIZES, type CodeLetter } from './sampling-tables.ts';

export const TABLE_AQLS = [0.025, 0.04, 0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1.0, 1.5, 2.5, 4.0, 6.5] as const;

// Column index as in the full standard (0.010 = 0), so the diagonal constants read as in the printed table.
const FIRST_COLUMN_INDEX = 2;
const ZERO_ONE_DIAGONAL = 14;
const ACCEPT_NUMBERS_FROM_DIAGONAL_17 = [1, 2, 3, 5, 7, 10, 14, 21] as const;

export type TableCell = { accept: number; reject: number } | 'down' | 'up';

export interface ResolvedPlan {
  /** The letter the arrows led to; the sample size is this letter's, not the lot's own. */
  codeLetter: CodeLetter;
  sampleSize: number;
  accept: number;
  reject: number;
}

export function aqlColumn(aql: number): number {
  const index = TABLE_AQLS.findIndex((a) => Math.abs(a - aql) < 1e-9);
  if (index < 0) {
    throw new RangeError(`AQL ${aql} is not a column of Table II-A we support (${TABLE_AQLS.join(', ')}; 0 = zero tolerance)`);
  }
  return index + FIRST_COLUMN_INDEX;
}

/** The raw cell: a plan, or the arrow printed in it. */
export function tableCell(letter: CodeLetter, aql: number): TableCell {
  const diagonal = CODE_LETTERS.indexOf(letter) + aqlColumn(aql);
  if (diagonal < ZERO_ONE_DIAGONAL) return 'down';
  if (diagonal === ZERO_ONE_DIAGONAL) return { accept: 0, reject: 1 };
  if (diagonal === ZERO_ONE_DIAGONAL + 1) return 'up';
  if (diagonal === ZERO_ONE_DIAGONAL + 2) return 'down';
  const accept = ACCEPT_NUMBERS_FROM_DIAGONAL_17[diagonal - (ZERO_ONE_DIAGONAL + 3)];
  // Single sampling: Re = Ac + 1.
  return accept === undefined ? 'up' : { accept, reject: accept + 1 };
}

/** Follows the arrows from the lot's letter to the first plan below (↓) or above (↑). */
export function resolvePlan(letter: CodeLetter, aql: number): ResolvedPlan {
  let index = CODE_LETTERS.indexOf(letter);
  for (;;) {
    const current = CODE_LETTERS[index];
    if (current === undefined) throw new Error(`Table II-A: arrow from ${letter} at AQL ${aql} leaves the table`);
    const cell = tableCell(current, aql);
    if (cell === 'down') index += 1;
    else if (cell === 'up') index -= 1;
    else return { codeLetter: current, sampleSize: SAMPLE_SIZES[current], ...cell };
  }
}

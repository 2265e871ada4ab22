/**
 * ISO 2859-1 / ANSI/ASQ Z1.4 (same tables as MIL-STD-105E), domain.md §6.1–6.2:
 * Table I (lot size → sample-size code letter, general inspection levels I, II, III) and the sample size of
 * each code letter, with the special levels S-1..S-4 (ISO 2859-1 Table 1), which draw small samples for costly or
 * destructive tests (a drop test, a hi-pot test to breakdown) while the general level covers the visual check.
 */

export type InspectionLevel = 'S-1' | 'S-2' | 'S-3' | 'S-4' | 'I' | 'II' | 'III';
export const INSPECTION_LEVELS: readonly InspectionLevel[] = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'];

/** Letters I and O are not used by the standard. */
export const CODE_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R'] as const;
export type CodeLetter = (typeof CODE_LETTERS)[number];

export const SAMPLE_SIZES: Readonly<Record<CodeLetter, number>> = {
  A: 2, B: 3, C: 5, D: 8, E: 13, F: 20, G: 32, H: 50, J: 80, K: 125, L: 200, M: 315, N: 500, P: 800, Q: 1250, R: 2000,
};

/** Table I rows: upper bound of the lot-size range, then the letter for levels S-1, S-2, S-3, S-4, I, II, III. */
type Row = readonly [maxLot: number, s1: CodeLetter, s2: CodeLetter, s3: CodeLetter, s4: CodeLetter, I: CodeLetter, II: CodeLetter, III: CodeLetter];
const TABLE_I: readonly Row[] = [
  [8, 'A', 'A', 'A', 'A', 'A', 'A', 'B'],
  [15, 'A', 'A', 'A', 'A', 'A', 'B', 'C'],
  [25, 'A', 'A', 'B', 'B', 'B', 'C', 'D'],
  [50, 'A', 'B', 'B', 'C', 'C', 'D', 'E'],
  [90, 'B', 'B', 'C', 'C', 'C', 'E', 'F'],
  [150, 'B', 'B', 'C', 'D', 'D', 'F', 'G'],
  [280, 'B', 'C', 'D', 'E', 'E', 'G', 'H'],
  [500, 'B', 'C', 'D', 'E', 'F', 'H', 'J'],
  [1_200, 'C', 'C', 'E', 'F', 'G', 'J', 'K'],
  [3_200, 'C', 'D', 'E', 'G', 'H', 'K', 'L'],
  [10_000, 'C', 'D', 'F', 'G', 'J', 'L', 'M'],
  [35_000, 'C', 'D', 'F', 'H', 'K', 'M', 'N'],
  [150_000, 'D', 'E', 'G', 'J', 'L', 'N', 'P'],
  [500_000, 'D', 'E', 'G', 'J', 'M', 'P', 'Q'],
  [Number.POSITIVE_INFINITY, 'D', 'E', 'H', 'K', 'N', 'Q', 'R'],
];

/**
 * The code letter for a lot. The table starts at lots of 2; a lot of 1 uses the first row and is then
 * inspected 100% anyway because n ≥ lot size.
 */
export function codeLetterFor(lotSize: number, level: InspectionLevel): CodeLetter {
  assertLotSize(lotSize);
  assertLevel(level);
  const column = INSPECTION_LEVELS.indexOf(level) + 1;
  const row = TABLE_I.find((r) => lotSize <= r[0]);
  // The last row is unbounded, so a row always exists.
  return row![column] as CodeLetter;
}

export function assertLotSize(lotSize: number): void {
  if (!Number.isInteger(lotSize) || lotSize < 1) {
    throw new RangeError(`Lot size must be a whole number of units ≥ 1, got ${JSON.stringify(lotSize)}`);
  }
}

export function assertLevel(level: string): asserts level is InspectionLevel {
  if (!INSPECTION_LEVELS.includes(level as InspectionLevel)) {
    throw new RangeError(`Inspection level must be one of ${INSPECTION_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  }
}

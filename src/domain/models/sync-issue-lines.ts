/**
 * A record's "Sync issues" cell is shared by the jobs that read the row; a job owns the lines that start with its
 * prefix. Writing its lines replaces them, keeps every other job's (blank lines dropped), and leaves the cell
 * untouched when nothing changes, so a second run writes nothing.
 */

/** The lines of the cell that are not this job's (blank ones dropped), in their order. */
export function otherJobsLines(current: string | undefined, prefix: string): string[] {
  return (current ?? '').split('\n').filter((line) => line.trim() !== '' && !line.startsWith(prefix));
}

/** The cell with the other jobs' lines first, then this job's lines, each with its prefix. */
export function withJobLines(others: readonly string[], ours: readonly string[], prefix: string): string {
  return [...others, ...ours.map((line) => `${prefix}${line}`)].join('\n');
}

/** The new cell text with `ours` as this job's lines, or undefined when it would not change. */
export function syncIssuesUpdate(current: string | undefined, ours: readonly string[], prefix: string): string | undefined {
  const next = withJobLines(otherJobsLines(current, prefix), ours, prefix);
  return next === (current ?? '') ? undefined : next;
}

/** A cell that holds other jobs' lines only, each once and in order with no blank line: what most cells are. */
export const OTHER_JOBS_ONLY: { readonly otherJobsOnly: true } = Object.freeze({ otherJobsOnly: true });

/**
 * What a job keeps of a cell between reading the row and writing it back: the text, or only `OTHER_JOBS_ONLY`
 * when the cell holds other jobs' lines and nothing of this job's (after a first import every PO carries another
 * job's lines, ~2 KB a PO: ~20 MB at 10,000 POs held as text).
 */
export type HeldCell = string | typeof OTHER_JOBS_ONLY | undefined;

/** Says that only the cell's text can tell the update: read it again (only for the rows this job must write). */
export const READ_AGAIN: unique symbol = Symbol('read the cell again');

export function heldCell(current: string | undefined, prefix: string): HeldCell {
  if (current === undefined || current === '') return undefined;
  const others = otherJobsLines(current, prefix);
  return others.length > 0 && others.join('\n') === current ? OTHER_JOBS_ONLY : current;
}

/**
 * `syncIssuesUpdate` on what was held: the same answer, or READ_AGAIN when the cell was held as OTHER_JOBS_ONLY and
 * this job now has lines to add (with none to add, such a cell stays as it is).
 */
export function heldCellUpdate(held: HeldCell, ours: readonly string[], prefix: string): string | undefined | typeof READ_AGAIN {
  if (typeof held === 'object') return ours.length === 0 ? undefined : READ_AGAIN;
  return syncIssuesUpdate(held, ours, prefix);
}

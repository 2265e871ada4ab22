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

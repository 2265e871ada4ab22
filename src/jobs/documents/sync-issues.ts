/**
 * The documents job's lines in a record's "Sync issues" cell. Other jobs write the same cell, so this job owns only
 * the lines that start with its prefix: it replaces them, keeps everyone else's, and leaves the cell untouched
 * when nothing changes (a second run writes nothing).
 */
export const DOCUMENTS_PREFIX = 'Documents: ';

export function mergeSyncIssues(current: string | undefined, ours: readonly string[], prefix = DOCUMENTS_PREFIX): string {
  const others = (current ?? '').split('\n').filter((line) => line.trim() !== '' && !line.startsWith(prefix));
  return [...others, ...ours.map((line) => `${prefix}${line}`)].join('\n');
}

/** The new cell text, or undefined when it would not change. */
export function syncIssuesUpdate(current: string | undefined, ours: readonly string[], prefix = DOCUMENTS_PREFIX): string | undefined {
  const next = mergeSyncIssues(current, ours, prefix);
  return next === (current ?? '') ? undefined : next;
}

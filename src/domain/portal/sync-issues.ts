/**
 * The "Sync issues" cell is shared by the jobs that read a row. The portal sync owns only its own lines (prefixed
 * "Portal sync: "): it replaces them with the row's current problems, clears them when the row is fine again, and
 * keeps every other line as it is.
 */
import { otherJobsLines, withJobLines } from '../models/sync-issue-lines.ts';

export const SYNC_ISSUE_PREFIX = 'Portal sync: ';

export function mergeSyncIssues(current: string | undefined, messages: readonly string[]): string {
  return withJobLines(otherJobsLines(current, SYNC_ISSUE_PREFIX), messages, SYNC_ISSUE_PREFIX);
}

/** True when the cell must be written (an empty cell and "" are the same). */
export function syncIssuesChanged(current: string | undefined, next: string): boolean {
  return (current ?? '') !== next;
}

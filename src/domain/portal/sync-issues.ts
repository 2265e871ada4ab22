/**
 * The "Sync issues" cell is shared by the jobs that read a row. The portal sync owns only its own lines (prefixed
 * "Portal sync: "): it replaces them with the row's current problems, clears them when the row is fine again, and
 * keeps every other line as it is (domain/models/sync-issue-lines.ts).
 */
export const SYNC_ISSUE_PREFIX = 'Portal sync: ';

/**
 * The documents job's lines in a record's "Sync issues" cell (see sync-issue-lines.ts: the job owns the lines with
 * its prefix, keeps everyone else's, and writes nothing when nothing changes).
 */
import { createHash } from 'node:crypto';
import { otherJobsLines, withJobLines } from '../../domain/models/sync-issue-lines.ts';

export const DOCUMENTS_PREFIX = 'Documents: ';

const digest = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * What the job keeps of each record's cell between reading it and writing it back: the other jobs' lines (few,
 * usually none) and a digest of the whole text, instead of the text. After a first import every PO carries its
 * contract fixes, ~2 KB a PO: held as text by the documents and closure jobs that was ~20 MB at 10,000 POs.
 * `update` answers exactly what `syncIssuesUpdate` (sync-issue-lines.ts) answers on the text itself.
 */
export class HeldSyncIssues {
  private readonly held = new Map<string, { others: string | undefined; digest: string }>();
  private readonly prefix = DOCUMENTS_PREFIX;

  /** Keeps what `update` needs of a record's current cell (an empty cell needs nothing). */
  hold(recordId: string, current: string | undefined): void {
    if (current === undefined || current === '') {
      this.held.delete(recordId);
      return;
    }
    const others = otherJobsLines(current, this.prefix);
    // Lines hold no "\n" (they were split on it), so joined they split back into the same lines.
    this.held.set(recordId, { others: others.length > 0 ? others.join('\n') : undefined, digest: digest(current) });
  }

  /** The record's new cell text with `ours` as this job's lines, or undefined when it would not change. */
  update(recordId: string, ours: readonly string[]): string | undefined {
    const held = this.held.get(recordId);
    const next = withJobLines(held?.others === undefined ? [] : held.others.split('\n'), ours, this.prefix);
    if (!held) return next === '' ? undefined : next;
    return digest(next) === held.digest ? undefined : next;
  }
}

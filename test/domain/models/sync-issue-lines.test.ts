/**
 * A job that may rewrite its lines of a "Sync issues" cell keeps only a mark for a cell that holds other jobs'
 * lines alone (heldCell). Whatever the cell holds, what it answers from the mark must be what syncIssuesUpdate
 * answers on the text, or "read it again" exactly when the text would be written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heldCell, heldCellUpdate, OTHER_JOBS_ONLY, READ_AGAIN, syncIssuesUpdate } from '../../../src/domain/models/sync-issue-lines.ts';

const SEED = 20261205;
const PREFIX = 'Portal sync: ';

const message = fc.constantFrom('"Ship-by date" is missing', 'has no Client', 'x', ' ', '', 'two\nlines');
const line = fc.oneof(
  message.map((m) => `${PREFIX}${m}`),
  fc.constantFrom('Documents: Contract: "Payment terms" is empty', 'Checks: late', '  ', '', 'Portal sync:no space', 'Sync\r'),
  fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n')),
);
const cell = fc.oneof(fc.constant(undefined), fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n')));

describe('heldCell and heldCellUpdate', () => {
  it('answer as syncIssuesUpdate does on the text, or READ_AGAIN only when the text is written (seeded)', () => {
    fc.assert(
      fc.property(cell, fc.array(message, { maxLength: 3 }), (current, ours) => {
        const answer = heldCellUpdate(heldCell(current, PREFIX), ours, PREFIX);
        const onText = syncIssuesUpdate(current, ours, PREFIX);
        if (answer === READ_AGAIN) expect(onText).not.toBeUndefined();
        else expect(answer).toBe(onText);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it.each([
    { name: 'another job\'s lines only', current: 'Documents: fix A\nDocuments: fix B', held: OTHER_JOBS_ONLY },
    { name: 'with a line of ours', current: 'Documents: fix A\nPortal sync: has no Client', held: 'Documents: fix A\nPortal sync: has no Client' },
    { name: 'with a blank line (the next write drops it)', current: 'Documents: fix A\n\nChecks: late', held: 'Documents: fix A\n\nChecks: late' },
    { name: 'empty', current: '', held: undefined },
  ])('keeps a cell with $name as the text or the mark', ({ current, held }) => {
    expect(heldCell(current, PREFIX)).toBe(held);
  });

  it('keeps a marked cell untouched while the job has nothing to say, and asks for the text when it has', () => {
    expect(heldCellUpdate(OTHER_JOBS_ONLY, [], PREFIX)).toBeUndefined();
    expect(heldCellUpdate(OTHER_JOBS_ONLY, ['has no Client'], PREFIX)).toBe(READ_AGAIN);
  });
});

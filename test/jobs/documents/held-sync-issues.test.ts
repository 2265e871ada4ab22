/**
 * HeldSyncIssues keeps a digest and the other jobs' lines instead of each record's "Sync issues" text; whatever
 * the cell holds (our lines, other jobs' lines, blank lines, lines in any order, "\r"), it must answer exactly what
 * syncIssuesUpdate answers on the text: the same new text, and "no write" exactly when the cell would not change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncIssuesUpdate } from '../../../src/domain/models/sync-issue-lines.ts';
import { DOCUMENTS_PREFIX, HeldSyncIssues } from '../../../src/jobs/documents/sync-issues.ts';

const SEED = 20261205;

const fix = fc.constantFrom('Contract: "Payment terms" is empty', 'BL-7781: "HS code" of SKU-2 is missing', 'x', ' ', '');
const line = fc.oneof(
  fix.map((f) => `${DOCUMENTS_PREFIX}${f}`),
  fc.constantFrom('Checks: "Planned date" is not a date', 'Portal: page could not be written', '  ', '', 'Documents:no space', 'Sync\r'),
  fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n')),
);
const cell = fc.oneof(fc.constant(undefined), fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n')));

describe('HeldSyncIssues', () => {
  it('answers as syncIssuesUpdate does on the text, for any cell and any new lines (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, fc.array(fix, { maxLength: 4 })), { minLength: 1, maxLength: 8 }), (records) => {
        const held = new HeldSyncIssues();
        records.forEach(([current], i) => held.hold(`rec${i}`, current));
        records.forEach(([current, ours], i) => {
          expect(held.update(`rec${i}`, ours)).toBe(syncIssuesUpdate(current, ours, DOCUMENTS_PREFIX));
        });
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('writes nothing on a second run over what the first wrote, and keeps other jobs\' lines first', () => {
    const first = new HeldSyncIssues();
    first.hold('recPO', 'Checks: late milestone\nDocuments: old fix');
    const written = first.update('recPO', ['Contract: "Payment terms" is empty']);
    expect(written).toBe('Checks: late milestone\nDocuments: Contract: "Payment terms" is empty');
    const second = new HeldSyncIssues();
    second.hold('recPO', written);
    expect(second.update('recPO', ['Contract: "Payment terms" is empty'])).toBeUndefined();
    expect(second.update('recPO', [])).toBe('Checks: late milestone');
    expect(second.update('recNeverRead', [])).toBeUndefined();
  });
});

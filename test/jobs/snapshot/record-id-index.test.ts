/**
 * The flat record-ID index against a Map: seeded random sets, moves and deletes (many tombstones, several
 * rehashes), with Airtable-shaped IDs and a few of other shapes, must answer every lookup as the Map does. As in a
 * compact table, a position holds one row at a time: a set moves its row to a position no other row holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordIdIndex } from '../../../src/jobs/snapshot/record-id-index.ts';

const SEED = 20261204;
const airtableId = fc.stringMatching(/^rec[A-Za-z0-9]{14}$/);
const otherId = fc.constantFrom('rec1', 'recÄÖÜ0000000000ß', 'row-17-characters', '');

describe('RecordIdIndex', () => {
  it('answers get, has and size as a Map does (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 9, arbitrary: airtableId }, { weight: 1, arbitrary: otherId }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.tuple(fc.constantFrom('set', 'delete', 'get'), fc.nat(), fc.nat({ max: 50 })), { minLength: 100, maxLength: 3_000 }),
        (ids, ops) => {
          const index = new RecordIdIndex();
          const reference = new Map<string, number>();
          let next = 0;
          for (const [op, pick, gap] of ops) {
            const id = ids[pick % ids.length]!;
            if (op === 'set') {
              next += 1 + gap;
              const position = next;
              index.set(id, position);
              reference.set(id, position);
            } else if (op === 'delete') {
              expect(index.delete(id)).toBe(reference.delete(id));
            } else {
              expect(index.get(id)).toBe(reference.get(id));
            }
          }
          expect(index.size).toBe(reference.size);
          for (const id of ids) {
            expect(index.get(id)).toBe(reference.get(id));
            expect(index.has(id)).toBe(reference.has(id));
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('keeps 100,000 IDs in a few MB and finds each', () => {
    const index = new RecordIdIndex();
    const id = (n: number) => `rec${n.toString(36).padStart(14, '0')}`;
    for (let n = 0; n < 100_000; n += 1) index.set(id(n), n);
    for (let n = 0; n < 100_000; n += 7) expect(index.get(id(n))).toBe(n);
    expect(index.get(id(100_001))).toBeUndefined();
    const bytes = (index as unknown as { slots: Int32Array; idBytes: Buffer }).slots.byteLength + (index as unknown as { idBytes: Buffer }).idBytes.length;
    expect(bytes / 100_000).toBeLessThan(40);
  });
});

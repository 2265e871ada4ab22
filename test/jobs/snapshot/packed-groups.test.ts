/**
 * PackedGroups packs values per group (here rows per client) while a table is read: whatever the order and mix of
 * groups, each group's values come back exactly as added and in the order added, packed runs and waiting ones alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedGroups } from '../../../src/jobs/snapshot/packed-groups.ts';
import type { AirtableRecord } from '../../../src/ports/airtable.ts';

const row = fc.record({
  id: fc.stringMatching(/^rec[A-Za-z0-9]{14}$/),
  createdTime: fc.constant('2026-12-01T09:00:00.000Z'),
  fields: fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }))),
}) as fc.Arbitrary<AirtableRecord>;

describe('PackedGroups', () => {
  it('gives each client its rows back in the order they were added, across seals or before any', () => {
    const step = fc.oneof(
      { weight: 20, arbitrary: fc.tuple(fc.constantFrom('recCLIENTaaaaaaaaaa', 'recCLIENTbbbbbbbbbb', 'recCLIENTcccccccccc'), row) },
      { weight: 1, arbitrary: fc.constant('seal' as const) },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 250 }), fc.boolean(), (steps, sealAtEnd) => {
        const buckets = new PackedGroups<AirtableRecord>();
        const added: [string, AirtableRecord][] = [];
        for (const s of steps) {
          if (s === 'seal') buckets.seal();
          else {
            buckets.add(s[0], s[1]);
            added.push(s);
          }
        }
        if (sealAtEnd) buckets.seal();
        for (const client of ['recCLIENTaaaaaaaaaa', 'recCLIENTbbbbbbbbbb', 'recCLIENTcccccccccc']) {
          expect(buckets.get(client)).toEqual(added.filter(([c]) => c === client).map(([, r]) => r));
          expect(buckets.has(client)).toBe(added.some(([c]) => c === client));
        }
        expect(buckets.get('recNOBODYxxxxxxxxxx')).toEqual([]);
      }),
      { seed: 1304, numRuns: 150 },
    );
  });

  it('keeps thousands of groups apart and in order once the wait is packed early and the runs fill several buffers', () => {
    const buckets = new PackedGroups<string>();
    // Random text barely deflates: 3,000 groups of ~700 characters span more than one 1 MB buffer, and more than the
    // JSON that may wait unpacked, so every group is packed once before its second value arrives.
    const texts = fc.sample(fc.string({ minLength: 600, maxLength: 800, unit: 'binary' }), { seed: 77, numRuns: 3_000 });
    texts.forEach((text, i) => buckets.add(`PO-${i}`, text));
    texts.forEach((_, i) => buckets.add(`PO-${i}`, `second of ${i}`));
    expect(buckets.get('PO-7')).toEqual([texts[7], 'second of 7']);
    buckets.seal();
    texts.forEach((text, i) => expect(buckets.get(`PO-${i}`)).toEqual([text, `second of ${i}`]));
  });

  it('reads a client twice the same way (unpacking does not consume)', () => {
    const buckets = new PackedGroups<AirtableRecord>();
    const rows = Array.from({ length: 70 }, (_, i) => ({ id: `rec${String(i).padStart(14, '0')}`, createdTime: '2026-12-01T09:00:00.000Z', fields: { Name: `Row ${i}` } }));
    for (const r of rows) buckets.add('recCLIENTaaaaaaaaaa', r);
    buckets.seal();
    expect(buckets.get('recCLIENTaaaaaaaaaa')).toEqual(rows);
    expect(buckets.get('recCLIENTaaaaaaaaaa')).toEqual(rows);
  });
});

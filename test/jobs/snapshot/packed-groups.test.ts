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
  it('gives each client its rows back in the order they were added, sealed or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('recCLIENTaaaaaaaaaa', 'recCLIENTbbbbbbbbbb', 'recCLIENTcccccccccc'), row), { maxLength: 200 }), fc.boolean(), (added, seal) => {
        const buckets = new PackedGroups<AirtableRecord>();
        for (const [client, r] of added) buckets.add(client, r);
        if (seal) buckets.seal();
        for (const client of ['recCLIENTaaaaaaaaaa', 'recCLIENTbbbbbbbbbb', 'recCLIENTcccccccccc']) {
          expect(buckets.get(client)).toEqual(added.filter(([c]) => c === client).map(([, r]) => r));
        }
        expect(buckets.get('recNOBODYxxxxxxxxxx')).toEqual([]);
      }),
      { seed: 1304, numRuns: 150 },
    );
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

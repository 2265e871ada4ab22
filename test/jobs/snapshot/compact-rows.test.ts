/**
 * CompactRows keeps rows per group as value arrays with a dictionary of repeated strings: whatever the values
 * (undefined, null, numbers where strings usually are, arrays, long or unique strings, rows with other keys), each
 * group's rows come back equal to what went in and in the order added, before and after the dictionary is chosen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactRows } from '../../../src/jobs/snapshot/compact-rows.ts';

type Row = Record<string, unknown>;

const value = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('2026-05-12', '2026-05-13', 'Late', 'On track', 'recPPL00000000037') },
  { weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  // Numbers go through JSON: -0 comes back as 0, as it would from Airtable's own JSON.
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }) },
);
/** Rows share their keys, as parsed records do; now and then one has other keys. */
const row = fc.oneof(
  { weight: 30, arbitrary: fc.record({ id: fc.stringMatching(/^rec[A-Za-z0-9]{14}$/), kind: value, date: value, owner: value, note: value }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), value) },
) as fc.Arbitrary<Row>;
const GROUPS = ['recPOaaaaaaaaaaaaa', 'recPObbbbbbbbbbbbb', 'recPOccccccccccccc', 'recPOddddddddddddd'];

/** `toEqual` treats a missing key like an undefined one; compare the keys too. */
const same = (actual: Row[], expected: Row[]) => {
  expect(actual).toEqual(expected);
  actual.forEach((r, i) => expect(Object.keys(r).sort()).toEqual(Object.keys(expected[i]!).sort()));
};

describe('CompactRows', () => {
  it('gives every group its rows back, equal and in order, whatever the values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...GROUPS), row), { maxLength: 2500 }), (adds) => {
        const rows = new CompactRows<Row>();
        for (const [group, r] of adds) rows.add(group, r);
        rows.seal();
        for (const group of GROUPS) {
          const expected = adds.filter(([g]) => g === group).map(([, r]) => r);
          // Rows with other keys than the first come back through JSON: without their undefined values.
          const comparable = expected.map((r) => (Object.keys(r).join() === Object.keys(adds[0]![1]).join() ? r : (JSON.parse(JSON.stringify(r)) as Row)));
          same(rows.get(group), comparable);
          expect(rows.has(group)).toBe(expected.length > 0);
        }
        expect(rows.get('recNOBODYxxxxxxxxx')).toEqual([]);
      }),
      { seed: 1205, numRuns: 60 },
    );
  });

  it('keeps the milestones of many POs in a fraction of their JSON, repeated strings once', () => {
    const rows = new CompactRows<Row>();
    const kinds = ['Deposit paid', 'IPI', 'PSI', 'ETD', 'ETA'];
    let json = 0;
    for (let po = 0; po < 2000; po += 1) {
      for (const kind of kinds) {
        const r = { id: `recMIL${String(po * 10 + kinds.indexOf(kind)).padStart(11, '0')}`, po: `recPO${String(po).padStart(12, '0')}`, kind, plannedDate: `2026-0${1 + (po % 9)}-1${po % 10}`, status: 'On track', notes: undefined };
        json += JSON.stringify(r).length;
        rows.add(r.po, r);
      }
    }
    rows.seal();
    const first = rows.get('recPO000000000000');
    expect(first.map((r) => r['kind'])).toEqual(kinds);
    expect(first[0]).toEqual({ id: 'recMIL00000000000', po: 'recPO000000000000', kind: 'Deposit paid', plannedDate: '2026-01-10', status: 'On track', notes: undefined });
    // Internal size, by the texts kept: the IDs stay, the rest shrinks to small numbers.
    const kept = [...(rows as unknown as { sealed: Map<string, string> }).sealed.values()].reduce((n, t) => n + t.length, 0);
    expect(kept).toBeLessThan(json / 2);
  });

  it('keeps rows of more keys than one presence mask holds (an Airtable table of 40 fields)', () => {
    const rows = new CompactRows<Row>();
    const make = (n: number): Row => Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`f${k}`, (k + n) % 3 === 0 ? undefined : k % 2 === 0 ? `v${k % 4}` : k * n]));
    const added = Array.from({ length: 50 }, (_, n) => make(n));
    for (const r of added) rows.add('recPOaaaaaaaaaaaaa', r);
    rows.seal();
    same(rows.get('recPOaaaaaaaaaaaaa'), added);
  });

  it('refuses to be read before it is sealed, and added to after', () => {
    const rows = new CompactRows<Row>();
    rows.add('recPOaaaaaaaaaaaaa', { id: 'x' });
    expect(() => rows.get('recPOaaaaaaaaaaaaa')).toThrow(/before seal/);
    rows.seal();
    expect(() => rows.add('recPOaaaaaaaaaaaaa', { id: 'y' })).toThrow(/after seal/);
  });
});

/**
 * The compact table against a plain ordered Map (what CachedRecords held before): seeded random sequences of
 * writes, deletes and reads, long enough to fold loose rows into chunks many times, must answer exactly as the Map.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactTable } from '../../../src/jobs/snapshot/compact-table.ts';
import type { AirtableRecord } from '../../../src/ports/airtable.ts';

const SEED = 20261204;
const id = (n: number) => `rec${String(n).padStart(14, '0')}`;
const row = (n: number, version: number): AirtableRecord => ({
  id: id(n),
  createdTime: '2026-12-04T08:00:00.000Z',
  fields: { Name: `Row ${n} · 版本 ${version}`, Version: version, Links: [id(n + 1)], Done: version % 2 === 0 },
});

type Op = { kind: 'set'; n: number } | { kind: 'delete'; n: number } | { kind: 'get'; n: number } | { kind: 'some'; ns: number[] } | { kind: 'list' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 120, arbitrary: fc.record({ kind: fc.constant('set' as const), n: fc.integer({ min: 0, max: 3_000 }) }) },
  { weight: 40, arbitrary: fc.record({ kind: fc.constant('delete' as const), n: fc.integer({ min: 0, max: 3_000 }) }) },
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('get' as const), n: fc.integer({ min: 0, max: 3_000 }) }) },
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('some' as const), ns: fc.array(fc.integer({ min: 0, max: 3_000 }), { maxLength: 20 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'list' as const }) },
);

describe('CompactTable', () => {
  it('keeps rows, their order and their values through folds, deletes and re-adds (seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_500 }), fc.array(op, { minLength: 500, maxLength: 4_000 }), (initialRows, ops) => {
        const initial = Array.from({ length: initialRows }, (_, n) => row(n, 0));
        const table = new CompactTable(initial);
        const reference = new Map(initial.map((r) => [r.id, r]));
        let version = 1;
        for (const o of ops) {
          if (o.kind === 'set') {
            const r = row(o.n, version++);
            table.set(r);
            reference.set(r.id, r);
          } else if (o.kind === 'delete') {
            expect(table.delete(id(o.n))).toBe(reference.delete(id(o.n)));
          } else if (o.kind === 'get') {
            expect(table.get(id(o.n))).toEqual(reference.get(id(o.n)));
            expect(table.has(id(o.n))).toBe(reference.has(id(o.n)));
          } else if (o.kind === 'list') {
            // A full listing folds the rows written since the last fold: nothing written stays held as objects.
            expect(table.rows()).toEqual([...reference.values()]);
            expect(table.looseRows).toBe(0);
          } else {
            const wanted = new Set(o.ns.map(id));
            expect(table.some(o.ns.map(id))).toEqual([...reference.values()].filter((r) => wanted.has(r.id)));
          }
        }
        expect(table.size).toBe(reference.size);
        expect(table.rows()).toEqual([...reference.values()]);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('holds a row in far fewer bytes than its parsed object', () => {
    const rows = Array.from({ length: 5_000 }, (_, n) => row(n, 1));
    const table = new CompactTable(rows);
    const chunks = (table as unknown as { chunks: Buffer[] }).chunks;
    const bytes = chunks.reduce((sum, b) => sum + b.length, 0);
    expect(bytes / rows.length).toBeLessThan(60);
    // What the chunks keep alive: a view into zlib's 16 KB output buffer would keep all of it.
    const backing = [...new Set(chunks.map((b) => b.buffer))].reduce((sum, b) => sum + b.byteLength, 0);
    expect(backing / rows.length).toBeLessThan(2 * (bytes / rows.length) + 2);
    expect(table.rows((r) => r.fields['Version'])).toEqual(rows.map(() => 1));
  });

  it('maps each row as it is reached and leaves out rows mapped to undefined', () => {
    const table = new CompactTable([row(1, 1), row(2, 2), row(3, 3)]);
    table.set(row(2, 4));
    expect(table.rows((r) => (r.fields['Done'] ? r.id : undefined))).toEqual([id(2)]);
  });
});

/**
 * LruMap against a reference model (an array in recency order), over seeded random sequences of gets and sets:
 * never more than its capacity, and what it keeps is exactly the most recently used keys with their last values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/lib/lru-map.ts';

type Op = { get: number } | { set: number; value: number };

describe('LruMap', () => {
  it('keeps the most recently used keys, at most its capacity', () => {
    const op: fc.Arbitrary<Op> = fc.oneof(fc.record({ get: fc.integer({ min: 0, max: 12 }) }), fc.record({ set: fc.integer({ min: 0, max: 12 }), value: fc.integer() }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 120 }), (capacity, ops) => {
        const lru = new LruMap<number, number>(capacity);
        let model: [number, number][] = []; // oldest first
        for (const o of ops) {
          if ('get' in o) {
            const at = model.findIndex(([k]) => k === o.get);
            expect(lru.get(o.get)).toBe(at < 0 ? undefined : model[at]![1]);
            if (at >= 0) model = [...model.filter(([k]) => k !== o.get), model[at]!];
          } else {
            lru.set(o.set, o.value);
            model = [...model.filter(([k]) => k !== o.set), [o.set, o.value]];
            if (model.length > capacity) model = model.slice(1);
          }
          expect(lru.size).toBe(model.length);
          expect(lru.size).toBeLessThanOrEqual(capacity);
        }
        for (const [k, v] of model) expect(lru.get(k)).toBe(v);
      }),
      { seed: 2026, numRuns: 300 },
    );
  });

  it('with a weight bound, drops the oldest entries until the total fits, keeping at least the newest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 25 })), { maxLength: 100 }), (maxWeight, sets) => {
        const lru = new LruMap<number, number>(1000, { weigh: (v) => v, maxWeight });
        let model: [number, number][] = [];
        for (const [key, value] of sets) {
          lru.set(key, value);
          model = [...model.filter(([k]) => k !== key), [key, value]];
          while (model.length > 1 && model.reduce((t, [, v]) => t + v, 0) > maxWeight) model = model.slice(1);
          expect(lru.weight).toBe(model.reduce((t, [, v]) => t + v, 0));
          expect(lru.size).toBe(model.length);
        }
        for (const [k, v] of model) expect(lru.get(k)).toBe(v);
      }),
      { seed: 2027, numRuns: 300 },
    );
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruMap(0)).toThrow(/positive integer, got 0/);
  });
});

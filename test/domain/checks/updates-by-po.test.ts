/**
 * UpdatesByPo keeps two facts per PO instead of every update; the two rules that read updates asked the whole list
 * "which is the newest (first of a date, as read)?" and "is any supplier-portal update dated on or after D?". For
 * any updates in any order, the facts must answer both exactly as the list does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UpdatesByPo, type UpdateFacts } from '../../../src/domain/checks/updates-by-po.ts';
import { UPDATE_SOURCES } from '../../../src/domain/models/milestone.ts';

const SEED = 20261205;
const day = fc.integer({ min: 1, max: 9 }).map((d) => `2026-06-0${d}`);
const update = fc.record({
  po: fc.constantFrom('recPO1', 'recPO2', 'recPO3'),
  date: day,
  update: fc.string({ maxLength: 8 }),
  source: fc.option(fc.constantFrom(...UPDATE_SOURCES), { nil: undefined }),
});

/** The list the rules used to read: the PO's updates, newest first, a stable sort. */
function newestFirst(updates: readonly UpdateFacts[], po: string): UpdateFacts[] {
  return updates.filter((u) => u.po === po).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

describe('UpdatesByPo', () => {
  it('answers what the newest-first list answered, for any updates in any order (seeded)', () => {
    fc.assert(
      fc.property(fc.array(update, { maxLength: 30 }), day, (updates, asked) => {
        const index = UpdatesByPo.of(updates);
        for (const po of ['recPO1', 'recPO2', 'recPO3', 'recNone']) {
          const list = newestFirst(updates, po);
          const facts = index.get(po);
          expect(facts?.latest).toEqual(list[0] ? { date: list[0].date, update: list[0].update } : undefined);
          const answered = list.some((u) => u.source === 'Supplier portal' && u.date >= asked);
          expect(facts !== undefined && facts.latestFromSupplierPortal !== undefined && facts.latestFromSupplierPortal >= asked).toBe(answered);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it.each([
    { name: 'the later date wins', rows: [['2026-06-01', 'A', 'Agent'], ['2026-06-03', 'B', 'Agent']], latest: 'B', portal: undefined },
    { name: 'of one date, the first read', rows: [['2026-06-03', 'A', 'Agent'], ['2026-06-03', 'B', 'Supplier portal']], latest: 'A', portal: '2026-06-03' },
    { name: 'the portal date is the latest portal update, not the latest update', rows: [['2026-06-02', 'P', 'Supplier portal'], ['2026-06-05', 'A', 'Agent'], ['2026-06-01', 'Q', 'Supplier portal']], latest: 'A', portal: '2026-06-02' },
  ])('$name', ({ rows, latest, portal }) => {
    const index = UpdatesByPo.of(rows.map(([date, title, source]) => ({ po: 'recPO', date: date!, update: title!, source: source as UpdateFacts['source'] })));
    expect(index.get('recPO')?.latest.update).toBe(latest);
    expect(index.get('recPO')?.latestFromSupplierPortal).toBe(portal);
  });
});

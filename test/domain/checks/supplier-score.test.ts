import { describe, expect, it } from 'vitest';
import { supplierHistory, weightedScore } from '../../../src/domain/checks/supplier-score.ts';
import { baseWorld, link, psi, rid, SETTINGS, type World } from './world.ts';

const evaluation = (w: World, fields: Record<string, unknown>) =>
  w.put('supplierEvaluations', 'ev1', { Evaluation: 'Test Factory · Lantern', Supplier: link('s1'), Project: link('prj1'), ...fields });

const score = (w: World) => {
  const s = w.snapshot();
  const e = s.supplierEvaluations[0]!;
  return weightedScore(e, supplierHistory(s, e.supplier, SETTINGS), SETTINGS);
};

describe('supplier evaluation weighted score', () => {
  it.each([
    [{ Compliance: 5, Capacity: 5, 'Track record': 5, Communication: 5 }, 100],
    [{ Compliance: 3, Capacity: 4, 'Track record': 4, Communication: 2 }, 70], // .6×20 + .8×25 + .8×40 + .4×15
    [{ Compliance: 1, Capacity: 1, 'Track record': 1, Communication: 1 }, 20],
  ])('weights the four ratings without history: %j → %d', (ratings, expected) => {
    expect(score(evaluation(baseWorld(), ratings))).toBe(expected);
  });

  it('is not computed while a weighted rating is missing', () => {
    expect(score(evaluation(baseWorld(), { Compliance: 5, Capacity: 5, 'Track record': 5 }))).toBeUndefined();
  });

  it('feeds the track record with the supplier’s late ETD and failed first PSI', () => {
    const w = evaluation(baseWorld(), { Compliance: 5, Capacity: 5, 'Track record': 5, Communication: 5 });
    // po1 sailed 2 days after its ship-by date; its first PSI failed and a re-inspection passed.
    w.patch('milestones', 'ms-etd', { 'Actual date': '2026-07-12' });
    psi(w, 'in-psi', 'Fail');
    psi(w, 'in-repsi', 'Pass', { 'Re-inspection of': link('in-psi') });
    const s = w.snapshot();
    expect(supplierHistory(s, rid('s1'), SETTINGS)).toEqual({ onTime: { hits: 0, total: 1 }, firstPassPsi: { hits: 0, total: 1 } });
    // Track record = 0.5 × 5/5 + 0.5 × 0 = 0.5 → 20 + 25 + 20 + 15.
    expect(score(w)).toBe(80);
  });

  it('uses history alone when the agent gave no track-record rating', () => {
    const w = evaluation(baseWorld(), { Compliance: 5, Capacity: 5, Communication: 5 });
    w.patch('milestones', 'ms-etd', { 'Actual date': '2026-07-01' });
    psi(w, 'in-psi', 'Pass');
    expect(score(w)).toBe(100);
  });

  it('follows configured weights', () => {
    const w = evaluation(baseWorld(), { Compliance: 5, Capacity: 1, 'Track record': 1, Communication: 1 });
    const s = w.snapshot();
    const e = s.supplierEvaluations[0]!;
    const onlyCompliance = { ...SETTINGS, supplierScore: { ...SETTINGS.supplierScore, weights: { compliance: 1, capacity: 0, trackRecord: 0, communication: 0 } } };
    expect(weightedScore(e, supplierHistory(s, e.supplier, onlyCompliance), onlyCompliance)).toBe(100);
  });
});

import { describe, expect, it } from 'vitest';
import { computedFieldPatches } from '../../../src/domain/checks/computed-fields.ts';
import { baseWorld, CLOCK, day, link, plannable, psi, rid, SETTINGS, type World } from './world.ts';

const patchesFor = (w: World, table: string) => computedFieldPatches(w.snapshot(), CLOCK, SETTINGS).filter((p) => p.table === table);

/** The base world with every milestone status already what the checks compute. */
function settledWorld(): World {
  const w = baseWorld();
  for (const p of patchesFor(w, 'Milestones')) {
    const ref = [...w.rows.get('milestones')!.keys()].find((r) => rid(r) === p.id)!;
    w.patch('milestones', ref, p.fields);
  }
  return w;
}

describe('milestone status write-back', () => {
  it('computes Done and On track for the healthy PO, on its own dates when it cannot be planned (no lane)', () => {
    for (const w of [baseWorld(), plannable(baseWorld())]) {
      const statuses = new Map(patchesFor(w, 'Milestones').map((p) => [p.id, p.fields['Status']]));
      expect(statuses.get(rid('ms-start'))).toBe('Done');
      expect(statuses.get(rid('ms-dupro'))).toBe('On track');
      expect(statuses.get(rid('ms-etd'))).toBe('On track');
    }
  });

  it('writes nothing once the statuses are in place, and only the one that changed after that', () => {
    const w = settledWorld();
    expect(patchesFor(w, 'Milestones')).toEqual([]);
    w.patch('milestones', 'ms-dupro', { 'Planned date': day(-1) });
    expect(patchesFor(w, 'Milestones')).toEqual([{ table: 'Milestones', id: rid('ms-dupro'), fields: { Status: 'Late' } }]);
  });

  it('marks a milestone its late predecessor cannot let happen in time At risk, and the predecessor Late', () => {
    const w = plannable(settledWorld());
    w.patch('milestones', 'ms-start', { 'Actual date': undefined, 'Planned date': day(-2) });
    const byId = new Map(patchesFor(w, 'Milestones').map((p) => [p.id, p.fields['Status']]));
    expect(byId.get(rid('ms-dupro'))).toBe('At risk');
    expect(byId.get(rid('ms-start'))).toBe('Late');
  });

  it('leaves a cancelled PO’s milestones alone', () => {
    const w = baseWorld();
    w.patch('purchaseOrders', 'po1', { Status: 'Cancelled' });
    expect(patchesFor(w, 'Milestones')).toEqual([]);
  });
});

describe('inspection sampling write-back', () => {
  it('fills sample size and accept/reject of a pending inspection from ISO 2859-1 (lot 3,000 → K, n 125)', () => {
    expect(patchesFor(baseWorld(), 'Inspections')).toEqual([
      {
        table: 'Inspections',
        id: rid('in-dupro'),
        fields: { 'Sample size': 125, 'Accept critical': 0, 'Reject critical': 1, 'Accept major': 7, 'Reject major': 8, 'Accept minor': 10, 'Reject minor': 11 },
      },
    ]);
  });

  it('corrects only the numbers that are wrong, and clears a class without AQL', () => {
    const w = baseWorld();
    w.patch('inspections', 'in-dupro', { 'Sample size': 125, 'Accept critical': 0, 'Reject critical': 1, 'Accept major': 5, 'Reject major': 6, 'Accept minor': 10, 'Reject minor': 11, 'AQL minor': '0' });
    expect(patchesFor(w, 'Inspections')[0]?.fields).toEqual({ 'Accept major': 7, 'Reject major': 8, 'Accept minor': 0, 'Reject minor': 1 });
  });

  it('plans the next PSI tightened after 2 of the supplier\'s lots were rejected, and says why on the inspection', () => {
    const w = baseWorld();
    w.drop('inspections', 'in-dupro');
    psi(w, 'psi-a', 'Fail', { Inspection: 'PSI lot A', 'Inspection date': day(-40), 'Scheduled date': day(-40) });
    psi(w, 'psi-b', 'Pass', { Inspection: 'PSI lot B', 'Inspection date': day(-30), 'Scheduled date': day(-30) });
    psi(w, 'psi-c', 'Fail', { Inspection: 'PSI lot C', 'Inspection date': day(-20), 'Scheduled date': day(-20) });
    psi(w, 'psi-next', 'Pending', { 'Inspection date': undefined, 'Scheduled date': day(5) });
    const patches = patchesFor(w, 'Inspections');
    expect(patches).toEqual([{
      table: 'Inspections',
      id: rid('psi-next'),
      fields: {
        'Accept major': 5, 'Reject major': 6, 'Accept minor': 8, 'Reject minor': 9, 'Inspection severity': 'Tightened',
        'Switching reason': `Tightened inspection: 2 of 3 consecutive lots rejected under normal inspection (PSI lot A (${day(-40)}), PSI lot C (${day(-20)})); back to normal after 5 consecutive accepted lots.`,
      },
    }]);
  });

  it('never rewrites the numbers an inspection was judged by', () => {
    const w = baseWorld();
    psi(w, 'in-psi', 'Pass', { 'Sample size': 80 });
    w.drop('inspections', 'in-dupro');
    expect(patchesFor(w, 'Inspections')).toEqual([]);
  });
});

describe('supplier evaluation score write-back', () => {
  it('writes the score once and then leaves it', () => {
    const w = baseWorld();
    w.put('supplierEvaluations', 'ev1', { Evaluation: 'Test · Lantern', Supplier: link('s1'), Project: link('prj1'), Compliance: 4, Capacity: 4, 'Track record': 4, Communication: 4 });
    expect(patchesFor(w, 'Supplier Evaluations')).toEqual([{ table: 'Supplier Evaluations', id: rid('ev1'), fields: { 'Weighted score': 80 } }]);
    w.patch('supplierEvaluations', 'ev1', { 'Weighted score': 80 });
    expect(patchesFor(w, 'Supplier Evaluations')).toEqual([]);
  });

  it('clears a score that can no longer be computed', () => {
    const w = baseWorld();
    w.put('supplierEvaluations', 'ev1', { Evaluation: 'Test · Lantern', Supplier: link('s1'), Project: link('prj1'), Compliance: 4, 'Weighted score': 80 });
    expect(patchesFor(w, 'Supplier Evaluations')).toEqual([{ table: 'Supplier Evaluations', id: rid('ev1'), fields: { 'Weighted score': null } }]);
  });
});

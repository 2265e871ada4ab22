/**
 * The benchmark's inspections: an IPI, a DUPRO and a PSI per PO on the dates of their milestones, judged once
 * the milestone is done (one in ten fails, most failures get a re-inspection), with the ISO 2859-1 numbers the
 * write-back would give (a few judged on a wrong sample size, a third of the pending ones not filled in yet),
 * plus a factory audit for every fourth supplier.
 */
import { inspections } from '../../src/domain/models/inspection.ts';
import { aqlPlan, type AqlPlan } from '../../src/domain/quality/aql-plan.ts';
import type { InspectionLevel } from '../../src/domain/quality/sampling-tables.ts';
import { iso, rid, row, TODAY_N, type Fields, type PoFacts, type RawTables, type Rng } from './checks-rows.ts';

const I = inspections.fields;

function planFor(lotSize: number, level: InspectionLevel, [aqlCritical, aqlMajor, aqlMinor]: readonly (number | null)[]): AqlPlan | undefined {
  if (lotSize < 2 || (aqlCritical === null && aqlMajor === null && aqlMinor === null)) return undefined;
  return aqlPlan({ lotSize, level, aqlCritical: aqlCritical ?? null, aqlMajor: aqlMajor ?? null, aqlMinor: aqlMinor ?? null });
}

function planFields(plan: AqlPlan, wrongSample: boolean): Fields {
  return {
    [I.sampleSize]: wrongSample ? plan.sampleSize + 13 : plan.sampleSize,
    [I.acceptCritical]: plan.critical?.accept ?? null,
    [I.rejectCritical]: plan.critical?.reject ?? null,
    [I.acceptMajor]: plan.major?.accept ?? null,
    [I.rejectMajor]: plan.major?.reject ?? null,
    [I.acceptMinor]: plan.minor?.accept ?? null,
    [I.rejectMinor]: plan.minor?.reject ?? null,
  };
}

/** Airtable leaves empty cells out of `fields`. */
function withoutNulls(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
}

export function addInspections(t: RawTables, pos: readonly PoFacts[], r: Rng, supplierCount: number): void {
  let n = 0;
  const push = (fields: Fields) => {
    const id = rid('INS', n++);
    t.inspections.push(row(id, withoutNulls(fields)));
    return id;
  };
  for (const po of pos) {
    for (const type of ['IPI', 'DUPRO', 'PSI'] as const) {
      const m = po.milestones.get(type)!;
      const lotSize = type === 'DUPRO' ? Math.round(po.quantity / 2) : po.quantity;
      const fields: Fields = { [I.inspection]: `${po.number} · ${type}`, [I.po]: [po.id], [I.type]: type, [I.lotSize]: lotSize };
      let level = po.level;
      let aqls = po.aqls;
      if (r.chance(0.1)) {
        // The inspection's own plan overrides the project's benchmarks.
        level = 'II';
        aqls = [0, 1.5, 4];
        Object.assign(fields, { [I.inspectionLevel]: 'II', [I.aqlCritical]: '0', [I.aqlMajor]: '1.5', [I.aqlMinor]: '4.0' });
      }
      // An IPI booked after production start now and then (missing-ipi says so).
      if (m.due !== undefined && r.chance(0.9)) fields[I.scheduledDate] = iso(type === 'IPI' && r.chance(0.05) ? m.due + 5 : m.due);
      const plan = planFor(lotSize, level, aqls);
      if (m.done === undefined) {
        if (fields[I.scheduledDate] !== undefined) fields[I.result] = 'Pending';
        if (plan && r.chance(0.7)) Object.assign(fields, planFields(plan, false));
        push(fields);
        continue;
      }
      const roll = r.next();
      const result = roll < 0.1 ? 'Fail' : roll < 0.16 ? 'Conditional pass' : 'Pass';
      fields[I.inspectionDate] = iso(m.done);
      fields[I.result] = result;
      if (plan) {
        Object.assign(fields, planFields(plan, r.chance(0.05)));
        const acceptMajor = plan.major?.accept ?? 0;
        fields[I.criticalFound] = 0;
        fields[I.majorFound] = result === 'Fail' ? acceptMajor + r.int(1, 4) : r.int(0, acceptMajor);
        fields[I.minorFound] = r.int(0, plan.minor?.accept ?? 0);
      }
      const failed = push(fields);
      if (result !== 'Fail' || !r.chance(0.6)) continue;
      const again = m.done + 5;
      push({
        [I.inspection]: `${po.number} · ${type} re-inspection`, [I.po]: [po.id], [I.type]: type, [I.lotSize]: lotSize, [I.reinspectionOf]: [failed],
        ...(again <= TODAY_N ? { [I.inspectionDate]: iso(again), [I.result]: 'Pass' } : { [I.scheduledDate]: iso(again), [I.result]: 'Pending' }),
      });
    }
  }
  for (let s = 0; s < supplierCount; s += 4) {
    push({
      [I.inspection]: `Factory audit ${s}`, [I.supplier]: [rid('SUP', s)], [I.type]: 'Factory audit',
      [I.inspectionDate]: iso(TODAY_N - r.int(10, 400)), [I.result]: r.chance(0.9) ? 'Pass' : 'Fail',
    });
  }
}

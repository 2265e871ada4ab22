/**
 * System fields the checks own, computed from the snapshot and written back only where they differ:
 * Supplier Evaluations "Weighted score", the Inspections sampling numbers (ISO 2859-1, only while the inspection
 * has not been judged), and Milestones "Status". Pure: answers the patches, the job sends them.
 */
import { inspections } from '../models/inspection.ts';
import { milestones } from '../models/milestone.ts';
import { supplierEvaluations } from '../models/supplier-evaluation.ts';
import type { CheckClock } from './finding.ts';
import { inspectionPlan, isJudged, PLAN_KEYS } from './inspection-plan.ts';
import { milestoneStatus } from './milestone-status.ts';
import { isOpen } from './po-facts.ts';
import type { CheckSettings } from './settings.ts';
import { forEachShard, type WorkspaceSnapshot } from './snapshot.ts';
import { addToHistory, emptyHistory, weightedScore, type SupplierHistory } from './supplier-score.ts';

export interface FieldPatch {
  table: string;
  id: string;
  /** Airtable field name → value (null clears the cell). */
  fields: Record<string, unknown>;
}

/** Scores are stored with one decimal; anything closer is the same score. */
const SCORE_TOLERANCE = 0.05;

export function computedFieldPatches(s: WorkspaceSnapshot, clock: CheckClock, settings: CheckSettings): FieldPatch[] {
  const fields = new ComputedFields(clock, settings);
  forEachShard(s, fields.addShard);
  return fields.patches(s);
}

/**
 * The computed fields worked out in two steps, so that the per-PO part can ride on the rules' pass over the POs
 * (run-rules.ts `eachShard`: each PO's milestones are then unpacked once for both): `addShard` takes the milestone
 * statuses and each supplier's history from a shard's POs, `patches` answers every patch once all POs were added.
 */
export class ComputedFields {
  private readonly statuses: FieldPatch[] = [];
  private readonly histories = new Map<string, SupplierHistory>();

  constructor(
    private readonly clock: CheckClock,
    private readonly settings: CheckSettings,
  ) {}

  readonly addShard = (view: WorkspaceSnapshot): void => {
    for (const p of milestonePatches(view, this.clock)) this.statuses.push(p);
    for (const po of view.purchaseOrders) {
      if (po.supplier === undefined) continue;
      let history = this.histories.get(po.supplier);
      if (!history) this.histories.set(po.supplier, (history = emptyHistory()));
      addToHistory(history, view, po, this.settings);
    }
  };

  patches(s: WorkspaceSnapshot): FieldPatch[] {
    return [...scorePatches(s, this.settings, this.histories), ...inspectionPatches(s), ...this.statuses];
  }
}

function scorePatches(s: WorkspaceSnapshot, settings: CheckSettings, histories: ReadonlyMap<string, SupplierHistory>): FieldPatch[] {
  const out: FieldPatch[] = [];
  for (const e of s.supplierEvaluations) {
    const history = histories.get(e.supplier) ?? emptyHistory();
    const score = weightedScore(e, history, settings);
    const current = e.weightedScore;
    const same = score === undefined ? current === undefined : current !== undefined && Math.abs(current - score) < SCORE_TOLERANCE;
    if (!same) out.push({ table: supplierEvaluations.table, id: e.id, fields: { [supplierEvaluations.fields.weightedScore]: score ?? null } });
  }
  return out;
}

function inspectionPatches(s: WorkspaceSnapshot): FieldPatch[] {
  const out: FieldPatch[] = [];
  for (const i of s.inspections) {
    if (isJudged(i)) continue;
    const outcome = inspectionPlan(s, i);
    if (outcome.kind !== 'plan') continue;
    const fields: Record<string, unknown> = {};
    for (const key of PLAN_KEYS) {
      const want = outcome.fields[key];
      if ((i[key] ?? null) !== want) fields[inspections.fields[key]] = want;
    }
    // The inspection shows which switching state its plan uses and why (ISO 2859-1 clause 9).
    if (outcome.switching) {
      if (i.severity !== outcome.switching.severity) fields[inspections.fields.severity] = outcome.switching.severity;
      if (i.switchingReason !== outcome.switching.reason) fields[inspections.fields.switchingReason] = outcome.switching.reason;
    }
    if (Object.keys(fields).length > 0) out.push({ table: inspections.table, id: i.id, fields });
  }
  return out;
}

function milestonePatches(s: WorkspaceSnapshot, clock: CheckClock): FieldPatch[] {
  const out: FieldPatch[] = [];
  for (const po of s.purchaseOrders) {
    // A closed or cancelled order's schedule is history; leave it as it was.
    if (!isOpen(po)) continue;
    for (const m of s.milestonesByPo.get(po.id) ?? []) {
      const status = milestoneStatus(s, po, m, clock.today);
      if (status !== undefined && status !== m.status) out.push({ table: milestones.table, id: m.id, fields: { [milestones.fields.status]: status } });
    }
  }
  return out;
}

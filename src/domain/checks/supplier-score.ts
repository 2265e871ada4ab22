/**
 * The weighted score (0–100) of a Supplier Evaluation from its four 1–5 ratings and the agency's weights
 * (domain.md §9). "Track record" is fed by the supplier's own history when it has one: on-time shipment against
 * the committed date (ship-by, else the ETD baseline; never a revised date) and first-time PSI pass rate, blended
 * with the agent's rating by `historyShare`. A score with a weighted criterion missing is not computed (a partial
 * score would look better than it is).
 */
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { SupplierEvaluation } from '../models/supplier-evaluation.ts';
import { isPassed, milestoneOf } from './po-facts.ts';
import type { CheckSettings } from './settings.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

export interface Rate {
  hits: number;
  total: number;
}

export interface SupplierHistory {
  onTime: Rate;
  firstPassPsi: Rate;
}

export const emptyHistory = (): SupplierHistory => ({ onTime: { hits: 0, total: 0 }, firstPassPsi: { hits: 0, total: 0 } });

export function supplierHistory(s: WorkspaceSnapshot, supplierId: string, settings: CheckSettings): SupplierHistory {
  const history = emptyHistory();
  for (const po of s.posBySupplier.get(supplierId) ?? []) addToHistory(history, s, po, settings);
  return history;
}

/** Counts one PO of the supplier in its history (a cancelled order counts for nothing). */
export function addToHistory(history: SupplierHistory, s: WorkspaceSnapshot, po: PurchaseOrder, settings: CheckSettings): void {
  if (po.status === 'Cancelled') return;
  const etd = milestoneOf(s, po.id, 'ETD');
  const committed = po.shipBy ?? etd?.baselineDate;
  if (etd?.actualDate !== undefined && committed !== undefined) {
    history.onTime.total += 1;
    if (etd.actualDate <= committed) history.onTime.hits += 1;
  }
  for (const i of s.inspectionsByPo.get(po.id) ?? []) {
    if (i.type !== 'PSI' || i.reinspectionOf !== undefined) continue;
    if (i.result !== 'Pass' && i.result !== 'Fail' && i.result !== 'Conditional pass') continue;
    history.firstPassPsi.total += 1;
    if (isPassed(i, settings)) history.firstPassPsi.hits += 1;
  }
}

/** 0–1 from the rates the supplier has, undefined without any history. */
export function historyScore(h: SupplierHistory): number | undefined {
  const rates = [h.onTime, h.firstPassPsi].filter((r) => r.total > 0).map((r) => r.hits / r.total);
  return rates.length === 0 ? undefined : rates.reduce((a, b) => a + b, 0) / rates.length;
}

const ofFive = (rating: number | undefined) => (rating === undefined ? undefined : rating / 5);

export function weightedScore(e: SupplierEvaluation, history: SupplierHistory, settings: CheckSettings): number | undefined {
  const { weights, historyShare } = settings.supplierScore;
  const past = historyScore(history);
  const rated = ofFive(e.trackRecord);
  const trackRecord =
    past === undefined ? rated : rated === undefined ? past : (1 - historyShare) * rated + historyShare * past;
  const criteria: [value: number | undefined, weight: number][] = [
    [ofFive(e.compliance), weights.compliance],
    [ofFive(e.capacity), weights.capacity],
    [trackRecord, weights.trackRecord],
    [ofFive(e.communication), weights.communication],
  ];
  let sum = 0;
  let total = 0;
  for (const [value, weight] of criteria) {
    if (weight === 0) continue;
    if (value === undefined) return undefined;
    sum += value * weight;
    total += weight;
  }
  return Math.round((sum / total) * 1000) / 10;
}

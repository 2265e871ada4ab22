/**
 * Scores every supplier of a closed project: the period score from this project's KPIs, added to (or replacing
 * this project's line in) the supplier's history, and the new overall Score from the history.
 */
import { supplierAsSeenByClient, type ConfidentialityPolicy } from '../confidentiality/policy.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Inspection } from '../models/inspection.ts';
import type { Milestone } from '../models/milestone.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { SupplierEvaluation } from '../models/supplier-evaluation.ts';
import type { Supplier } from '../models/supplier.ts';
import { formatHistory, overallScore, parseHistory, periodScore, scoreBand, withEntry, type HistoryEntry } from './score-history.ts';
import { KPI_KEYS, KPI_LABELS, type KpiKey, type ScoreWeights } from './score-weights.ts';
import { supplierKpis } from './supplier-kpis.ts';

export interface KpiLine {
  key: KpiKey;
  label: string;
  value: string;
  score?: number | undefined;
  /** The configured weight; 0 when the KPI had no data this period (the others were re-weighted). */
  weight: number;
}

export type SupplierScore =
  | {
      ok: true;
      supplierId: string;
      /** The real name (the job writes Suppliers.Score) and what the report may print. */
      name: string;
      displayName: string;
      kpis: KpiLine[];
      periodScore?: number | undefined;
      previousScore?: number | undefined;
      overall?: number | undefined;
      band?: string | undefined;
      periods: number;
      /** The new cell text of Suppliers."Score history". */
      historyText: string;
    }
  | { ok: false; supplierId: string; name: string; displayName: string; problem: string };

export interface ScoreInput {
  project: Project;
  orders: readonly PurchaseOrder[];
  suppliers: ReadonlyMap<string, Supplier>;
  milestones: readonly Milestone[];
  inspections: readonly Inspection[];
  evaluations: readonly SupplierEvaluation[];
  closedOn: IsoDate;
  weights: ScoreWeights;
  defectRateAtZero?: number | undefined;
  /** The confidentiality policy and the project's client: how the client may name each factory. */
  policy?: ConfidentialityPolicy | undefined;
  clientId?: string | undefined;
}

/**
 * What the client reads as the factory: as the confidentiality policy (Disclosures) allows; without a policy, the
 * alias (never the name: hiding is the default).
 */
export function displayNameOf(supplier: Supplier, policy: ConfidentialityPolicy | undefined, clientId: string | undefined): string {
  if (policy) return supplierAsSeenByClient(policy, clientId, supplier.id).label;
  return supplier.clientAlias ?? 'Factory';
}

export function scoreSuppliers(input: ScoreInput): SupplierScore[] {
  const supplierIds = [...new Set(input.orders.filter((po) => po.status !== 'Cancelled').map((po) => po.supplier))].sort();
  const out: SupplierScore[] = [];
  for (const id of supplierIds) {
    const supplier = input.suppliers.get(id);
    if (!supplier) {
      out.push({ ok: false, supplierId: id, name: id, displayName: 'Factory', problem: `A supplier of ${input.project.project} could not be read (see its "Sync issues" in Suppliers); not scored` });
      continue;
    }
    const displayName = displayNameOf(supplier, input.policy, input.clientId);
    const history = parseHistory(supplier.scoreHistory);
    if (!history.ok) {
      out.push({ ok: false, supplierId: id, name: supplier.name, displayName, problem: `Suppliers ${supplier.name}: "Score history" ${history.problem}; fix or clear it, the score was not updated` });
      continue;
    }
    const kpis = supplierKpis({
      supplier,
      project: input.project,
      orders: input.orders.filter((po) => po.supplier === id),
      milestones: input.milestones,
      inspections: input.inspections,
      evaluations: input.evaluations,
      closedOn: input.closedOn,
      defectRateAtZero: input.defectRateAtZero,
    });
    const scores: Partial<Record<KpiKey, number>> = Object.fromEntries(kpis.map((k) => [k.key, k.score]));
    const period = periodScore(scores, input.weights);
    const lines: KpiLine[] = KPI_KEYS.map((key) => {
      const kpi = kpis.find((k) => k.key === key);
      return { key, label: KPI_LABELS[key], value: kpi?.value ?? 'no data this project', score: kpi?.score, weight: kpi ? input.weights[key] : 0 };
    });
    const previousScore = overallScore(history.entries.filter((e) => e.project !== input.project.id));
    let entries: HistoryEntry[] = history.entries;
    if (period !== undefined) {
      entries = withEntry(history.entries, {
        project: input.project.id,
        name: input.project.project,
        closedOn: input.closedOn,
        score: period,
        kpis: scores,
        weights: Object.fromEntries(KPI_KEYS.filter((k) => scores[k] !== undefined).map((k) => [k, input.weights[k]])),
      });
    }
    const overall = overallScore(entries);
    out.push({
      ok: true,
      supplierId: id,
      name: supplier.name,
      displayName,
      kpis: lines,
      periodScore: period,
      previousScore,
      overall,
      band: overall === undefined ? undefined : scoreBand(overall),
      periods: entries.length,
      historyText: formatHistory(entries),
    });
  }
  return out;
}

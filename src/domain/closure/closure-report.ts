/**
 * The closure report of a project (phase 5): plan vs actual per PO and milestone with the on-time rate against
 * the baseline, inspection results and defect counts, the lessons learned written on the project, and each
 * supplier's performance score. Pure; the closing date comes from the project (closure meeting), else from the
 * last recorded actual date, so the same records always give the same report.
 */
import type { ConfidentialityPolicy } from '../confidentiality/policy.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { AgencyRecord } from '../models/agency.ts';
import type { Client } from '../models/client.ts';
import type { Inspection } from '../models/inspection.ts';
import type { LineItem } from '../models/line-item.ts';
import type { Milestone } from '../models/milestone.ts';
import type { Person } from '../models/person.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { SupplierEvaluation } from '../models/supplier-evaluation.ts';
import type { Supplier } from '../models/supplier.ts';
import {
  defectTotals,
  inspectionOutcomes,
  milestoneVariances,
  onTimeRate,
  type InspectionOutcome,
  type MilestoneVariance,
  type OnTimeRate,
} from './project-results.ts';
import { DEFAULT_DEFECT_RATE_AT_ZERO, DEFAULT_WEIGHTS, type ScoreWeights } from './score-weights.ts';
import { displayNameOf, scoreSuppliers, type SupplierScore } from './supplier-scores.ts';

export interface OrderSection {
  poId: string;
  poNumber: string;
  status: string;
  factory: string;
  value?: string | undefined;
  milestones: MilestoneVariance[];
  rate: OnTimeRate;
}

export interface ClosureReport {
  projectId: string;
  title: string;
  /** The closing date: issue date of the PDF and the history entry's period. */
  closedOn: IsoDate;
  agency: { name: string; nameLocal?: string | undefined; lines: string[] };
  facts: { label: string; value: string }[];
  headline: { label: string; value: string }[];
  orders: OrderSection[];
  inspections: InspectionOutcome[];
  defects: { critical: number; major: number; minor: number; sampled: number };
  lessons: string[];
  suppliers: SupplierScore[];
  weights: ScoreWeights;
  notes: string[];
}

export interface ClosureInput {
  project: Project;
  client?: Client | undefined;
  agent?: Person | undefined;
  agency?: AgencyRecord | undefined;
  /** The project's POs (all statuses; cancelled ones are listed but not measured). */
  orders: readonly PurchaseOrder[];
  suppliers: ReadonlyMap<string, Supplier>;
  lineItems: readonly LineItem[];
  milestones: readonly Milestone[];
  inspections: readonly Inspection[];
  evaluations: readonly SupplierEvaluation[];
  weights?: ScoreWeights | undefined;
  defectRateAtZero?: number | undefined;
  /** Only when the project has neither a closure meeting date nor any actual date. */
  today: IsoDate;
  /** The confidentiality policy: factories are named as the client may read them. */
  policy?: ConfidentialityPolicy | undefined;
}

/** The closure meeting date, else the last actual date of the project's milestones, else today. */
export function closingDate(input: Pick<ClosureInput, 'project' | 'orders' | 'milestones' | 'today'>): IsoDate {
  if (input.project.closureMeetingDate) return input.project.closureMeetingDate;
  const ids = new Set(input.orders.map((po) => po.id));
  const actuals = input.milestones.filter((m) => ids.has(m.po) && m.actualDate).map((m) => m.actualDate ?? '');
  return actuals.sort().at(-1) ?? input.today;
}

/** Σ quantity × unit price in the PO currency, "USD 39,960.00"; undefined when a price is missing. */
function orderValue(po: PurchaseOrder, lineItems: readonly LineItem[]): string | undefined {
  const lines = lineItems.filter((l) => l.po === po.id);
  if (lines.length === 0 || lines.some((l) => l.quantity === undefined || l.unitPrice === undefined)) return undefined;
  // Cents as integers: no float drift in the sum.
  const cents = lines.reduce((sum, l) => sum + Math.round((l.quantity ?? 0) * (l.unitPrice ?? 0) * 100), 0);
  const amount = (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${po.currency ?? ''} ${amount}`.trim();
}

function pct(rate: OnTimeRate): string {
  return rate.percent === undefined ? 'not measurable' : `${rate.percent}% (${rate.onTime} of ${rate.measured})`;
}

export function buildClosureReport(input: ClosureInput): ClosureReport {
  const { project, client, agent, agency } = input;
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const closedOn = closingDate(input);
  const orders = [...input.orders].sort((a, b) => a.poNumber.localeCompare(b.poNumber));
  const active = orders.filter((po) => po.status !== 'Cancelled');

  const sections: OrderSection[] = orders.map((po) => {
    const milestones = po.status === 'Cancelled' ? [] : milestoneVariances(po, input.milestones);
    const supplier = input.suppliers.get(po.supplier);
    return {
      poId: po.id,
      poNumber: po.poNumber,
      status: po.status,
      factory: supplier ? displayNameOf(supplier, input.policy, project.client) : '—',
      value: orderValue(po, input.lineItems),
      milestones,
      rate: onTimeRate(milestones),
    };
  });
  const overall = onTimeRate(sections.flatMap((s) => s.milestones));
  const slips = sections.flatMap((s) => s.milestones).filter((m) => m.varianceDays !== undefined).map((m) => m.varianceDays ?? 0);
  const inspections = inspectionOutcomes(active, input.inspections);
  const defects = defectTotals(inspections);
  const firstPsis = inspections.filter((i) => i.type === 'PSI' && !i.reinspection && i.result !== 'Pending');
  const delivered = input.milestones.filter((m) => active.some((po) => po.id === m.po) && m.kind === 'Delivered' && m.actualDate).map((m) => m.actualDate ?? '').sort().at(-1);

  const suppliers = scoreSuppliers({
    project,
    orders,
    policy: input.policy,
    clientId: project.client,
    suppliers: input.suppliers,
    milestones: input.milestones,
    inspections: input.inspections,
    evaluations: input.evaluations,
    closedOn,
    weights,
    defectRateAtZero: input.defectRateAtZero,
  });

  return {
    projectId: project.id,
    title: `Closure report · ${project.project}`,
    closedOn,
    agency: {
      name: agency?.legalName ?? agency?.name ?? 'Sourcing agency',
      nameLocal: agency?.legalNameZh,
      lines: [...(agency?.address ?? '').split('\n').filter((l) => l.trim() !== ''), [agency?.phone, agency?.email].filter(Boolean).join('   ')].filter((l) => l !== ''),
    },
    facts: [
      { label: 'Client', value: client?.name ?? '—' },
      { label: 'Product', value: project.product ?? '—' },
      { label: 'Agent', value: agent?.name ?? '—' },
      { label: 'Order type', value: project.orderType ?? '—' },
      { label: 'Destination', value: project.destinationCountry ?? client?.country ?? '—' },
      { label: 'Target delivery', value: project.targetDeliveryDate ?? '—' },
      { label: 'Delivered', value: delivered ?? '—' },
      { label: 'Closed on', value: closedOn },
    ],
    headline: [
      { label: 'On time vs baseline', value: pct(overall) },
      {
        label: 'Average slip',
        value: slips.length === 0 ? '—' : `${(Math.round((slips.reduce((a, b) => a + b, 0) / slips.length) * 10) / 10).toFixed(1)} days`,
      },
      { label: 'POs', value: `${active.length} placed${orders.length > active.length ? `, ${orders.length - active.length} cancelled` : ''}` },
      { label: 'PSI first pass', value: firstPsis.length === 0 ? '—' : `${firstPsis.filter((i) => i.result === 'Pass').length} of ${firstPsis.length}` },
      { label: 'Defects found', value: `${defects.critical} critical · ${defects.major} major · ${defects.minor} minor` },
      { label: 'Units sampled', value: String(defects.sampled) },
    ],
    orders: sections,
    inspections,
    defects,
    lessons: (project.lessonsLearned ?? '').split('\n').map((l) => l.trim().replace(/^[-•*]\s*/, '')).filter((l) => l !== ''),
    suppliers,
    weights,
    notes: [
      'On time = the actual date is on or before the baseline (the first commitment, never moved); variance = actual − baseline in days.',
      'Supplier score: weighted mean of the KPIs that have data this project (weights below, re-weighted when a KPI has none); the overall score averages the project scores in the supplier\'s history, newest counting most (each older project 1/12 less).',
      `On-time delivery compares the handover (cargo ready, loading or sailing) with the PO's ship-by date; defect rate = defects ÷ units sampled × 100, ${input.defectRateAtZero ?? DEFAULT_DEFECT_RATE_AT_ZERO} per 100 scores 0.`,
    ],
  };
}

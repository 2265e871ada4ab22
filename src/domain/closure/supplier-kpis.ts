/**
 * One supplier's performance on one project, as KPI values (what happened) and 0–100 scores (how good that is),
 * following domain.md §9:
 * - on-time delivery: POs handed over (cargo ready / loaded / sailed) by the ORIGINAL commitment (the PO's
 *   ship-by date, else the milestone's baseline), never a revised date;
 * - first-pass PSI rate: PSIs passed at the first attempt ÷ PSIs performed (re-inspections do not count);
 * - defect rate: defects found ÷ units sampled × 100 across all inspections with results;
 * - responsiveness: the agent's Communication rating (1–5) on the project's supplier evaluation;
 * - compliance: audit standing, required certifications held, certificates valid at closing.
 */
import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { Inspection } from '../models/inspection.ts';
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { SupplierEvaluation } from '../models/supplier-evaluation.ts';
import type { Supplier } from '../models/supplier.ts';
import { DEFAULT_DEFECT_RATE_AT_ZERO, type KpiKey } from './score-weights.ts';

export interface Kpi {
  key: KpiKey;
  /** Human-readable measurement, e.g. "2 of 2 POs on time". */
  value: string;
  /** 0–100. */
  score: number;
}

export interface SupplierPeriodInput {
  supplier: Supplier;
  project: Project;
  /** The supplier's POs in this project (cancelled ones are ignored). */
  orders: readonly PurchaseOrder[];
  milestones: readonly Milestone[];
  inspections: readonly Inspection[];
  evaluations: readonly SupplierEvaluation[];
  closedOn: IsoDate;
  /** Defects per hundred units sampled that score 0 (default DEFAULT_DEFECT_RATE_AT_ZERO). */
  defectRateAtZero?: number | undefined;
}

/** Handover milestones in order of preference: the factory's delivery is done when the cargo is ready to go. */
const HANDOVER: readonly MilestoneKind[] = ['Cargo ready', 'Container loading', 'ETD'];

const AUDIT_PENALTY: Record<string, number> = { Passed: 0, 'Passed with CAPA': 20, Scheduled: 40, 'Not audited': 40, Failed: 100 };

const round1 = (n: number) => Math.round(n * 10) / 10;
const percent = (part: number, whole: number) => round1((part / whole) * 100);

export interface DeliveryCheck {
  poNumber: string;
  handover: MilestoneKind;
  committed: IsoDate;
  actual: IsoDate;
  daysLate: number;
}

/** Per PO: handover date against the original commitment; POs not handed over yet are left out. */
export function deliveryChecks(orders: readonly PurchaseOrder[], milestones: readonly Milestone[]): DeliveryCheck[] {
  const checks: DeliveryCheck[] = [];
  for (const po of orders) {
    if (po.status === 'Cancelled') continue;
    const own = milestones.filter((m) => m.po === po.id);
    for (const kind of HANDOVER) {
      const m = own.find((x) => x.kind === kind && x.actualDate);
      if (!m?.actualDate) continue;
      const committed = po.shipBy ?? m.baselineDate;
      if (!committed) break;
      checks.push({ poNumber: po.poNumber, handover: kind, committed, actual: m.actualDate, daysLate: Math.max(0, daysBetween(committed, m.actualDate)) });
      break;
    }
  }
  return checks;
}

export function supplierKpis(input: SupplierPeriodInput): Kpi[] {
  const kpis: Kpi[] = [];
  const orders = input.orders.filter((po) => po.status !== 'Cancelled');
  const orderIds = new Set(orders.map((po) => po.id));
  const inspections = input.inspections.filter((i) => i.po !== undefined && orderIds.has(i.po));

  const deliveries = deliveryChecks(orders, input.milestones);
  if (deliveries.length > 0) {
    const onTime = deliveries.filter((d) => d.daysLate === 0).length;
    const late = deliveries.filter((d) => d.daysLate > 0).map((d) => `${d.poNumber} +${d.daysLate} d`);
    kpis.push({
      key: 'onTimeDelivery',
      value: `${onTime} of ${deliveries.length} PO${deliveries.length === 1 ? '' : 's'} on time${late.length > 0 ? ` (${late.join(', ')})` : ''}`,
      score: percent(onTime, deliveries.length),
    });
  }

  const decided = (i: Inspection) => i.result === 'Pass' || i.result === 'Fail' || i.result === 'Conditional pass';
  const firstPsis = inspections.filter((i) => i.type === 'PSI' && i.reinspectionOf === undefined && decided(i));
  if (firstPsis.length > 0) {
    const passed = firstPsis.filter((i) => i.result === 'Pass').length;
    kpis.push({ key: 'firstPassPsi', value: `${passed} of ${firstPsis.length} PSI passed first time`, score: percent(passed, firstPsis.length) });
  }

  const sampled = inspections.filter((i) => decided(i) && (i.sampleSize ?? 0) > 0);
  const units = sampled.reduce((sum, i) => sum + (i.sampleSize ?? 0), 0);
  if (units > 0) {
    const defects = sampled.reduce((sum, i) => sum + (i.criticalFound ?? 0) + (i.majorFound ?? 0) + (i.minorFound ?? 0), 0);
    const rate = (defects / units) * 100;
    const atZero = input.defectRateAtZero ?? DEFAULT_DEFECT_RATE_AT_ZERO;
    kpis.push({
      key: 'defectRate',
      value: `${defects} defects in ${units} units sampled (${round1(rate)} per 100)`,
      score: round1(Math.max(0, Math.min(100, 100 - (rate / atZero) * 100))),
    });
  }

  const evaluation = input.evaluations.find((e) => e.supplier === input.supplier.id && e.project === input.project.id && e.communication !== undefined);
  if (evaluation?.communication !== undefined) {
    kpis.push({ key: 'responsiveness', value: `communication rated ${evaluation.communication} of 5`, score: evaluation.communication * 20 });
  }

  kpis.push(complianceKpi(input));
  return kpis;
}

function complianceKpi(input: SupplierPeriodInput): Kpi {
  const { supplier, project, closedOn } = input;
  const findings: string[] = [];
  let score = 100;
  const audit = supplier.auditStatus ?? 'Not audited';
  const auditPenalty = AUDIT_PENALTY[audit] ?? 40;
  score -= auditPenalty;
  findings.push(`audit ${audit.toLowerCase()}`);
  const missing = project.certificationsRequired.filter((c) => !supplier.certifications.includes(c));
  if (missing.length > 0) {
    score -= 25 * missing.length;
    findings.push(`missing ${missing.join(', ')}`);
  } else if (project.certificationsRequired.length > 0) {
    findings.push(`holds ${project.certificationsRequired.join(', ')}`);
  }
  if (supplier.certificationExpiry && supplier.certificationExpiry < closedOn) {
    score -= 25;
    findings.push(`a certificate expired ${supplier.certificationExpiry}`);
  }
  return { key: 'compliance', value: findings.join('; '), score: Math.max(0, score) };
}

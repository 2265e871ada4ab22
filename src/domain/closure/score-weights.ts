/**
 * Weights of the supplier performance KPIs (domain.md §9): on-time delivery, first-pass PSI rate, defect rate,
 * responsiveness and compliance. Like ERPNext's scorecard the weights must total exactly 100; a KPI without data
 * in a period is left out and the others are re-weighted, so a project without PSI is not scored as a failure.
 */
export const KPI_KEYS = ['onTimeDelivery', 'firstPassPsi', 'defectRate', 'responsiveness', 'compliance'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export type ScoreWeights = Record<KpiKey, number>;

/** Delivery and quality weigh most (QCDS practice); communication and compliance share the rest [heuristic]. */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  onTimeDelivery: 30,
  firstPassPsi: 25,
  defectRate: 15,
  responsiveness: 15,
  compliance: 15,
};

/**
 * Defects per 100 units sampled that score 0 on the defect-rate KPI (linear from 100 at none). AQL 2.5 major +
 * 4.0 minor accept roughly 6–7 per 100, so a lot at the acceptance limits scores about 55 [heuristic].
 */
export const DEFAULT_DEFECT_RATE_AT_ZERO = 15;

export const KPI_LABELS: Record<KpiKey, string> = {
  onTimeDelivery: 'On-time delivery',
  firstPassPsi: 'First-pass PSI rate',
  defectRate: 'Defect rate',
  responsiveness: 'Responsiveness',
  compliance: 'Compliance',
};

/** Short names accepted in "otd=30,psi=25,defects=15,response=15,compliance=15". */
const ALIASES: Record<string, KpiKey> = {
  otd: 'onTimeDelivery', ontimedelivery: 'onTimeDelivery', delivery: 'onTimeDelivery',
  psi: 'firstPassPsi', firstpasspsi: 'firstPassPsi',
  defects: 'defectRate', defectrate: 'defectRate', defect: 'defectRate',
  response: 'responsiveness', responsiveness: 'responsiveness', communication: 'responsiveness',
  compliance: 'compliance',
};

export class WeightsError extends Error {}

/** Checks a full set of weights: every KPI a number 0–100, together exactly 100. */
export function checkWeights(weights: ScoreWeights): ScoreWeights {
  for (const key of KPI_KEYS) {
    const w = weights[key];
    if (!Number.isFinite(w) || w < 0 || w > 100) throw new WeightsError(`weight of ${KPI_LABELS[key]} must be 0–100, got ${w}`);
  }
  const total = KPI_KEYS.reduce((sum, key) => sum + weights[key], 0);
  if (Math.abs(total - 100) > 1e-9) throw new WeightsError(`KPI weights must total 100, they total ${total}`);
  return weights;
}

/** Parses "otd=40,psi=20,…" (KPIs not named keep no weight; the total must still be 100). */
export function parseWeights(text: string): ScoreWeights {
  const weights: ScoreWeights = { onTimeDelivery: 0, firstPassPsi: 0, defectRate: 0, responsiveness: 0, compliance: 0 };
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const match = /^([A-Za-z-]+)\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    const key = match ? ALIASES[(match[1] ?? '').toLowerCase().replace(/-/g, '')] : undefined;
    if (!match || !key) throw new WeightsError(`"${part}" is not KPI=weight (KPIs: otd, psi, defects, response, compliance)`);
    weights[key] = Number(match[2]);
  }
  return checkWeights(weights);
}

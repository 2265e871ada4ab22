/**
 * The gaps between milestones. Sources disagree on most of them, so every gap is a setting [heuristic] with a
 * default taken from domain.md §6.5 / §7.4 / §7.5 where it gives one. "wd" = China working days; the others
 * are calendar days (ships and airlines do not keep factory holidays).
 */
import type { CnyShutdownSettings } from '../calendar/factory-shutdown.ts';
import type { TransportMode } from './lanes.ts';

export interface PlanSettings {
  /** Share of the lead time kept as buffer before the shipping side (10–15 % usual). */
  bufferPercent: number;
  depositToToolingWd: number;
  toolingToSampleApprovalWd: number;
  sampleApprovalToMaterialsWd: number;
  materialsToProductionStartWd: number;
  /** IPI checks materials and first units just before mass production. */
  ipiBeforeProductionStartWd: number;
  /** DUPRO at this % of production (20–60 % is a fair default; domain.md §6.5). */
  duproAtPercent: number;
  /** PSI needs 100 % produced and ≥ 80 % packed: the day after production completes. */
  productionCompleteToPsiWd: number;
  /** Report, rework margin and final packing. */
  psiToCargoReadyWd: number;
  cargoReadyToLoadingWd: number;
  /** Container at the terminal before the CY cut-off. */
  loadingToEtdDays: number;
  /** Handover to the forwarder and airline for air freight. */
  cargoReadyToAirEtdDays: number;
  /** Book 3–4 weeks before cargo ready for FCL (Flexport), about a week for air. */
  bookingBeforeCargoReadyDays: Record<TransportMode, number>;
  /** Extra booking lead when cargo is ready near CNY or Golden Week: carriers blank sailings and space sells out. */
  bookingPeakExtraDays: Record<TransportMode, number>;
  /** Pre-production sample of a repeat order (no new tooling): deposit to sample approval. */
  repeatOrderSampleApprovalWd: number;
  /** Port or airport to the client's door: clearance and final delivery. */
  finalMileDays: Record<TransportMode, number>;
  /** Balance paid after the B/L copy is issued. */
  balanceAfterEtdDays: number;
  /** Output share on working days inside the CNY shutdown window but outside the official holiday. */
  closureCapacity: number;
  cnyShutdown: Partial<CnyShutdownSettings>;
  /** Share of the order the standby supplier takes in a split. */
  standbyShare: number;
  /** Share of the order sent by air ahead of the bulk in a partial shipment. */
  firstBatchShare: number;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  bufferPercent: 12,
  depositToToolingWd: 1,
  toolingToSampleApprovalWd: 15,
  sampleApprovalToMaterialsWd: 10,
  materialsToProductionStartWd: 2,
  ipiBeforeProductionStartWd: 1,
  duproAtPercent: 40,
  productionCompleteToPsiWd: 1,
  psiToCargoReadyWd: 2,
  cargoReadyToLoadingWd: 1,
  loadingToEtdDays: 4,
  cargoReadyToAirEtdDays: 3,
  bookingBeforeCargoReadyDays: { Sea: 28, Air: 7 },
  bookingPeakExtraDays: { Sea: 14, Air: 7 },
  repeatOrderSampleApprovalWd: 5,
  finalMileDays: { Sea: 7, Air: 3 },
  balanceAfterEtdDays: 3,
  closureCapacity: 0.5,
  cnyShutdown: {},
  standbyShare: 0.5,
  firstBatchShare: 0.3,
};

export function resolvePlanSettings(overrides: Partial<PlanSettings> = {}): PlanSettings {
  const s: PlanSettings = {
    ...DEFAULT_PLAN_SETTINGS,
    ...overrides,
    bookingBeforeCargoReadyDays: { ...DEFAULT_PLAN_SETTINGS.bookingBeforeCargoReadyDays, ...overrides.bookingBeforeCargoReadyDays },
    finalMileDays: { ...DEFAULT_PLAN_SETTINGS.finalMileDays, ...overrides.finalMileDays },
    bookingPeakExtraDays: { ...DEFAULT_PLAN_SETTINGS.bookingPeakExtraDays, ...overrides.bookingPeakExtraDays },
  };
  const days = (name: string, value: number) => {
    if (!Number.isInteger(value) || value < 0 || value > 365) throw new RangeError(`Plan setting ${name} must be a whole number of days 0–365, got ${value}`);
  };
  const share = (name: string, value: number, min: number, max: number) => {
    if (typeof value !== 'number' || !(value >= min && value <= max)) throw new RangeError(`Plan setting ${name} must be between ${min} and ${max}, got ${value}`);
  };
  for (const key of [
    'depositToToolingWd', 'toolingToSampleApprovalWd', 'sampleApprovalToMaterialsWd', 'materialsToProductionStartWd',
    'ipiBeforeProductionStartWd', 'productionCompleteToPsiWd', 'psiToCargoReadyWd', 'cargoReadyToLoadingWd',
    'loadingToEtdDays', 'cargoReadyToAirEtdDays', 'balanceAfterEtdDays', 'repeatOrderSampleApprovalWd',
  ] as const) days(key, s[key]);
  for (const mode of ['Sea', 'Air'] as const) {
    days(`bookingBeforeCargoReadyDays.${mode}`, s.bookingBeforeCargoReadyDays[mode]);
    days(`finalMileDays.${mode}`, s.finalMileDays[mode]);
    days(`bookingPeakExtraDays.${mode}`, s.bookingPeakExtraDays[mode]);
  }
  share('Buffer %', s.bufferPercent, 0, 50);
  share('duproAtPercent', s.duproAtPercent, 1, 99);
  share('closureCapacity', s.closureCapacity, 0.1, 1);
  share('standbyShare', s.standbyShare, 0.05, 0.95);
  share('firstBatchShare', s.firstBatchShare, 0.05, 0.95);
  return s;
}

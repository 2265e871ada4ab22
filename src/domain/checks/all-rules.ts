/** Every check, in the order reports list them: schedule, inspections, calendar and documents, then phase gates. */
import type { CheckRule } from './finding.ts';
import { aqlPlanMismatch } from './rules/aql-plan-mismatch.ts';
import { balanceBeforePsi } from './rules/balance-before-psi.ts';
import { bookingDue } from './rules/booking-due.ts';
import { bufferConsumed } from './rules/buffer-consumed.ts';
import { calendarConflict } from './rules/calendar-conflict.ts';
import { certificateExpiring } from './rules/certificate-expiring.ts';
import { contractIncomplete } from './rules/contract-incomplete.ts';
import { evaluationRejected } from './rules/evaluation-rejected.ts';
import { exportDocumentsMissing } from './rules/export-documents-missing.ts';
import { inspectionFailed } from './rules/inspection-failed.ts';
import { lateMilestone } from './rules/late-milestone.ts';
import { milestoneAtRisk } from './rules/milestone-at-risk.ts';
import { missingDupro } from './rules/missing-dupro.ts';
import { missingIpi } from './rules/missing-ipi.ts';
import { missingMilestonePlan } from './rules/missing-milestone-plan.ts';
import { missingPsi } from './rules/missing-psi.ts';
import { missingQualityBenchmarks } from './rules/missing-quality-benchmarks.ts';
import { scheduleConflict } from './rules/schedule-conflict.ts';
import { shipmentWithoutPsi } from './rules/shipment-without-psi.ts';
import { staleUpdates } from './rules/stale-updates.ts';
import { supplierDateProposal } from './rules/supplier-date-proposal.ts';
import { supplierNoAnswer } from './rules/supplier-no-answer.ts';
import { supplierNotQualified } from './rules/supplier-not-qualified.ts';

export const ALL_RULES: readonly CheckRule[] = [
  lateMilestone,
  milestoneAtRisk,
  scheduleConflict,
  bufferConsumed,
  bookingDue,
  missingIpi,
  missingDupro,
  missingPsi,
  shipmentWithoutPsi,
  inspectionFailed,
  aqlPlanMismatch,
  calendarConflict,
  staleUpdates,
  supplierDateProposal,
  supplierNoAnswer,
  exportDocumentsMissing,
  certificateExpiring,
  balanceBeforePsi,
  // Phase gates.
  supplierNotQualified,
  evaluationRejected,
  contractIncomplete,
  missingMilestonePlan,
  missingQualityBenchmarks,
];

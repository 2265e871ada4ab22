/** Supplier Evaluations: the phase-2 scorecard of one supplier for one project. */
import { date, number, rating, requiredLink, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const DECISIONS = ['Pending', 'Shortlisted', 'Selected', 'Standby', 'Rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

export const supplierEvaluations = defineModel(
  'Supplier Evaluations',
  {
    evaluation: 'Evaluation',
    supplier: 'Supplier',
    project: 'Project',
    compliance: 'Compliance',
    capacity: 'Capacity',
    trackRecord: 'Track record',
    communication: 'Communication',
    weightedScore: 'Weighted score',
    decision: 'Decision',
    auditDate: 'Audit date',
    notes: 'Notes',
    syncIssues: 'Sync issues',
  } as const,
  {
    evaluation: requiredText(),
    supplier: requiredLink(),
    project: requiredLink(),
    /** 1–5 each. */
    compliance: rating(),
    capacity: rating(),
    trackRecord: rating(),
    communication: rating(),
    weightedScore: number({ min: 0, max: 100 }),
    decision: select(DECISIONS),
    auditDate: date(),
    notes: text(),
    syncIssues: text(),
  },
);

export type SupplierEvaluation = ModelRecord<typeof supplierEvaluations>;

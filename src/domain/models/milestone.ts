/** Milestones: the production schedule of a PO, baseline (first commitment) vs planned vs actual. */
import { date, link, percent, requiredLink, requiredSelect, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const MILESTONE_KINDS = [
  'Tooling kickoff',
  'Sample approval',
  'Materials ready',
  'IPI',
  'Production start',
  'DUPRO',
  'Production complete',
  'PSI',
  'Booking',
  'Cargo ready',
  'Container loading',
  'ETD',
  'ETA',
  'Delivered',
  'Deposit paid',
  'Balance paid',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** Written by the checks job. */
export const MILESTONE_STATUSES = ['Planned', 'On track', 'At risk', 'Late', 'Done'] as const;
export const UPDATE_SOURCES = ['Agent', 'Supplier portal'] as const;

export const milestones = defineModel(
  'Milestones',
  {
    milestone: 'Milestone',
    po: 'PO',
    kind: 'Kind',
    baselineDate: 'Baseline date',
    plannedDate: 'Planned date',
    actualDate: 'Actual date',
    owner: 'Owner',
    progress: 'Progress %',
    notes: 'Notes',
    status: 'Status',
    updatedVia: 'Updated via',
    syncIssues: 'Sync issues',
    reviewInvite: 'Review invite',
  } as const,
  {
    milestone: requiredText(),
    po: requiredLink(),
    kind: requiredSelect(MILESTONE_KINDS),
    /** First commitment; never moved, so slips stay visible. */
    baselineDate: date(),
    plannedDate: date(),
    actualDate: date(),
    owner: link(),
    /** Fraction: 0.6 = 60 %. */
    progress: percent(),
    notes: text(),
    status: select(MILESTONE_STATUSES),
    updatedVia: select(UPDATE_SOURCES),
    syncIssues: text(),
    reviewInvite: text(),
  },
);

export type Milestone = ModelRecord<typeof milestones>;

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
/** Who set the Planned date: a person's date is a constraint the planner keeps, the plan's is recomputed each run. */
export const PLANNED_BY = ['Person', 'Plan'] as const;

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
    plannedBy: 'Planned by',
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
    /** Empty (a base from before the field, or a row typed by hand) counts as Person. */
    plannedBy: select(PLANNED_BY),
  },
);

export type Milestone = ModelRecord<typeof milestones>;

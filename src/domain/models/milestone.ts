/** Milestones: the production schedule of a PO, baseline (first commitment) vs planned vs actual. */
import { date, dateTime, link, percent, requiredLink, requiredSelect, requiredText, select, text } from './cells.ts';
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
/** A factory's proposed date: Proposed (waiting), Approved / Declined by the agent, Applied by the next run. */
export const PROPOSAL_STATUSES = ['Proposed', 'Approved', 'Declined', 'Applied'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
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
    proposedDate: 'Proposed date',
    proposalReason: 'Proposal reason',
    proposalStatus: 'Proposal status',
    proposedAt: 'Proposed at',
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
    /** A date the factory proposed in the supplier portal, waiting for the agent. */
    proposedDate: date(),
    proposalReason: text(),
    proposalStatus: select(PROPOSAL_STATUSES),
    proposedAt: dateTime(),
    syncIssues: text(),
    reviewInvite: text(),
    /** Empty (a base from before the field, or a row typed by hand) counts as Person. */
    plannedBy: select(PLANNED_BY),
  },
);

export type Milestone = ModelRecord<typeof milestones>;

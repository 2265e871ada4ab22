/**
 * Milestone kinds in lifecycle order. The kinds themselves are the Milestones model's (which match the Airtable
 * template's Kind choices); only the order differs: the template lists the deposit with the payments, the plan
 * needs it first because it is paid before tooling starts.
 */
import { MILESTONE_KINDS, type MilestoneKind } from '../models/milestone.ts';

export type { MilestoneKind };

export const MILESTONE_LIFECYCLE: readonly MilestoneKind[] = [
  'Deposit paid',
  ...MILESTONE_KINDS.filter((kind) => kind !== 'Deposit paid'),
];

/** Milestones that happen at the factory or its office, so they must land on a China working day. */
export const FACTORY_MILESTONES: ReadonlySet<MilestoneKind> = new Set<MilestoneKind>([
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
  'Deposit paid',
]);

export type MilestoneDates = Partial<Record<MilestoneKind, string>>;

export function isMilestoneKind(value: string): value is MilestoneKind {
  return (MILESTONE_KINDS as readonly string[]).includes(value);
}

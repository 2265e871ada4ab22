/**
 * The Kind choices of the Airtable Milestones table, spelled exactly as there, in lifecycle order.
 */
export const MILESTONE_KINDS = [
  'Deposit paid',
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
  'Balance paid',
] as const;

export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

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

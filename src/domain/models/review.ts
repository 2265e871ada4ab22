/** Reviews: milestone review meetings sent as calendar invites; one row per review, kept when the slot moves. */
import { dateTime, links, number, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const REVIEW_KINDS = ['After failed inspection', 'Before PSI', 'Before loading', 'Closure meeting'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_STATES = ['Invited', 'Cancelled'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const reviews = defineModel(
  'Reviews',
  {
    key: 'Key',
    kind: 'Kind',
    title: 'Title',
    po: 'PO',
    project: 'Project',
    startsAt: 'Starts at',
    endsAt: 'Ends at',
    attendees: 'Attendees',
    sequence: 'Sequence',
    sentSequence: 'Sent sequence',
    state: 'State',
    syncIssues: 'Sync issues',
  } as const,
  {
    /** Review kind + record, e.g. "before-psi:<milestone record>". */
    key: requiredText(),
    kind: select(REVIEW_KINDS),
    title: text(),
    po: links(),
    project: links(),
    startsAt: dateTime(),
    endsAt: dateTime(),
    /** One address per line. */
    attendees: text(),
    sequence: number({ integer: true, min: 0 }),
    sentSequence: number({ integer: true, min: 0 }),
    state: select(REVIEW_STATES),
    syncIssues: text(),
  },
);

export type Review = ModelRecord<typeof reviews>;

/** Calendar: the risk calendar (CN holidays and make-up working days, factory closures, blackouts, client peaks). */
import { checkbox, date, link, requiredDate, requiredSelect, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const CALENDAR_KINDS = [
  'Public holiday CN',
  'Make-up working day CN',
  'Factory closure',
  'Shipping blackout',
  'Client peak',
  'Maintenance',
] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];
export const CALENDAR_SOURCES = ['Generated', 'Manual'] as const;

export const calendar = defineModel(
  'Calendar',
  {
    name: 'Name',
    kind: 'Kind',
    start: 'Start',
    end: 'End',
    supplier: 'Supplier',
    client: 'Client',
    source: 'Source',
    estimated: 'Estimated',
    key: 'Key',
    notes: 'Notes',
    syncIssues: 'Sync issues',
  } as const,
  {
    name: requiredText(),
    kind: requiredSelect(CALENDAR_KINDS),
    start: requiredDate(),
    /** Inclusive; empty for a single day. */
    end: date(),
    /** Only this factory is affected; empty = all. */
    supplier: link(),
    /** Only this client's orders are affected; empty = all. */
    client: link(),
    source: select(CALENDAR_SOURCES),
    /** For years whose official holiday window is not announced yet. */
    estimated: checkbox(),
    /** Upsert key of generated rows, e.g. "cn-holiday:2026:spring-festival". */
    key: text(),
    notes: text(),
    syncIssues: text(),
  },
);

export type CalendarEntry = ModelRecord<typeof calendar>;

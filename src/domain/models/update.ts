/** Updates: weekly agent updates and factory news from the supplier portal. */
import { attachments, checkbox, dateTime, link, requiredDate, requiredLink, requiredText, select, text } from './cells.ts';
import { UPDATE_SOURCES } from './milestone.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const updates = defineModel(
  'Updates',
  {
    update: 'Update',
    po: 'PO',
    date: 'Date',
    source: 'Source',
    text: 'Text',
    photos: 'Photos',
    visibleToClient: 'Visible to client',
    syncIssues: 'Sync issues',
    key: 'Key',
    milestone: 'Milestone',
    inspection: 'Inspection',
    submittedBy: 'Submitted by',
    submittedAt: 'Submitted at',
    driveFiles: 'Drive files',
  } as const,
  {
    update: requiredText(),
    po: requiredLink(),
    date: requiredDate(),
    source: select(UPDATE_SOURCES),
    text: text(),
    photos: attachments(),
    visibleToClient: checkbox(),
    syncIssues: text(),
    /** Idempotency key of a supplier-portal form: one update per submission. */
    key: text(),
    milestone: link(),
    inspection: link(),
    submittedBy: text(),
    submittedAt: dateTime(),
    /** One Drive link per line. */
    driveFiles: text(),
  },
);

export type Update = ModelRecord<typeof updates>;

/** Updates: weekly agent updates and factory news from the supplier portal. */
import { attachments, checkbox, requiredDate, requiredLink, requiredText, select, text } from './cells.ts';
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
  },
);

export type Update = ModelRecord<typeof updates>;

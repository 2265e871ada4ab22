/** Client Comments: what clients wrote on their Notion pages, brought back to the agency. */
import { dateTime, link, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const COMMENT_STATUSES = ['New', 'Answered'] as const;

export const clientComments = defineModel(
  'Client Comments',
  {
    comment: 'Comment',
    project: 'Project',
    po: 'PO',
    author: 'Author',
    text: 'Text',
    writtenAt: 'Written at',
    notionCommentId: 'Notion comment ID',
    status: 'Status',
    answeredBy: 'Answered by',
    syncIssues: 'Sync issues',
  } as const,
  {
    /** First words of the comment, so the grid reads well. */
    comment: requiredText(),
    project: link(),
    po: link(),
    author: text(),
    text: text(),
    writtenAt: dateTime(),
    /** Key of the upsert: a comment is imported once. */
    notionCommentId: text(),
    status: select(COMMENT_STATUSES),
    answeredBy: link(),
    syncIssues: text(),
  },
);

export type ClientComment = ModelRecord<typeof clientComments>;

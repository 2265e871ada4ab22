/**
 * Client comments coming back from Notion: each comment not seen before becomes one Client Comments row (keyed
 * by its Notion comment ID) and one Alert for the project's agent (keyed "client-comment:<comment ID>"), so a
 * rerun, or a run after a crash half-way, never imports a comment twice. Comments by agency staff (their name is
 * a People name) are replies, not client comments, and are left out.
 */
import { alerts } from '../models/alert.ts';
import { MAX_TEXT_LENGTH } from '../models/cells.ts';
import { clientComments } from '../models/client-comment.ts';
import { firstWords } from './format.ts';
import type { PageKind } from './portal-page.ts';
import { CLIENT_COMMENT_RULE } from './project-page.ts';
import { cutText } from './rich-text.ts';

export interface PortalComment {
  id: string;
  pageId: string;
  author: string;
  text: string;
  /** ISO instant. */
  createdTime: string;
}

/** The record a commented page shows. */
export interface CommentedPage {
  kind: PageKind;
  label: string;
  projectId: string;
  poId?: string;
  agentId?: string;
}

export interface CommentImport {
  /** Client Comments rows, by field name. */
  comments: Record<string, unknown>[];
  /** Alerts rows, by field name. */
  alerts: Record<string, unknown>[];
}

export const alertKeyOf = (commentId: string) => `${CLIENT_COMMENT_RULE}:${commentId}`;

export function importComments(
  found: readonly PortalComment[],
  pages: ReadonlyMap<string, CommentedPage>,
  known: ReadonlySet<string>,
  staffNames: ReadonlySet<string>,
  now: string,
): CommentImport {
  const out: CommentImport = { comments: [], alerts: [] };
  const seen = new Set<string>();
  const cc = clientComments.fields;
  const al = alerts.fields;
  for (const comment of found) {
    const page = pages.get(comment.pageId);
    if (!page || known.has(comment.id) || seen.has(comment.id) || staffNames.has(comment.author.trim())) continue;
    seen.add(comment.id);
    const text = cutText(comment.text, MAX_TEXT_LENGTH);
    const links = { [cc.project]: [page.projectId], ...(page.poId ? { [cc.po]: [page.poId] } : {}) };
    out.comments.push({
      [cc.comment]: firstWords(comment.text) || '(empty comment)',
      ...links,
      [cc.author]: comment.author,
      [cc.text]: text,
      [cc.writtenAt]: comment.createdTime,
      [cc.notionCommentId]: comment.id,
      [cc.status]: 'New',
    });
    out.alerts.push({
      [al.key]: alertKeyOf(comment.id),
      [al.rule]: CLIENT_COMMENT_RULE,
      [al.severity]: 'Warning',
      [al.project]: [page.projectId],
      ...(page.poId ? { [al.po]: [page.poId] } : {}),
      [al.message]: `${comment.author || 'The client'} commented on ${page.label}: "${firstWords(comment.text, 200)}"`,
      ...(page.agentId ? { [al.owner]: [page.agentId] } : {}),
      [al.firstSeen]: now,
      [al.lastSeen]: now,
      [al.status]: 'Open',
    });
  }
  return out;
}

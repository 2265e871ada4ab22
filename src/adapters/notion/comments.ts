/** Comments clients wrote on a page, oldest first. https://developers.notion.com/reference/list-comments */
import type { CommentObjectResponse } from '@notionhq/client';
import type { PortalComment } from '../../domain/portal/client-comments.ts';
import type { NotionConnection } from './connection.ts';
import { portalComment } from './from-notion.ts';

// GET /v1/comments?block_id= — https://developers.notion.com/reference/list-comments
export async function listComments(connection: NotionConnection, pageId: string): Promise<PortalComment[]> {
  const out: PortalComment[] = [];
  let cursor: string | undefined;
  do {
    const response = await connection.call((c) =>
      c.comments.list({ block_id: pageId, page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) }),
    );
    for (const comment of response.results) {
      if ('rich_text' in comment) out.push(portalComment(comment as CommentObjectResponse, pageId));
    }
    cursor = response.has_more && response.next_cursor ? response.next_cursor : undefined;
  } while (cursor);
  return out;
}

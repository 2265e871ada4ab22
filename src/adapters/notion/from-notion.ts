/** Reading what the sync needs out of Notion response objects (pages, blocks, comments), tolerant of partial ones. */
import type { BlockObjectResponse, CommentObjectResponse, PageObjectResponse } from '@notionhq/client';
import type { PortalComment } from '../../domain/portal/client-comments.ts';
import type { ListedPage } from '../../domain/portal/page-identity.ts';
import type { PageFieldNames } from '../../ports/notion.ts';


type PropertyValue = PageObjectResponse['properties'][string];

function plainOf(list: readonly { plain_text: string }[]): string {
  return list.map((t) => t.plain_text).join('');
}

export function textProperty(page: PageObjectResponse, name: string): string {
  const value: PropertyValue | undefined = page.properties[name];
  if (!value) return '';
  if (value.type === 'rich_text') return plainOf(value.rich_text);
  if (value.type === 'title') return plainOf(value.title);
  return '';
}

export function titleOf(page: PageObjectResponse): string {
  const value = Object.values(page.properties).find((p) => p.type === 'title');
  return value?.type === 'title' ? plainOf(value.title) : '';
}

export function selectProperty(page: PageObjectResponse, name: string): string | null {
  const value: PropertyValue | undefined = page.properties[name];
  return value?.type === 'select' ? (value.select?.name ?? null) : null;
}

export function isFullPageObject(result: unknown): result is PageObjectResponse {
  return typeof result === 'object' && result !== null && (result as { object?: unknown }).object === 'page' && 'properties' in result;
}

export function existingPage(page: PageObjectResponse, names: PageFieldNames): ListedPage {
  return {
    createdBy: page.created_by.id,
    pageId: page.id,
    url: page.url,
    title: titleOf(page),
    airtableId: textProperty(page, names.airtableId).trim(),
    syncHash: textProperty(page, names.syncHash).trim(),
    clientApproval: names.clientApproval ? selectProperty(page, names.clientApproval) : null,
  };
}

/** The plain text of a heading block, or undefined for any other block. */
export function headingText(block: BlockObjectResponse): string | undefined {
  if (block.type === 'heading_1') return plainOf(block.heading_1.rich_text);
  if (block.type === 'heading_2') return plainOf(block.heading_2.rich_text);
  if (block.type === 'heading_3') return plainOf(block.heading_3.rich_text);
  return undefined;
}

export function portalComment(comment: CommentObjectResponse, pageId: string): PortalComment {
  const named = (comment as { display_name?: { resolved_name?: string } }).display_name?.resolved_name;
  return {
    id: comment.id,
    pageId,
    author: named ?? '',
    text: plainOf(comment.rich_text),
    createdTime: new Date(comment.created_time).toISOString(),
  };
}

/**
 * Pages of the portal databases: list (query in pages of 100), find one, create with its body, update properties,
 * trash and restore. https://developers.notion.com/reference/query-a-data-source, /post-page, /patch-page,
 * /retrieve-a-page
 */
import type { PageObjectResponse } from '@notionhq/client';
import type { ListedPage } from '../../domain/portal/page-identity.ts';
import type { PortalProperties } from '../../domain/portal/page-values.ts';
import { NotionRefusedError, type FoundPage, type NewPage, type PageFieldNames } from '../../ports/notion.ts';
import { chunkBlocks } from './chunks.ts';
import type { NotionConnection } from './connection.ts';
import { existingPage, isFullPageObject } from './from-notion.ts';
import { sectionBlocks } from './sections.ts';
import { propertyRequests } from './to-notion.ts';

const PAGE_SIZE = 100;

// POST /v1/data_sources/{id}/query — https://developers.notion.com/reference/query-a-data-source
export async function listPages(connection: NotionConnection, dataSourceId: string): Promise<PageObjectResponse[]> {
  const pages: PageObjectResponse[] = [];
  let cursor: string | undefined;
  do {
    const response = await connection.call((c) =>
      c.dataSources.query({
        data_source_id: dataSourceId,
        page_size: PAGE_SIZE,
        sorts: [{ timestamp: 'created_time', direction: 'ascending' }],
        ...(cursor ? { start_cursor: cursor } : {}),
      }),
    );
    // Deciding what to archive needs every page; a capped answer must stop the portal, not thin it out.
    const status = (response as { request_status?: { type?: string } }).request_status;
    if (status?.type === 'incomplete') {
      throw new NotionRefusedError(
        'query_result_limit_reached',
        200,
        `Notion answered only part of data source ${dataSourceId} (over its query row limit); its pages were left as they are`,
      );
    }
    for (const result of response.results) if (isFullPageObject(result)) pages.push(result);
    cursor = response.has_more && response.next_cursor ? response.next_cursor : undefined;
  } while (cursor);
  return pages;
}

export function toExisting(pages: readonly PageObjectResponse[], names: PageFieldNames): ListedPage[] {
  return pages.map((p) => existingPage(p, names));
}

// GET /v1/pages/{id} — https://developers.notion.com/reference/retrieve-a-page
export async function findPage(connection: NotionConnection, pageId: string, names: PageFieldNames): Promise<FoundPage | undefined> {
  try {
    const page = await connection.call((c) => c.pages.retrieve({ page_id: pageId }));
    if (!isFullPageObject(page)) return undefined;
    const dataSourceId = page.parent.type === 'data_source_id' ? page.parent.data_source_id : undefined;
    return { ...existingPage(page, names), inTrash: page.in_trash, ...(dataSourceId ? { dataSourceId } : {}) };
  } catch (error) {
    if (error instanceof NotionRefusedError && (error.code === 'object_not_found' || error.code === 'validation_error')) return undefined;
    throw error;
  }
}

// POST /v1/pages — https://developers.notion.com/reference/post-page
export async function createPage(connection: NotionConnection, dataSourceId: string, page: NewPage): Promise<PageObjectResponse> {
  const [first = [], ...rest] = chunkBlocks(sectionBlocks(page.sections));
  const created = await connection.call((c) =>
    c.pages.create({ parent: { data_source_id: dataSourceId }, properties: propertyRequests(page.properties), children: first }),
  );
  if (!isFullPageObject(created)) throw new Error(`Notion answered a partial page for a new page of data source ${dataSourceId}`);
  // A body too big for one request continues at the end of the new page.
  for (const chunk of rest) await connection.call((c) => c.blocks.children.append({ block_id: created.id, children: chunk }));
  return created;
}

// PATCH /v1/pages/{id} — https://developers.notion.com/reference/patch-page
export async function updateProperties(connection: NotionConnection, pageId: string, properties: PortalProperties): Promise<void> {
  await connection.call((c) => c.pages.update({ page_id: pageId, properties: propertyRequests(properties) }));
}

export async function setTrashed(connection: NotionConnection, pageId: string, inTrash: boolean): Promise<void> {
  await connection.call((c) => c.pages.update({ page_id: pageId, in_trash: inTrash }));
}

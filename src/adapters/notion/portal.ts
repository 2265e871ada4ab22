/**
 * The page tree of the client portals: a root page, one portal page per client under it, and in each portal a
 * Projects and a Purchase Orders database. Portals are found by the page the Clients row links to, then by title
 * (a run that stopped before writing the link back), and created only when neither exists.
 * https://developers.notion.com/reference/post-page, /create-a-database, /retrieve-a-database, /update-a-data-source
 */
import type { PageObjectResponse } from '@notionhq/client';
import { pageIdFromUrl, sameNotionId } from '../../domain/portal/notion-ids.ts';
import type { DatabaseKey, PortalDatabaseLayout } from '../../domain/portal/portal-layout.ts';
import { plain } from '../../domain/portal/rich-text.ts';
import { NotionRefusedError, type EnsurePortalInput, type EnsuredPortal, type PortalPageRef } from '../../ports/notion.ts';
import type { NotionConnection } from './connection.ts';
import { listTopLevelBlocks } from './sections.ts';
import { richTextRequest, schemaRequest, schemaRequests } from './to-notion.ts';

const titleProperty = (title: string) => ({ title: { title: richTextRequest(plain(title)) } });

/** Which layout each data source follows, to add properties a hand edit removed. */
export type LayoutRegistry = Map<string, { layout: PortalDatabaseLayout; dataSources: Record<DatabaseKey, string> }>;

// POST /v1/search — https://developers.notion.com/reference/post-search
export async function ensureRootPage(connection: NotionConnection, title: string): Promise<string> {
  let cursor: string | undefined;
  do {
    const response = await connection.call((c) =>
      c.search({ query: title, filter: { property: 'object', value: 'page' }, page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) }),
    );
    for (const result of response.results) {
      const page = result as PageObjectResponse;
      if (page.object !== 'page' || page.in_trash || page.parent.type !== 'workspace') continue;
      const value = Object.values(page.properties).find((p) => p.type === 'title');
      if (value?.type === 'title' && value.title.map((t) => t.plain_text).join('') === title) return page.id;
    }
    cursor = response.has_more && response.next_cursor ? response.next_cursor : undefined;
  } while (cursor);
  const created = await connection.call((c) => c.pages.create({ parent: { workspace: true }, properties: titleProperty(title) }));
  return created.id;
}

// GET /v1/blocks/{id}/children — https://developers.notion.com/reference/get-block-children
export async function listPortalPages(connection: NotionConnection, rootPageId: string): Promise<PortalPageRef[]> {
  const blocks = await listTopLevelBlocks(connection, rootPageId);
  return blocks.flatMap((b) => (b.type === 'child_page' && !b.in_trash ? [{ pageId: b.id, title: b.child_page.title }] : []));
}

export async function ensurePortal(connection: NotionConnection, registry: LayoutRegistry, input: EnsurePortalInput): Promise<EnsuredPortal> {
  const created: string[] = [];
  let renamed = false;
  const knownId = pageIdFromUrl(input.knownUrl);
  const found = input.rootChildren.find((p) => sameNotionId(p.pageId, knownId)) ?? input.rootChildren.find((p) => p.title === input.title);
  let pageId: string;
  let url: string;
  if (!found) {
    const page = (await connection.call((c) =>
      c.pages.create({ parent: { page_id: input.rootPageId }, properties: titleProperty(input.title) }),
    )) as PageObjectResponse;
    pageId = page.id;
    url = page.url;
    created.push('portal page');
  } else {
    pageId = found.pageId;
    if (found.title !== input.title) {
      await connection.call((c) => c.pages.update({ page_id: pageId, properties: titleProperty(input.title) }));
      renamed = true;
    }
    // The Clients row already links to it; otherwise (found by title) its URL is read once.
    url = input.knownUrl && sameNotionId(knownId, pageId)
      ? input.knownUrl
      : ((await connection.call((c) => c.pages.retrieve({ page_id: pageId }))) as PageObjectResponse).url;
  }

  const childDatabases = created.length > 0 ? [] : (await listTopLevelBlocks(connection, pageId)).flatMap((b) =>
    b.type === 'child_database' && !b.in_trash ? [{ id: b.id, title: b.child_database.title }] : [],
  );
  const dataSources = {} as Record<DatabaseKey, string>;
  for (const layout of input.databases) {
    const existing = childDatabases.find((d) => d.title === layout.title);
    if (existing) {
      const database = await connection.call((c) => c.databases.retrieve({ database_id: existing.id }));
      const source = 'data_sources' in database ? database.data_sources[0] : undefined;
      if (source) {
        dataSources[layout.key] = source.id;
        continue;
      }
    }
    const database = await connection.call((c) =>
      c.databases.create({
        parent: { type: 'page_id', page_id: pageId },
        title: richTextRequest(plain(layout.title)),
        initial_data_source: { properties: schemaRequests(layout.properties, (key) => dataSources[key]) },
      }),
    );
    const source = 'data_sources' in database ? database.data_sources[0] : undefined;
    if (!source) throw new Error(`Notion created the ${layout.title} database of "${input.title}" without a data source`);
    dataSources[layout.key] = source.id;
    created.push(`${layout.title} database`);
  }
  for (const layout of input.databases) registry.set(dataSources[layout.key], { layout, dataSources });
  return { pageId, url, dataSources, created, renamed };
}

/**
 * Adds properties of the layout that the data source lacks (someone deleted one by hand, or the layout grew).
 * Called when Notion answers "X is not a property that exists." for a write.
 */
// GET/PATCH /v1/data_sources/{id} — https://developers.notion.com/reference/update-a-data-source
export async function repairSchema(connection: NotionConnection, registry: LayoutRegistry, dataSourceId: string): Promise<boolean> {
  const entry = registry.get(dataSourceId);
  if (!entry) return false;
  const current = await connection.call((c) => c.dataSources.retrieve({ data_source_id: dataSourceId }));
  const names = new Set(Object.keys('properties' in current ? current.properties : {}));
  const missing = Object.entries(entry.layout.properties).filter(([name]) => !names.has(name));
  if (missing.length === 0) return false;
  const properties = Object.fromEntries(missing.map(([name, kind]) => [name, schemaRequest(kind, (key) => entry.dataSources[key])]));
  await connection.call((c) => c.dataSources.update({ data_source_id: dataSourceId, properties: properties as never }));
  return true;
}

export function isMissingProperty(error: unknown): boolean {
  return error instanceof NotionRefusedError && error.code === 'validation_error' && /is not a property that exists/.test(error.message);
}

/**
 * Removes properties from a data source (a portal built by a version before issue 10 carried "Airtable ID" and
 * "Sync hash"). Pages, their IDs and comments stay; only the columns go. Absent names are skipped.
 */
// GET/PATCH /v1/data_sources/{id} — https://developers.notion.com/reference/update-a-data-source ("null" removes)
export async function removeProperties(connection: NotionConnection, dataSourceId: string, names: readonly string[]): Promise<boolean> {
  const current = await connection.call((c) => c.dataSources.retrieve({ data_source_id: dataSourceId }));
  const present = new Set(Object.keys('properties' in current ? current.properties : {}));
  const gone = names.filter((name) => present.has(name));
  if (gone.length === 0) return false;
  await connection.call((c) => c.dataSources.update({ data_source_id: dataSourceId, properties: Object.fromEntries(gone.map((n) => [n, null])) as never }));
  return true;
}

// GET /v1/users/me — https://developers.notion.com/reference/get-self
export async function integrationUserId(connection: NotionConnection): Promise<string> {
  const me = await connection.call((c) => c.users.me({}));
  return me.id;
}

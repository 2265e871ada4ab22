/**
 * The Notion adapter: NotionPortalPort over @notionhq/client. One connection (rate gate, counting fetch) behind
 * every call. Writes that hit a property missing from a portal database add it from the layout and try again.
 */
import type { NotionPortalPort } from '../../ports/notion.ts';
import { listComments } from './comments.ts';
import { NotionConnection, type NotionConnectionOptions } from './connection.ts';
import { createPage, findPage, listPages, setTrashed, toExisting, updateProperties } from './pages.ts';
import { ensurePortal, ensureRootPage, integrationUserId, isMissingProperty, listPortalPages, removeProperties, repairSchema, type LayoutRegistry } from './portal.ts';
import { headingText } from './from-notion.ts';
import { appendAfter, listTopLevelBlocks, replaceSections, sectionBlocks } from './sections.ts';

export { isNotionRead, operationOf } from './connection.ts';
export type { NotionConnectionOptions } from './connection.ts';

export function createNotionAdapter(options: NotionConnectionOptions): NotionPortalPort {
  const connection = new NotionConnection(options);
  const registry: LayoutRegistry = new Map();
  const dataSourceOfPage = new Map<string, string>();
  let me: Promise<string> | undefined;

  /** Runs a write; when Notion says a property does not exist, repairs the schema once and retries. */
  async function withSchemaRepair<T>(dataSourceId: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!dataSourceId || !isMissingProperty(error) || !(await repairSchema(connection, registry, dataSourceId))) throw error;
      return write();
    }
  }

  return {
    ensureRootPage: (title) => ensureRootPage(connection, title),
    listPortalPages: (rootPageId) => listPortalPages(connection, rootPageId),
    ensurePortal: (input) => ensurePortal(connection, registry, input),
    async listPages(dataSourceId, names) {
      const pages = await listPages(connection, dataSourceId);
      for (const page of pages) dataSourceOfPage.set(page.id, dataSourceId);
      return toExisting(pages, names);
    },
    async findPage(pageId, names) {
      const found = await findPage(connection, pageId, names);
      if (found?.dataSourceId) dataSourceOfPage.set(found.pageId, found.dataSourceId);
      return found;
    },
    integrationUserId() {
      me ??= integrationUserId(connection);
      me.catch(() => (me = undefined));
      return me;
    },
    removeProperties: (dataSourceId, names) => removeProperties(connection, dataSourceId, names),
    restorePage: (pageId) => setTrashed(connection, pageId, false),
    async createPage(dataSourceId, page) {
      const created = await withSchemaRepair(dataSourceId, () => createPage(connection, dataSourceId, page));
      dataSourceOfPage.set(created.id, dataSourceId);
      return { pageId: created.id, url: created.url };
    },
    async updatePage(pageId, change) {
      const counts = change.sections && change.sections.length > 0
        ? await replaceSections(connection, pageId, change.sections, change.layout)
        : { blocksDeleted: 0, blocksAppended: 0 };
      const properties = change.properties;
      if (properties) await withSchemaRepair(dataSourceOfPage.get(pageId), () => updateProperties(connection, pageId, properties));
      return counts;
    },
    archivePage: (pageId) => setTrashed(connection, pageId, true),
    listComments: (pageId) => listComments(connection, pageId),
    async prependSection(pageId, section) {
      const blocks = await listTopLevelBlocks(connection, pageId);
      if (blocks.some((b) => headingText(b)?.trim() === section.title.trim())) return false;
      await appendAfter(connection, pageId, undefined, sectionBlocks([section]));
      return true;
    },
  };
}

/**
 * Shared setup for the portal sync tests: a local workspace with the PO base provisioned from the template and the
 * sample agency loaded (through the existing jobs), the adapters as the CLI builds them, and helpers to read the
 * control plane's request log.
 */
import { Client } from '@notionhq/client';
import { createAirtableAdapters } from '../../../src/adapters/airtable/index.ts';
import { createNotionAdapter } from '../../../src/adapters/notion/index.ts';
import { loadSampleRows, loadTemplateTables } from '../../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../../src/jobs/setup-workspace.ts';
import { syncPortals, type SyncPortalsInput } from '../../../src/jobs/sync-portals.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import type { LoggedRequest } from '../../../src/local/request-log.ts';
import type { AirtableRecordsPort } from '../../../src/ports/airtable.ts';
import type { NotionPortalPort } from '../../../src/ports/notion.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

export const TODAY = '2027-03-01';
export const NOW = new Date(`${TODAY}T09:00:00Z`);

export interface PortalKit {
  ws: TestWorkspace;
  counter: RequestCounter;
  records: AirtableRecordsPort;
  notion: NotionPortalPort;
  /** The SDK as a client (or a person in Notion) would use it, for comments, approvals and tree walks. */
  sdk: Client;
  rootPageId: string;
  baseId: string;
  sync(input?: Partial<SyncPortalsInput>): ReturnType<typeof syncPortals>;
  /** API requests logged since `seq` (control plane), per service. */
  requestsSince(seq: number): Promise<LoggedRequest[]>;
  lastSeq(): Promise<number>;
  /** Record ID of the row whose primary field is `name`. */
  idOf(table: string, field: string, value: string): Promise<string>;
}

export async function startPortalKit(): Promise<PortalKit> {
  const ws = await startTestWorkspace();
  const counter = new RequestCounter();
  const airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 1000, penaltyMs: 50 });
  const setup = await setupWorkspace(
    { meta: airtable.meta, records: airtable.records, counter, now: () => NOW },
    { baseName: 'Portal sync test', workspaceId: 'wspTest0000000000', tables: loadTemplateTables(), rows: loadSampleRows(TODAY) },
  );
  if (!setup.ok) throw new Error(`setup failed: ${setup.problems.join('; ')}`);
  const records = airtable.records(setup.details.baseId);
  const notion = createNotionAdapter({
    baseUrl: ws.url,
    auth: ws.token,
    counter,
    requestsPerSecond: 1000,
    penaltyMs: 20,
    retry: { maxRetries: 2, initialRetryDelayMs: 10, maxRetryDelayMs: 2000 },
  });
  const rootPageId = await notion.ensureRootPage('Client portals');
  const sdk = new Client({ auth: ws.token, baseUrl: ws.url, logger: () => {} });
  return {
    ws,
    counter,
    records,
    notion,
    sdk,
    rootPageId,
    baseId: setup.details.baseId,
    sync: (input = {}) => syncPortals({ airtable: records, notion, counter, now: () => NOW }, { rootPageId, today: TODAY, ...input }),
    async requestsSince(seq) {
      const log = (await ws.control('GET', `/requests?since=${seq}`)) as { requests: LoggedRequest[] };
      return log.requests.filter((r) => r.service === 'airtable' || r.service === 'notion');
    },
    async lastSeq() {
      return ((await ws.control('GET', '/requests?since=999999999')) as { lastSeq: number }).lastSeq;
    },
    async idOf(table, field, value) {
      const found = await records.list(table, { matchAny: [{ field, equals: value }] });
      const id = found[0]?.id;
      if (!id) throw new Error(`${table}: no row with ${field} = ${value}`);
      return id;
    },
  };
}

/** A request that changes something: everything but GETs, Notion queries/searches and Airtable listRecords posts. */
export function isWrite(r: LoggedRequest): boolean {
  if (r.method === 'GET') return false;
  if (r.service === 'notion' && r.method === 'POST' && (/\/query$/.test(r.path) || r.path === '/v1/search')) return false;
  if (r.service === 'airtable' && r.method === 'POST' && /\/listRecords$/.test(r.path)) return false;
  return true;
}

type AnyBlock = { id: string; type: string; has_children: boolean; [key: string]: unknown };

/** Every block under a block or page (all levels), as the SDK lists them. */
export async function blockTree(sdk: Client, blockId: string): Promise<AnyBlock[]> {
  const out: AnyBlock[] = [];
  let cursor: string | undefined;
  do {
    const page = await sdk.blocks.children.list({ block_id: blockId, ...(cursor ? { start_cursor: cursor } : {}) });
    for (const block of page.results as AnyBlock[]) {
      out.push(block);
      if (block.has_children && block.type !== 'child_page' && block.type !== 'child_database') out.push(...(await blockTree(sdk, block.id)));
    }
    cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
  } while (cursor);
  return out;
}

/** The plain text of a block (rich text, table cells, titles). */
export function blockText(block: AnyBlock): string {
  const content = block[block.type] as { rich_text?: { plain_text: string }[]; cells?: { plain_text: string }[][]; title?: string } | undefined;
  if (content?.rich_text) return content.rich_text.map((t) => t.plain_text).join('');
  if (content?.cells) return content.cells.map((c) => c.map((t) => t.plain_text).join('')).join(' | ');
  return content?.title ?? '';
}

export interface PageRow {
  id: string;
  url: string;
  in_trash: boolean;
  properties: Record<string, { type: string; [key: string]: unknown }>;
}

/** Text of a title / rich text property, a select's name, a date's start. */
export function prop(page: PageRow, name: string): string | null {
  const value = page.properties[name];
  if (!value) return null;
  const inner = value[value.type] as unknown;
  if (Array.isArray(inner)) return inner.map((t: { plain_text?: string; id?: string }) => t.plain_text ?? t.id ?? '').join('');
  if (inner && typeof inner === 'object') return String((inner as { name?: string; start?: string }).name ?? (inner as { start?: string }).start ?? '');
  return inner === null || inner === undefined ? null : String(inner);
}

/** Pages of a data source, live ones (or those in the trash). */
export async function rowsOf(sdk: Client, dataSourceId: string, inTrash = false): Promise<PageRow[]> {
  const rows: PageRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await sdk.dataSources.query({ data_source_id: dataSourceId, in_trash: inTrash, ...(cursor ? { start_cursor: cursor } : {}) });
    rows.push(...(page.results as unknown as PageRow[]));
    cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
  } while (cursor);
  return rows;
}

export interface PortalTree {
  pageId: string;
  title: string;
  /** Database title → its data source ID. */
  dataSources: Record<string, string>;
}

/** The portals under the root, each with the data sources of its databases, walked with the SDK. */
export async function portalsUnder(sdk: Client, rootPageId: string): Promise<PortalTree[]> {
  const portals: PortalTree[] = [];
  for (const child of await blockTree(sdk, rootPageId)) {
    if (child.type !== 'child_page') continue;
    const dataSources: Record<string, string> = {};
    for (const block of await blockTree(sdk, child.id)) {
      if (block.type !== 'child_database') continue;
      const database = await sdk.databases.retrieve({ database_id: block.id });
      const source = 'data_sources' in database ? database.data_sources[0] : undefined;
      if (source) dataSources[blockText(block)] = source.id;
    }
    portals.push({ pageId: child.id, title: blockText(child), dataSources });
  }
  return portals;
}

/** The page a record links to through its "Notion page" field. */
export async function pageOfRecord(kit: PortalKit, table: string, field: string, value: string): Promise<PageRow> {
  const [record] = await kit.records.list(table, { matchAny: [{ field, equals: value }] });
  const url = record?.fields['Notion page'];
  if (typeof url !== 'string') throw new Error(`${table} ${value} has no Notion page`);
  const id = url.split('/').pop() ?? '';
  return (await kit.sdk.pages.retrieve({ page_id: id })) as unknown as PageRow;
}

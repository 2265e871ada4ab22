import { Client } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotionAdapter } from '../../../src/adapters/notion/index.ts';
import { bullet, paragraph, table } from '../../../src/domain/portal/blocks.ts';
import { richText, title } from '../../../src/domain/portal/page-values.ts';
import { PO_SECTIONS, PORTAL_DATABASES, SYSTEM_PROPS } from '../../../src/domain/portal/portal-layout.ts';
import { TRUNCATION_MARKER } from '../../../src/domain/portal/notion-limits.ts';
import { plain } from '../../../src/domain/portal/rich-text.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import { NotionRefusedError, type NotionPortalPort, type SectionContent } from '../../../src/ports/notion.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

const NAMES = { airtableId: SYSTEM_PROPS.airtableId, syncHash: SYSTEM_PROPS.syncHash };
type Block = { id: string; type: string; has_children: boolean; [key: string]: unknown };

describe('Notion adapter against the local workspace', () => {
  let ws: TestWorkspace;
  let counter: RequestCounter;
  let notion: NotionPortalPort;
  let sdk: Client;
  let root: string;

  beforeEach(async () => {
    ws = await startTestWorkspace();
    counter = new RequestCounter();
    notion = createNotionAdapter({ baseUrl: ws.url, auth: ws.token, counter, requestsPerSecond: 1000, penaltyMs: 20, retry: { maxRetries: 2, initialRetryDelayMs: 10, maxRetryDelayMs: 2000 } });
    sdk = new Client({ auth: ws.token, baseUrl: ws.url, logger: () => {} });
    root = await notion.ensureRootPage('Client portals');
  });
  afterEach(async () => {
    await ws.close();
  });

  async function portal(name = 'Acme') {
    return notion.ensurePortal({ rootPageId: root, title: `${name} · Sourcing portal`, rootChildren: await notion.listPortalPages(root), databases: PORTAL_DATABASES });
  }

  async function children(id: string): Promise<Block[]> {
    const out: Block[] = [];
    let cursor: string | undefined;
    do {
      const page = await sdk.blocks.children.list({ block_id: id, ...(cursor ? { start_cursor: cursor } : {}) });
      out.push(...(page.results as Block[]));
      cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
    } while (cursor);
    return out;
  }
  const textOf = (b: Block) => ((b[b.type] as { rich_text?: { plain_text: string }[] }).rich_text ?? []).map((t) => t.plain_text).join('');

  it('counts every HTTP request, the SDK\'s own 429 retries included, and waits out Retry-After', async () => {
    await ws.control('POST', '/faults', { service: 'notion', status: 429, count: 1, retryAfterMs: 10 });
    const pages = await notion.listPortalPages(root);
    expect(pages).toEqual([]);
    expect(counter.snapshot()['notion']?.byOperation).toMatchObject({ 'blocks.children.list': 2, 'rate-limited': 1 });
  });

  it('keeps its own pace below the configured rate', async () => {
    const slow = createNotionAdapter({ baseUrl: ws.url, auth: ws.token, counter: new RequestCounter(), requestsPerSecond: 10 });
    const started = Date.now();
    for (let i = 0; i < 6; i += 1) await slow.listPortalPages(root);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('creates a portal once: a second call finds it by its URL, or by title, and renames it when the client is renamed', async () => {
    const first = await portal();
    expect(first.created).toEqual(['portal page', 'Projects database', 'Purchase Orders database']);
    const again = await notion.ensurePortal({ rootPageId: root, title: 'Acme · Sourcing portal', knownUrl: first.url, rootChildren: await notion.listPortalPages(root), databases: PORTAL_DATABASES });
    expect(again).toMatchObject({ pageId: first.pageId, created: [], renamed: false, dataSources: first.dataSources });
    const byTitle = await portal();
    expect(byTitle).toMatchObject({ pageId: first.pageId, created: [], url: first.url });
    const renamed = await notion.ensurePortal({ rootPageId: root, title: 'Acme Corp · Sourcing portal', knownUrl: first.url, rootChildren: await notion.listPortalPages(root), databases: PORTAL_DATABASES });
    expect(renamed).toMatchObject({ pageId: first.pageId, renamed: true, created: [] });
    expect((await notion.listPortalPages(root)).map((p) => p.title)).toEqual(['Acme Corp · Sourcing portal']);
  });

  it('pages through every page of a data source, 100 at a time', async () => {
    const { dataSources } = await portal();
    for (let i = 0; i < 230; i += 1) {
      await sdk.pages.create({
        parent: { data_source_id: dataSources.projects },
        properties: { Name: { title: [{ text: { content: `P${i}` } }] } },
      });
    }
    const before = counter.snapshot()['notion']?.byOperation['dataSources.query'] ?? 0;
    const pages = await notion.listPages(dataSources.projects, NAMES);
    expect(pages).toHaveLength(230);
    expect(new Set(pages.map((p) => p.title)).size).toBe(230);
    expect((counter.snapshot()['notion']?.byOperation['dataSources.query'] ?? 0) - before).toBe(3);
  });

  it('writes a body over Notion\'s limits (long text, 150 table rows, 150 blocks) without a validation error', async () => {
    const { dataSources } = await portal();
    const long = 'Ω'.repeat(5000);
    const sections: SectionContent[] = [
      { key: 'summary', title: 'Summary', blocks: [paragraph(plain(long))] },
      { key: 'milestones', title: 'Milestones', blocks: [table(['A', 'B'], Array.from({ length: 150 }, (_, i) => [plain(`m${i}`), plain('x'.repeat(2500))]))] },
      { key: 'updates', title: 'Latest updates', blocks: Array.from({ length: 150 }, (_, i) => bullet(plain(`update ${i}`))) },
    ];
    const created = await notion.createPage(dataSources.purchaseOrders, { properties: { 'PO number': title(plain('PO-1')) }, sections });
    const body = await children(created.pageId);
    expect(body).toHaveLength(1 + 1 + 1 + 1 + 1 + 150);
    const para = body[1] as Block;
    expect((para['paragraph'] as { rich_text: unknown[] }).rich_text).toHaveLength(3);
    expect(textOf(para)).toBe(long);
    const rows = await children((body[3] as Block).id);
    expect(rows).toHaveLength(100);
    const cells = (rows[1]?.['table_row'] as { cells: { plain_text: string }[][] }).cells;
    expect(cells[1]?.map((t) => t.plain_text).join('').endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(counter.snapshot()['notion']?.byOperation['blocks.children.append']).toBe(1);
  });

  it('rewrites only the given sections, and puts a missing section back in its place', async () => {
    const { dataSources } = await portal();
    const section = (key: string, text: string): SectionContent => ({ ...(PO_SECTIONS.find((s) => s.key === key) as { key: string; title: string }), blocks: [paragraph(plain(text))] });
    const created = await notion.createPage(dataSources.purchaseOrders, {
      properties: { 'PO number': title(plain('PO-2')) },
      sections: [section('summary', 'sum'), section('milestones', 'ms v1'), section('documents', 'docs')],
    });
    const before = await children(created.pageId);
    const counts = await notion.updatePage(created.pageId, { sections: [section('milestones', 'ms v2'), section('inspections', 'insp')], layout: PO_SECTIONS });
    expect(counts).toEqual({ blocksDeleted: 1, blocksAppended: 3 });
    const after = await children(created.pageId);
    expect(after.map((b) => textOf(b))).toEqual(['Summary', 'sum', 'Milestones', 'ms v2', 'Inspections', 'insp', 'Documents', 'docs']);
    const kept = (text: string) => after.find((b) => textOf(b) === text)?.id === before.find((b) => textOf(b) === text)?.id;
    expect(['Summary', 'sum', 'Milestones', 'Documents', 'docs'].every(kept)).toBe(true);
  });

  it('adds a property someone deleted from a portal database, then writes', async () => {
    const { dataSources } = await portal();
    await sdk.dataSources.update({ data_source_id: dataSources.purchaseOrders, properties: { Documents: null } });
    const created = await notion.createPage(dataSources.purchaseOrders, { properties: { 'PO number': title(plain('PO-3')), Documents: richText(plain('CI.pdf')) }, sections: [] });
    const page = (await sdk.pages.retrieve({ page_id: created.pageId })) as { properties: Record<string, { type: string; rich_text?: { plain_text: string }[] }> };
    expect(page.properties['Documents']?.rich_text?.map((t) => t.plain_text).join('')).toBe('CI.pdf');
    expect(counter.snapshot()['notion']?.byOperation['dataSources.update']).toBe(1);
  });

  it('removes the bookkeeping columns of an old portal, keeping its pages; names the integration\'s user', async () => {
    const { dataSources } = await portal();
    await sdk.dataSources.update({ data_source_id: dataSources.purchaseOrders, properties: { 'Airtable ID': { rich_text: {} }, 'Sync hash': { rich_text: {} } } });
    const created = await notion.createPage(dataSources.purchaseOrders, { properties: { 'PO number': title(plain('PO-4')), 'Airtable ID': richText(plain('recAAAAAAAAAAAAAA')), 'Sync hash': richText(plain('v1 p=abc')) }, sections: [] });
    expect((await notion.listPages(dataSources.purchaseOrders, NAMES))[0]).toMatchObject({ pageId: created.pageId, airtableId: 'recAAAAAAAAAAAAAA', syncHash: 'v1 p=abc' });
    expect(await notion.removeProperties(dataSources.purchaseOrders, ['Airtable ID', 'Sync hash'])).toBe(true);
    expect(await notion.removeProperties(dataSources.purchaseOrders, ['Airtable ID', 'Sync hash'])).toBe(false);
    const [page] = await notion.listPages(dataSources.purchaseOrders, NAMES);
    expect(page).toMatchObject({ pageId: created.pageId, airtableId: '', syncHash: '', createdBy: await notion.integrationUserId() });
  });

  it('archives into the trash and restores, never deletes', async () => {
    const { dataSources } = await portal();
    const created = await notion.createPage(dataSources.projects, { properties: { Name: title(plain('P')) }, sections: [] });
    await notion.archivePage(created.pageId);
    expect(await notion.listPages(dataSources.projects, NAMES)).toEqual([]);
    expect(await notion.findPage(created.pageId, NAMES)).toMatchObject({ inTrash: true, title: 'P', dataSourceId: dataSources.projects });
    await notion.restorePage(created.pageId);
    expect((await notion.listPages(dataSources.projects, NAMES)).map((p) => p.pageId)).toEqual([created.pageId]);
    expect(await notion.findPage('00000000-0000-4000-8000-000000000000', NAMES)).toBeUndefined();
  });

  it('reads comments with their author and turns Notion\'s refusals into NotionRefusedError', async () => {
    const { dataSources } = await portal();
    const created = await notion.createPage(dataSources.projects, { properties: { Name: title(plain('P')) }, sections: [] });
    await sdk.comments.create({ parent: { page_id: created.pageId }, rich_text: [{ text: { content: 'Looks good' } }], display_name: { type: 'custom', custom: { name: 'Olivia Tran' } } });
    expect(await notion.listComments(created.pageId)).toEqual([expect.objectContaining({ pageId: created.pageId, author: 'Olivia Tran', text: 'Looks good' })]);
    const refused = await notion.createPage('00000000-0000-4000-8000-000000000000', { properties: {}, sections: [] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotionRefusedError);
    expect(refused).toMatchObject({ code: 'object_not_found', status: 404 });
  });
});

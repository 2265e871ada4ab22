import { collectPaginatedAPI, type CommentObjectResponse } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, createPo, createPortal, startNotion, text, titleOf, type NotionKit, type Portal } from './notion-kit.ts';

describe('Notion comments and search', () => {
  let kit: NotionKit;
  let portal: Portal;
  beforeEach(async () => {
    kit = await startNotion();
    portal = await createPortal(kit.notion);
  });
  afterEach(async () => {
    await kit.ws.close();
  });

  it('creates page comments and replies, and lists them oldest first with pagination', async () => {
    const po = await createPo(kit.notion, portal, 'PO-1');
    const first = (await kit.notion.comments.create({
      parent: { page_id: po.id },
      rich_text: text('Can we move the PSI to Friday?'),
      display_name: { type: 'custom', custom: { name: 'Client buyer' } },
    })) as CommentObjectResponse;
    expect(first).toMatchObject({
      object: 'comment',
      parent: { type: 'page_id', page_id: po.id },
      discussion_id: expect.any(String),
      rich_text: [{ plain_text: 'Can we move the PSI to Friday?' }],
      display_name: { type: 'custom', resolved_name: 'Client buyer' },
    });
    const reply = (await kit.notion.comments.create({ discussion_id: first.discussion_id, rich_text: text('Yes, booked.') })) as CommentObjectResponse;
    expect(reply.discussion_id).toBe(first.discussion_id);
    expect(reply.parent).toEqual({ type: 'page_id', page_id: po.id });
    for (let i = 0; i < 3; i += 1) await kit.notion.comments.create({ parent: { page_id: po.id }, rich_text: text(`note ${i}`) });
    const page1 = await kit.notion.comments.list({ block_id: po.id, page_size: 2 });
    expect(page1).toMatchObject({ object: 'list', type: 'comment', has_more: true });
    const all = await collectPaginatedAPI(kit.notion.comments.list, { block_id: po.id.replace(/-/g, ''), page_size: 2 });
    expect(all.map((c) => c.rich_text.map((t) => t.plain_text).join(''))).toEqual([
      'Can we move the PSI to Friday?', 'Yes, booked.', 'note 0', 'note 1', 'note 2',
    ]);
    expect(await kit.notion.comments.retrieve({ comment_id: reply.id })).toMatchObject({ id: reply.id });
  });

  it('comments on a block and refuses an unknown parent', async () => {
    const po = await createPo(kit.notion, portal, 'PO-1');
    const [block] = (await kit.notion.blocks.children.append({ block_id: po.id, children: [{ paragraph: { rich_text: text('Carton marks') } }] })).results;
    const comment = await kit.notion.comments.create({ parent: { block_id: block!.id }, rich_text: text('Approved') });
    expect(comment).toMatchObject({ parent: { type: 'block_id', block_id: block!.id } });
    expect((await kit.notion.comments.list({ block_id: block!.id })).results).toHaveLength(1);
    expect((await kit.notion.comments.list({ block_id: po.id })).results).toHaveLength(0);
    const missing = await apiError(() =>
      kit.notion.comments.create({ parent: { page_id: '3f1b7d2e-0c4a-4d8e-9f6a-1b2c3d4e5f60' }, rich_text: text('x') }),
    );
    expect(missing).toMatchObject({ status: 404, code: 'object_not_found' });
  });

  it('searches titles of pages and data sources, filtered by object and sorted by last_edited_time', async () => {
    await createPo(kit.notion, portal, 'PO-Kettle-1');
    await createPo(kit.notion, portal, 'PO-Kettle-2');
    await createPo(kit.notion, portal, 'PO-Lamp-1');
    const kettles = await kit.notion.search({ query: 'kettle', filter: { property: 'object', value: 'page' } });
    expect(kettles.results.map(titleOf).sort()).toEqual(['PO-Kettle-1', 'PO-Kettle-2']);
    const sources = await kit.notion.search({ query: 'purchase', filter: { property: 'object', value: 'data_source' } });
    expect(sources.results).toMatchObject([{ object: 'data_source', id: portal.dataSourceId }]);
    const ascending = await kit.notion.search({
      filter: { property: 'object', value: 'page' },
      sort: { timestamp: 'last_edited_time', direction: 'ascending' },
    });
    expect(ascending.results.map(titleOf)).toEqual(['Acme · Sourcing portal', 'PO-Kettle-1', 'PO-Kettle-2', 'PO-Lamp-1']);
    const paged = await collectPaginatedAPI(kit.notion.search, { filter: { property: 'object', value: 'page' }, page_size: 1 });
    expect(paged).toHaveLength(4);
    const all = await kit.notion.search({});
    expect(all.results.map((r) => r.object).sort()).toEqual(['data_source', 'page', 'page', 'page', 'page']);
  });
});

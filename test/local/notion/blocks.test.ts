import { collectPaginatedAPI, type BlockObjectRequest, type BlockObjectResponse } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, createPo, createPortal, startNotion, text, type NotionKit } from './notion-kit.ts';

function paragraph(content: string): BlockObjectRequest {
  return { paragraph: { rich_text: text(content) } };
}

function plain(block: unknown): string {
  const b = block as BlockObjectResponse;
  const content = (b as unknown as Record<string, { rich_text?: { plain_text: string }[] }>)[b.type];
  return content?.rich_text?.map((t) => t.plain_text).join('') ?? b.type;
}

describe('Notion blocks', () => {
  let kit: NotionKit;
  let pageId: string;
  beforeEach(async () => {
    kit = await startNotion();
    const portal = await createPortal(kit.notion);
    pageId = (await createPo(kit.notion, portal, 'PO-1')).id;
  });
  afterEach(async () => {
    await kit.ws.close();
  });

  it('stores the block types a PO page body uses and answers them in full', async () => {
    const appended = await kit.notion.blocks.children.append({
      block_id: pageId,
      children: [
        { callout: { rich_text: text('On track: ships 1 May'), icon: { type: 'emoji', emoji: '🚢' }, color: 'blue_background' } },
        { heading_2: { rich_text: text('Milestones') } },
        {
          table: {
            table_width: 4,
            has_column_header: true,
            children: [
              { table_row: { cells: [text('Milestone'), text('Baseline'), text('Planned'), text('Actual')] } },
              { table_row: { cells: [text('PSI'), text('2024-04-20'), text('2024-04-22'), []] } },
            ],
          },
        },
        { heading_3: { rich_text: text('Inspections') } },
        { bulleted_list_item: { rich_text: text('DUPRO: pass (AQL 2.5)') } },
        { numbered_list_item: { rich_text: text('PSI booked') } },
        { to_do: { rich_text: text('Approve carton marks'), checked: false } },
        { divider: {} },
        { toggle: { rich_text: text('Photos'), children: [{ image: { type: 'external', external: { url: 'https://images.example/1.jpg' } } }] } },
        { bookmark: { url: 'https://drive.example/doc' } },
        { quote: { rich_text: text('Packaging per spec v3') } },
        { heading_1: { rich_text: text('Documents') } },
      ],
    });
    expect(appended.results).toHaveLength(12);
    const blocks = (await collectPaginatedAPI(kit.notion.blocks.children.list, { block_id: pageId })) as BlockObjectResponse[];
    expect(blocks.map((b) => b.type)).toEqual([
      'callout', 'heading_2', 'table', 'heading_3', 'bulleted_list_item', 'numbered_list_item', 'to_do', 'divider', 'toggle',
      'bookmark', 'quote', 'heading_1',
    ]);
    expect(blocks[0]).toMatchObject({
      object: 'block',
      parent: { type: 'page_id', page_id: pageId },
      has_children: false,
      in_trash: false,
      archived: false,
      callout: { icon: { type: 'emoji', emoji: '🚢' }, color: 'blue_background', rich_text: [{ plain_text: 'On track: ships 1 May' }] },
    });
    expect(blocks[2]).toMatchObject({ type: 'table', has_children: true, table: { table_width: 4, has_column_header: true, has_row_header: false } });
    const rows = await kit.notion.blocks.children.list({ block_id: blocks[2]!.id });
    expect(rows.results).toMatchObject([
      { type: 'table_row', parent: { type: 'block_id', block_id: blocks[2]!.id } },
      { type: 'table_row', table_row: { cells: [[{ plain_text: 'PSI' }], [{ plain_text: '2024-04-20' }], [{ plain_text: '2024-04-22' }], []] } },
    ]);
    const photos = await kit.notion.blocks.children.list({ block_id: blocks[8]!.id });
    expect(photos.results).toMatchObject([{ type: 'image', image: { type: 'external', external: { url: 'https://images.example/1.jpg' }, caption: [] } }]);
    expect(blocks[6]).toMatchObject({ to_do: { checked: false } });
    expect(blocks[9]).toMatchObject({ bookmark: { url: 'https://drive.example/doc', caption: [] } });
  });

  it('lists children with pagination', async () => {
    await kit.notion.blocks.children.append({ block_id: pageId, children: Array.from({ length: 100 }, (_, i) => paragraph(`line ${i}`)) });
    await kit.notion.blocks.children.append({ block_id: pageId, children: Array.from({ length: 30 }, (_, i) => paragraph(`line ${100 + i}`)) });
    const first = await kit.notion.blocks.children.list({ block_id: pageId, page_size: 50 });
    expect(first.results).toHaveLength(50);
    expect(first).toMatchObject({ object: 'list', type: 'block', block: {}, has_more: true });
    const all = await collectPaginatedAPI(kit.notion.blocks.children.list, { block_id: pageId, page_size: 50 });
    expect(all.map(plain)).toEqual(Array.from({ length: 130 }, (_, i) => `line ${i}`));
  });

  it('inserts at the start, after a block (position and deprecated after) and at the end', async () => {
    const [a] = (await kit.notion.blocks.children.append({ block_id: pageId, children: [paragraph('A'), paragraph('D')] })).results;
    await kit.notion.blocks.children.append({ block_id: pageId, children: [paragraph('B')], position: { type: 'after_block', after_block: { id: a!.id } } });
    await kit.notion.blocks.children.append({ block_id: pageId, children: [paragraph('start')], position: { type: 'start' } });
    const list1 = await kit.notion.blocks.children.list({ block_id: pageId });
    const b = list1.results.find((x) => plain(x) === 'B');
    await kit.notion.blocks.children.append({ block_id: pageId, children: [paragraph('C')], after: b!.id });
    await kit.notion.blocks.children.append({ block_id: pageId, children: [paragraph('end')] });
    const list = await kit.notion.blocks.children.list({ block_id: pageId });
    expect(list.results.map(plain)).toEqual(['start', 'A', 'B', 'C', 'D', 'end']);
  });

  it('retrieves, updates and deletes a block (delete answers in_trash:true and hides it)', async () => {
    const [block] = (await kit.notion.blocks.children.append({ block_id: pageId, children: [{ to_do: { rich_text: text('Book PSI'), checked: false } }] })).results;
    const id = block!.id;
    const updated = await kit.notion.blocks.update({ block_id: id.replace(/-/g, ''), to_do: { checked: true } });
    expect(updated).toMatchObject({ id, to_do: { checked: true, rich_text: [{ plain_text: 'Book PSI' }] } });
    const retrieved = await kit.notion.blocks.retrieve({ block_id: id });
    expect(retrieved).toMatchObject({ type: 'to_do', to_do: { checked: true } });
    const wrongType = await apiError(() => kit.notion.blocks.update({ block_id: id, paragraph: { rich_text: text('x') } }));
    expect(wrongType.code).toBe('validation_error');
    const deleted = await kit.notion.blocks.delete({ block_id: id });
    expect(deleted).toMatchObject({ id, in_trash: true, archived: true });
    expect((await kit.notion.blocks.children.list({ block_id: pageId })).results).toHaveLength(0);
    expect(await kit.notion.blocks.retrieve({ block_id: id })).toMatchObject({ in_trash: true });
    const edit = await apiError(() => kit.notion.blocks.update({ block_id: id, to_do: { checked: false } }));
    expect(edit.message).toBe("Can't edit block that is archived. You must unarchive the block before editing.");
  });

  it('deleting a child_page block trashes the page', async () => {
    const child = await kit.notion.pages.create({ parent: { page_id: pageId }, properties: { title: { title: text('Sub') } } });
    const deleted = await kit.notion.blocks.delete({ block_id: child.id });
    expect(deleted).toMatchObject({ type: 'child_page', in_trash: true });
    expect(await kit.notion.pages.retrieve({ page_id: child.id })).toMatchObject({ in_trash: true, archived: true });
  });

  it('refuses children on a block type that cannot hold them, and unknown block types', async () => {
    const onDivider = await apiError(() =>
      kit.notion.blocks.children.append({ block_id: pageId, children: [{ divider: { children: [paragraph('x')] } as never }] }),
    );
    expect(onDivider.message).toMatch(/^body failed validation: body\.children\[0\]\.divider\.children should be not present/);
    const tableWidth = await apiError(() =>
      kit.notion.blocks.children.append({
        block_id: pageId,
        children: [{ table: { table_width: 2, children: [{ table_row: { cells: [text('only one')] } }] } }],
      }),
    );
    expect(tableWidth.code).toBe('validation_error');
    const missing = await apiError(() => kit.notion.blocks.children.list({ block_id: '3f1b7d2e-0c4a-4d8e-9f6a-1b2c3d4e5f60' }));
    expect(missing).toMatchObject({ status: 404, code: 'object_not_found' });
  });
});

import { isFullPage, type PageObjectResponse } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, createPo, createPortal, startNotion, text, titleOf, type NotionKit, type Portal } from './notion-kit.ts';

describe('Notion pages', () => {
  let kit: NotionKit;
  let portal: Portal;
  beforeEach(async () => {
    kit = await startNotion();
    portal = await createPortal(kit.notion);
  });
  afterEach(async () => {
    await kit.ws.close();
  });

  it('answers a data source row with every property in full response format', async () => {
    const page = await createPo(kit.notion, portal, 'PO-2024-001', {
      status: 'In production',
      supplier: 'Ningbo Tools',
      quantity: 1200,
      shipBy: '2024-05-01',
      showSupplier: true,
      documents: 'https://drive.example/folder',
      airtableId: 'recXYZ',
    });
    expect(isFullPage(page)).toBe(true);
    expect(page.parent).toEqual({ type: 'data_source_id', data_source_id: portal.dataSourceId, database_id: portal.databaseId });
    expect(page.properties['PO number']).toEqual({
      id: 'title',
      type: 'title',
      title: [
        {
          type: 'text',
          text: { content: 'PO-2024-001', link: null },
          annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' },
          plain_text: 'PO-2024-001',
          href: null,
        },
      ],
    });
    expect(page.properties['Status']).toMatchObject({ type: 'select', select: { id: expect.any(String), name: 'In production', color: 'blue' } });
    expect(page.properties['Approval']).toMatchObject({ type: 'status', status: { name: 'Not started' } });
    expect(page.properties['Quantity']).toMatchObject({ type: 'number', number: 1200 });
    expect(page.properties['Ship-by']).toMatchObject({ type: 'date', date: { start: '2024-05-01', end: null, time_zone: null } });
    expect(page.properties['Show supplier']).toMatchObject({ type: 'checkbox', checkbox: true });
    expect(page.properties['Documents']).toMatchObject({ type: 'url', url: 'https://drive.example/folder' });
    expect(page.in_trash).toBe(false);
    expect(page.archived).toBe(false);
    expect(page.created_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
  });

  it('keeps links and annotations of rich text', async () => {
    const page = (await kit.notion.pages.create({
      parent: { data_source_id: portal.dataSourceId },
      properties: {
        'PO number': { title: text('PO-9') },
        Supplier: { rich_text: [{ text: { content: 'Spec', link: { url: 'https://example.com/spec' } }, annotations: { bold: true, color: 'red' } }] },
      },
    })) as PageObjectResponse;
    expect(page.properties['Supplier']).toMatchObject({
      type: 'rich_text',
      rich_text: [{ plain_text: 'Spec', href: 'https://example.com/spec', annotations: { bold: true, italic: false, color: 'red' } }],
    });
  });

  it('adds an unknown select option to the schema, as Notion does', async () => {
    await createPo(kit.notion, portal, 'PO-1', { status: 'Cancelled' });
    const ds = await kit.notion.dataSources.retrieve({ data_source_id: portal.dataSourceId });
    const status = 'properties' in ds ? ds.properties['Status'] : undefined;
    expect(status?.type === 'select' && status.select.options.map((o) => o.name)).toContain('Cancelled');
  });

  it('validates properties against the schema and names the bad one', async () => {
    const unknown = await apiError(() =>
      kit.notion.pages.create({ parent: { data_source_id: portal.dataSourceId }, properties: { Colour: { rich_text: text('red') } } }),
    );
    expect(unknown).toMatchObject({ status: 400, code: 'validation_error', message: 'Colour is not a property that exists.' });
    const wrongType = await apiError(() =>
      kit.notion.pages.create({ parent: { data_source_id: portal.dataSourceId }, properties: { Quantity: { rich_text: text('12') } as never } }),
    );
    expect(wrongType.code).toBe('validation_error');
    expect(wrongType.message).toContain('body.properties.Quantity.number');
    const badDate = await apiError(() =>
      kit.notion.pages.create({ parent: { data_source_id: portal.dataSourceId }, properties: { 'Ship-by': { date: { start: 'next tuesday' } } } }),
    );
    expect(badDate.message).toContain('body.properties.Ship-by.date.start');
  });

  it('updates properties and moves last_edited_time', async () => {
    const page = await createPo(kit.notion, portal, 'PO-1', { quantity: 1 });
    const updated = (await kit.notion.pages.update({ page_id: page.id, properties: { Quantity: { number: 2 }, Status: { select: { name: 'Shipped' } } } })) as PageObjectResponse;
    expect(updated.properties['Quantity']).toMatchObject({ number: 2 });
    expect(updated.properties['Status']).toMatchObject({ select: { name: 'Shipped' } });
    expect(updated.properties['PO number']).toMatchObject({ title: [{ plain_text: 'PO-1' }] });
    expect(updated.last_edited_time >= page.last_edited_time).toBe(true);
    const again = (await kit.notion.pages.retrieve({ page_id: page.id })) as PageObjectResponse;
    expect(again.properties['Quantity']).toMatchObject({ number: 2 });
  });

  it('accepts IDs without dashes and answers them with dashes', async () => {
    const page = await createPo(kit.notion, portal, 'PO-1');
    const plain = page.id.replace(/-/g, '');
    const retrieved = await kit.notion.pages.retrieve({ page_id: plain });
    expect(retrieved.id).toBe(page.id);
    const viaPlainParent = await kit.notion.pages.create({ parent: { data_source_id: portal.dataSourceId.replace(/-/g, '') }, properties: {} });
    expect((viaPlainParent as PageObjectResponse).parent).toMatchObject({ data_source_id: portal.dataSourceId });
  });

  it('trashes and restores a page, answering both in_trash and archived', async () => {
    const page = await createPo(kit.notion, portal, 'PO-1');
    const trashed = (await kit.notion.pages.update({ page_id: page.id, in_trash: true })) as PageObjectResponse;
    expect([trashed.in_trash, trashed.archived]).toEqual([true, true]);
    const visible = await kit.notion.dataSources.query({ data_source_id: portal.dataSourceId });
    expect(visible.results).toHaveLength(0);
    const inTrash = await kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, in_trash: true });
    expect(inTrash.results.map(titleOf)).toEqual(['PO-1']);
    const edit = await apiError(() => kit.notion.pages.update({ page_id: page.id, properties: { Quantity: { number: 3 } } }));
    expect(edit.code).toBe('validation_error');
    const restored = (await kit.notion.pages.update({ page_id: page.id, archived: false })) as PageObjectResponse;
    expect([restored.in_trash, restored.archived]).toEqual([false, false]);
  });

  it('creates a sub-page (title only) with children, shown in the parent as a child_page block', async () => {
    const child = (await kit.notion.pages.create({
      parent: { page_id: portal.rootId },
      properties: { title: { title: text('Weekly update') } },
      children: [{ paragraph: { rich_text: text('Production is on track.') } }],
    })) as PageObjectResponse;
    expect(child.parent).toEqual({ type: 'page_id', page_id: portal.rootId });
    expect(titleOf(child)).toBe('Weekly update');
    const parentBlocks = await kit.notion.blocks.children.list({ block_id: portal.rootId });
    expect(parentBlocks.results.map((b) => ('type' in b ? b.type : ''))).toEqual(['child_database', 'child_page']);
    expect(parentBlocks.results[1]).toMatchObject({ id: child.id, child_page: { title: 'Weekly update' }, has_children: true });
    const content = await kit.notion.blocks.children.list({ block_id: child.id });
    expect(content.results).toMatchObject([{ type: 'paragraph', paragraph: { rich_text: [{ plain_text: 'Production is on track.' }] } }]);
    const notTitle = await apiError(() =>
      kit.notion.pages.create({ parent: { page_id: portal.rootId }, properties: { Status: { select: { name: 'x' } } } }),
    );
    expect(notTitle.message).toBe('Status is not a property that exists.');
  });

  it('answers object_not_found for an unknown page, data source and database', async () => {
    const missing = '3f1b7d2e-0c4a-4d8e-9f6a-1b2c3d4e5f60';
    const page = await apiError(() => kit.notion.pages.retrieve({ page_id: missing }));
    expect(page).toMatchObject({ status: 404, code: 'object_not_found' });
    expect(page.message).toBe(`Could not find page with ID: ${missing}. Make sure the relevant pages and databases are shared with your integration.`);
    const ds = await apiError(() => kit.notion.pages.create({ parent: { data_source_id: missing }, properties: {} }));
    expect(ds).toMatchObject({ status: 404, code: 'object_not_found' });
    const db = await apiError(() => kit.notion.databases.retrieve({ database_id: missing }));
    expect(db.message).toContain('Could not find database');
    const badId = await apiError(() => kit.notion.pages.retrieve({ page_id: 'not-an-id' }));
    expect(badId).toMatchObject({ status: 400, code: 'validation_error' });
  });

  it('keeps two-way relations in step on both sides', async () => {
    const projects = await kit.notion.dataSources.create({ parent: { database_id: portal.databaseId }, title: text('Projects'), properties: { Name: { title: {} } } });
    await kit.notion.dataSources.update({
      data_source_id: portal.dataSourceId,
      properties: { Project: { relation: { data_source_id: projects.id, dual_property: {} } } },
    });
    const project = await kit.notion.pages.create({ parent: { data_source_id: projects.id }, properties: { Name: { title: text('Kettles') } } });
    const po = await createPo(kit.notion, portal, 'PO-1');
    await kit.notion.pages.update({ page_id: po.id, properties: { Project: { relation: [{ id: project.id }] } } });
    const back = (await kit.notion.pages.retrieve({ page_id: project.id })) as PageObjectResponse;
    const related = Object.values(back.properties).find((p) => p.type === 'relation');
    expect(related).toMatchObject({ type: 'relation', relation: [{ id: po.id }], has_more: false });
  });
});

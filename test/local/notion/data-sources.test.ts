import { collectPaginatedAPI, type DataSourceObjectResponse, type QueryDataSourceParameters } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, createPo, createPortal, startNotion, text, titleOf, type NotionKit, type Portal } from './notion-kit.ts';

describe('Notion databases and data sources (2025-09-03)', () => {
  let kit: NotionKit;
  let portal: Portal;
  beforeEach(async () => {
    kit = await startNotion();
    portal = await createPortal(kit.notion);
  });
  afterEach(async () => {
    await kit.ws.close();
  });

  it('creates a database whose schema lives on its data source, and retrieves both', async () => {
    const database = await kit.notion.databases.retrieve({ database_id: portal.databaseId });
    expect(database).toMatchObject({
      object: 'database',
      id: portal.databaseId,
      parent: { type: 'page_id', page_id: portal.rootId },
      data_sources: [{ id: portal.dataSourceId, name: 'Purchase Orders' }],
      in_trash: false,
      archived: false,
    });
    const ds = (await kit.notion.dataSources.retrieve({ data_source_id: portal.dataSourceId })) as DataSourceObjectResponse;
    expect(ds.parent).toEqual({ type: 'database_id', database_id: portal.databaseId });
    expect(ds.properties['PO number']).toMatchObject({ id: 'title', type: 'title' });
    expect(ds.properties['Status']).toMatchObject({ type: 'select' });
    const status = ds.properties['Status'];
    expect(status?.type === 'select' && status.select.options.map((o) => [o.name, o.color])).toEqual([
      ['In production', 'blue'],
      ['Shipped', 'green'],
      ['Closed', 'gray'],
    ]);
    const approval = ds.properties['Approval'];
    expect(approval?.type === 'status' && approval.status.options.map((o) => o.name)).toEqual(['Not started', 'In progress', 'Done']);
    // The database shows up in its parent page as a child_database block.
    const children = await kit.notion.blocks.children.list({ block_id: portal.rootId });
    expect(children.results).toMatchObject([{ id: portal.databaseId, type: 'child_database', child_database: { title: 'Purchase Orders' } }]);
  });

  it('updates a data source schema: adds, renames and deletes properties while keeping property IDs', async () => {
    const before = (await kit.notion.dataSources.retrieve({ data_source_id: portal.dataSourceId })) as DataSourceObjectResponse;
    const supplierId = before.properties['Supplier']?.id;
    const updated = (await kit.notion.dataSources.update({
      data_source_id: portal.dataSourceId,
      properties: { Supplier: { name: 'Factory' }, Documents: null, 'Client approval': { select: { options: [{ name: 'Approved' }] } } },
    })) as DataSourceObjectResponse;
    expect(updated.properties['Factory']?.id).toBe(supplierId);
    expect(updated.properties['Documents']).toBeUndefined();
    expect(updated.properties['Client approval']).toMatchObject({ type: 'select' });
    const error = await apiError(() => kit.notion.dataSources.update({ data_source_id: portal.dataSourceId, properties: { 'PO number': null } }));
    expect(error.code).toBe('validation_error');
  });

  it('pages through 250 rows 100 at a time with next_cursor and has_more', async () => {
    for (let i = 1; i <= 250; i += 1) await createPo(kit.notion, portal, `PO-${String(i).padStart(3, '0')}`, { quantity: i });
    const first = await kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, sorts: [{ property: 'Quantity', direction: 'ascending' }] });
    expect(first.results).toHaveLength(100);
    expect(first.has_more).toBe(true);
    expect(first.next_cursor).toEqual(expect.any(String));
    const all = await collectPaginatedAPI(kit.notion.dataSources.query, {
      data_source_id: portal.dataSourceId,
      sorts: [{ property: 'Quantity', direction: 'ascending' }],
    });
    expect(all.map(titleOf)).toEqual(Array.from({ length: 250 }, (_, i) => `PO-${String(i + 1).padStart(3, '0')}`));
    const small = await kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, page_size: 7 });
    expect(small.results).toHaveLength(7);
    const tooBig = await apiError(() => kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, page_size: 101 }));
    expect(tooBig.message).toBe('body failed validation: body.page_size should be ≤ `100`, instead was `101`.');
  });

  it('keeps a page through a query cursor when rows are edited between pages', async () => {
    for (let i = 1; i <= 5; i += 1) await createPo(kit.notion, portal, `PO-${i}`, { quantity: i });
    const args: QueryDataSourceParameters = { data_source_id: portal.dataSourceId, page_size: 2, sorts: [{ property: 'Quantity', direction: 'ascending' }] };
    const first = await kit.notion.dataSources.query(args);
    // PO-1 moves behind the cursor; the remaining rows must neither shift nor disappear.
    await kit.notion.pages.update({ page_id: first.results[0]!.id, properties: { Quantity: { number: 99 } } });
    const second = await kit.notion.dataSources.query({ ...args, start_cursor: first.next_cursor ?? undefined });
    expect(second.results.map(titleOf)).toEqual(['PO-3', 'PO-4']);
  });

  describe('filters', () => {
    beforeEach(async () => {
      await createPo(kit.notion, portal, 'PO-1', { status: 'In production', supplier: 'Ningbo Tools', quantity: 500, shipBy: '2024-03-01', showSupplier: true, airtableId: 'recAAA' });
      await createPo(kit.notion, portal, 'PO-2', { status: 'Shipped', supplier: 'Shenzhen Bright', quantity: 1200, shipBy: '2024-04-15', airtableId: 'recBBB' });
      await createPo(kit.notion, portal, 'PO-3', { status: 'Closed', quantity: null, shipBy: null, airtableId: 'recCCC' });
    });

    const cases: [string, QueryDataSourceParameters['filter'], string[]][] = [
      ['rich_text equals', { property: 'Airtable ID', rich_text: { equals: 'recBBB' } }, ['PO-2']],
      ['rich_text contains (case-insensitive)', { property: 'Supplier', rich_text: { contains: 'ningbo' } }, ['PO-1']],
      ['rich_text is_empty', { property: 'Supplier', rich_text: { is_empty: true } }, ['PO-3']],
      ['rich_text is_not_empty', { property: 'Supplier', rich_text: { is_not_empty: true } }, ['PO-1', 'PO-2']],
      ['title equals', { property: 'PO number', title: { equals: 'PO-3' } }, ['PO-3']],
      ['title contains', { property: 'PO number', title: { contains: 'po-' } }, ['PO-1', 'PO-2', 'PO-3']],
      ['select equals', { property: 'Status', select: { equals: 'Shipped' } }, ['PO-2']],
      ['status equals (default option)', { property: 'Approval', status: { equals: 'Not started' } }, ['PO-1', 'PO-2', 'PO-3']],
      ['number greater_than', { property: 'Quantity', number: { greater_than: 500 } }, ['PO-2']],
      ['number less_than_or_equal_to', { property: 'Quantity', number: { less_than_or_equal_to: 500 } }, ['PO-1']],
      ['number is_empty', { property: 'Quantity', number: { is_empty: true } }, ['PO-3']],
      ['checkbox equals true', { property: 'Show supplier', checkbox: { equals: true } }, ['PO-1']],
      ['checkbox equals false', { property: 'Show supplier', checkbox: { equals: false } }, ['PO-2', 'PO-3']],
      ['date equals', { property: 'Ship-by', date: { equals: '2024-03-01' } }, ['PO-1']],
      ['date before', { property: 'Ship-by', date: { before: '2024-04-15' } }, ['PO-1']],
      ['date after', { property: 'Ship-by', date: { after: '2024-03-01' } }, ['PO-2']],
      ['date on_or_before', { property: 'Ship-by', date: { on_or_before: '2024-04-15' } }, ['PO-1', 'PO-2']],
      ['date on_or_after', { property: 'Ship-by', date: { on_or_after: '2024-03-01' } }, ['PO-1', 'PO-2']],
      ['date is_empty', { property: 'Ship-by', date: { is_empty: true } }, ['PO-3']],
      [
        'and',
        { and: [{ property: 'Quantity', number: { is_not_empty: true } }, { property: 'Status', select: { equals: 'Shipped' } }] },
        ['PO-2'],
      ],
      [
        'or',
        { or: [{ property: 'Status', select: { equals: 'Closed' } }, { property: 'Airtable ID', rich_text: { equals: 'recAAA' } }] },
        ['PO-1', 'PO-3'],
      ],
      [
        'or of and (nested)',
        {
          or: [
            { and: [{ property: 'Status', select: { equals: 'Shipped' } }, { property: 'Quantity', number: { greater_than: 1000 } }] },
            { and: [{ property: 'Status', select: { equals: 'Closed' } }, { property: 'Ship-by', date: { is_empty: true } }] },
          ],
        },
        ['PO-2', 'PO-3'],
      ],
      ['timestamp last_edited_time on_or_after', { timestamp: 'last_edited_time', last_edited_time: { on_or_after: '2000-01-01T00:00:00Z' } }, ['PO-1', 'PO-2', 'PO-3']],
      ['timestamp created_time before', { timestamp: 'created_time', created_time: { before: '2000-01-01T00:00:00Z' } }, []],
    ];

    it.each(cases)('%s', async (_name, filter, expected) => {
      const result = await kit.notion.dataSources.query({
        data_source_id: portal.dataSourceId,
        filter,
        sorts: [{ property: 'PO number', direction: 'ascending' }],
      });
      expect(result.results.map(titleOf)).toEqual(expected);
    });

    it('filters on a relation', async () => {
      const projects = await kit.notion.dataSources.create({
        parent: { database_id: portal.databaseId },
        title: text('Projects'),
        properties: { Name: { title: {} } },
      });
      await kit.notion.dataSources.update({
        data_source_id: portal.dataSourceId,
        properties: { Project: { relation: { data_source_id: projects.id, single_property: {} } } },
      });
      const project = await kit.notion.pages.create({ parent: { data_source_id: projects.id }, properties: { Name: { title: text('Kettles') } } });
      const po = await createPo(kit.notion, portal, 'PO-4');
      await kit.notion.pages.update({ page_id: po.id, properties: { Project: { relation: [{ id: project.id.replace(/-/g, '') }] } } });
      const result = await kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, filter: { property: 'Project', relation: { contains: project.id } } });
      expect(result.results.map(titleOf)).toEqual(['PO-4']);
      const empty = await kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, filter: { property: 'Project', relation: { is_empty: true } } });
      expect(empty.results).toHaveLength(3);
    });

    it('sorts by select option order, then by timestamp', async () => {
      const bySelect = await kit.notion.dataSources.query({
        data_source_id: portal.dataSourceId,
        sorts: [{ property: 'Status', direction: 'descending' }],
      });
      expect(bySelect.results.map(titleOf)).toEqual(['PO-3', 'PO-2', 'PO-1']);
      const byCreated = await kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, sorts: [{ timestamp: 'created_time', direction: 'ascending' }] });
      expect(byCreated.results.map(titleOf)).toEqual(['PO-1', 'PO-2', 'PO-3']);
    });

    it('answers only the requested properties with filter_properties', async () => {
      const ds = (await kit.notion.dataSources.retrieve({ data_source_id: portal.dataSourceId })) as DataSourceObjectResponse;
      const airtableId = ds.properties['Airtable ID']?.id as string;
      const result = await kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, filter_properties: ['title', airtableId] });
      expect(Object.keys((result.results[0] as { properties: object }).properties).sort()).toEqual(['Airtable ID', 'PO number']);
    });

    it('rejects a filter on an unknown property, a mismatched type and three levels of nesting', async () => {
      const unknown = await apiError(() =>
        kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, filter: { property: 'Nope', rich_text: { equals: 'x' } } }),
      );
      expect(unknown).toMatchObject({ status: 400, code: 'validation_error' });
      expect(unknown.message).toContain('Nope');
      const mismatch = await apiError(() =>
        kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, filter: { property: 'Quantity', rich_text: { equals: 'x' } } }),
      );
      expect(mismatch.message).toBe('database property number does not match filter rich_text');
      const leaf = { property: 'Quantity', number: { equals: 1 } };
      const deep = await apiError(() =>
        kit.notion.dataSources.query({ data_source_id: portal.dataSourceId, filter: { or: [{ and: [{ or: [leaf] } as never] }] } }),
      );
      expect(deep.code).toBe('validation_error');
    });
  });
});

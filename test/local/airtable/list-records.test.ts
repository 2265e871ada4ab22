import type { FieldSet } from 'airtable';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { createPoBase, rejection, type PoBase } from './fixtures.ts';

async function createMany(po: PoBase, count: number, fields: (i: number) => Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, k) => ({ fields: fields(start + k) as FieldSet }));
    ids.push(...(await po.base('Purchase Orders').create(batch)).map((r) => r.id));
  }
  return ids;
}

describe('listing Airtable records through airtable.js', () => {
  let ws: TestWorkspace;
  let po: PoBase;
  beforeAll(async () => {
    ws = await startTestWorkspace();
  });
  afterAll(async () => {
    await ws.close();
  });
  beforeEach(async () => {
    po = await createPoBase(ws);
  });

  it('pages through 250 records with offsets, 100 at a time, in creation order', async () => {
    const ids = await createMany(po, 250, (i) => ({ 'PO number': `PO-${i}`, Qty: i }));
    const pages: string[][] = [];
    await po.base('Purchase Orders').select().eachPage((records, next) => {
      pages.push(records.map((r) => r.id));
      next();
    });
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages.flat()).toEqual(ids);
  });

  it('keeps a paging snapshot while records are created between pages', async () => {
    await createMany(po, 150, (i) => ({ Qty: i }));
    const seen: string[] = [];
    let extra = true;
    await po.base('Purchase Orders').select({ pageSize: 100 }).eachPage(async (records, next) => {
      seen.push(...records.map((r) => r.id));
      if (extra) {
        extra = false;
        await po.base('Purchase Orders').create([{ fields: { Qty: 999 } }]);
      }
      next();
    });
    expect(seen).toHaveLength(150);
    expect(new Set(seen).size).toBe(150);
  });

  it('caps the total with maxRecords across pages and honours pageSize', async () => {
    await createMany(po, 30, (i) => ({ Qty: i }));
    const sizes: number[] = [];
    await po.base('Purchase Orders').select({ maxRecords: 25, pageSize: 10 }).eachPage((records, next) => {
      sizes.push(records.length);
      next();
    });
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('sorts by several fields, numbers numerically and selects in option order, empty first', async () => {
    await po.base('Purchase Orders').create([
      { fields: { 'PO number': 'a', Qty: 10, Status: 'Shipped' } },
      { fields: { 'PO number': 'b', Qty: 9, Status: 'RFQ' } },
      { fields: { 'PO number': 'c', Qty: 100, Status: 'RFQ' } },
      { fields: { 'PO number': 'd', Status: 'Quoted' } },
    ]);
    const byQty = await po.base('Purchase Orders').select({ sort: [{ field: 'Qty', direction: 'desc' }] }).all();
    expect(byQty.map((r) => r.get('PO number'))).toEqual(['c', 'a', 'b', 'd']);
    const byStatus = await po
      .base('Purchase Orders')
      .select({ sort: [{ field: 'Status' }, { field: 'Qty', direction: 'asc' }] })
      .all();
    expect(byStatus.map((r) => r.get('PO number'))).toEqual(['b', 'c', 'd', 'a']);
    const err = await rejection(po.base('Purchase Orders').select({ sort: [{ field: 'Colour' }] }).all());
    expect(err.error).toBe('UNKNOWN_FIELD_NAME');
  });

  it('returns only the fields asked for, by name or ID', async () => {
    await po.base('Purchase Orders').create([{ fields: { 'PO number': 'PO-1', Qty: 5, Notes: 'n' } }]);
    const qtyId = po.orders.fields.find((f) => f.name === 'Qty')!.id;
    const [record] = await po.base('Purchase Orders').select({ fields: ['PO number', qtyId] }).all();
    expect(record!.fields).toEqual({ 'PO number': 'PO-1', Qty: 5 });
    const err = await rejection(po.base('Purchase Orders').select({ fields: ['Colour'] }).all());
    expect(err.error).toBe('UNKNOWN_FIELD_NAME');
  });

  it('lists a view by name or ID and refuses an unknown view', async () => {
    await createMany(po, 3, (i) => ({ Qty: i }));
    const view = po.orders.views[0]!;
    expect(view.name).toBe('Grid view');
    expect(await po.base('Purchase Orders').select({ view: 'Grid view' }).all()).toHaveLength(3);
    expect(await po.base('Purchase Orders').select({ view: view.id }).all()).toHaveLength(3);
    const err = await rejection(po.base('Purchase Orders').select({ view: 'Kanban' }).all());
    expect([err.statusCode, err.error]).toEqual([422, 'VIEW_NAME_NOT_FOUND']);
  });

  it('filters by formula, including quotes, backslashes and braces inside string literals', async () => {
    await po.base('Purchase Orders').create([
      { fields: { 'PO number': "O'Brien {draft}", Qty: 1, Status: 'RFQ' } },
      { fields: { 'PO number': 'back\\slash', Qty: 6, Status: 'Quoted' } },
      { fields: { 'PO number': 'say "hi"', Qty: 8, Status: 'Quoted' } },
      { fields: { 'PO number': 'plain', Qty: 9, Status: 'RFQ' } },
    ]);
    const names = async (filterByFormula: string): Promise<unknown[]> =>
      (await po.base('Purchase Orders').select({ filterByFormula }).all()).map((r) => r.get('PO number'));
    expect(await names("{PO number} = 'O\\'Brien {draft}'")).toEqual(["O'Brien {draft}"]);
    expect(await names("{PO number} = 'back\\\\slash'")).toEqual(['back\\slash']);
    expect(await names('{PO number} = "say \\"hi\\""')).toEqual(['say "hi"']);
    expect(await names("AND({Qty} > 5, {Status} = 'Quoted')")).toEqual(['back\\slash', 'say "hi"']);
    expect(await names("OR({Qty} < 2, FIND('plain', {PO number}))")).toEqual(["O'Brien {draft}", 'plain']);
  });

  it('filters on links by the linked records’ primary values', async () => {
    const [acme] = await po.base('Suppliers').create([{ fields: { Name: 'Acme' } }]);
    await po.base('Purchase Orders').create([{ fields: { 'PO number': 'linked', Supplier: [acme!.id] } }, { fields: { 'PO number': 'alone' } }]);
    const found = await po.base('Purchase Orders').select({ filterByFormula: "{Supplier} = 'Acme'" }).all();
    expect(found.map((r) => r.get('PO number'))).toEqual(['linked']);
  });

  it('answers INVALID_FILTER_BY_FORMULA for a formula that does not parse or names an unknown field', async () => {
    const broken = await rejection(po.base('Purchase Orders').select({ filterByFormula: "AND({Qty} > 1, 'x'" }).all());
    expect([broken.statusCode, broken.error]).toEqual([422, 'INVALID_FILTER_BY_FORMULA']);
    expect(broken.message).toMatch(/^The formula for filtering records is invalid: /);
    const unknown = await rejection(po.base('Purchase Orders').select({ filterByFormula: '{Colour} = 1' }).all());
    expect(unknown.error).toBe('INVALID_FILTER_BY_FORMULA');
  });

  it('serves POST listRecords (method: "post") like GET, across pages', async () => {
    await createMany(po, 120, (i) => ({ 'PO number': `PO-${i}`, Qty: i }));
    const viaPost = await po
      .base('Purchase Orders')
      .select({ method: 'post', filterByFormula: '{Qty} >= 10', sort: [{ field: 'Qty', direction: 'desc' }] } as never)
      .all();
    expect(viaPost).toHaveLength(110);
    expect(viaPost[0]!.get('Qty')).toBe(119);
    expect(viaPost[109]!.get('Qty')).toBe(10);
  });

  it('answers LIST_RECORDS_ITERATOR_NOT_AVAILABLE for an unknown or foreign offset', async () => {
    const ids = await createMany(po, 3, (i) => ({ Qty: i }));
    const unknown = await rejection(po.base.makeRequest({ path: `/${po.orders.id}`, qs: { offset: `itrAAAAAAAAAAAAAA/${ids[1]}` } }));
    expect([unknown.statusCode, unknown.error]).toEqual([422, 'LIST_RECORDS_ITERATOR_NOT_AVAILABLE']);
    const first = await po.base.makeRequest({ path: `/${po.orders.id}`, qs: { pageSize: 2 } });
    expect(first.body.offset).toMatch(/^itr[A-Za-z0-9]{14}\/rec[A-Za-z0-9]{14}$/);
    const foreign = await rejection(po.base.makeRequest({ path: `/${po.suppliers.id}`, qs: { offset: first.body.offset } }));
    expect(foreign.error).toBe('LIST_RECORDS_ITERATOR_NOT_AVAILABLE');
    const second = await po.base.makeRequest({ path: `/${po.orders.id}`, qs: { pageSize: 2, offset: first.body.offset } });
    expect(second.body.records.map((r: { id: string }) => r.id)).toEqual([ids[2]]);
  });

  it('renders cellFormat "string" only with timeZone and userLocale', async () => {
    await po.base('Purchase Orders').create([
      { fields: { 'PO number': 'PO-1', Qty: 1200, 'Unit price': 2.5, 'Booked at': '2024-05-01T08:30:00.000Z', Tags: ['Urgent', 'Fragile'] } },
    ]);
    const err = await rejection(po.base('Purchase Orders').select({ cellFormat: 'string' }).all());
    expect(err.error).toBe('INVALID_REQUEST_UNKNOWN');
    expect(err.message).toContain('timeZone');
    const [record] = await po
      .base('Purchase Orders')
      .select({ cellFormat: 'string', timeZone: 'Asia/Shanghai', userLocale: 'en-us' })
      .all();
    expect(record!.fields).toMatchObject({ 'PO number': 'PO-1', 'Unit price': '$2.50', 'Booked at': '2024-05-01 08:30', Tags: 'Urgent, Fragile' });
  });

  it('adds commentCount with recordMetadata', async () => {
    await po.base('Purchase Orders').create([{ fields: { Qty: 1 } }]);
    const [record] = await po.base('Purchase Orders').select({ recordMetadata: ['commentCount'] }).all();
    expect(record!._rawJson.commentCount).toBe(0);
  });
});

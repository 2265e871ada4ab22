import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { airtable, createPoBase, rejection, type PoBase } from './fixtures.ts';

describe('Airtable records through airtable.js', () => {
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

  it('creates, finds, merges (PATCH), replaces (PUT) and destroys records in batches', async () => {
    const orders = po.base('Purchase Orders');
    const created = await orders.create([
      { fields: { 'PO number': 'PO-1', Qty: 100, Status: 'RFQ', Notes: 'first' } },
      { fields: { 'PO number': 'PO-2', Qty: 50 } },
    ]);
    expect(created.map((r) => r.get('PO number'))).toEqual(['PO-1', 'PO-2']);
    expect(created[0]!.id).toMatch(/^rec[A-Za-z0-9]{14}$/);
    expect(created[0]!._rawJson.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const merged = await orders.update([{ id: created[0]!.id, fields: { Qty: 120 } }]);
    expect(merged[0]!.fields).toEqual({ 'PO number': 'PO-1', Qty: 120, Status: 'RFQ', Notes: 'first' });

    const replaced = await orders.replace([{ id: created[0]!.id, fields: { 'PO number': 'PO-1b' } }]);
    expect(replaced[0]!.fields).toEqual({ 'PO number': 'PO-1b' });
    expect((await orders.find(created[0]!.id)).fields).toEqual({ 'PO number': 'PO-1b' });

    const single = await orders.update(created[1]!.id, { Status: 'Quoted' });
    expect(single.fields).toEqual({ 'PO number': 'PO-2', Qty: 50, Status: 'Quoted' });

    const destroyed = await orders.destroy([created[0]!.id, created[1]!.id]);
    expect(destroyed.map((r) => r.id)).toEqual([created[0]!.id, created[1]!.id]);
    expect(await orders.select().all()).toEqual([]);
  });

  it('creates one record from a plain fields object and destroys it alone', async () => {
    const record = await po.base('Purchase Orders').create({ 'PO number': 'PO-9', Qty: 3 });
    expect(record.fields).toEqual({ 'PO number': 'PO-9', Qty: 3 });
    const gone = await po.base('Purchase Orders').destroy(record.id);
    expect(gone.id).toBe(record.id);
    const err = await rejection(po.base('Purchase Orders').find(record.id));
    expect([err.statusCode, err.error]).toEqual([404, 'NOT_FOUND']);
  });

  it('leaves out empty values ("", false, [], null) on write and read', async () => {
    const [record] = await po.base('Purchase Orders').create([
      { fields: { 'PO number': 'PO-3', Notes: '', 'Contract signed': false, Tags: [], Email: null as unknown as string } },
    ]);
    expect(record!.fields).toEqual({ 'PO number': 'PO-3' });
    const updated = await po.base('Purchase Orders').update(record!.id, { 'PO number': '' });
    expect(updated.fields).toEqual({});
  });

  it('accepts tables by ID and names that need URL encoding', async () => {
    await po.base(po.orders.id).create([{ fields: { 'PO number': 'by id' } }]);
    const byName = await po.base('Purchase Orders').select().all();
    expect(byName.map((r) => r.get('PO number'))).toEqual(['by id']);
  });

  it('returns fields keyed by field ID with returnFieldsByFieldId', async () => {
    const qty = po.orders.fields.find((f) => f.name === 'Qty')!;
    const [record] = await po.base('Purchase Orders').create([{ fields: { Qty: 7 } }], { returnFieldsByFieldId: true } as never);
    expect(record!.fields).toEqual({ [qty.id]: 7 });
    const listed = await po.base('Purchase Orders').select({ returnFieldsByFieldId: true }).all();
    expect(listed[0]!.fields).toEqual({ [qty.id]: 7 });
  });

  it('writes by field ID as well as by name', async () => {
    const qty = po.orders.fields.find((f) => f.name === 'Qty')!;
    const [record] = await po.base('Purchase Orders').create([{ fields: { [qty.id]: 11 } }]);
    expect(record!.get('Qty')).toBe(11);
  });

  it('refuses more than 10 records per write with INVALID_RECORDS', async () => {
    const orders = po.base('Purchase Orders');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ fields: { 'PO number': `PO-${i}` } }));
    const onCreate = await rejection(orders.create(eleven));
    expect([onCreate.statusCode, onCreate.error]).toEqual([422, 'INVALID_RECORDS']);
    const ten = await orders.create(eleven.slice(0, 10));
    const onUpdate = await rejection(orders.update([...ten, ten[0]!].map((r) => ({ id: r.id, fields: { Qty: 1 } }))));
    expect(onUpdate.error).toBe('INVALID_RECORDS');
    const onDelete = await rejection(orders.destroy([...ten.map((r) => r.id), ten[0]!.id]));
    expect(onDelete.error).toBe('INVALID_RECORDS');
    expect(await orders.select().all()).toHaveLength(10);
  });

  it('rolls back a whole batch when one record is invalid', async () => {
    const err = await rejection(
      po.base('Purchase Orders').create([{ fields: { 'PO number': 'ok' } }, { fields: { 'PO number': 'bad', Qty: 'many' as unknown as number } }]),
    );
    expect(err.error).toBe('INVALID_VALUE_FOR_COLUMN');
    expect(err.message).toContain('records[1]');
    expect(await po.base('Purchase Orders').select().all()).toEqual([]);
  });

  it('answers ROW_DOES_NOT_EXIST for a batch update of an unknown record ID', async () => {
    const err = await rejection(po.base('Purchase Orders').update([{ id: 'recAAAAAAAAAAAAAA', fields: { Qty: 1 } }]));
    expect([err.statusCode, err.error]).toEqual([422, 'ROW_DOES_NOT_EXIST']);
    expect(err.message).toContain('recAAAAAAAAAAAAAA');
  });

  it('answers UNKNOWN_FIELD_NAME for a field the table does not have', async () => {
    const err = await rejection(po.base('Purchase Orders').create([{ fields: { Colour: 'red' } }]));
    expect([err.statusCode, err.error, err.message]).toEqual([422, 'UNKNOWN_FIELD_NAME', 'Unknown field name: "Colour"']);
  });

  it('answers INVALID_REQUEST_UNKNOWN for an option the endpoint does not take', async () => {
    const err = await rejection(po.base('Purchase Orders').create([{ fields: {} }], { colour: 'red' } as never));
    expect([err.statusCode, err.error]).toEqual([422, 'INVALID_REQUEST_UNKNOWN']);
  });

  it('answers 404 NOT_FOUND for an unknown table, base or record', async () => {
    const table = await rejection(po.base('Nope').select().all());
    expect([table.statusCode, table.error]).toEqual([404, 'NOT_FOUND']);
    expect(table.message).toContain('Nope');
    const base = await rejection(airtable(ws, 'appAAAAAAAAAAAAAA')('Purchase Orders').select().all());
    expect([base.statusCode, base.error]).toEqual([404, 'NOT_FOUND']);
    const record = await rejection(po.base('Purchase Orders').update('recAAAAAAAAAAAAAA', { Qty: 1 }));
    expect([record.statusCode, record.error]).toEqual([404, 'NOT_FOUND']);
  });

  it('answers 400 to a body that is not JSON', async () => {
    // airtable.js always sends valid JSON, so this one is raw HTTP.
    const res = await fetch(`${ws.url}/v0/${po.baseId}/${po.orders.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' },
      body: '{"records": [',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('INVALID_REQUEST_UNKNOWN');
  });
});

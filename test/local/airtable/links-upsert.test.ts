import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedComputedField } from '../../../src/local/airtable/computed.ts';
import { openStore } from '../../../src/local/store.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { createPoBase, meta, rejection, type PoBase } from './fixtures.ts';

describe('Airtable linked records and upserts', () => {
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

  const linksOf = async (table: string, id: string, field: string): Promise<unknown> => (await po.base(table).find(id)).get(field);

  it('creates the inverse link field in the linked table, named after the source table', async () => {
    const schema = await meta(ws, 'GET', `/bases/${po.baseId}/tables`);
    const [suppliers, orders] = schema.body.tables;
    const link = orders.fields.find((f: { name: string }) => f.name === 'Supplier');
    const inverse = suppliers.fields.find((f: { name: string }) => f.name === 'Purchase Orders');
    expect(link.options).toEqual({ linkedTableId: suppliers.id, isReversed: false, prefersSingleRecordLink: false, inverseLinkFieldId: inverse.id });
    expect(inverse.options).toEqual({ linkedTableId: orders.id, isReversed: false, prefersSingleRecordLink: false, inverseLinkFieldId: link.id });

    const second = await meta(ws, 'POST', `/bases/${po.baseId}/tables/${orders.id}/fields`, {
      name: 'Standby supplier',
      type: 'multipleRecordLinks',
      options: { linkedTableId: suppliers.id },
    });
    const after = await meta(ws, 'GET', `/bases/${po.baseId}/tables`);
    const secondInverse = after.body.tables[0].fields.find((f: { id: string }) => f.id === second.body.options.inverseLinkFieldId);
    expect(secondInverse.name).toBe('Purchase Orders 2');
  });

  it('keeps both sides of a link in step on create, update, replace and delete', async () => {
    const [acme, bolt] = await po.base('Suppliers').create([{ fields: { Name: 'Acme' } }, { fields: { Name: 'Bolt' } }]);
    const [o1, o2] = await po.base('Purchase Orders').create([
      { fields: { 'PO number': 'PO-1', Supplier: [acme!.id] } },
      { fields: { 'PO number': 'PO-2', Supplier: [acme!.id, bolt!.id] } },
    ]);
    expect(await linksOf('Suppliers', acme!.id, 'Purchase Orders')).toEqual([o1!.id, o2!.id]);
    expect(await linksOf('Suppliers', bolt!.id, 'Purchase Orders')).toEqual([o2!.id]);

    await po.base('Purchase Orders').update(o2!.id, { Supplier: [bolt!.id] });
    expect(await linksOf('Suppliers', acme!.id, 'Purchase Orders')).toEqual([o1!.id]);

    await po.base('Purchase Orders').replace(o1!.id, { 'PO number': 'PO-1' });
    expect(await linksOf('Suppliers', acme!.id, 'Purchase Orders')).toBeUndefined();

    // Writing the inverse side updates the source side too.
    await po.base('Suppliers').update(acme!.id, { 'Purchase Orders': [o1!.id, o2!.id] });
    expect(await linksOf('Purchase Orders', o1!.id, 'Supplier')).toEqual([acme!.id]);
    expect(await linksOf('Purchase Orders', o2!.id, 'Supplier')).toEqual([bolt!.id, acme!.id]);

    await po.base('Suppliers').destroy([bolt!.id]);
    expect(await linksOf('Purchase Orders', o2!.id, 'Supplier')).toEqual([acme!.id]);
    await po.base('Purchase Orders').destroy(o2!.id);
    expect(await linksOf('Suppliers', acme!.id, 'Purchase Orders')).toEqual([o1!.id]);
  });

  it('counts and looks up through a link', async () => {
    const schema = await meta(ws, 'GET', `/bases/${po.baseId}/tables`);
    const inverseId: string = schema.body.tables[0].fields.find((f: { name: string }) => f.name === 'Purchase Orders').id;
    const qtyId = po.orders.fields.find((f) => f.name === 'Qty')!.id;
    const db = openStore(ws.dir);
    try {
      seedComputedField(db, po.suppliers.id, { name: 'Orders', type: 'count', options: { recordLinkFieldId: inverseId } });
      seedComputedField(db, po.suppliers.id, { name: 'Quantities', type: 'multipleLookupValues', options: { recordLinkFieldId: inverseId, fieldIdInLinkedTable: qtyId } });
    } finally {
      db.close();
    }
    const [acme] = await po.base('Suppliers').create([{ fields: { Name: 'Acme' } }]);
    await po.base('Purchase Orders').create([{ fields: { Qty: 5, Supplier: [acme!.id] } }, { fields: { Qty: 7, Supplier: [acme!.id] } }]);
    const found = await po.base('Suppliers').find(acme!.id);
    expect([found.get('Orders'), found.get('Quantities')]).toEqual([2, [5, 7]]);
  });

  it('upserts on merge fields and reports createdRecords / updatedRecords', async () => {
    const [existing] = await po.base('Purchase Orders').create([{ fields: { 'PO number': 'PO-1', Qty: 1 } }]);
    const res = await po.base.makeRequest({
      method: 'PATCH',
      path: `/${encodeURIComponent('Purchase Orders')}`,
      body: {
        performUpsert: { fieldsToMergeOn: ['PO number'] },
        records: [{ fields: { 'PO number': 'PO-1', Qty: 2 } }, { fields: { 'PO number': 'PO-2', Qty: 3 } }],
      },
    });
    const created = res.body.createdRecords as string[];
    expect(res.body.updatedRecords).toEqual([existing!.id]);
    expect(created).toHaveLength(1);
    expect(res.body.records.map((r: { id: string }) => r.id)).toEqual([existing!.id, created[0]]);
    const all = await po.base('Purchase Orders').select({ sort: [{ field: 'PO number' }] }).all();
    expect(all.map((r) => [r.get('PO number'), r.get('Qty')])).toEqual([
      ['PO-1', 2],
      ['PO-2', 3],
    ]);
  });

  it('fails an upsert when several records match, or when a merge field cannot be merged on', async () => {
    await po.base('Purchase Orders').create([{ fields: { 'PO number': 'dup' } }, { fields: { 'PO number': 'dup' } }]);
    const upsert = (fieldsToMergeOn: string[], fields: Record<string, unknown>) =>
      po.base.makeRequest({ method: 'PATCH', path: `/${po.orders.id}`, body: { performUpsert: { fieldsToMergeOn }, records: [{ fields }] } });
    const several = await rejection(upsert(['PO number'], { 'PO number': 'dup', Qty: 1 }));
    expect(several.statusCode).toBe(422);
    expect(several.message).toContain('2 records');
    const checkbox = await rejection(upsert(['Contract signed'], { 'Contract signed': true }));
    expect([checkbox.statusCode, checkbox.error]).toEqual([422, 'INVALID_REQUEST_UNKNOWN']);
    const unknown = await rejection(upsert(['Colour'], { Qty: 1 }));
    expect(unknown.error).toBe('UNKNOWN_FIELD_NAME');
    const tooMany = await rejection(upsert(['PO number', 'Qty', 'Status', 'Notes'], { Qty: 1 }));
    expect(tooMany.error).toBe('INVALID_REQUEST_UNKNOWN');
    expect(await po.base('Purchase Orders').select().all()).toHaveLength(2);
  });
});

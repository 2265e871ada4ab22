import type { FieldSet } from 'airtable';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedComputedField } from '../../../src/local/airtable/computed.ts';
import { openStore } from '../../../src/local/store.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { createPoBase, meta, rejection, type PoBase } from './fixtures.ts';

describe('Airtable cell values per field type', () => {
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

  const create = (fields: Record<string, unknown>, typecast = false) =>
    po.base('Purchase Orders').create([{ fields: fields as FieldSet }], { typecast }).then((records) => records[0]!.fields);

  it.each([
    ['Notes', 'line 1\nline 2', 'line 1\nline 2'],
    ['Qty', 12.4, 12],
    ['Unit price', 3.456, 3.46],
    ['Deposit', 0.3, 0.3],
    ['Status', 'Quoted', 'Quoted'],
    ['Tags', ['Fragile', 'Urgent'], ['Fragile', 'Urgent']],
    ['Ship-by', '2028-02-29', '2028-02-29'],
    ['Booked at', '2024-05-01T08:00:00+08:00', '2024-05-01T00:00:00.000Z'],
    ['Contract signed', true, true],
    ['Email', 'buyer@example.com', 'buyer@example.com'],
    ['Website', 'https://factory.example.cn', 'https://factory.example.cn'],
    ['Phone', '+86 21 5555 0100', '+86 21 5555 0100'],
    ['Specs', '**Bold** spec', '**Bold** spec'],
    ['Rating', 4, 4],
    ['Lead time', 5400, 5400],
  ])('stores a valid %s value', async (field, value, stored) => {
    expect((await create({ [field]: value }))[field]).toEqual(stored);
  });

  it.each([
    ['Notes', 'x'.repeat(100_001)],
    ['Qty', '12'],
    ['Qty', [1]],
    ['Ship-by', '2027-02-31'],
    ['Ship-by', '31/12/2027'],
    ['Booked at', 'next Tuesday'],
    ['Contract signed', 'false'],
    ['Tags', 'Urgent'],
    ['Rating', 6],
    ['Email', 42],
    ['Photos', [{ url: 'ftp://files.example.com/a.pdf' }]],
    ['Supplier', 'recAAAAAAAAAAAAAA'],
  ])('refuses %s = %j with INVALID_VALUE_FOR_COLUMN naming the field', async (field, value) => {
    const err = await rejection(create({ [field]: value }));
    expect([err.statusCode, err.error]).toEqual([422, 'INVALID_VALUE_FOR_COLUMN']);
    expect(err.message).toContain(field);
  });

  it('accepts a long text of exactly 100,000 characters', async () => {
    expect((await create({ Notes: 'x'.repeat(100_000) }))['Notes']).toHaveLength(100_000);
  });

  it('refuses an unknown select option without typecast and creates it with typecast', async () => {
    const err = await rejection(create({ Status: 'On hold' }));
    expect([err.statusCode, err.error]).toEqual([422, 'INVALID_MULTIPLE_CHOICE_OPTIONS']);
    expect(err.message).toContain('""On hold""');
    expect((await create({ Status: 'On hold', Tags: 'Urgent, Sample' }, true))).toEqual({ Status: 'On hold', Tags: ['Urgent', 'Sample'] });
    const schema = await meta(ws, 'GET', `/bases/${po.baseId}/tables`);
    const status = schema.body.tables[1].fields.find((f: { name: string }) => f.name === 'Status');
    expect(status.options.choices.map((c: { name: string }) => c.name)).toEqual(['RFQ', 'Quoted', 'Shipped', 'On hold']);
    expect(status.options.choices[3]).toMatchObject({ id: expect.stringMatching(/^sel[A-Za-z0-9]{14}$/), color: expect.any(String) });
  });

  it('converts strings with typecast on a best-effort basis', async () => {
    const fields = await create(
      { Qty: '1,250', 'Unit price': '$3.50', Deposit: '30%', 'Contract signed': 'yes', 'Ship-by': 'May 31, 2027', 'Lead time': '1:30', Rating: '3', Notes: 42 },
      true,
    );
    expect(fields).toEqual({ Qty: 1250, 'Unit price': 3.5, Deposit: 0.3, 'Contract signed': true, 'Ship-by': '2027-05-31', 'Lead time': 5400, Rating: 3, Notes: '42' });
  });

  it('links by primary value with typecast, creating the missing linked record', async () => {
    const fields = await create({ Supplier: ['Shenzhen Lights'] }, true);
    const suppliers = await po.base('Suppliers').select().all();
    expect(suppliers.map((s) => s.get('Name'))).toEqual(['Shenzhen Lights']);
    expect(fields['Supplier']).toEqual([suppliers[0]!.id]);
  });

  it('answers ROW_DOES_NOT_EXIST for a link to an unknown record', async () => {
    const err = await rejection(create({ Supplier: ['recAAAAAAAAAAAAAA'] }));
    expect([err.statusCode, err.error]).toEqual([422, 'ROW_DOES_NOT_EXIST']);
  });

  it('stores attachments from URLs and keeps one written back by id', async () => {
    const fields = await create({ Photos: [{ url: 'https://files.example.com/qc/PSI%20report.pdf' }, { url: 'https://files.example.com/x', filename: 'carton.jpg' }] });
    const photos = fields['Photos'] as unknown as { id: string; url: string; filename: string; type?: string }[];
    expect(photos).toEqual([
      { id: expect.stringMatching(/^att[A-Za-z0-9]{14}$/), url: 'https://files.example.com/qc/PSI%20report.pdf', filename: 'PSI report.pdf', type: 'application/pdf' },
      { id: expect.stringMatching(/^att/), url: 'https://files.example.com/x', filename: 'carton.jpg', type: 'image/jpeg' },
    ]);
    const [record] = await po.base('Purchase Orders').select().all();
    const kept = await po.base('Purchase Orders').update(record!.id, { Photos: [photos[1]!] } as never);
    expect(kept.get('Photos')).toEqual([photos[1]]);
  });

  it('computes formula and autonumber fields and refuses writes to them', async () => {
    const db = openStore(ws.dir);
    try {
      seedComputedField(db, po.orders.id, { name: 'Double', type: 'formula', options: { formula: '{Qty} * 2' } });
      seedComputedField(db, po.orders.id, { name: 'No.', type: 'autoNumber' });
    } finally {
      db.close();
    }
    const first = await create({ Qty: 21 });
    const second = await create({ Qty: 1 });
    expect([first['Double'], first['No.'], second['No.']]).toEqual([42, 1, 2]);
    const err = await rejection(create({ Double: 3 }));
    expect([err.statusCode, err.error]).toEqual([422, 'INVALID_VALUE_FOR_COLUMN']);
    expect(err.message).toContain('Field "Double" cannot accept a value because the field is computed');
    const filtered = await po.base('Purchase Orders').select({ filterByFormula: '{Double} > 10' }).all();
    expect(filtered.map((r) => r.get('Qty'))).toEqual([21]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { meta, WORKSPACE_ID } from './fixtures.ts';

const id = (prefix: string) => expect.stringMatching(new RegExp(`^${prefix}[A-Za-z0-9]{14}$`));

/** The field list of Airtable's own create-base / create-table examples. */
const APARTMENT_FIELDS = [
  { description: 'Name of the apartment', name: 'Name', type: 'singleLineText' },
  { name: 'Address', type: 'singleLineText' },
  { name: 'Visited', options: { color: 'greenBright', icon: 'check' }, type: 'checkbox' },
];

describe('Airtable meta API (plain fetch, shaped like the API reference examples)', () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await startTestWorkspace();
  });
  afterAll(async () => {
    await ws.close();
  });

  async function apartmentBase(): Promise<{ id: string; tables: any[] }> {
    const res = await meta(ws, 'POST', '/bases', {
      name: 'Apartment Hunting',
      tables: [{ description: 'A to-do list of places to visit', fields: APARTMENT_FIELDS, name: 'Apartments' }],
      workspaceId: WORKSPACE_ID,
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  it('creates a base and answers the documented shape', async () => {
    const base = await apartmentBase();
    const table = base.tables[0];
    expect(base).toEqual({
      id: id('app'),
      tables: [
        {
          id: id('tbl'),
          name: 'Apartments',
          description: 'A to-do list of places to visit',
          primaryFieldId: table.fields[0].id,
          fields: [
            { id: id('fld'), name: 'Name', type: 'singleLineText', description: 'Name of the apartment' },
            { id: id('fld'), name: 'Address', type: 'singleLineText' },
            { id: id('fld'), name: 'Visited', type: 'checkbox', options: { color: 'greenBright', icon: 'check' } },
          ],
          views: [{ id: id('viw'), name: 'Grid view', type: 'grid' }],
        },
      ],
    });
    const schema = await meta(ws, 'GET', `/bases/${base.id}/tables`);
    expect(schema).toEqual({ status: 200, body: { tables: base.tables } });
    const list = await meta(ws, 'GET', '/bases');
    expect(list.body.bases).toContainEqual({ id: base.id, name: 'Apartment Hunting', permissionLevel: 'create' });
  });

  it('creates a table and a field, and renames both', async () => {
    const base = await apartmentBase();
    const table = await meta(ws, 'POST', `/bases/${base.id}/tables`, {
      description: 'Viewings',
      fields: [
        { name: 'Viewing', type: 'singleLineText' },
        { name: 'When', type: 'dateTime', options: { dateFormat: { name: 'iso' }, timeFormat: { name: '24hour' }, timeZone: 'Asia/Shanghai' } },
        { name: 'Outcome', type: 'singleSelect', options: { choices: [{ name: 'Liked', color: 'greenLight2' }, { name: 'Passed' }] } },
      ],
      name: 'Viewings',
    });
    expect(table.status).toBe(200);
    expect(table.body.fields[1].options).toEqual({
      dateFormat: { name: 'iso', format: 'YYYY-MM-DD' },
      timeFormat: { name: '24hour', format: 'HH:mm' },
      timeZone: 'Asia/Shanghai',
    });
    expect(table.body.fields[2].options.choices).toEqual([
      { id: id('sel'), name: 'Liked', color: 'greenLight2' },
      { id: id('sel'), name: 'Passed', color: expect.any(String) },
    ]);

    const field = await meta(ws, 'POST', `/bases/${base.id}/tables/${table.body.id}/fields`, {
      description: 'Whether I have visited this apartment yet.',
      name: 'Visited',
      options: { color: 'greenBright', icon: 'check' },
      type: 'checkbox',
    });
    expect(field).toEqual({
      status: 200,
      body: { id: id('fld'), name: 'Visited', type: 'checkbox', description: 'Whether I have visited this apartment yet.', options: { color: 'greenBright', icon: 'check' } },
    });

    const renamedField = await meta(ws, 'PATCH', `/bases/${base.id}/tables/${table.body.id}/fields/${field.body.id}`, { name: 'Seen', description: 'Seen it' });
    expect(renamedField.body).toMatchObject({ id: field.body.id, name: 'Seen', description: 'Seen it' });
    const renamedTable = await meta(ws, 'PATCH', `/bases/${base.id}/tables/${table.body.id}`, { name: 'Visits' });
    expect(renamedTable.body).toMatchObject({ id: table.body.id, name: 'Visits', description: 'Viewings' });
    const schema = await meta(ws, 'GET', `/bases/${base.id}/tables`);
    expect(schema.body.tables.map((t: { name: string }) => t.name)).toEqual(['Apartments', 'Visits']);
  });

  it.each([
    ['no workspaceId', { name: 'B', tables: [{ name: 'T', fields: [{ name: 'A', type: 'singleLineText' }] }] }, 'workspaceId'],
    ['no tables', { name: 'B', workspaceId: WORKSPACE_ID, tables: [] }, 'at least one table'],
    ['a table without fields', { name: 'B', workspaceId: WORKSPACE_ID, tables: [{ name: 'T', fields: [] }] }, 'at least one field'],
    [
      'field names equal ignoring case',
      { name: 'B', workspaceId: WORKSPACE_ID, tables: [{ name: 'T', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'name', type: 'email' }] }] },
      'already has a field named "name"',
    ],
    [
      'a checkbox as primary field',
      { name: 'B', workspaceId: WORKSPACE_ID, tables: [{ name: 'T', fields: [{ name: 'Done', type: 'checkbox', options: { icon: 'check', color: 'greenBright' } }] }] },
      'primary',
    ],
    [
      'a computed field type',
      { name: 'B', workspaceId: WORKSPACE_ID, tables: [{ name: 'T', fields: [{ name: 'A', type: 'singleLineText' }, { name: 'F', type: 'formula', options: { formula: '1' } }] }] },
      'formula',
    ],
    [
      'a number without precision',
      { name: 'B', workspaceId: WORKSPACE_ID, tables: [{ name: 'T', fields: [{ name: 'A', type: 'singleLineText' }, { name: 'N', type: 'number' }] }] },
      'precision',
    ],
  ])('refuses a base with %s (422)', async (_, body, words) => {
    const before = (await meta(ws, 'GET', '/bases')).body.bases.length;
    const res = await meta(ws, 'POST', '/bases', body);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain(words);
    expect((await meta(ws, 'GET', '/bases')).body.bases).toHaveLength(before);
  });

  it('refuses duplicate table names ignoring case and a second field of the same name', async () => {
    const base = await apartmentBase();
    const table = await meta(ws, 'POST', `/bases/${base.id}/tables`, { name: 'APARTMENTS', fields: [{ name: 'A', type: 'singleLineText' }] });
    expect([table.status, table.body.error.type]).toEqual([422, 'DUPLICATE_TABLE_NAME']);
    const field = await meta(ws, 'POST', `/bases/${base.id}/tables/${base.tables[0].id}/fields`, { name: 'address', type: 'singleLineText' });
    expect([field.status, field.body.error.type]).toEqual([422, 'DUPLICATE_OR_EMPTY_FIELD_NAME']);
  });

  it('answers 404 NOT_FOUND for an unknown base or table', async () => {
    const base = await meta(ws, 'GET', '/bases/appAAAAAAAAAAAAAA/tables');
    expect([base.status, base.body.error.type]).toEqual([404, 'NOT_FOUND']);
    const real = await apartmentBase();
    const table = await meta(ws, 'POST', `/bases/${real.id}/tables/tblAAAAAAAAAAAAAA/fields`, { name: 'X', type: 'singleLineText' });
    expect([table.status, table.body.error.type]).toEqual([404, 'NOT_FOUND']);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAirtableAdapters, type AirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { AirtableApiError } from '../../src/adapters/airtable/errors.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

const WORKSPACE_ID = 'wspTest0000000000';

describe('Airtable adapter against the local workspace', () => {
  let ws: TestWorkspace;
  let counter: RequestCounter;
  let airtable: AirtableAdapters;
  let baseId: string;

  beforeEach(async () => {
    ws = await startTestWorkspace();
    counter = new RequestCounter();
    airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 1000, penaltyMs: 50 });
    const base = await airtable.meta.createBase('Adapter test', WORKSPACE_ID, [
      {
        name: 'Purchase Orders',
        fields: [
          { name: 'PO number', type: 'singleLineText' },
          { name: 'Quantity', type: 'number', options: { precision: 0 } },
        ],
      },
    ]);
    baseId = base.id;
  });

  afterEach(async () => {
    await ws.close();
  });

  it('writes in batches of 10 and reads in pages of 100, counting every request', async () => {
    const records = airtable.records(baseId);
    const rows = Array.from({ length: 250 }, (_, i) => ({ 'PO number': `PO-${1000 + i}`, Quantity: i }));
    const created = await records.create('Purchase Orders', rows);
    expect(created.map((r) => r.fields['PO number'])).toEqual(rows.map((r) => r['PO number']));
    const listed = await records.list('Purchase Orders');
    expect(listed).toHaveLength(250);
    expect(counter.snapshot()['airtable']?.byOperation).toMatchObject({ create: 25, list: 3 });
  });

  it('escapes quotes, backslashes and braces in values placed in a formula', async () => {
    const records = airtable.records(baseId);
    const tricky = [`PO-7'x`, `PO-"8"\\`, `{PO number}`, `PO-9\\'); OR(TRUE(), '`];
    await records.create('Purchase Orders', [...tricky, 'PO-plain'].map((n) => ({ 'PO number': n })));
    for (const value of tricky) {
      const found = await records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: value }] });
      expect(found.map((r) => r.fields['PO number'])).toEqual([value]);
    }
  });

  it('lists by a long OR of values (the URL would pass 16 KB once percent-encoded): sent as a POST listRecords', async () => {
    const records = airtable.records(baseId);
    // Chinese order references: 2 characters each as JSON, 18 once percent-encoded.
    const numbers = Array.from({ length: 300 }, (_, i) => `采购订单-${1000 + i}`);
    await records.create('Purchase Orders', [...numbers, 'PO-other'].map((n) => ({ 'PO number': n })));
    // ~8,000 characters as JSON, ~20,000 in a query string: the emulator, like any HTTP server, refuses so long a URL.
    const found = await records.list('Purchase Orders', { matchAny: numbers.map((n) => ({ field: 'PO number', equals: n })) });
    expect(found.map((r) => r.fields['PO number']).sort()).toEqual(numbers);
  });

  it('upserts on a merge field and reports which records were created and which updated', async () => {
    const records = airtable.records(baseId);
    await records.create('Purchase Orders', [{ 'PO number': 'PO-1', Quantity: 1 }]);
    const result = await records.upsert(
      'Purchase Orders',
      [
        { 'PO number': 'PO-1', Quantity: 10 },
        { 'PO number': 'PO-2', Quantity: 20 },
      ],
      ['PO number'],
    );
    expect(result.createdRecords).toHaveLength(1);
    expect(result.updatedRecords).toHaveLength(1);
    const all = await records.list('Purchase Orders', { sort: [{ field: 'PO number' }] });
    expect(all.map((r) => [r.fields['PO number'], r.fields['Quantity']])).toEqual([
      ['PO-1', 10],
      ['PO-2', 20],
    ]);
  });

  it('treats a 429 as a pause and then succeeds', async () => {
    await ws.control('POST', '/faults', { service: 'airtable', status: 429, count: 2 });
    const listed = await airtable.records(baseId).list('Purchase Orders');
    expect(listed).toEqual([]);
    expect(counter.snapshot()['airtable']?.byOperation['rate-limited']).toBe(2);
  });

  it('names the operation, status and Airtable error type when a request fails', async () => {
    const error = await airtable
      .records(baseId)
      .create('Purchase Orders', [{ 'PO number': 'PO-1', Colour: 'red' }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AirtableApiError);
    expect(error).toMatchObject({ status: 422, type: 'UNKNOWN_FIELD_NAME', operation: 'create' });
  });
});

/** Airtable's retry contract through airtable.js against the local workspace's injected faults. */
import { describe, expect, it } from 'vitest';
import { createAirtableAdapters, type AirtableAdapters } from '../../src/adapters/airtable/index.ts';
import type { RequestCounter } from '../../src/lib/request-counter.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { workspaceResetPerTest } from '../helpers/workspace-per-test.ts';

let ws: TestWorkspace;
let counter: RequestCounter;
let airtable: AirtableAdapters;
let baseId: string;
const TABLE = 'Alerts';

workspaceResetPerTest(async (started, fresh) => {
  ws = started;
  counter = fresh;
  airtable = createAirtableAdapters({
    endpointUrl: ws.url,
    apiKey: ws.token,
    counter,
    requestsPerSecond: 1000,
    penaltyMs: 50,
    retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 100 },
  });
  const base = await airtable.meta.createBase('Retry test', 'wspLocal000000000', [
    { name: TABLE, fields: [{ name: 'Key', type: 'singleLineText' }, { name: 'Status', type: 'singleLineText' }] },
  ]);
  baseId = base.id;
});

const retries = () => counter.snapshot()['airtable']?.byOperation['retry'] ?? 0;
const rows = async () => (await airtable.records(baseId).list(TABLE)).map((r) => r.fields['Key']);

describe('Airtable retries', () => {
  it.each([500, 502, 503, 504])('a list answered %i then OK succeeds, the retry counted', async (status) => {
    await airtable.records(baseId).create(TABLE, [{ Key: 'a' }]);
    await ws.control('POST', '/faults', { service: 'airtable', status, count: 1, methods: ['GET'] });
    expect(await rows()).toEqual(['a']);
    expect(retries()).toBe(1);
  });

  it('an update whose connection resets, then times out, is retried and lands once', async () => {
    const [row] = await airtable.records(baseId).create(TABLE, [{ Key: 'a', Status: 'Open' }]);
    await ws.control('POST', '/faults', { service: 'airtable', kind: 'reset', count: 1, methods: ['PATCH'] });
    await ws.control('POST', '/faults', { service: 'airtable', kind: 'timeout', delayMs: 50, count: 1, methods: ['PATCH'] });
    await airtable.records(baseId).update(TABLE, [{ id: row!.id, fields: { Status: 'Resolved' } }]);
    expect((await airtable.records(baseId).list(TABLE))[0]?.fields['Status']).toBe('Resolved');
    expect(retries()).toBe(2);
  });

  it('an upsert by key whose answer is lost is retried and leaves exactly one record', async () => {
    await ws.control('POST', '/faults', { service: 'airtable', kind: 'lost-response', count: 1, methods: ['PATCH'] });
    const result = await airtable.records(baseId).upsert(TABLE, [{ Key: 'alert-1', Status: 'Open' }], ['Key']);
    expect(result.records).toHaveLength(1);
    expect(await rows()).toEqual(['alert-1']);
    expect(retries()).toBe(1);
  });

  it('a create whose answer is lost is NOT repeated (no twin): the error says what was left, one record exists', async () => {
    await ws.control('POST', '/faults', { service: 'airtable', kind: 'lost-response', count: 1, methods: ['POST'] });
    await expect(airtable.records(baseId).create(TABLE, [{ Key: 'alert-1' }])).rejects.toThrow(/create/);
    expect(await rows()).toEqual(['alert-1']);
    expect(retries()).toBe(0);
  });

  it('a create answered 503 (nothing done) is retried', async () => {
    await ws.control('POST', '/faults', { service: 'airtable', status: 503, count: 1, methods: ['POST'] });
    await airtable.records(baseId).create(TABLE, [{ Key: 'alert-1' }]);
    expect(await rows()).toEqual(['alert-1']);
    expect(retries()).toBe(1);
  });

  it('gives up within its budget on a lasting outage, with Airtable’s status in the error', async () => {
    await ws.control('POST', '/faults', { service: 'airtable', status: 500, count: 10, methods: ['GET'] });
    await expect(rows()).rejects.toThrow(/500/);
    expect(retries()).toBe(3);
  });
});

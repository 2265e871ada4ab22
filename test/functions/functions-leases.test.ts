/** A function whose job's lease is held (a Pub/Sub redelivery, a manual run) answers 200 "already running" and writes nothing. */
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../functions/index.ts';
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { openSqliteStateStore } from '../../src/adapters/state/sqlite-state-store.ts';
import { loadSampleRows, loadTemplateTables } from '../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { leaseKey, Leases } from '../../src/lib/leases.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let baseId: string;

beforeAll(async () => {
  h = await startHarness();
  const counter = new RequestCounter();
  const airtable = createAirtableAdapters({ endpointUrl: h.ws.url, apiKey: h.ws.token, counter, requestsPerSecond: 1000, penaltyMs: 50 });
  const setup = await setupWorkspace(
    { meta: airtable.meta, records: airtable.records, counter, now: () => new Date() },
    { baseName: 'Sourcing workspace', workspaceId: 'wspLocal000000000', tables: loadTemplateTables(), rows: loadSampleRows(new Date().toISOString().slice(0, 10)) },
  );
  baseId = setup.details.baseId;
}, 60_000);
afterAll(async () => {
  await h.close();
});

describe('functions under leases', () => {
  it.each([
    ['planSchedule', 'plan'],
    ['buildDocuments', 'documents'],
    ['syncWorkspace', 'sync'],
  ])('%s while another run holds the %s lease: 200, "already running", no write', async (fn, lease) => {
    const store = openSqliteStateStore(join(h.ws.dir, 'state.db'));
    const leases = new Leases(store);
    const held = await leases.acquire(leaseKey(baseId, lease), 'tick-redelivery@instance-1', 60_000);
    if (!held.acquired) throw new Error('expected the lease');
    try {
      const before = ((await h.ws.control('GET', '/requests?since=999999999')) as { lastSeq: number }).lastSeq;
      const res = await supertest(getTestServer(fn)).post('/').set('content-type', 'application/json').send('{}');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ workspace: 'default', ok: true, alreadyRunning: { job: lease, heldBy: 'tick-redelivery@instance-1' } });
      const log = (await h.ws.control('GET', `/requests?since=${before}`)) as { requests: { method: string; service: string }[] };
      expect(log.requests.filter((r) => r.service !== 'control' && r.method !== 'GET')).toEqual([]);
    } finally {
      await leases.release(held.lease);
      await store.close();
    }
  });
});

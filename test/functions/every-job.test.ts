/**
 * Every job function on the sample agency through the framework's test server: each answers its own report with a
 * 2xx, and a second call of the portal sync writes nothing.
 */
import { getTestServer } from '@google-cloud/functions-framework/testing';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../functions/index.ts';
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { loadSampleRows, loadTemplateTables } from '../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;

async function post(fn: string, body: unknown = {}) {
  return supertest(getTestServer(fn)).post('/').set('content-type', 'application/json').send(JSON.stringify(body));
}

describe('job functions on the sample agency', () => {
  beforeAll(async () => {
    h = await startHarness();
    const counter = new RequestCounter();
    const airtable = createAirtableAdapters({ endpointUrl: h.ws.url, apiKey: h.ws.token, counter, requestsPerSecond: 1000, penaltyMs: 50 });
    await setupWorkspace(
      { meta: airtable.meta, records: airtable.records, counter, now: () => new Date() },
      { baseName: 'Sourcing workspace', workspaceId: 'wspLocal000000000', tables: loadTemplateTables(), rows: loadSampleRows(new Date().toISOString().slice(0, 10)) },
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([
    ['refreshCalendar', {}, 'calendar'],
    ['planSchedule', {}, 'plan'],
    ['buildDocuments', {}, 'documents'],
    ['closeProject', {}, 'close'],
    ['runChecks', {}, 'checks'],
    ['syncWorkspace', {}, 'sync-portals'],
  ])('%s runs its job and answers the report', async (fn, body, job) => {
    const res = await post(fn, body);
    expect([200, 207], JSON.stringify(res.body).slice(0, 500)).toContain(res.status);
    expect(res.body).toMatchObject({ workspace: 'default', job });
    expect(res.body.ok).toBe(res.status === 200);
  });

  it('runChecks also sends what the checks lead to (reminders, chat, review invites, weekly updates), as one report of every step', async () => {
    const res = await post('runChecks');
    expect(res.body.details.steps.map((s: { job: string }) => s.job)).toEqual(['supplier-dates', 'checks', 'remind', 'chat', 'reviews', 'weekly', 'supplier-prompts']);
  });

  it('a second portal sync makes no write on either side', async () => {
    const res = await post('syncWorkspace');
    const ops = Object.values(res.body.requests as Record<string, { byOperation: Record<string, number> }>).flatMap((c) => Object.keys(c.byOperation));
    expect(ops.filter((op) => /create|update|upsert|delete|append/i.test(op))).toEqual([]);
  });

  it('buildDocuments answers 207 while a shipment is left without documents, listing it', async () => {
    const res = await post('buildDocuments', {});
    expect(res.status).toBe(207);
    expect(res.body.ok).toBe(false);
    expect(res.body.details.blocked.map((b: { shipment: string }) => b.shipment)).toContain('NSH1873452');
    expect(res.body.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^PO-2409 \/ NSH1873452: no export documents until/)]));
  });

  it('refuses an unknown field of the documents function by name', async () => {
    const res = await post('buildDocuments', { po: 'PO-2405' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/"po"/);
  });
});

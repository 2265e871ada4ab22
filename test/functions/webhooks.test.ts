/**
 * The public `webhooks` function through the Functions Framework's test server, against the local workspace: the
 * MAC and the signature are the authentication (wrong → 401 and nothing read or stored), a valid delivery is
 * recorded for the next run, the Notion verification token is kept once, and a replayed event is recognised.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import supertest from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import '../../functions/index.ts';
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { openLocalSyncState } from '../../src/cli/sync-state.ts';
import { ensureAirtableWebhook } from '../../src/jobs/webhooks/airtable-webhook.ts';
import { NO_CHANGES, takePending, type PendingChanges } from '../../src/jobs/webhooks/pending-changes.ts';
import type { StoredAirtableWebhook } from '../../src/jobs/webhooks/receive-webhook.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { STATE_KEYS, type SyncStatePort } from '../../src/ports/sync-state.ts';
import { createPoBase } from '../local/airtable/fixtures.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let state: SyncStatePort & { close(): Promise<void> };
let hook: StoredAirtableWebhook;
let baseId: string;

/** Sent as text: superagent would turn a Buffer with a JSON content type into `{"type":"Buffer",…}`. */
function post(body: Buffer | string, headers: Record<string, string>) {
  return supertest(getTestServer('webhooks')).post('/').set({ 'content-type': 'application/json', ...headers }).send(body.toString());
}

async function apiRequestsSince(seq: number): Promise<unknown[]> {
  const log = (await h.ws.control('GET', `/requests?since=${seq}`)) as { requests: { service: string }[] };
  return log.requests.filter((r) => r.service === 'airtable' || r.service === 'notion');
}

const lastSeq = async () => ((await h.ws.control('GET', '/requests')) as { lastSeq: number }).lastSeq;
const pending = async () => (await state.get<PendingChanges>(STATE_KEYS.pending)) ?? NO_CHANGES;

beforeAll(async () => {
  h = await startHarness();
  state = openLocalSyncState(h.ws.dir);
  baseId = (await createPoBase(h.ws)).baseId;
  const airtable = createAirtableAdapters({ endpointUrl: h.ws.url, apiKey: h.ws.token, counter: new RequestCounter() });
  await ensureAirtableWebhook({ webhooks: airtable.webhooks, state, now: () => new Date() }, baseId, 'http://127.0.0.1:9/webhooks');
  hook = (await state.get<StoredAirtableWebhook>(STATE_KEYS.airtableWebhook(baseId)))!;
}, 60_000);
beforeEach(async () => {
  await takePending(state);
});
afterAll(async () => {
  await state.close();
  await h.close();
});

describe('webhooks function: Airtable pings', () => {
  const ping = () => Buffer.from(JSON.stringify({ base: { id: baseId }, webhook: { id: hook.id }, timestamp: new Date().toISOString() }));
  const mac = (body: Buffer, secret = hook.macSecretBase64) => `hmac-sha256=${createHmac('sha256', Buffer.from(secret, 'base64')).update(body).digest('hex')}`;

  it('a ping with the right MAC answers 204 with no body and asks for a run', async () => {
    const body = ping();
    const res = await post(body, { 'x-airtable-content-mac': mac(body) });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await pending()).airtable).toBe(true);
  });

  it('a wrong MAC, or a body changed after signing, answers 401 and reads nothing', async () => {
    const seq = await lastSeq();
    const body = ping();
    const forged = await post(body, { 'x-airtable-content-mac': mac(body, Buffer.from('not the secret').toString('base64')) });
    const tampered = await post(Buffer.from(body.toString().replace('"timestamp"', '"timestamp" ')), { 'x-airtable-content-mac': mac(body) });
    const garbage = await post(body, { 'x-airtable-content-mac': 'hmac-sha256=zz' });
    expect([forged.status, tampered.status, garbage.status]).toEqual([401, 401, 401]);
    expect(await apiRequestsSince(seq)).toEqual([]);
    expect(await pending()).toEqual(NO_CHANGES);
  });

  it('a ping that arrives twice asks for runs only; nothing is read by the endpoint', async () => {
    const seq = await lastSeq();
    const body = ping();
    expect((await post(body, { 'x-airtable-content-mac': mac(body) })).status).toBe(204);
    expect((await post(body, { 'x-airtable-content-mac': mac(body) })).status).toBe(204);
    expect(await apiRequestsSince(seq)).toEqual([]);
    expect((await pending()).airtable).toBe(true);
  });
});

describe('webhooks function: Notion', () => {
  const token = `secret_${randomUUID().replace(/-/g, '')}`;
  const sign = (body: Buffer, key = token) => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
  const event = (id: string, pageId: string) =>
    Buffer.from(JSON.stringify({
      id, timestamp: new Date().toISOString(), workspace_id: randomUUID(), workspace_name: 'Agency', subscription_id: randomUUID(), integration_id: randomUUID(),
      type: 'comment.created', authors: [{ id: randomUUID(), type: 'person' }], attempt_number: 1, api_version: '2025-09-03',
      entity: { id: randomUUID(), type: 'comment' }, data: { page_id: pageId, parent: { id: pageId, type: 'page' } },
    }));

  it('keeps the first verification token and ignores a later one', async () => {
    expect((await post(JSON.stringify({ verification_token: token }), {})).status).toBe(200);
    expect((await post(JSON.stringify({ verification_token: 'secret_intruder' }), {})).status).toBe(200);
    expect(await state.get(STATE_KEYS.notionToken)).toBe(token);
    expect(h.logs.join('\n')).toContain('Paste it into the integration');
  });

  it('a signed comment.created names its page for the next run; the same event again is recognised', async () => {
    const pageId = randomUUID();
    const body = event(randomUUID(), pageId);
    expect((await post(body, { 'x-notion-signature': sign(body) })).status).toBe(200);
    expect((await takePending(state)).commentPages).toEqual([pageId]);
    const replay = await post(body, { 'x-notion-signature': sign(body) });
    expect(replay.status).toBe(200);
    expect(await pending()).toEqual(NO_CHANGES);
  });

  it('a wrong signature answers 401 and records nothing', async () => {
    const seq = await lastSeq();
    const body = event(randomUUID(), randomUUID());
    expect((await post(body, { 'x-notion-signature': sign(body, 'secret_wrong') })).status).toBe(401);
    expect((await post(body, { 'x-notion-signature': 'sha256=' })).status).toBe(401);
    expect(await apiRequestsSince(seq)).toEqual([]);
    expect(await pending()).toEqual(NO_CHANGES);
  });

  it('an unsigned body that is not a verification request is refused', async () => {
    expect((await post(JSON.stringify({ type: 'comment.created' }), {})).status).toBe(401);
  });
});

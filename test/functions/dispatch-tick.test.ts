/**
 * One scheduled tick end to end: `dispatch` publishes one Pub/Sub message per configured workspace, and each
 * message, delivered to `workspaceTick` as the CloudEvent Pub/Sub pushes, runs that workspace's cycle against the
 * local workspace with the workspace's own settings. Bad messages are acknowledged and logged, failures fail the
 * invocation, and nothing leaks a secret or a stack trace.
 */
import { getTestServer } from '@google-cloud/functions-framework/testing';
import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../functions/index.ts';
import { baseNames, SECRETS, startHarness, type Harness } from './harness.ts';
import { startPubSubCapture, type PubSubCapture, type Published } from './pubsub-capture.ts';

const TOPIC = 'projects/demo-agency/topics/workspace-ticks';
let h: Harness;
let pubsub: PubSubCapture;

function env(extra: Record<string, string> = {}): void {
  h.setEnv({
    PUBSUB_EMULATOR_HOST: pubsub.host,
    PUBSUB_TOPIC: TOPIC,
    ACME_AIRTABLE_TOKEN: SECRETS.acmeAirtable,
    WORKSPACES: JSON.stringify([
      { id: 'acme', env: { AIRTABLE_BASE_NAME: 'Acme sourcing' } },
      { id: 'beta', env: { AIRTABLE_BASE_NAME: 'Beta sourcing' } },
    ]),
    ...extra,
  });
}

async function deliver(message: { data: string; attributes?: Record<string, string> }, id = 'm-1') {
  const res = await supertest(getTestServer('workspaceTick'))
    .post('/')
    .set({
      'ce-id': id,
      'ce-source': `//pubsub.googleapis.com/${TOPIC}`,
      'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
      'ce-specversion': '1.0',
      'content-type': 'application/json',
    })
    .send({ message: { ...message, messageId: id }, subscription: 'projects/demo-agency/subscriptions/tick-worker' });
  h.bodies.push(res.text);
  return res;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('dispatch → Pub/Sub → workspaceTick', () => {
  beforeAll(async () => {
    h = await startHarness();
    pubsub = await startPubSubCapture();
  });
  afterEach(async () => {
    pubsub.failWith(undefined);
    await h.ws.control('DELETE', '/faults');
  });
  afterAll(async () => {
    const answers = h.bodies.join('\n');
    const logs = h.logs.join('\n');
    for (const secret of Object.values(SECRETS)) expect(`${answers}\n${logs}`).not.toContain(secret);
    expect(answers).not.toMatch(/\sat [\w.<>]+ \(|node_modules|\/functions\/|\/src\//);
    // The framework logs its own body-parser errors with their stack (node_modules only); ours never appear.
    expect(logs).not.toMatch(/\/functions\/[\w-]+\.ts|\/src\/[\w/-]+\.ts/);
    await pubsub.close();
    await h.close();
  });

  let published: Published | undefined;

  it('dispatch publishes one message per workspace in one request', async () => {
    env();
    const res = await supertest(getTestServer('dispatch'))
      .post('/')
      .set({ 'content-type': 'application/json', 'x-cloudscheduler': 'true', 'x-cloudscheduler-scheduletime': '2025-03-03T01:00:00Z' })
      .send({ cycle: 'daily' });
    h.bodies.push(res.text);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      topic: TOPIC,
      cycle: 'daily',
      scheduledAt: '2025-03-03T01:00:00Z',
      published: [
        { workspace: 'acme', messageId: expect.any(String) },
        { workspace: 'beta', messageId: expect.any(String) },
      ],
    });
    expect(pubsub.requests).toHaveLength(1);
    published = pubsub.requests[0];
    expect(published?.topic).toBe(TOPIC);
    expect(published?.authorization).toBeUndefined(); // the emulator gets no credentials
    const decoded = published?.messages.map((m) => JSON.parse(Buffer.from(m.data, 'base64').toString('utf8')) as unknown);
    expect(decoded).toEqual([
      { workspace: 'acme', cycle: 'daily', scheduledAt: '2025-03-03T01:00:00Z' },
      { workspace: 'beta', cycle: 'daily', scheduledAt: '2025-03-03T01:00:00Z' },
    ]);
    expect(published?.messages.map((m) => m.attributes)).toEqual([
      { workspace: 'acme', cycle: 'daily' },
      { workspace: 'beta', cycle: 'daily' },
    ]);
  });

  it('each message runs its workspace cycle with that workspace settings', async () => {
    env();
    const [acme, beta] = published?.messages ?? [];
    if (!acme || !beta) throw new Error('dispatch test did not publish');
    const first = await deliver(acme, 'm-acme');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ workspace: 'acme', cycle: 'daily', ok: true, skipped: [] });
    expect(first.body.jobs.map((j: { job: string; ok: boolean }) => [j.job, j.ok])).toEqual([
      ['provision', true],
      ['calendar', true],
      ['plan', true],
      ['close', true],
    ]);
    const second = await deliver(beta, 'm-beta');
    expect(second.status).toBe(200);
    expect((await baseNames(h.ws)).sort()).toEqual(['Acme sourcing', 'Beta sourcing']);
    // Delivered again (Pub/Sub is at least once): the same state, no second base.
    expect((await deliver(acme, 'm-acme')).status).toBe(200);
    expect(await baseNames(h.ws)).toHaveLength(2);
  });

  it('the jobs of one tick share one read of the base: the checks list no table the documents job read', async () => {
    env();
    type TickJob = { job: string; ok: boolean; requests: { airtable?: { byOperation: Record<string, number> } } };
    const lists = (job: TickJob | undefined) => job?.requests.airtable?.byOperation['list'] ?? 0;
    const alone = await deliver({ data: encode({ workspace: 'acme', cycle: 'hourly', scheduledAt: 'x' }) }, 'm-hourly-1');
    expect(alone.status).toBe(200);
    const [documents, checks] = alone.body.jobs as TickJob[];
    expect([documents?.job, checks?.job]).toEqual(['documents', 'checks']);
    // The same checks as a function of their own (a runtime of their own) read every table they need.
    const own = await supertest(getTestServer('runChecks')).post('/').set('content-type', 'application/json').send({ workspace: 'acme' });
    h.bodies.push(own.text);
    expect(own.status).toBe(200);
    const ownLists = (own.body.requests?.airtable?.byOperation?.list ?? own.body.report?.requests?.airtable?.byOperation?.list) as number;
    expect(lists(documents)).toBeGreaterThan(3);
    expect(ownLists).toBeGreaterThan(lists(checks) + 3);
  });

  it('acknowledges a message that can never succeed, with an ERROR log naming why', async () => {
    env();
    const garbage = await deliver({ data: Buffer.from('not json').toString('base64') }, 'm-bad');
    expect(garbage.status).toBe(200);
    expect(garbage.body).toMatchObject({ ok: false, dropped: true, message: 'message.data is not base64-encoded JSON' });
    const unknown = await deliver({ data: encode({ workspace: 'gamma', cycle: 'sync', scheduledAt: 'x' }) }, 'm-gamma');
    expect(unknown.body).toMatchObject({ dropped: true, message: 'workspace "gamma" is not configured (known: acme, beta)' });
    const badCycle = await deliver({ data: encode({ workspace: 'acme', cycle: 'weekly', scheduledAt: 'x' }) }, 'm-weekly');
    expect(badCycle.body.message).toMatch(/^cycle: /);
    const line = JSON.parse(h.logs.at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ severity: 'ERROR', function: 'workspaceTick', messageId: 'm-weekly' });
  });

  it('fails the invocation when a job of the cycle cannot run, without stack or secret', async () => {
    env();
    await h.ws.control('POST', '/faults', { service: 'airtable', status: 500, count: 100, message: `token ${SECRETS.workspaceToken} rejected` });
    const res = await deliver({ data: encode({ workspace: 'acme', cycle: 'daily', scheduledAt: 'x' }) }, 'm-fail');
    expect(res.status).toBe(500);
    expect(res.text).toMatch(/^daily for acme failed \(provision: /);
    const summary = h.logs.map((l) => l.trim()).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).at(-1);
    expect(summary).toMatchObject({ severity: 'ERROR', workspace: 'acme', ok: false });
  });

  it('dispatch answers 400 for an unknown cycle and 500 when the topic is missing or publishing fails', async () => {
    env();
    const server = () => supertest(getTestServer('dispatch')).post('/').set('content-type', 'application/json');
    const bad = await server().send({ cycle: 'weekly' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^cycle: /);
    const empty = await server().send({});
    expect(empty.body.message).toMatch(/^cycle: /);

    env({ PUBSUB_TOPIC: '' });
    delete process.env['PUBSUB_TOPIC'];
    const noTopic = await server().send({ cycle: 'sync' });
    expect(noTopic.status).toBe(500);
    expect(noTopic.body).toEqual({ error: 'configuration', message: expect.stringMatching(/^PUBSUB_TOPIC is not set/) });

    env();
    pubsub.failWith(403);
    const denied = await server().send({ cycle: 'sync' });
    h.bodies.push(bad.text, empty.text, noTopic.text, denied.text);
    expect(denied.status).toBe(500);
    expect(denied.body).toEqual({ error: 'publish_failed', message: `Pub/Sub publish to ${TOPIC} failed: HTTP 403 User not authorized to perform this action.` });
  });
});

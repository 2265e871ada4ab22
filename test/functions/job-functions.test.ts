/**
 * The HTTP job functions through the Functions Framework's test server, against the local workspace: a job that
 * runs answers its report (200, or 207 with record problems), bad input is a 400 naming the field, a job that
 * cannot run is a 500 with its report, and no answer or log line carries a secret or a stack trace.
 */
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../functions/index.ts';
import { defineJob } from '../../functions/function-job.ts';
import { jobHandler } from '../../functions/job-handler.ts';
import { baseNames, SECRETS, startHarness, type Harness } from './harness.ts';

let h: Harness;

// Test-only registrations: a job with record problems, one not wired in, and one whose error quotes secrets.
http('fakeProblems', jobHandler('fakeProblems', defineJob({
  name: 'fake',
  input: z.object({}).strict(),
  run: async (runtime) => ({
    job: 'fake', ok: false, startedAt: new Date().toISOString(), durationMs: 1, requests: runtime.counter.snapshot(),
    problems: ['PO-2411: Ship-by date is missing'], details: {},
  }),
})));
http('fakeUnwired', jobHandler('fakeUnwired', undefined));
http('fakeLeaky', jobHandler('fakeLeaky', defineJob({
  name: 'leaky',
  input: z.object({}).strict(),
  run: async () => {
    throw new Error(`request failed with Authorization: Bearer ${SECRETS.workspaceToken} and token ${SECRETS.notionToken}`);
  },
})));

async function post(fn: string, body?: unknown, type = 'application/json') {
  const req = supertest(getTestServer(fn)).post('/').set('content-type', type);
  const res = await (body === undefined ? req : req.send(typeof body === 'string' ? body : JSON.stringify(body)));
  h.bodies.push(res.text);
  return res;
}

describe('HTTP job functions', () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.ws.control('DELETE', '/faults');
    h.setEnv({});
  });
  afterAll(async () => {
    // Whatever happened above, no secret and no stack trace left the process.
    const answers = h.bodies.join('\n');
    const logs = h.logs.join('\n');
    for (const secret of Object.values(SECRETS)) expect(`${answers}\n${logs}`).not.toContain(secret);
    expect(answers).not.toMatch(/\sat [\w.<>]+ \(|node_modules|\/functions\/|\/src\//);
    // The framework logs its own body-parser errors with their stack (node_modules only); ours never appear.
    expect(logs).not.toMatch(/\/functions\/[\w-]+\.ts|\/src\/[\w/-]+\.ts/);
    await h.close();
  });

  it('provisionWorkspace creates the PO base, answers 200 with the report, and a second run changes nothing', async () => {
    const first = await post('provisionWorkspace', {});
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ workspace: 'default', job: 'setup', ok: true, problems: [] });
    expect(first.body.details.provision.createdBase).toBe(true);
    expect(first.body.requests.airtable.total).toBeGreaterThan(0);
    expect(await baseNames(h.ws)).toEqual(['Sourcing workspace']);

    const again = await post('provisionWorkspace');
    expect(again.status).toBe(200);
    expect(again.body.details.provision).toMatchObject({ createdBase: false, tablesCreated: [], fieldsCreated: [] });
    const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['function'] === 'provisionWorkspace');
    expect(line).toMatchObject({ severity: 'INFO', status: 200, workspace: 'default', ok: true });
  });

  it.each([
    [{ workspace: 42 }, /^workspace: .*expected string/i],
    [{ workspace: 'nope' }, /^workspace: "nope" is not configured \(known: default\)/],
    [{ sample: true }, /Unrecognized key.*"sample"/],
    ['{"workspace": ', /^body: not valid JSON/],
    [[1, 2], /^body: expected a JSON object/],
  ])('answers 400 naming what is wrong in %j', async (body, message) => {
    const res = await post('provisionWorkspace', body, typeof body === 'string' ? 'text/plain' : 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
    expect(res.body.message).toMatch(message);
  });

  it('answers a malformed JSON body with 400 and no stack trace, as deployed (NODE_ENV=production)', async () => {
    // The framework parses application/json before our code runs; deploy.sh sets NODE_ENV=production so its
    // error page carries no stack.
    const saved = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      const res = await post('provisionWorkspace', '{"workspace": ');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Bad Request');
      expect(res.text).not.toMatch(/ at |node_modules|SyntaxError/);
    } finally {
      process.env['NODE_ENV'] = saved;
    }
  });

  it('asks for the workspace when several are configured', async () => {
    h.setEnv({ WORKSPACES: JSON.stringify([{ id: 'acme' }, { id: 'beta' }]) });
    const res = await post('provisionWorkspace', {});
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('workspace: required when several are configured (one of acme, beta)');
  });

  it('refuses anything but POST with 405', async () => {
    const res = await supertest(getTestServer('provisionWorkspace')).get('/');
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('POST');
  });

  it('answers 500 with the report when the job cannot run (Airtable answers 500)', async () => {
    await h.ws.control('POST', '/faults', { service: 'airtable', status: 500, count: 100, message: `upstream failed for ${SECRETS.workspaceToken}` });
    const res = await post('provisionWorkspace', {});
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ workspace: 'default', job: 'provision', ok: false });
    expect(res.body.error).toEqual(expect.any(String));
    expect(res.body.problems[0]).toMatch(/^the job stopped: /);
    expect(res.body.requests.airtable.total).toBeGreaterThan(0);
    expect(res.body).not.toHaveProperty('stack');
    const line = JSON.parse(h.logs.at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ severity: 'ERROR', status: 500, function: 'provisionWorkspace' });
  });

  it('answers 207 when the job ran but some records had problems', async () => {
    const res = await post('fakeProblems', {});
    expect(res.status).toBe(207);
    expect(res.body.problems).toEqual(['PO-2411: Ship-by date is missing']);
  });

  it('answers 501 for a job not wired in yet', async () => {
    const res = await post('fakeUnwired', {});
    expect(res.status).toBe(501);
    expect(res.body.message).toMatch(/not wired into the functions yet/);
  });

  it('redacts secrets quoted in an error message, in the answer and in the log', async () => {
    const res = await post('fakeLeaky', {});
    expect(res.status).toBe(500);
    expect(res.body.error).toBe('request failed with Authorization: Bearer *** and token ***');
    expect(h.logs.at(-1)).toContain('request failed with Authorization: Bearer *** and token ***');
  });

  it('names the variable, never its value, when the deployment is misconfigured', async () => {
    h.setEnv({ WORKSPACES: '[{"id":"acme"', ACME_AIRTABLE_TOKEN: SECRETS.acmeAirtable });
    const bad = await post('provisionWorkspace', {});
    expect(bad.status).toBe(500);
    expect(bad.body).toEqual({ error: 'configuration', message: expect.stringContaining('WORKSPACES is not valid JSON') });

    h.setEnv({ WORKSPACES: JSON.stringify([{ id: 'acme', secretEnv: { AIRTABLE_TOKEN: 'ACME_AIRTABLE_TOKEN' } }]) });
    const missing = await post('provisionWorkspace', { workspace: 'acme' });
    expect(missing.status).toBe(500);
    expect(missing.body.message).toBe('Invalid configuration: ACME_AIRTABLE_TOKEN (the AIRTABLE_TOKEN of workspace "acme") is not set');

    h.setEnv({ WORKSPACES: JSON.stringify([{ id: 'acme', env: { AIRTABLE_TOKEN: SECRETS.acmeAirtable } }]) });
    const inline = await post('provisionWorkspace', { workspace: 'acme' });
    expect(inline.status).toBe(500);
    expect(inline.body.message).toMatch(/WORKSPACES\.0\.env\.AIRTABLE_TOKEN: is a secret/);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGcsStateStore } from '../../../src/adapters/state/gcs-state-store.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import { Leases } from '../../../src/lib/leases.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { stateStoreContract } from './state-store-contract.ts';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await startTestWorkspace();
});
afterAll(async () => {
  await ws.close();
});
beforeEach(async () => {
  await ws.control('POST', '/reset');
});

const retry = { attempts: 4, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 100 };
const open = (counter = new RequestCounter()) =>
  createGcsStateStore({ bucket: 'agency-state', prefix: 'sourcing-state/', apiUrl: ws.url, bearerToken: ws.token, counter, retry });

describe('Cloud Storage state store (JSON API, against the local workspace)', () => {
  stateStoreContract(async () => open());

  it('keeps objects under the prefix, with the generation as version', async () => {
    const store = open();
    const put = await store.put('lease/app1/plan', { holder: 'a' }, { mustNotExist: true });
    const res = await fetch(`${ws.url}/storage/v1/b/agency-state/o/${encodeURIComponent('sourcing-state/lease/app1/plan')}`, {
      headers: { authorization: `Bearer ${ws.token}` },
    });
    const object = (await res.json()) as { generation: string };
    expect(put).toEqual({ ok: true, version: object.generation });
  });

  it('answers 412 conditionNotMet like Cloud Storage when a precondition fails', async () => {
    const url = `${ws.url}/upload/storage/v1/b/agency-state/o?uploadType=media&name=x&ifGenerationMatch=0`;
    const init = { method: 'POST', headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' }, body: '1' };
    expect((await fetch(url, init)).status).toBe(200);
    const second = await fetch(url, init);
    expect(second.status).toBe(412);
    expect(((await second.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason).toBe('conditionNotMet');
  });

  it('retries a 503 and a reset, counting the retries', async () => {
    const counter = new RequestCounter();
    const store = open(counter);
    await ws.control('POST', '/faults', { service: 'storage', status: 503, count: 1 });
    await ws.control('POST', '/faults', { service: 'storage', kind: 'reset', count: 1 });
    expect((await store.put('cursor', { n: 1 })).ok).toBe(true);
    expect(counter.snapshot()['storage']?.byOperation['retry']).toBe(2);
  });

  it('a create whose answer is lost still counts as ours (the retry meets 412 and reads back our value)', async () => {
    const store = open();
    await ws.control('POST', '/faults', { service: 'storage', kind: 'lost-response', count: 1, methods: ['POST'] });
    const put = await store.put('lease/app1/docs', { holder: 'run-1', expiresAt: 5 }, { mustNotExist: true });
    expect(put.ok).toBe(true);
    // And a lease taken that way is really held: a second holder is refused.
    const leases = new Leases(store);
    expect((await leases.acquire('lease/app1/docs', 'run-2', 60_000)).acquired).toBe(true); // expired (expiresAt 5)
    expect((await leases.acquire('lease/app1/docs', 'run-3', 60_000)).acquired).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

describe('local workspace server', () => {
  let ws: TestWorkspace;
  beforeEach(async () => {
    ws = await startTestWorkspace();
  });
  afterEach(async () => {
    await ws.close();
  });

  it('answers a request without the workspace token with Airtable’s 401', async () => {
    const res = await fetch(`${ws.url}/v0/meta/bases`, { headers: { authorization: 'Bearer wrong' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } });
  });

  it('injects faults through the control plane and logs every request', async () => {
    await ws.control('POST', '/faults', { service: 'airtable', status: 503, count: 1 });
    const headers = { authorization: `Bearer ${ws.token}` };
    const first = await fetch(`${ws.url}/v0/meta/bases`, { headers });
    expect(first.status).toBe(503);
    const log = (await ws.control('GET', '/requests?service=airtable')) as { requests: { status: number }[] };
    expect(log.requests.map((r) => r.status)).toEqual([503]);
  });

});

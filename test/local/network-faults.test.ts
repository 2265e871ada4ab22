import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

describe('local workspace network faults', () => {
  let ws: TestWorkspace;
  let headers: Record<string, string>;
  let baseUrl: string;
  beforeEach(async () => {
    ws = await startTestWorkspace();
    headers = { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' };
    const base = (await (
      await fetch(`${ws.url}/v0/meta/bases`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'B', workspaceId: 'wspLocal000000000', tables: [{ name: 'T', fields: [{ name: 'Name', type: 'singleLineText' }] }] }),
      })
    ).json()) as { id: string };
    baseUrl = `${ws.url}/v0/${base.id}/T`;
  });
  afterEach(async () => {
    await ws.close();
  });

  const count = async () => ((await (await fetch(baseUrl, { headers })).json()) as { records: unknown[] }).records.length;
  const create = () => fetch(baseUrl, { method: 'POST', headers, body: JSON.stringify({ records: [{ fields: { Name: 'x' } }] }) });

  it('reset: the connection closes without an answer and nothing is written', async () => {
    await ws.control('POST', '/faults', { service: 'airtable', kind: 'reset', methods: ['POST'] });
    await expect(create()).rejects.toThrow(/fetch failed/);
    expect(await count()).toBe(0);
  });

  it('lost-response: the write is applied but the client never hears it', async () => {
    await ws.control('POST', '/faults', { service: 'airtable', kind: 'lost-response', methods: ['POST'] });
    await expect(create()).rejects.toThrow(/fetch failed/);
    expect(await count()).toBe(1);
    const faults = (await ws.control('GET', '/faults')) as { faults: { hits: number; remaining: number }[] };
    expect(faults.faults[0]).toMatchObject({ hits: 1, remaining: 0 });
  });

  it('timeout: the request hangs for delayMs, then the connection closes', async () => {
    await ws.control('POST', '/faults', { service: 'airtable', kind: 'timeout', delayMs: 150 });
    const started = Date.now();
    await expect(fetch(baseUrl, { headers })).rejects.toThrow(/fetch failed/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('rate: a seeded share of matching requests fails, the same ones for the same seed', async () => {
    const statuses = async () => {
      await ws.control('DELETE', '/faults');
      await ws.control('POST', '/faults', { service: 'airtable', status: 503, rate: 0.5, seed: 42, methods: ['GET'] });
      const out: number[] = [];
      for (let i = 0; i < 20; i += 1) out.push((await fetch(baseUrl, { headers })).status);
      return out;
    };
    const first = await statuses();
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(await statuses()).toEqual(first);
  });

  it('refuses a fault it does not understand, naming the fields', async () => {
    const answer = (await ws.control('POST', '/faults', { service: 'airtable', kind: 'explode' })) as { error: string };
    expect(answer.error).toMatch(/kind\?: status\|reset\|timeout\|lost-response\|delay/);
  });
});

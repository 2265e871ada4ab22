import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { airtable, createPoBase, meta, rejection } from './fixtures.ts';

describe('Airtable auth, rate limit and persistence', () => {
  let ws: TestWorkspace | undefined;
  afterEach(async () => {
    await ws?.close();
    ws = undefined;
  });

  it('answers 401 AUTHENTICATION_REQUIRED to a wrong key', async () => {
    ws = await startTestWorkspace();
    const po = await createPoBase(ws);
    const err = await rejection(airtable(ws, po.baseId, 'patWrongKey')('Purchase Orders').select().all());
    expect([err.statusCode, err.error]).toEqual([401, 'AUTHENTICATION_REQUIRED']);
  });

  it('answers 429 RATE_LIMIT_REACHED over 5 req/s per base, blocks the base for the penalty, then recovers', async () => {
    ws = await startTestWorkspace();
    const po = await createPoBase(ws);
    const other = await createPoBase(ws);
    // Speed 20: the 1 s window lasts 50 ms and the 30 s penalty 1.5 s.
    await ws.control('PATCH', '/settings', { speed: 20 });
    const orders = po.base('Purchase Orders');
    let limited: { statusCode: number; error: string } | undefined;
    for (let i = 0; i < 200 && !limited; i += 1) {
      limited = await orders
        .select({ maxRecords: 1 })
        .firstPage()
        .then(() => undefined, (e: { statusCode: number; error: string }) => e);
    }
    expect(limited).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS' });
    const started = Date.now();

    // The whole base is blocked, meta routes naming it included; other bases are not.
    const raw = await fetch(`${ws.url}/v0/${po.baseId}/${po.orders.id}`, { headers: { authorization: `Bearer ${ws.token}` } });
    expect([raw.status, await raw.json()]).toEqual([429, { error: { type: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' } }]);
    expect((await meta(ws, 'GET', `/bases/${po.baseId}/tables`)).status).toBe(429);
    expect(await other.base('Purchase Orders').select().all()).toEqual([]);

    await new Promise((r) => setTimeout(r, Math.max(0, 1_600 - (Date.now() - started))));
    expect(await orders.select().all()).toEqual([]);
  });

  it('keeps schema, records and paging offsets across a restart on the same directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcing-ws-airtable-'));
    try {
      ws = await startTestWorkspace({ dir });
      const po = await createPoBase(ws);
      const batch = Array.from({ length: 10 }, (_, i) => ({ fields: { 'PO number': `PO-${i}`, Status: 'RFQ' } }));
      const created = [...(await po.base('Purchase Orders').create(batch)), ...(await po.base('Purchase Orders').create(batch))];
      const first = await po.base.makeRequest({ path: `/${po.orders.id}`, qs: { pageSize: 15 } });
      await ws.close();

      ws = await startTestWorkspace({ dir });
      const again = airtable(ws, po.baseId);
      const all = await again('Purchase Orders').select().all();
      expect(all.map((r) => r.id)).toEqual(created.map((r) => r.id));
      expect(all[0]!.fields).toEqual({ 'PO number': 'PO-0', Status: 'RFQ' });
      const next = await again.makeRequest({ path: `/${po.orders.id}`, qs: { pageSize: 15, offset: first.body.offset } });
      expect(next.body.records.map((r: { id: string }) => r.id)).toEqual(created.slice(15).map((r) => r.id));
      expect((await meta(ws, 'GET', `/bases/${po.baseId}/tables`)).body.tables.map((t: { name: string }) => t.name)).toEqual([
        'Suppliers',
        'Purchase Orders',
      ]);
    } finally {
      await ws?.close();
      ws = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves concurrent writes to one table without losing any', async () => {
    ws = await startTestWorkspace();
    const po = await createPoBase(ws);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        po.base('Purchase Orders').create(Array.from({ length: 10 }, (_, k) => ({ fields: { Qty: i * 10 + k } }))),
      ),
    );
    const all = await po.base('Purchase Orders').select().all();
    expect(new Set(all.map((r) => r.get('Qty'))).size).toBe(200);
  });
});

/**
 * Contract of the local Airtable webhooks against the documented shapes (../shared/reference/wire-apis.md §A7,
 * https://airtable.com/developers/web/api/webhooks-overview): create/list/refresh/delete/enableNotifications, the
 * MAC-signed ping, payloads with cursors and mightHaveMore, and expiry on the workspace clock.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { createPoBase, type PoBase } from './fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('local Airtable webhooks', () => {
  let ws: TestWorkspace;
  let po: PoBase;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    ws = await startTestWorkspace();
    po = await createPoBase(ws);
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await ws.close();
    await receiver.close();
  });

  async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${ws.url}/v0/bases/${po.baseId}/webhooks${path}`, {
      method,
      headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  const tableData = { options: { filters: { dataTypes: ['tableData'] } } };

  it('creates a webhook: the MAC secret is answered once, the list never shows it', async () => {
    const created = await api('POST', '', { notificationUrl: receiver.url, specification: tableData });
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^ach[A-Za-z0-9]{14}$/);
    expect(Buffer.from(created.body.macSecretBase64, 'base64').length).toBeGreaterThan(16);
    const expires = Date.parse(created.body.expirationTime) - Date.now();
    expect(expires).toBeGreaterThan(7 * DAY - 60_000);
    expect(expires).toBeLessThanOrEqual(7 * DAY);

    const listed = await api('GET', '');
    expect(listed.body.webhooks).toHaveLength(1);
    expect(listed.body.webhooks[0]).toMatchObject({
      id: created.body.id,
      areNotificationsEnabled: true,
      cursorForNextPayload: 1,
      isHookEnabled: true,
      notificationUrl: receiver.url,
      expirationTime: created.body.expirationTime,
      specification: tableData,
      lastNotificationResult: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.macSecretBase64);
  });

  it('refuses a specification without dataTypes and an unknown key', async () => {
    expect((await api('POST', '', { specification: { options: { filters: {} } } })).status).toBe(422);
    expect((await api('POST', '', { specification: tableData, extra: 1 })).status).toBe(422);
  });

  it('pings with the documented body and an X-Airtable-Content-MAC the secret verifies', async () => {
    const created = await api('POST', '', { notificationUrl: receiver.url, specification: tableData });
    await po.base('Purchase Orders').create([{ fields: { 'PO number': 'PO-1' } }]);
    const [ping] = await receiver.waitFor((all) => all.length >= 1);
    expect(ping!.json).toEqual({ base: { id: po.baseId }, webhook: { id: created.body.id }, timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const expected = createHmac('sha256', Buffer.from(created.body.macSecretBase64, 'base64')).update(ping!.body).digest('hex');
    expect(ping!.headers['x-airtable-content-mac']).toBe(`hmac-sha256=${expected}`);
    await expect.poll(async () => (await api('GET', '')).body.webhooks[0].lastNotificationResult?.success).toBe(true);
  });

  it('lists payloads from a cursor: created, changed and destroyed records with V2 cell values', async () => {
    const created = await api('POST', '', {
      specification: { options: { filters: { dataTypes: ['tableData'] }, includes: { includePreviousCellValues: true } } },
    });
    const id = created.body.id;
    const orders = po.base('Purchase Orders');
    const [record] = await orders.create([{ fields: { 'PO number': 'PO-1', Status: 'RFQ', Qty: 5 } }]);
    await orders.update([{ id: record!.id, fields: { Status: 'Quoted' } }]);
    await orders.destroy([record!.id]);

    const first = await api('GET', `/${id}/payloads?cursor=1&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ cursor: 3, mightHaveMore: true });
    const [create, update] = first.body.payloads;
    expect(create).toMatchObject({ baseTransactionNumber: expect.any(Number), payloadFormat: 'v0', actionMetadata: { source: 'publicApi' } });
    const createdRecord = create.changedTablesById[po.orders.id].createdRecordsById[record!.id];
    const statusId = po.orders.fields.find((f) => f.name === 'Status')!.id;
    expect(createdRecord.cellValuesByFieldId[statusId]).toMatchObject({ id: expect.stringMatching(/^sel/), name: 'RFQ' });
    const changed = update.changedTablesById[po.orders.id].changedRecordsById[record!.id];
    expect(changed.current.cellValuesByFieldId).toEqual({ [statusId]: expect.objectContaining({ name: 'Quoted' }) });
    expect(changed.previous.cellValuesByFieldId[statusId]).toMatchObject({ name: 'RFQ' });
    expect(update.baseTransactionNumber).toBeGreaterThan(create.baseTransactionNumber);

    const rest = await api('GET', `/${id}/payloads?cursor=3`);
    expect(rest.body.mightHaveMore).toBe(false);
    expect(rest.body.cursor).toBe(4);
    expect(rest.body.payloads[0].changedTablesById[po.orders.id].destroyedRecordIds).toEqual([record!.id]);
    const none = await api('GET', `/${id}/payloads?cursor=4`);
    expect(none.body).toEqual({ cursor: 4, mightHaveMore: false, payloads: [] });
  });

  it('a change to a linked record is reported on both sides; a table outside recordChangeScope is not', async () => {
    const scoped = await api('POST', '', { specification: { options: { filters: { dataTypes: ['tableData'], recordChangeScope: po.suppliers.id } } } });
    const [supplier] = await po.base('Suppliers').create([{ fields: { Name: 'Ningbo Kitchenware' } }]);
    await po.base('Purchase Orders').create([{ fields: { 'PO number': 'PO-2', Supplier: [supplier!.id] } }]);
    const { body } = await api('GET', `/${scoped.body.id}/payloads`);
    expect(body.payloads).toHaveLength(2);
    for (const payload of body.payloads) expect(Object.keys(payload.changedTablesById)).toEqual([po.suppliers.id]);
    expect(body.payloads[1].changedTablesById[po.suppliers.id].changedRecordsById[supplier!.id]).toBeDefined();
  });

  it('reports schema changes to a tableFields webhook', async () => {
    const hook = await api('POST', '', { specification: { options: { filters: { dataTypes: ['tableData', 'tableFields'] } } } });
    const field = await fetch(`${ws.url}/v0/meta/bases/${po.baseId}/tables/${po.orders.id}/fields`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Carton marks', type: 'singleLineText' }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const { body } = await api('GET', `/${hook.body.id}/payloads`);
    expect(body.payloads[0].changedTablesById[po.orders.id].createdFieldsById[field.id]).toEqual({ name: 'Carton marks', type: 'singleLineText' });
  });

  it('refresh and payload reads push the expiry; an unrefreshed hook expires after 7 days on the workspace clock', async () => {
    const created = await api('POST', '', { notificationUrl: receiver.url, specification: tableData });
    const id = created.body.id;
    await ws.control('POST', '/service-clock', { advanceMs: 6 * DAY });
    const refreshed = await api('POST', `/${id}/refresh`);
    expect(Date.parse(refreshed.body.expirationTime)).toBeGreaterThan(Date.parse(created.body.expirationTime) + 5 * DAY);
    await ws.control('POST', '/service-clock', { advanceMs: 6 * DAY });
    await api('GET', `/${id}/payloads`);
    await ws.control('POST', '/service-clock', { advanceMs: 6 * DAY });
    expect((await api('GET', '')).body.webhooks[0].isHookEnabled).toBe(true);

    await ws.control('POST', '/service-clock', { advanceMs: 8 * DAY });
    const [hook] = (await api('GET', '')).body.webhooks;
    expect(hook.isHookEnabled).toBe(false);
    await po.base('Purchase Orders').create([{ fields: { 'PO number': 'PO-3' } }]);
    expect((await api('GET', `/${id}/payloads`)).body.payloads).toEqual([]);
    expect((await api('POST', `/${id}/refresh`)).status).toBe(422);
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toEqual([]);
  });

  it('notifications can be turned off; deleting removes the hook', async () => {
    const created = await api('POST', '', { notificationUrl: receiver.url, specification: tableData });
    expect((await api('POST', `/${created.body.id}/enableNotifications`, { enable: false })).status).toBe(200);
    await po.base('Purchase Orders').create([{ fields: { 'PO number': 'PO-4' } }]);
    expect((await api('GET', `/${created.body.id}/payloads`)).body.payloads).toHaveLength(1);
    expect((await api('DELETE', `/${created.body.id}`)).status).toBe(200);
    expect((await api('GET', '')).body.webhooks).toEqual([]);
    expect((await api('GET', `/${created.body.id}/payloads`)).status).toBe(404);
    expect(receiver.received).toEqual([]);
  });

  it('a failed ping is retried and the failure shows in lastNotificationResult', async () => {
    receiver.status = 500;
    await api('POST', '', { notificationUrl: receiver.url, specification: tableData });
    await po.base('Purchase Orders').create([{ fields: { 'PO number': 'PO-5' } }]);
    await receiver.waitFor((all) => all.length >= 1);
    const [hook] = (await api('GET', '')).body.webhooks;
    await expect.poll(async () => (await api('GET', '')).body.webhooks[0].lastNotificationResult).toMatchObject({ success: false, willBeRetried: true, retryNumber: 0 });
    expect(hook.lastSuccessfulNotificationTime).toBeNull();
    receiver.status = 200;
    await receiver.waitFor((all) => all.length >= 2, 5_000);
    await expect.poll(async () => (await api('GET', '')).body.webhooks[0].lastNotificationResult).toMatchObject({ success: true, retryNumber: 1 });
  });
});

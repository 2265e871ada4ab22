/**
 * Contract of the local Notion webhooks against the documented shapes (../shared/reference/wire-apis.md §B5,
 * https://developers.notion.com/reference/webhooks): a subscription added in the settings (control plane) gets the
 * verification request, delivers nothing until verified, then signed events the SDK's verifyWebhookSignature
 * accepts; failed deliveries are retried with a rising attempt_number; page events close together are aggregated.
 */
import { verifyWebhookSignature } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.ts';
import { createPo, createPortal, startNotion, text, type NotionKit, type Portal } from './notion-kit.ts';

describe('local Notion webhooks', () => {
  let kit: NotionKit;
  let portal: Portal;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    kit = await startNotion();
    portal = await createPortal(kit.notion);
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await kit.ws.close();
    await receiver.close();
  });

  async function subscribe(eventTypes?: string[]): Promise<{ id: string; token: string }> {
    const sub = (await kit.ws.control('POST', '/notion/webhooks', { url: receiver.url, ...(eventTypes ? { eventTypes } : {}) })) as { id: string };
    const [verification] = await receiver.waitFor((all) => all.length >= 1);
    const token = verification!.json.verification_token as string;
    receiver.received.length = 0;
    return { id: sub.id, token };
  }

  it('sends the verification token once, unsigned, and delivers nothing until it is pasted back', async () => {
    await kit.ws.control('POST', '/notion/webhooks', { url: receiver.url });
    const [verification] = await receiver.waitFor((all) => all.length >= 1);
    expect(Object.keys(verification!.json)).toEqual(['verification_token']);
    expect(verification!.json.verification_token).toMatch(/^secret_/);
    expect(verification!.headers['x-notion-signature']).toBeUndefined();

    const page = await createPo(kit.notion, portal, 'PO-1');
    await kit.notion.comments.create({ parent: { page_id: page.id }, rich_text: text('Hello') });
    await new Promise((r) => setTimeout(r, 150));
    expect(receiver.received).toHaveLength(1);
  });

  it('a wrong token does not verify the subscription', async () => {
    const sub = (await kit.ws.control('POST', '/notion/webhooks', { url: receiver.url })) as { id: string };
    const answer = (await kit.ws.control('POST', `/notion/webhooks/${sub.id}/verify`, { verification_token: 'secret_wrong' })) as { error?: string };
    expect(answer.error).toMatch(/wrong verification_token/);
  });

  it('delivers comment.created with the documented shape, signed with the verification token', async () => {
    const { id, token } = await subscribe();
    await kit.ws.control('POST', `/notion/webhooks/${id}/verify`, { verification_token: token });
    const page = await createPo(kit.notion, portal, 'PO-2');
    const comment = await kit.notion.comments.create({ parent: { page_id: page.id }, rich_text: text('Please add FRAGILE') });

    const all = await receiver.waitFor((r) => r.some((e) => e.json?.type === 'comment.created'));
    const event = all.find((e) => e.json.type === 'comment.created')!;
    expect(event.json).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timestamp: expect.stringMatching(/^\d{4}-/),
      workspace_id: expect.any(String),
      workspace_name: expect.any(String),
      subscription_id: id,
      integration_id: expect.any(String),
      type: 'comment.created',
      authors: [{ id: expect.any(String), type: 'bot' }],
      attempt_number: 1,
      api_version: '2025-09-03',
      entity: { id: comment.id, type: 'comment' },
      data: { page_id: page.id, parent: { id: page.id, type: 'page' } },
    });
    const signature = event.headers['x-notion-signature'] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature({ body: event.body.toString('utf8'), signature, verificationToken: token })).toBe(true);
    expect(await verifyWebhookSignature({ body: event.body.toString('utf8'), signature, verificationToken: 'secret_other' })).toBe(false);
  });

  it('aggregates property updates of one page into one page.properties_updated event', async () => {
    const { id, token } = await subscribe(['page.properties_updated']);
    await kit.ws.control('POST', `/notion/webhooks/${id}/verify`, { verification_token: token });
    const page = await createPo(kit.notion, portal, 'PO-3');
    await kit.notion.pages.update({ page_id: page.id, properties: { Quantity: { number: 10 } } });
    await kit.notion.pages.update({ page_id: page.id, properties: { Supplier: { rich_text: text('Ningbo') } } });
    await receiver.waitFor((r) => r.length >= 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(receiver.received).toHaveLength(1);
    const [event] = receiver.received;
    expect(event!.json).toMatchObject({
      type: 'page.properties_updated',
      entity: { id: page.id, type: 'page' },
      data: { parent: { id: portal.databaseId, type: 'database', data_source_id: portal.dataSourceId } },
    });
    expect(event!.json.data.updated_properties).toHaveLength(2);
  });

  it('reports appended blocks as page.content_updated of their page', async () => {
    const { id, token } = await subscribe(['page.content_updated']);
    await kit.ws.control('POST', `/notion/webhooks/${id}/verify`, { verification_token: token });
    const page = await createPo(kit.notion, portal, 'PO-4');
    const appended = await kit.notion.blocks.children.append({ block_id: page.id, children: [{ paragraph: { rich_text: text('ETA moved') } }] });
    const [event] = await receiver.waitFor((r) => r.length >= 1);
    expect(event!.json).toMatchObject({ type: 'page.content_updated', entity: { id: page.id, type: 'page' }, data: { updated_blocks: [{ id: appended.results[0]!.id, type: 'block' }] } });
  });

  it('retries a failed delivery with the same event ID and a higher attempt_number', async () => {
    const { id, token } = await subscribe(['comment.created']);
    await kit.ws.control('POST', `/notion/webhooks/${id}/verify`, { verification_token: token });
    receiver.status = 503;
    const page = await createPo(kit.notion, portal, 'PO-5');
    await kit.notion.comments.create({ parent: { page_id: page.id }, rich_text: text('Retry me') });
    await receiver.waitFor((r) => r.length >= 1);
    receiver.status = 200;
    const [first, second] = await receiver.waitFor((r) => r.length >= 2, 5_000);
    expect(second!.json.id).toBe(first!.json.id);
    expect([first!.json.attempt_number, second!.json.attempt_number]).toEqual([1, 2]);
    expect(await verifyWebhookSignature({ body: second!.body.toString('utf8'), signature: second!.headers['x-notion-signature'] as string, verificationToken: token })).toBe(true);
  });
});

/**
 * Airtable's webhooks API through fetch (airtable.js cannot reach /v0/bases/…: its paths are always under a base's
 * records). Every call is counted and paced by the base's rate gate (webhook routes share the 5 req/s per base).
 * https://airtable.com/developers/web/api/webhooks-overview
 */
import type { AirtableWebhookInfo, AirtableWebhooksPort, CreatedAirtableWebhook, PayloadPage } from '../../ports/webhooks.ts';
import { WebhookGoneError } from '../../ports/webhooks.ts';
import type { AirtableConnection } from './connection.ts';
import { AirtableApiError } from './errors.ts';

/** Table data only: the sync reads records; schema changes come with `tableFields` so a full read can follow them. */
const SPECIFICATION = { options: { filters: { dataTypes: ['tableData', 'tableFields'] } } };

export class AirtableWebhooksAdapter implements AirtableWebhooksPort {
  constructor(private readonly connection: AirtableConnection) {}

  // https://airtable.com/developers/web/api/list-webhooks
  async list(baseId: string): Promise<AirtableWebhookInfo[]> {
    const body = await this.connection.fetchJson<{ webhooks: AirtableWebhookInfo[] }>(baseId, 'webhooks.list', 'GET', `/v0/bases/${baseId}/webhooks`);
    return body.webhooks;
  }

  // https://airtable.com/developers/web/api/create-a-webhook
  create(baseId: string, notificationUrl: string): Promise<CreatedAirtableWebhook> {
    return this.connection.fetchJson(baseId, 'webhooks.create', 'POST', `/v0/bases/${baseId}/webhooks`, { notificationUrl, specification: SPECIFICATION });
  }

  // https://airtable.com/developers/web/api/refresh-a-webhook
  refresh(baseId: string, webhookId: string): Promise<{ expirationTime: string }> {
    return this.connection.fetchJson(baseId, 'webhooks.refresh', 'POST', `/v0/bases/${baseId}/webhooks/${webhookId}/refresh`);
  }

  // https://airtable.com/developers/web/api/delete-a-webhook
  async delete(baseId: string, webhookId: string): Promise<void> {
    try {
      await this.connection.fetchJson(baseId, 'webhooks.delete', 'DELETE', `/v0/bases/${baseId}/webhooks/${webhookId}`);
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  }

  // https://airtable.com/developers/web/api/list-webhook-payloads
  async payloads(baseId: string, webhookId: string, cursor: number): Promise<PayloadPage> {
    try {
      return await this.connection.fetchJson<PayloadPage>(baseId, 'webhooks.payloads', 'GET', `/v0/bases/${baseId}/webhooks/${webhookId}/payloads?cursor=${cursor}&limit=50`);
    } catch (error) {
      if (isGone(error)) throw new WebhookGoneError(`Airtable webhook ${webhookId} is gone`);
      throw error;
    }
  }
}

function isGone(error: unknown): boolean {
  return error instanceof AirtableApiError && error.status === 404;
}

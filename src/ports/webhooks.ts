/**
 * What the event-driven sync needs from the providers' webhooks: Airtable's webhooks API (one webhook per base,
 * kept alive, payloads read from a cursor) and the two signature checks (Airtable's MAC, Notion's signature).
 * Implemented in src/adapters/airtable/webhooks.ts, webhook-mac.ts and src/adapters/notion/webhook-signature.ts.
 */

export interface AirtableWebhookInfo {
  id: string;
  notificationUrl: string | null;
  isHookEnabled: boolean;
  expirationTime: string;
  cursorForNextPayload: number;
}

export interface CreatedAirtableWebhook {
  id: string;
  macSecretBase64: string;
  expirationTime: string;
}

/** One table's part of a payload (https://airtable.com/developers/web/api/model/webhooks-payload). */
export interface WebhookTableChanges {
  createdRecordsById?: Record<string, unknown>;
  changedRecordsById?: Record<string, unknown>;
  destroyedRecordIds?: string[];
  createdFieldsById?: Record<string, unknown>;
  changedFieldsById?: Record<string, { current?: { name?: string; type?: string } } | undefined>;
  destroyedFieldIds?: string[];
  changedMetadata?: unknown;
}

export interface WebhookPayload {
  timestamp: string;
  baseTransactionNumber: number;
  changedTablesById?: Record<string, WebhookTableChanges>;
  createdTablesById?: Record<string, unknown>;
  destroyedTableIds?: string[];
  /** Set when Airtable could not build the payload: the changes are unknown, read everything. */
  error?: boolean;
  code?: string;
}

export interface PayloadPage {
  cursor: number;
  mightHaveMore: boolean;
  payloads: WebhookPayload[];
}

/** Airtable's answer when a webhook no longer exists (deleted, or gone after expiry). */
export class WebhookGoneError extends Error {}

export interface AirtableWebhooksPort {
  list(baseId: string): Promise<AirtableWebhookInfo[]>;
  create(baseId: string, notificationUrl: string): Promise<CreatedAirtableWebhook>;
  refresh(baseId: string, webhookId: string): Promise<{ expirationTime: string }>;
  delete(baseId: string, webhookId: string): Promise<void>;
  /** Throws WebhookGoneError when the webhook is not there any more. */
  payloads(baseId: string, webhookId: string, cursor: number): Promise<PayloadPage>;
}

export interface WebhookSignaturesPort {
  /** `X-Airtable-Content-MAC: hmac-sha256=<hex>` of the raw body, keyed with the decoded macSecretBase64. */
  airtableMacValid(macSecretBase64: string, rawBody: Buffer, header: string | undefined): boolean;
  /** `X-Notion-Signature: sha256=<hex>` of the raw body, keyed with the verification token. */
  notionSignatureValid(verificationToken: string, rawBody: Buffer, header: string | undefined): Promise<boolean>;
}

/**
 * Keeps one Airtable webhook per base alive (https://airtable.com/developers/web/api/webhooks-overview): created
 * when missing, lost or expired, refreshed before its 7 days run out, its MAC secret and cursor kept in the state
 * store (the secret is answered only at creation). Costs one list request; a refresh when due; a create when lost.
 */
import { STATE_KEYS, type SyncStatePort } from '../../ports/sync-state.ts';
import type { AirtableWebhooksPort } from '../../ports/webhooks.ts';
import type { StoredAirtableWebhook } from './receive-webhook.ts';

/** Refresh when fewer than this many ms are left (the expiry is 7 days; payload reads also extend it). */
const REFRESH_BEFORE_MS = 3 * 24 * 60 * 60 * 1000;

export interface WebhookKeepAlive {
  action: 'kept' | 'refreshed' | 'created';
  /** Why a new webhook was created (first run, deleted, expired, moved endpoint). */
  reason?: string;
  webhookId: string;
}

export async function ensureAirtableWebhook(
  deps: { webhooks: AirtableWebhooksPort; state: SyncStatePort; now(): Date },
  baseId: string,
  notificationUrl: string,
): Promise<WebhookKeepAlive> {
  const key = STATE_KEYS.airtableWebhook(baseId);
  const stored = await deps.state.get<StoredAirtableWebhook>(key);
  const hooks = await deps.webhooks.list(baseId);
  const current = stored ? hooks.find((h) => h.id === stored.id) : undefined;
  if (stored && current?.isHookEnabled && stored.notificationUrl === notificationUrl) {
    if (Date.parse(current.expirationTime) - deps.now().getTime() > REFRESH_BEFORE_MS) return { action: 'kept', webhookId: stored.id };
    const { expirationTime } = await deps.webhooks.refresh(baseId, stored.id);
    await deps.state.set(key, { ...stored, expirationTime });
    return { action: 'refreshed', webhookId: stored.id };
  }
  const reason = !stored
    ? 'no webhook was set up yet'
    : !current
      ? 'the webhook was deleted on Airtable'
      : !current.isHookEnabled
        ? 'the webhook expired (not refreshed or read for 7 days)'
        : `the endpoint moved to ${notificationUrl}`;
  // Ours only: the one we stored and any left at this URL by a run that died before storing its secret.
  for (const hook of hooks) if (hook.id === stored?.id || hook.notificationUrl === notificationUrl) await deps.webhooks.delete(baseId, hook.id);
  const created = await deps.webhooks.create(baseId, notificationUrl);
  const fresh: StoredAirtableWebhook = { id: created.id, macSecretBase64: created.macSecretBase64, expirationTime: created.expirationTime, notificationUrl, cursor: 1 };
  await deps.state.set(key, fresh);
  return { action: 'created', reason, webhookId: created.id };
}

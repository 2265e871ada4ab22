/**
 * The notification ping of an Airtable webhook (https://airtable.com/developers/web/api/webhooks-overview): a POST to
 * the notificationUrl with `{base:{id}, webhook:{id}, timestamp}` and `X-Airtable-Content-MAC: hmac-sha256=<hex>`,
 * the HMAC-SHA256 of the body bytes keyed with the base64-decoded macSecretBase64. The ping carries no change: the
 * receiver lists the payloads. Pings of changes made close together are coalesced; a failed ping is retried with
 * backoff, and the webhook's lastNotificationResult says how the last one went.
 */
import { createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Outbound } from '../webhooks/outbound.ts';
import { recordNotification, type WebhookRow } from './webhook-store.ts';

/** Changes within this window share one ping. */
const COALESCE_MS = 20;
const MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 1_000;

export function macHeader(secretBase64: string, body: Buffer): string {
  return `hmac-sha256=${createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(body).digest('hex')}`;
}

export function sendPings(outbound: Outbound, db: Database.Database, hooks: WebhookRow[], now: () => number): void {
  for (const hook of hooks) {
    const url = hook.notificationUrl;
    if (!url || !hook.notificationsEnabled) continue;
    const build = () => {
      const body = Buffer.from(JSON.stringify({ base: { id: hook.baseId }, webhook: { id: hook.id }, timestamp: new Date(now()).toISOString() }));
      return { body, headers: { 'X-Airtable-Content-MAC': macHeader(hook.macSecretBase64, body) } };
    };
    outbound.send(
      {
        url,
        ...build(),
        maxAttempts: MAX_ATTEMPTS,
        firstRetryMs: FIRST_RETRY_MS,
        rebuild: () => build(),
        onResult(result) {
          const at = new Date(result.at).toISOString();
          const summary: Record<string, unknown> = { success: result.ok, completionTimestamp: at, durationMs: result.durationMs, retryNumber: result.attempt - 1 };
          if (!result.ok) Object.assign(summary, { error: { message: result.error ?? 'failed' }, willBeRetried: result.willRetry });
          try {
            recordNotification(db, hook.id, summary, result.ok ? result.at : undefined);
          } catch {
            // The workspace closed while the ping was on the wire: nothing to record it in.
          }
        },
      },
      COALESCE_MS,
      `airtable:${hook.id}`,
    );
  }
}

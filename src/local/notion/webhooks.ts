/**
 * Notion webhooks (https://developers.notion.com/reference/webhooks, /reference/webhooks-events-delivery).
 * Notion has no API to create a subscription: a person adds one in the integration's settings. Here the control
 * plane stands in for that page (POST /__workspace/notion/webhooks {url, eventTypes?}). Then, as on Notion:
 * - the URL gets one unsigned POST `{"verification_token": "secret_…"}`; the subscription delivers nothing until
 *   that token is pasted back (POST /__workspace/notion/webhooks/{id}/verify {verification_token});
 * - each event is a POST of `{id, timestamp, workspace_id, workspace_name, subscription_id, integration_id, type,
 *   authors, attempt_number, api_version, entity:{id,type}, data}` signed with
 *   `X-Notion-Signature: sha256=<hex HMAC-SHA256(body, verification_token)>`;
 * - a delivery that gets no 2xx is retried with exponential backoff, up to 8 attempts (attempt_number 1..8);
 * - page.content_updated and page.properties_updated events of one page close together are aggregated into one
 *   (their updated_blocks / updated_properties merged); comment.created events never are.
 * Deviation: retries start after 1 s instead of Notion's minutes, so tests see them; authors of API writes are the
 * integration's bot user (as the local workspace has no people).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Outbound } from '../webhooks/outbound.ts';

export const EVENT_TYPES = ['page.created', 'page.properties_updated', 'page.content_updated', 'page.deleted', 'page.undeleted', 'comment.created'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 1_000;
/** Page events of one page within this window become one event. */
const AGGREGATE_MS = 250;
const API_VERSION = '2025-09-03';

export interface Subscription {
  id: string;
  url: string;
  verificationToken: string;
  verified: boolean;
  eventTypes: EventType[];
}

export interface NotionEvent {
  type: EventType;
  entity: { id: string; type: 'page' | 'comment' | 'block' | 'database' | 'data_source' };
  data: Record<string, unknown>;
  authors: { id: string; type: 'person' | 'bot' }[];
  timestamp: string;
}

export function migrateNotionWebhooks(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS notion_webhook_subscriptions (
    id TEXT PRIMARY KEY, url TEXT NOT NULL, verification_token TEXT NOT NULL, verified INTEGER NOT NULL,
    event_types TEXT NOT NULL, created_at INTEGER NOT NULL)`);
}

export function resetNotionWebhooks(db: Database.Database): void {
  db.exec('DELETE FROM notion_webhook_subscriptions');
}

interface SubscriptionRaw {
  id: string;
  url: string;
  verification_token: string;
  verified: number;
  event_types: string;
}

function toSubscription(row: SubscriptionRaw): Subscription {
  return { id: row.id, url: row.url, verificationToken: row.verification_token, verified: row.verified === 1, eventTypes: JSON.parse(row.event_types) as EventType[] };
}

export function listSubscriptions(db: Database.Database): Subscription[] {
  return (db.prepare('SELECT * FROM notion_webhook_subscriptions ORDER BY created_at').all() as SubscriptionRaw[]).map(toSubscription);
}

function metaValue(db: Database.Database, key: string): string {
  const row = db.prepare('SELECT value FROM notion_meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = randomUUID();
  db.prepare('INSERT INTO notion_meta (key, value) VALUES (?, ?)').run(key, value);
  return value;
}

/** Control plane: what the "Webhooks" tab of the integration settings does. */
export function createSubscription(db: Database.Database, outbound: Outbound | undefined, input: { url: unknown; eventTypes?: unknown }): Subscription {
  if (typeof input.url !== 'string' || !/^https?:\/\//.test(input.url)) throw new Error('url must be an http(s) URL');
  const eventTypes = input.eventTypes === undefined ? [...EVENT_TYPES] : input.eventTypes;
  if (!Array.isArray(eventTypes) || !eventTypes.every((t) => (EVENT_TYPES as readonly string[]).includes(t as string))) {
    throw new Error(`eventTypes must list some of ${EVENT_TYPES.join(', ')}`);
  }
  const subscription: Subscription = {
    id: randomUUID(),
    url: input.url,
    verificationToken: `secret_${randomBytes(24).toString('base64url')}`,
    verified: false,
    eventTypes: eventTypes as EventType[],
  };
  db.prepare('INSERT INTO notion_webhook_subscriptions (id, url, verification_token, verified, event_types, created_at) VALUES (?, ?, ?, 0, ?, ?)').run(
    subscription.id,
    subscription.url,
    subscription.verificationToken,
    JSON.stringify(subscription.eventTypes),
    Date.now(),
  );
  sendVerification(outbound, subscription);
  return subscription;
}

/** The one-time handshake: an unsigned POST carrying the token the person then pastes into the settings. */
export function sendVerification(outbound: Outbound | undefined, subscription: Subscription): void {
  outbound?.send({
    url: subscription.url,
    body: Buffer.from(JSON.stringify({ verification_token: subscription.verificationToken })),
    headers: {},
    maxAttempts: MAX_ATTEMPTS,
    firstRetryMs: FIRST_RETRY_MS,
  });
}

/** The person pastes the token back: only the right token activates the subscription. */
export function verifySubscription(db: Database.Database, id: string, token: unknown): Subscription | undefined {
  const row = db.prepare('SELECT * FROM notion_webhook_subscriptions WHERE id = ?').get(id) as SubscriptionRaw | undefined;
  if (!row || row.verification_token !== token) return undefined;
  db.prepare('UPDATE notion_webhook_subscriptions SET verified = 1 WHERE id = ?').run(id);
  return { ...toSubscription(row), verified: true };
}

export function deleteSubscription(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM notion_webhook_subscriptions WHERE id = ?').run(id).changes > 0;
}

export function signature(token: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', token).update(body).digest('hex')}`;
}

interface Pending {
  event: NotionEvent;
  subscription: Subscription;
}

/** Events waiting out the aggregation window, by subscription + type + page. */
const aggregating = new WeakMap<Outbound, Map<string, Pending>>();

/** Queues the events of one request for every verified subscription that wants their type. */
export function publishEvents(db: Database.Database, outbound: Outbound | undefined, events: NotionEvent[]): void {
  if (!outbound || events.length === 0) return;
  const subscriptions = listSubscriptions(db).filter((s) => s.verified);
  if (subscriptions.length === 0) return;
  const ids = { workspace: metaValue(db, 'workspace_id'), integration: metaValue(db, 'integration_id') };
  let waiting = aggregating.get(outbound);
  if (!waiting) aggregating.set(outbound, (waiting = new Map()));
  for (const subscription of subscriptions) {
    for (const event of events) {
      if (!subscription.eventTypes.includes(event.type)) continue;
      if (event.type === 'page.content_updated' || event.type === 'page.properties_updated') {
        const key = `${subscription.id}:${event.type}:${event.entity.id}`;
        const pending = waiting.get(key);
        if (pending) {
          mergeInto(pending.event, event);
          continue;
        }
        const entry = { event: structuredClone(event), subscription };
        waiting.set(key, entry);
        const timer = setTimeout(() => {
          waiting.delete(key);
          deliver(outbound, entry.subscription, entry.event, ids);
        }, AGGREGATE_MS);
        timer.unref();
        continue;
      }
      deliver(outbound, subscription, event, ids);
    }
  }
}

function mergeInto(target: NotionEvent, next: NotionEvent): void {
  for (const list of ['updated_blocks', 'updated_properties'] as const) {
    const merged = [...((target.data[list] as unknown[] | undefined) ?? []), ...((next.data[list] as unknown[] | undefined) ?? [])];
    if (merged.length > 0) target.data[list] = [...new Map(merged.map((item) => [JSON.stringify(item), item])).values()];
  }
  for (const author of next.authors) if (!target.authors.some((a) => a.id === author.id)) target.authors.push(author);
  target.timestamp = next.timestamp;
}

function deliver(outbound: Outbound, subscription: Subscription, event: NotionEvent, ids: { workspace: string; integration: string }): void {
  const id = randomUUID();
  const build = (attempt: number) => {
    const body = Buffer.from(
      JSON.stringify({
        id,
        timestamp: event.timestamp,
        workspace_id: ids.workspace,
        workspace_name: 'Local workspace',
        subscription_id: subscription.id,
        integration_id: ids.integration,
        type: event.type,
        authors: event.authors,
        attempt_number: attempt,
        api_version: API_VERSION,
        entity: event.entity,
        data: event.data,
      }),
    );
    return { body, headers: { 'X-Notion-Signature': signature(subscription.verificationToken, body) } };
  };
  outbound.send({ url: subscription.url, ...build(1), maxAttempts: MAX_ATTEMPTS, firstRetryMs: FIRST_RETRY_MS, rebuild: build });
}

/**
 * Airtable webhooks API (https://airtable.com/developers/web/api/webhooks-overview):
 * - POST   /v0/bases/{baseId}/webhooks                           create → {id, macSecretBase64, expirationTime}
 * - GET    /v0/bases/{baseId}/webhooks                           list (the secret is never shown again)
 * - DELETE /v0/bases/{baseId}/webhooks/{id}                      delete
 * - POST   /v0/bases/{baseId}/webhooks/{id}/refresh              expiry = now + 7 days → {expirationTime}
 * - POST   /v0/bases/{baseId}/webhooks/{id}/enableNotifications  {enable}
 * - GET    /v0/bases/{baseId}/webhooks/{id}/payloads?cursor&limit  → {cursor, mightHaveMore, payloads}; also extends
 *          the expiry by 7 days while the hook is alive.
 * Time is the workspace clock (ctx.now), so a test can move it past an expiry. An expired hook stops collecting
 * payloads and pinging; its metadata and payloads stay readable (for 7 more days on Airtable), it cannot be refreshed.
 * Pings: see ./webhook-pings.ts.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { airtableId } from '../ids.ts';
import type { LocalResponse } from '../types.ts';
import { AirtableApiError, invalidRequest, notFound } from './errors.ts';
import { parseQuery } from './query-params.ts';
import { allowKeys, jsonBody } from './table-scope.ts';
import { deleteWebhook, getWebhook, insertWebhook, nextPayloadNumber, payloadsFrom, setExpiry, setNotificationsEnabled, webhooksOf, type WebhookRow, type WebhookSpecification } from './webhook-store.ts';

export const WEBHOOK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_WEBHOOKS_PER_BASE = 10;
const DATA_TYPES = ['tableData', 'tableFields', 'tableMetadata'];
const CHANGE_TYPES = ['add', 'remove', 'update'];

export interface WebhookRequest {
  db: Database.Database;
  baseId: string;
  method: string;
  /** Path segments after `webhooks`. */
  rest: string[];
  rawQuery: string;
  body: Buffer;
  nowMs: number;
}

export function webhooksRoute(req: WebhookRequest): LocalResponse {
  const [hookId, action, ...extra] = req.rest;
  if (extra.length > 0) throw notFound();
  const key = `${req.method} ${hookId ? 'H' : ''}${action ? `/${action}` : ''}`;
  switch (key) {
    case 'POST ':
      return createWebhook(req);
    case 'GET ':
      return { status: 200, body: { webhooks: webhooksOf(req.db, req.baseId).map((h) => webhookJson(req.db, h, req.nowMs)) } };
  }
  const hook = hookId ? getWebhook(req.db, req.baseId, hookId) : undefined;
  if (!hook) throw notFound(`Could not find webhook ${hookId ?? ''}`);
  switch (key) {
    case 'DELETE H':
      deleteWebhook(req.db, hook.id);
      return { status: 200, body: {} };
    case 'POST H/refresh': {
      if (hook.expiresAt <= req.nowMs) throw new AirtableApiError(422, 'CANNOT_REFRESH_DISABLED_WEBHOOK', 'This webhook has expired and cannot be refreshed; create a new one.');
      const expiresAt = req.nowMs + WEBHOOK_LIFETIME_MS;
      setExpiry(req.db, hook.id, expiresAt);
      return { status: 200, body: { expirationTime: iso(expiresAt) } };
    }
    case 'POST H/enableNotifications': {
      const body = jsonBody(req.body);
      allowKeys(body, ['enable']);
      if (typeof body['enable'] !== 'boolean') throw invalidRequest('"enable" must be true or false.');
      setNotificationsEnabled(req.db, hook.id, body['enable']);
      return { status: 200, body: {} };
    }
    case 'GET H/payloads':
      return listPayloads(req, hook);
    default:
      throw notFound();
  }
}

function createWebhook(req: WebhookRequest): LocalResponse {
  const body = jsonBody(req.body);
  allowKeys(body, ['notificationUrl', 'specification']);
  const url = body['notificationUrl'];
  if (url !== undefined && url !== null && (typeof url !== 'string' || !/^https?:\/\//.test(url))) {
    throw invalidRequest('notificationUrl must be an http(s) URL.');
  }
  const specification = readSpecification(body['specification']);
  if (webhooksOf(req.db, req.baseId).length >= MAX_WEBHOOKS_PER_BASE) {
    throw new AirtableApiError(422, 'TOO_MANY_WEBHOOKS', `A base can have at most ${MAX_WEBHOOKS_PER_BASE} webhooks.`);
  }
  const hook: WebhookRow = {
    id: airtableId('ach'),
    baseId: req.baseId,
    notificationUrl: typeof url === 'string' ? url : null,
    specification,
    macSecretBase64: randomBytes(64).toString('base64'),
    expiresAt: req.nowMs + WEBHOOK_LIFETIME_MS,
    notificationsEnabled: typeof url === 'string',
    lastSuccessfulNotificationAt: null,
    lastNotificationResult: null,
    createdAt: req.nowMs,
  };
  insertWebhook(req.db, hook);
  return { status: 200, body: { id: hook.id, macSecretBase64: hook.macSecretBase64, expirationTime: iso(hook.expiresAt) } };
}

function readSpecification(value: unknown): WebhookSpecification {
  const object = (v: unknown, name: string): Record<string, unknown> => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidRequest(`${name} must be an object.`);
    return v as Record<string, unknown>;
  };
  const spec = object(value, 'specification');
  allowKeys(spec, ['options'], 'specification');
  const options = object(spec['options'], 'specification.options');
  allowKeys(options, ['filters', 'includes'], 'specification.options');
  const filters = object(options['filters'], 'specification.options.filters');
  allowKeys(filters, ['dataTypes', 'recordChangeScope', 'changeTypes', 'fromSources', 'sourceOptions', 'watchDataInFieldIds', 'watchSchemasOfFieldIds'], 'specification.options.filters');
  const dataTypes = filters['dataTypes'];
  if (!Array.isArray(dataTypes) || dataTypes.length === 0 || !dataTypes.every((t) => DATA_TYPES.includes(t as string))) {
    throw invalidRequest(`specification.options.filters.dataTypes must list some of ${DATA_TYPES.join(', ')}.`);
  }
  const changeTypes = filters['changeTypes'];
  if (changeTypes !== undefined && (!Array.isArray(changeTypes) || !changeTypes.every((t) => CHANGE_TYPES.includes(t as string)))) {
    throw invalidRequest(`specification.options.filters.changeTypes must list some of ${CHANGE_TYPES.join(', ')}.`);
  }
  const scope = filters['recordChangeScope'];
  if (scope !== undefined && (typeof scope !== 'string' || !/^(tbl|viw)[A-Za-z0-9]{14}$/.test(scope))) {
    throw invalidRequest('specification.options.filters.recordChangeScope must be a table or view ID.');
  }
  if (options['includes'] !== undefined) {
    allowKeys(object(options['includes'], 'specification.options.includes'), ['includeCellValuesInFieldIds', 'includePreviousCellValues', 'includePreviousFieldDefinitions'], 'specification.options.includes');
  }
  return spec as unknown as WebhookSpecification;
}

function listPayloads(req: WebhookRequest, hook: WebhookRow): LocalResponse {
  const query = parseQuery(req.rawQuery);
  allowKeys(query, ['cursor', 'limit'], 'The query');
  const cursor = query['cursor'] === undefined ? 1 : Number(query['cursor']);
  const limit = query['limit'] === undefined ? 50 : Number(query['limit']);
  if (!Number.isInteger(cursor) || cursor < 1) throw invalidRequest('cursor must be a positive integer.');
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw invalidRequest('limit must be an integer from 1 to 50.');
  // Reading payloads keeps a live webhook alive for another 7 days.
  if (hook.expiresAt > req.nowMs) setExpiry(req.db, hook.id, req.nowMs + WEBHOOK_LIFETIME_MS);
  const page = payloadsFrom(req.db, hook.id, cursor, limit, req.nowMs - WEBHOOK_LIFETIME_MS);
  return { status: 200, body: { cursor: page.next, mightHaveMore: page.mightHaveMore, payloads: page.bodies } };
}

export function webhookJson(db: Database.Database, hook: WebhookRow, nowMs: number): Record<string, unknown> {
  return {
    id: hook.id,
    areNotificationsEnabled: hook.notificationsEnabled,
    cursorForNextPayload: nextPayloadNumber(db, hook.id),
    isHookEnabled: hook.expiresAt > nowMs,
    lastSuccessfulNotificationTime: hook.lastSuccessfulNotificationAt === null ? null : iso(hook.lastSuccessfulNotificationAt),
    notificationUrl: hook.notificationUrl,
    lastNotificationResult: hook.lastNotificationResult,
    expirationTime: iso(hook.expiresAt),
    specification: hook.specification,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

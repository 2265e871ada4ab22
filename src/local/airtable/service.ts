/**
 * Airtable Web API, as airtable.js 0.12.2 and plain fetch call it (see ../shared/reference/wire-apis.md §A).
 * https://airtable.com/developers/web/api/introduction
 *
 * Emulated:
 * - Records: list (GET and POST …/listRecords; fields[], sort, view, filterByFormula, maxRecords, pageSize,
 *   offset iterators, cellFormat json|string, returnFieldsByFieldId, recordMetadata[]=commentCount), get, create,
 *   update/replace (batch, single, upsert with createdRecords/updatedRecords), delete (batch, single); ≤10 records
 *   per write; typecast; per-type validation with Airtable's error types; empty values dropped.
 * - Links: inverse field created with every link field; both sides kept in step on write and delete.
 * - Meta: list/create bases, base schema, create/update tables and fields (read-format options, Grid view).
 * - Rate limit: 5 req/s per base (record and meta routes naming a base), 30 s penalty, scaled by settings.speed.
 * - filterByFormula and formula fields: ./formula/ (supported subset: ./formula/README.md).
 *
 * Known deviations:
 * - Unknown base/table/record answers 404 NOT_FOUND (documented), not the 403 INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND
 *   that real PATs are reported to get; batch delete of an unknown ID is also 404.
 * - One "Grid view" per table with creation order; views cannot be created or filtered.
 * - Computed fields cannot be created through the API (as on Airtable); `seedComputedField` (computed.ts) adds
 *   them. Formula, count, lookup, created/modified time and autonumber are computed; rollups stay empty.
 * - Attachments are not downloaded: the URL is kept as given, `size`, `width`, `height` and thumbnails are absent.
 * - Upsert error types for a bad merge field or several matches are generic (INVALID_REQUEST_UNKNOWN /
 *   INVALID_VALUE_FOR_COLUMN); Airtable does not document them.
 * - No comments, collaborators, barcode or button fields; the 50 req/s per-token limit is not applied.
 * - Webhooks (./webhooks.ts): payloads are built from what the API wrote (one payload per request); `fromSources`
 *   is accepted but not applied (every change comes from the API here), view-scoped hooks watch the whole table.
 */
import type { LocalRequest, LocalResponse, LocalService, ServiceContext } from '../types.ts';
import { AirtableApiError, airtableError, notFound, rateLimited, renderError } from './errors.ts';
import { listRecordsRoute } from './list-records.ts';
import { baseSchemaRoute, createBaseRoute, createFieldRoute, createTableRoute, listBasesRoute, updateFieldRoute, updateTableRoute } from './meta.ts';
import { parseQuery, readListParams } from './query-params.ts';
import { createRecordsRoute, deleteOneRoute, deleteRecordsRoute, getRecordRoute, updateOneRoute, updateRecordsRoute } from './records.ts';
import { baseExists, loadTables, migrateAirtable, resetAirtable } from './store.ts';
import { allowKeys, jsonBody, type TableScope } from './table-scope.ts';
import { flushWebhookPayloads } from './webhook-payloads.ts';
import { sendPings } from './webhook-pings.ts';
import { migrateWebhooks, resetWebhooks, type WebhookRow } from './webhook-store.ts';
import { webhooksRoute } from './webhooks.ts';

export { airtableError } from './errors.ts';

const BASE_IN_PATH = /^\/v0\/(?:meta\/bases\/|bases\/)?(app[A-Za-z0-9]{14})(?:\/|$)/;

export function airtableService(): LocalService {
  return {
    name: 'airtable',
    matches: (path) => path.startsWith('/v0/'),
    migrate: (db) => {
      migrateAirtable(db);
      migrateWebhooks(db);
    },
    reset: (ctx) => {
      resetWebhooks(ctx.db);
      resetAirtable(ctx.db);
    },
    errorResponse(status, message) {
      switch (status) {
        case 401:
          return airtableError(401, 'AUTHENTICATION_REQUIRED', 'Authentication required');
        case 429:
          return rateLimited();
        case 503:
          return airtableError(503, 'RETRIABLE_ERROR', message ?? 'Service unavailable');
        default:
          return airtableError(status, status >= 500 ? 'SERVER_ERROR' : 'INVALID_REQUEST_UNKNOWN', message ?? `HTTP ${status}`);
      }
    },
    // https://airtable.com/developers/web/api/rate-limits: 5 requests per second per base.
    rateLimitKey: (req: LocalRequest) => BASE_IN_PATH.exec(req.path)?.[1],
    rateLimitedResponse: () => rateLimited(),
    handle(req, ctx) {
      try {
        let notify: WebhookRow[] = [];
        const run = ctx.db.transaction(() => {
          const response = route(req, ctx);
          // One request is one Airtable transaction: its changes become one payload per matching webhook.
          if (req.method !== 'GET') notify = flushWebhookPayloads(ctx.db, ctx.now());
          return response;
        });
        const response = req.method === 'GET' ? run() : run.immediate();
        if (notify.length > 0 && ctx.outbound) sendPings(ctx.outbound, ctx.db, notify, ctx.now);
        return response;
      } catch (error) {
        if (error instanceof AirtableApiError) return renderError(error);
        throw error;
      }
    },
  };
}

function segmentsOf(path: string): string[] {
  const parts = path.replace(/\/+$/, '').split('/').slice(2);
  try {
    return parts.map((p) => decodeURIComponent(p));
  } catch {
    throw notFound();
  }
}

function route(req: LocalRequest, ctx: ServiceContext): LocalResponse {
  const segments = segmentsOf(req.path);
  const method = req.method.toUpperCase();
  if (segments[0] === 'meta') return metaRoute(req, ctx, method, segments.slice(1));
  if (segments[0] === 'bases' && segments[2] === 'webhooks') {
    const baseId = segments[1] ?? '';
    if (!baseExists(ctx.db, baseId)) throw notFound(`Could not find base ${baseId}`);
    return webhooksRoute({ db: ctx.db, baseId, method, rest: segments.slice(3), rawQuery: req.rawQuery, body: req.body, nowMs: ctx.now() });
  }
  const [baseId, tableKey, recordPart, ...rest] = segments;
  if (!baseId || !/^app[A-Za-z0-9]{14}$/.test(baseId) || rest.length > 0) throw notFound();
  if (!baseExists(ctx.db, baseId)) throw notFound(`Could not find base ${baseId}`);
  if (!tableKey) throw notFound();
  const tables = loadTables(ctx.db, baseId);
  // The table object is the one in `tables`, so select options added by typecast are seen by later records.
  const table = tables.find((t) => t.id === tableKey) ?? tables.find((t) => t.name === tableKey);
  if (!table) throw notFound(`Could not find table ${tableKey} in application ${baseId}`);
  const nowMs = ctx.now();
  const scope: TableScope = { db: ctx.db, tables, table, nowMs, now: new Date(nowMs).toISOString() };

  if (recordPart === undefined) {
    switch (method) {
      case 'GET':
        return listRecordsRoute(scope, readListParams(parseQuery(req.rawQuery)));
      case 'POST':
        noQuery(req);
        return createRecordsRoute(scope, jsonBody(req.body));
      case 'PATCH':
      case 'PUT':
        noQuery(req);
        return updateRecordsRoute(scope, jsonBody(req.body), method === 'PUT');
      case 'DELETE':
        return deleteRecordsRoute(scope, req.rawQuery);
      default:
        throw notFound();
    }
  }
  if (recordPart === 'listRecords' && method === 'POST') {
    // airtable.js repeats timeZone/userLocale in the query; the body carries the rest (and `method`, ignored).
    return listRecordsRoute(scope, readListParams({ ...parseQuery(req.rawQuery), ...jsonBody(req.body) }));
  }
  switch (method) {
    case 'GET':
      return getRecordRoute(scope, recordPart, req.rawQuery);
    case 'PATCH':
    case 'PUT':
      noQuery(req);
      return updateOneRoute(scope, recordPart, jsonBody(req.body), method === 'PUT');
    case 'DELETE':
      noQuery(req);
      return deleteOneRoute(scope, recordPart);
    default:
      throw notFound();
  }
}

function metaRoute(req: LocalRequest, ctx: ServiceContext, method: string, segments: string[]): LocalResponse {
  const [bases, baseId, tables, tableKey, fields, fieldId, ...rest] = segments;
  const key = `${method} ${[bases, baseId && 'B', tables, tableKey && 'T', fields, fieldId && 'F'].filter(Boolean).join('/')}`;
  if (rest.length > 0) throw notFound();
  if (segments.length === 1 && segments[0] === 'whoami' && method === 'GET') {
    // https://airtable.com/developers/web/api/get-user-id-scopes
    return { status: 200, body: { id: 'usrLocalWorkspace', scopes: ['data.records:read', 'data.records:write', 'schema.bases:read', 'schema.bases:write'] } };
  }
  const b = baseId ?? '';
  const t = tableKey ?? '';
  switch (key) {
    case 'GET bases':
      return listBasesRoute(ctx.db, req.rawQuery);
    case 'POST bases':
      return createBaseRoute(ctx.db, jsonBody(req.body));
    case 'GET bases/B/tables':
      return baseSchemaRoute(ctx.db, b, req.rawQuery);
    case 'POST bases/B/tables':
      return createTableRoute(ctx.db, b, jsonBody(req.body));
    case 'PATCH bases/B/tables/T':
      return updateTableRoute(ctx.db, b, t, jsonBody(req.body));
    case 'POST bases/B/tables/T/fields':
      return createFieldRoute(ctx.db, b, t, jsonBody(req.body));
    case 'PATCH bases/B/tables/T/fields/F':
      return updateFieldRoute(ctx.db, b, t, fieldId ?? '', jsonBody(req.body));
    default:
      throw notFound();
  }
}

/** Write routes take no query parameters (airtable.js sends an empty `?`). */
function noQuery(req: LocalRequest): void {
  allowKeys(parseQuery(req.rawQuery), [], 'The query');
}

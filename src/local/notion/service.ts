/**
 * Notion API, as @notionhq/client 5.x calls it with `Notion-Version: 2025-09-03` (data sources); see
 * ../shared/reference/wire-apis.md §B and https://developers.notion.com/reference.
 *
 * Emulated, persisted in SQLite (notion_* tables):
 * - databases: create (with `initial_data_source`, answering `data_sources:[{id,name}]`), retrieve, update;
 * - data sources: create, retrieve, update (title, schema add/rename/delete/retype, trash), query with property
 *   filters (text, number, checkbox, select/status, multi_select, date incl. relative dates, relation, people,
 *   files, unique_id, created/last_edited time), timestamp filters, `and`/`or` nested two levels, property and
 *   timestamp sorts, `filter_properties`, `in_trash`, keyset pagination and the 10,000-row `request_status`;
 * - pages: create under a data source (values checked against the schema; new select options are added as on
 *   Notion), a database with one data source, a page (title only) or the workspace, with `children`/`content` and
 *   `position`; retrieve; update properties, icon, cover, lock, trash, `erase_content`; two-way relations synced;
 * - blocks: list children, append (`position` or deprecated `after`), retrieve, update, delete; types paragraph,
 *   heading_1/2/3, bulleted/numbered_list_item, quote, toggle, to_do, callout, code, divider, breadcrumb,
 *   table_of_contents, equation, bookmark, embed, link_to_page, table + table_row, image/video/pdf/file/audio with
 *   external URLs, and child_page/child_database as created by pages/databases;
 * - comments: create on a page or block or in a discussion, list by `block_id`, retrieve; search; users/me;
 * - limits: rich text 2000, URLs 2000, equation 1000, email/phone 200, arrays 100, 1000 blocks and two levels of
 *   nesting per request → 400 `validation_error` with Notion's "body failed validation: <path> …" message;
 *   payload over 500 KB → 413 (body `validation_error`, so the SDK classifies it); unknown body keys and query
 *   parameters → `validation_error`; unknown routes → `invalid_request_url`; bad JSON → `invalid_json`.
 * - IDs accepted with or without dashes, answered with dashes; every page/block/data source/database answers both
 *   `in_trash` and the deprecated `archived` (requests may send `archived` under 2025-09-03, not under 2026-03-11); timestamps are minute-precision ISO strings, as Notion reports them.
 * - rate limit per bearer token (the server frame counts, this service answers 429 `rate_limited` with an integer
 *   `Retry-After` ≥ 1 and `additional_data.rate_limit_reason`); injected faults answer SDK-known codes.
 *
 * Known deviations:
 * - A missing `Notion-Version` is `missing_version` on Notion, a code the SDK does not know (it would surface as
 *   an unclassified `UnknownHTTPResponseError`). The workspace answers 400 `validation_error` with Notion's header
 *   message instead. Versions other than 2025-09-03 and 2026-03-11 are refused the same way, because only the
 *   data-source shapes are emulated (Notion itself still serves older versions with older shapes).
 * - Not emulated (refused with a clear `validation_error`): formula, rollup, button, place and verification
 *   properties; file uploads (`file_upload` media, files, attachments); markdown page content and comments;
 *   templates; moving pages, databases or data sources; column_list, synced_block and the rarer block types.
 * - Without `sorts`, queries answer newest first; search ignores relevance and sorts by `last_edited_time`.
 * - Text `equals` is case-sensitive, `contains`/`starts_with`/`ends_with` are not; date filters with a date-only
 *   operand compare the calendar day as written, with a time they compare instants.
 * - Date values are answered as sent (Notion may normalise the offset form). Relation targets are not checked to
 *   exist. Users are a single bot user (the integration); people values are stored as given.
 * - Page `url` points at the local viewer (`<origin>/notion/<id without dashes>`), not notion.so.
 */
import { appendChildren, blockObject, deleteBlock, listChildren, updateBlock } from './blocks.ts';
import { createComment, listComments, retrieveComment } from './comments.ts';
import {
  createDataSource,
  createDatabase,
  queryDataSource,
  retrieveDataSource,
  retrieveDatabase,
  updateDataSource,
  updateDatabase,
} from './databases.ts';
import { NotionError, errorForStatus, notionErrorResponse, rateLimitedError } from './errors.ts';
import { pathId } from './ids.ts';
import { createPage, retrievePage, trashObject, updatePage } from './pages.ts';
import { bot, type NotionContext } from './render.ts';
import { parseBody, type Json } from './request-body.ts';
import { eventsOf } from './request-events.ts';
import { search } from './search.ts';
import { migrateNotionWebhooks, publishEvents, resetNotionWebhooks } from './webhooks.ts';
import { NotionStore, migrateNotion, notionTimestamp, resetNotion } from './store.ts';
import type { LocalRequest, LocalResponse, LocalService, ServiceContext } from '../types.ts';

const SUPPORTED_VERSIONS = ['2025-09-03', '2026-03-11'];

type Handler = (ctx: NotionContext, req: LocalRequest, params: string[]) => Json;

/**
 * Webhooks: subscriptions are made through the control plane (Notion has no API for them), events are raised by
 * the writes below and delivered signed; see ./webhooks.ts.
 */

/** Routes as `METHOD /v1/path` patterns; `:id` segments are Notion IDs (validated and normalised). */
const ROUTES: [string, string, string[], Handler][] = [
  ['GET', '/v1/users/me', [], (ctx) => ({ ...bot(ctx), type: 'bot', name: 'Sourcing workspace', avatar_url: null, bot: {} })],
  ['POST', '/v1/databases', [], (ctx, req) => createDatabase(ctx, parseBody(req.body))],
  ['GET', '/v1/databases/:id', ['database_id'], (ctx, _req, [id]) => retrieveDatabase(ctx, id as string)],
  ['PATCH', '/v1/databases/:id', ['database_id'], (ctx, req, [id]) => updateDatabase(ctx, id as string, parseBody(req.body))],
  ['POST', '/v1/data_sources', [], (ctx, req) => createDataSource(ctx, parseBody(req.body))],
  ['GET', '/v1/data_sources/:id', ['data_source_id'], (ctx, _req, [id]) => retrieveDataSource(ctx, id as string)],
  ['PATCH', '/v1/data_sources/:id', ['data_source_id'], (ctx, req, [id]) => updateDataSource(ctx, id as string, parseBody(req.body))],
  ['POST', '/v1/data_sources/:id/query', ['data_source_id'], (ctx, req, [id]) => queryDataSource(ctx, id as string, parseBody(req.body), req.rawQuery)],
  ['POST', '/v1/pages', [], (ctx, req) => createPage(ctx, parseBody(req.body), req.rawQuery)],
  ['GET', '/v1/pages/:id', ['page_id'], (ctx, req, [id]) => retrievePage(ctx, id as string, req.rawQuery)],
  ['PATCH', '/v1/pages/:id', ['page_id'], (ctx, req, [id]) => updatePage(ctx, id as string, parseBody(req.body), req.rawQuery)],
  ['GET', '/v1/blocks/:id', ['block_id'], (ctx, _req, [id]) => blockObject(ctx, id as string)],
  ['PATCH', '/v1/blocks/:id', ['block_id'], (ctx, req, [id]) => updateBlock(ctx, id as string, parseBody(req.body), trasher(ctx))],
  ['DELETE', '/v1/blocks/:id', ['block_id'], (ctx, _req, [id]) => deleteBlock(ctx, id as string, trasher(ctx))],
  ['GET', '/v1/blocks/:id/children', ['block_id'], (ctx, req, [id]) => listChildren(ctx, id as string, req.rawQuery)],
  ['PATCH', '/v1/blocks/:id/children', ['block_id'], (ctx, req, [id]) => appendChildren(ctx, id as string, parseBody(req.body))],
  ['POST', '/v1/comments', [], (ctx, req) => createComment(ctx, parseBody(req.body))],
  ['GET', '/v1/comments', [], (ctx, req) => listComments(ctx, req.rawQuery)],
  ['GET', '/v1/comments/:id', ['comment_id'], (ctx, _req, [id]) => retrieveComment(ctx, id as string)],
  ['POST', '/v1/search', [], (ctx, req) => search(ctx, parseBody(req.body))],
];

function trasher(ctx: NotionContext): (id: string, inTrash: boolean) => void {
  return (id, inTrash) => trashObject(ctx, id, inTrash);
}

function match(req: LocalRequest): { handler: Handler; params: string[]; pattern: string } | undefined {
  const segments = req.path.replace(/\/+$/, '').split('/');
  for (const [method, pattern, names, handler] of ROUTES) {
    if (method !== req.method) continue;
    const parts = pattern.split('/');
    if (parts.length !== segments.length) continue;
    if (!parts.every((part, i) => part === ':id' || part === segments[i])) continue;
    const raw = segments.filter((_, i) => parts[i] === ':id');
    return { handler, pattern, params: raw.map((segment, i) => pathId(segment, names[i] ?? 'id')) };
  }
  return undefined;
}

/** From 2026-03-11 on, `archived` is gone from requests; only `in_trash` is accepted. */
function refuseArchivedParameter(req: LocalRequest): void {
  if (req.body.length === 0) return;
  const body = parseBody(req.body);
  if ('archived' in body) throw new NotionError(400, 'validation_error', 'body failed validation: body.archived should be not present, instead was `' + JSON.stringify(body['archived']) + '`.');
}

function checkVersion(req: LocalRequest): string {
  const header = req.headers['notion-version'];
  const version = Array.isArray(header) ? header[0] : header;
  if (version === undefined) {
    throw new NotionError(400, 'validation_error', 'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.');
  }
  if (!SUPPORTED_VERSIONS.includes(version)) {
    throw new NotionError(
      400,
      'validation_error',
      `Notion-Version header failed validation: the local workspace emulates ${SUPPORTED_VERSIONS.map((v) => `\`${v}\``).join(' and ')}, instead was \`${version}\`.`,
    );
  }
  return version;
}

export function notionService(): LocalService {
  return {
    name: 'notion',
    matches: (path) => path.startsWith('/v1/'),
    migrate: (db) => {
      migrateNotion(db);
      migrateNotionWebhooks(db);
    },
    reset: (ctx) => {
      resetNotion(ctx.db);
      resetNotionWebhooks(ctx.db);
    },
    errorResponse: (status, message) => notionErrorResponse(errorForStatus(status, message)),
    rateLimitKey: (req) => {
      const header = req.headers.authorization;
      return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    },
    rateLimitedResponse: (retryAfterMs) => notionErrorResponse(rateLimitedError(retryAfterMs)),
    handle(req: LocalRequest, context: ServiceContext): LocalResponse {
      try {
        const version = checkVersion(req);
        const route = match(req);
        if (!route) throw new NotionError(400, 'invalid_request_url', 'Invalid request URL.');
        const store = new NotionStore(context.db);
        const nowMs = context.now();
        const ctx: NotionContext = { store, nowMs, stamp: notionTimestamp(nowMs), origin: context.origin, botId: store.botId() };
        if (version === '2026-03-11') refuseArchivedParameter(req);
        // One transaction per request: a failed validation half-way leaves nothing behind.
        const body = context.db.transaction(() => route.handler(ctx, req, route.params))();
        if (req.method !== 'GET' && context.outbound) {
          const sent = req.body.length > 0 ? parseBody(req.body) : undefined;
          publishEvents(context.db, context.outbound, eventsOf(ctx, { method: req.method, pattern: route.pattern, params: route.params, body: sent, response: body }));
        }
        return { status: 200, body };
      } catch (error) {
        if (error instanceof NotionError) return notionErrorResponse(error);
        throw error;
      }
    },
  };
}

/**
 * Databases and data sources under Notion-Version 2025-09-03 (https://developers.notion.com/docs/upgrade-guide-2025-09-03):
 * a database is a container of data sources; the schema, queries and page parents belong to the data source.
 */
import { randomUUID } from 'node:crypto';
import { coverOf, iconOf } from './block-content.ts';
import { touchPageOf, trashFlag, ARCHIVED_EDIT } from './blocks.ts';
import { bodyValidation, notFound, validationError } from './errors.ts';
import { compileFilter } from './filters.ts';
import { bodyId } from './ids.ts';
import { keysetPage, listEnvelope } from './pagination.ts';
import { trashObject } from './pages.ts';
import { applySchemaPatch, schemaFromRequest, type SchemaContext } from './property-schema.ts';
import { filterProperties, parseQuery } from './query-string.ts';
import { linkDualRelations } from './relations.ts';
import { checkFilterProperties, pageView, renderDataSource, renderDatabase, renderPage, resolver, type NotionContext } from './render.ts';
import { allowOnly, isObject, pageSize, preview, type Json } from './request-body.ts';
import { richTextFromRequest } from './rich-text.ts';
import { compileSorts } from './sorts.ts';
import type { DataSourceRow, DatabaseParent, DatabaseRow } from './store.ts';

/** Notion stops a single query after this many rows and says so in `request_status`. */
const QUERY_RESULT_LIMIT = 10_000;

function schemaContext(ctx: NotionContext): SchemaContext {
  return { databaseOfDataSource: (id) => ctx.store.getDataSource(id)?.database_id };
}

function existingDatabase(ctx: NotionContext, id: string): DatabaseRow {
  const database = ctx.store.getDatabase(id);
  if (!database) throw notFound('database', id);
  return database;
}

function existingDataSource(ctx: NotionContext, id: string): DataSourceRow {
  const ds = ctx.store.getDataSource(id);
  if (!ds) throw notFound('data_source', id);
  return ds;
}

function richTextOrEmpty(ctx: NotionContext, value: unknown, path: string): ReturnType<typeof richTextFromRequest> {
  return value === undefined ? [] : richTextFromRequest(value, path, resolver(ctx));
}

// POST /v1/databases — https://developers.notion.com/reference/database-create
export function createDatabase(ctx: NotionContext, body: Json): Json {
  allowOnly(body, ['parent', 'title', 'description', 'is_inline', 'initial_data_source', 'icon', 'cover']);
  const parent = databaseParent(ctx, body['parent']);
  const title = richTextOrEmpty(ctx, body['title'], 'body.title');
  const initial = body['initial_data_source'] ?? {};
  if (!isObject(initial)) throw bodyValidation('body.initial_data_source', `should be an object, instead was \`${preview(initial)}\``);
  allowOnly(initial, ['properties'], 'body.initial_data_source');
  const database: DatabaseRow = {
    id: randomUUID(),
    parent,
    title,
    description: richTextOrEmpty(ctx, body['description'], 'body.description'),
    is_inline: body['is_inline'] === true,
    icon: body['icon'] === undefined ? null : iconOf(body['icon'], 'body.icon'),
    cover: body['cover'] === undefined ? null : coverOf(body['cover'], 'body.cover'),
    in_trash: false,
    is_locked: false,
    created_time: ctx.stamp,
    last_edited_time: ctx.stamp,
  };
  const properties = schemaFromRequest(initial['properties'], 'body.initial_data_source.properties', schemaContext(ctx));
  ctx.store.putDatabase(database);
  const ds: DataSourceRow = {
    id: randomUUID(), database_id: database.id, title, description: [], properties, icon: null, in_trash: false,
    created_time: ctx.stamp, last_edited_time: ctx.stamp, seq: 0,
  };
  linkDualRelations(ctx, ds);
  if (parent.type === 'page_id') {
    const ord = ctx.store.reserveOrd(parent.page_id, 1, 'end');
    ctx.store.putBlock({
      id: database.id, parent_type: 'page_id', parent_id: parent.page_id, type: 'child_database', content: { title: '' }, ord,
      in_trash: false, created_time: ctx.stamp, last_edited_time: ctx.stamp,
    });
    touchPageOf(ctx, { type: 'page_id', id: parent.page_id });
  }
  return renderDatabase(ctx, database);
}

function databaseParent(ctx: NotionContext, raw: unknown): DatabaseParent {
  if (!isObject(raw)) throw bodyValidation('body.parent', `should be an object, instead was \`${preview(raw)}\``);
  if (raw['type'] === 'workspace' || raw['workspace'] === true) return { type: 'workspace', workspace: true };
  const id = bodyId(raw['page_id'], 'body.parent.page_id');
  const page = ctx.store.getPage(id);
  if (!page) throw notFound('page', id);
  if (page.in_trash) throw validationError(ARCHIVED_EDIT);
  return { type: 'page_id', page_id: id };
}

// GET /v1/databases/{database_id} — https://developers.notion.com/reference/database-retrieve
export function retrieveDatabase(ctx: NotionContext, id: string): Json {
  return renderDatabase(ctx, existingDatabase(ctx, id));
}

// PATCH /v1/databases/{database_id} — https://developers.notion.com/reference/database-update
export function updateDatabase(ctx: NotionContext, id: string, body: Json): Json {
  allowOnly(body, ['parent', 'title', 'description', 'is_inline', 'icon', 'cover', 'in_trash', 'archived', 'is_locked']);
  if (body['parent'] !== undefined) throw validationError('Moving a database is not emulated by the local workspace.');
  const database = existingDatabase(ctx, id);
  const trash = trashFlag(body);
  const next: DatabaseRow = { ...database, last_edited_time: ctx.stamp };
  if (body['title'] !== undefined) next.title = richTextOrEmpty(ctx, body['title'], 'body.title');
  if (body['description'] !== undefined) next.description = richTextOrEmpty(ctx, body['description'], 'body.description');
  if (typeof body['is_inline'] === 'boolean') next.is_inline = body['is_inline'];
  if (typeof body['is_locked'] === 'boolean') next.is_locked = body['is_locked'];
  if (body['icon'] !== undefined) next.icon = iconOf(body['icon'], 'body.icon');
  if (body['cover'] !== undefined) next.cover = coverOf(body['cover'], 'body.cover');
  ctx.store.putDatabase(next);
  if (trash !== undefined && trash !== database.in_trash) trashObject(ctx, id, trash);
  return renderDatabase(ctx, existingDatabase(ctx, id));
}

// POST /v1/data_sources — https://developers.notion.com/reference/create-a-data-source
export function createDataSource(ctx: NotionContext, body: Json): Json {
  allowOnly(body, ['parent', 'properties', 'title', 'icon']);
  const parent = body['parent'];
  const databaseId = bodyId(isObject(parent) ? parent['database_id'] : undefined, 'body.parent.database_id');
  const database = existingDatabase(ctx, databaseId);
  if (database.in_trash) throw validationError(ARCHIVED_EDIT);
  if (body['properties'] === undefined) throw bodyValidation('body.properties', 'should be defined, instead was `undefined`');
  const ds: DataSourceRow = {
    id: randomUUID(),
    database_id: databaseId,
    title: richTextOrEmpty(ctx, body['title'], 'body.title'),
    description: [],
    properties: schemaFromRequest(body['properties'], 'body.properties', schemaContext(ctx)),
    icon: body['icon'] === undefined || body['icon'] === null ? null : iconOf(body['icon'], 'body.icon'),
    in_trash: false,
    created_time: ctx.stamp,
    last_edited_time: ctx.stamp,
    seq: 0,
  };
  linkDualRelations(ctx, ds);
  return renderDataSource(ctx, existingDataSource(ctx, ds.id));
}

// GET /v1/data_sources/{data_source_id} — https://developers.notion.com/reference/retrieve-a-data-source
export function retrieveDataSource(ctx: NotionContext, id: string): Json {
  return renderDataSource(ctx, existingDataSource(ctx, id));
}

// PATCH /v1/data_sources/{data_source_id} — https://developers.notion.com/reference/update-a-data-source
export function updateDataSource(ctx: NotionContext, id: string, body: Json): Json {
  allowOnly(body, ['archived', 'title', 'icon', 'properties', 'in_trash', 'parent']);
  if (body['parent'] !== undefined) throw validationError('Moving a data source is not emulated by the local workspace.');
  const ds = existingDataSource(ctx, id);
  const trash = trashFlag(body);
  if (ds.in_trash && trash !== false && Object.keys(body).some((k) => k !== 'in_trash' && k !== 'archived')) throw validationError(ARCHIVED_EDIT);
  const next: DataSourceRow = { ...ds, last_edited_time: ctx.stamp };
  if (body['title'] !== undefined) next.title = richTextOrEmpty(ctx, body['title'], 'body.title');
  if (body['icon'] !== undefined) next.icon = body['icon'] === null ? null : iconOf(body['icon'], 'body.icon');
  if (body['properties'] !== undefined) next.properties = applySchemaPatch(ds.properties, body['properties'], 'body.properties', schemaContext(ctx));
  if (trash !== undefined) next.in_trash = trash;
  linkDualRelations(ctx, next);
  return renderDataSource(ctx, existingDataSource(ctx, id));
}

// POST /v1/data_sources/{data_source_id}/query — https://developers.notion.com/reference/query-a-data-source
export function queryDataSource(ctx: NotionContext, id: string, body: Json, rawQuery: string): Json {
  allowOnly(body, ['archived', 'sorts', 'filter', 'start_cursor', 'page_size', 'in_trash', 'result_type']);
  const query = parseQuery(rawQuery, ['filter_properties']);
  const ds = existingDataSource(ctx, id);
  if (ds.in_trash) throw notFound('data_source', id);
  const size = pageSize(body['page_size'], 'body.page_size');
  const wantTrashed = trashFlag(body) === true;
  const resultType = body['result_type'];
  if (resultType !== undefined && resultType !== 'page' && resultType !== 'data_source') {
    throw bodyValidation('body.result_type', `should be \`page\` or \`data_source\`, instead was \`${preview(resultType)}\``);
  }
  const filter = body['filter'] === undefined ? () => true : compileFilter(body['filter'], ds.properties, ctx.nowMs);
  const sort = compileSorts(body['sorts'], ds.properties);
  const selected = filterProperties(query);
  checkFilterProperties(selected, ds.properties.map((p) => p.id));
  const pages = resultType === 'data_source' ? [] : ctx.store.pagesOf(id).filter((p) => p.in_trash === wantTrashed);
  const views = pages
    .map((page) => ({ page, view: pageView(ctx, page, ds) }))
    .filter(({ view }) => filter(view))
    .map((entry) => ({ ...entry, key: sort.keyOf(entry.view) }))
    .sort((a, b) => sort.compare(a.key, b.key));
  const limited = views.length > QUERY_RESULT_LIMIT;
  const window = limited ? views.slice(0, QUERY_RESULT_LIMIT) : views;
  const page = keysetPage(window, (e) => e.key, sort.compare, body['start_cursor'], size, 'body.start_cursor');
  const extra = limited ? { request_status: { type: 'incomplete', incomplete_reason: 'query_result_limit_reached' } } : {};
  return listEnvelope('page_or_data_source', { ...page, results: page.results.map((e) => renderPage(ctx, e.page, selected)) }, extra);
}

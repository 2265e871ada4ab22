/**
 * Page endpoints (https://developers.notion.com/reference/post-page, /retrieve-a-page, /patch-page). Under
 * 2025-09-03 a database row's parent is `{type:"data_source_id", data_source_id, database_id}`; a page under a page
 * has only a `title` and shows in its parent as a `child_page` block.
 */
import { randomUUID } from 'node:crypto';
import { coverOf, iconOf, parseChildren } from './block-content.ts';
import { ARCHIVED_EDIT, insertBlocks, touchPageOf, trashFlag } from './blocks.ts';
import { bodyValidation, notFound, validationError } from './errors.ts';
import { bodyId } from './ids.ts';
import { defaultValues, propertyValuesFromRequest } from './property-values.ts';
import { filterProperties, parseQuery } from './query-string.ts';
import { syncDualValues } from './relations.ts';
import { checkFilterProperties, renderPage, resolver, type NotionContext } from './render.ts';
import { allowOnly, isObject, preview, type Json } from './request-body.ts';
import { richTextFromRequest } from './rich-text.ts';
import type { DataSourceRow, PageParent, PageRow } from './store.ts';

const CREATE_KEYS = ['parent', 'properties', 'icon', 'cover', 'content', 'children', 'markdown', 'allow_async', 'template', 'position'];
const UPDATE_KEYS = ['archived', 'properties', 'icon', 'cover', 'is_locked', 'template', 'erase_content', 'in_trash', 'is_archived'];

// POST /v1/pages — https://developers.notion.com/reference/post-page
export function createPage(ctx: NotionContext, body: Json, rawQuery: string): Json {
  allowOnly(body, CREATE_KEYS);
  const query = parseQuery(rawQuery, ['filter_properties']);
  for (const key of ['markdown', 'allow_async'] as const) {
    if (body[key] !== undefined) throw validationError(`\`${key}\` is not emulated by the local workspace; send \`children\` blocks instead.`);
  }
  if (body['template'] !== undefined && !(isObject(body['template']) && body['template']['type'] === 'none')) {
    throw validationError('Page templates are not emulated by the local workspace.');
  }
  if (body['content'] !== undefined && body['children'] !== undefined) throw validationError('Send either `children` or `content`, not both.');
  const { parent, dataSource } = resolveParent(ctx, body['parent']);
  const childrenKey = body['content'] !== undefined ? 'content' : 'children';
  const drafts = body[childrenKey] === undefined ? [] : parseChildren(body[childrenKey], `body.${childrenKey}`, resolver(ctx));
  const id = randomUUID();
  const properties = dataSource
    ? { ...defaultValues(dataSource.properties), ...databaseValues(ctx, dataSource, body['properties']) }
    : titleOnly(ctx, body['properties']);
  if (dataSource) assignUniqueIds(ctx, dataSource, properties);
  const page = ctx.store.putPage({
    id,
    parent,
    data_source_id: dataSource?.id ?? null,
    properties,
    icon: body['icon'] === undefined ? null : iconOf(body['icon'], 'body.icon'),
    cover: body['cover'] === undefined ? null : coverOf(body['cover'], 'body.cover'),
    in_trash: false,
    is_archived: false,
    is_locked: false,
    created_time: ctx.stamp,
    last_edited_time: ctx.stamp,
  });
  if (parent.type === 'page_id') addChildPageBlock(ctx, parent.page_id, id, body['position']);
  if (drafts.length > 0) insertBlocks(ctx, { type: 'page_id', id }, drafts);
  if (dataSource) syncDualValues(ctx, dataSource, page, {});
  const filter = filterProperties(query);
  checkFilterProperties(filter, dataSource ? dataSource.properties.map((p) => p.id) : ['title']);
  return renderPage(ctx, ctx.store.getPage(id) as PageRow, filter);
}

function resolveParent(ctx: NotionContext, raw: unknown): { parent: PageParent; dataSource?: DataSourceRow } {
  if (!isObject(raw)) throw bodyValidation('body.parent', `should be an object, instead was \`${preview(raw)}\``);
  if ('data_source_id' in raw || raw['type'] === 'data_source_id') {
    const id = bodyId(raw['data_source_id'], 'body.parent.data_source_id');
    const ds = ctx.store.getDataSource(id);
    if (!ds || ds.in_trash) throw notFound('data_source', id);
    return { parent: { type: 'data_source_id', data_source_id: ds.id, database_id: ds.database_id }, dataSource: ds };
  }
  if ('database_id' in raw || raw['type'] === 'database_id') {
    const id = bodyId(raw['database_id'], 'body.parent.database_id');
    const database = ctx.store.getDatabase(id);
    if (!database || database.in_trash) throw notFound('database', id);
    const sources = ctx.store.dataSourcesOf(id);
    const [only] = sources;
    if (!only || sources.length !== 1) {
      throw validationError(`Database ${id} has ${sources.length} data sources; create the page under \`parent.data_source_id\`.`);
    }
    return { parent: { type: 'data_source_id', data_source_id: only.id, database_id: id }, dataSource: only };
  }
  if ('page_id' in raw || raw['type'] === 'page_id') {
    const id = bodyId(raw['page_id'], 'body.parent.page_id');
    const page = ctx.store.getPage(id);
    if (!page) throw notFound('page', id);
    if (page.in_trash) throw validationError(ARCHIVED_EDIT);
    return { parent: { type: 'page_id', page_id: id } };
  }
  if (raw['workspace'] === true) return { parent: { type: 'workspace', workspace: true } };
  throw bodyValidation('body.parent.data_source_id', 'should be defined, instead was `undefined` (or give `page_id`, `database_id` or `workspace: true`)');
}

function databaseValues(ctx: NotionContext, ds: DataSourceRow, raw: unknown): Record<string, Json> {
  if (raw === undefined) return {};
  const result = propertyValuesFromRequest(raw, ds.properties, resolver(ctx));
  if (result.schemaChanged) ctx.store.putDataSource({ ...ds, last_edited_time: ctx.stamp });
  return result.values;
}

/** A page outside a data source has one property, its title (keyed `title`). */
function titleOnly(ctx: NotionContext, raw: unknown): Record<string, Json> {
  if (raw === undefined) return { title: { type: 'title', title: [] } };
  if (!isObject(raw)) throw bodyValidation('body.properties', `should be an object, instead was \`${preview(raw)}\``);
  const out: Record<string, Json> = { title: { type: 'title', title: [] } };
  for (const [key, value] of Object.entries(raw)) {
    if (key !== 'title') throw validationError(`${key} is not a property that exists.`);
    const list = isObject(value) ? value['title'] : value;
    out['title'] = { type: 'title', title: richTextFromRequest(list, 'body.properties.title.title', resolver(ctx)) };
  }
  return out;
}

function assignUniqueIds(ctx: NotionContext, ds: DataSourceRow, properties: Record<string, Json>): void {
  for (const p of ds.properties) {
    if (p.type !== 'unique_id') continue;
    properties[p.id] = { type: 'unique_id', unique_id: { prefix: p.config['prefix'] ?? null, number: ctx.store.nextUniqueNumber(ds.id, p.id) } };
  }
}

/** The `child_page` block in the parent page, at `position` (`page_start`, `page_end`, `after_block`). */
function addChildPageBlock(ctx: NotionContext, parentId: string, pageId: string, position: unknown): void {
  let after: number | 'start' | 'end' = 'end';
  if (isObject(position)) {
    if (position['type'] === 'page_start') after = 'start';
    else if (position['type'] === 'after_block') {
      const target = isObject(position['after_block']) ? position['after_block']['id'] : undefined;
      const sibling = ctx.store.getBlock(bodyId(target, 'body.position.after_block.id'));
      if (!sibling || sibling.parent_id !== parentId) throw validationError(`Block ${String(target)} is not a child of page ${parentId}.`);
      after = sibling.ord;
    }
  } else if (position !== undefined) {
    throw bodyValidation('body.position', `should be an object, instead was \`${preview(position)}\``);
  }
  const ord = ctx.store.reserveOrd(parentId, 1, after);
  ctx.store.putBlock({
    id: pageId, parent_type: 'page_id', parent_id: parentId, type: 'child_page', content: { title: '' }, ord,
    in_trash: false, created_time: ctx.stamp, last_edited_time: ctx.stamp,
  });
  touchPageOf(ctx, { type: 'page_id', id: parentId });
}

function existingPage(ctx: NotionContext, id: string): PageRow {
  const page = ctx.store.getPage(id);
  if (!page) throw notFound('page', id);
  return page;
}

// GET /v1/pages/{page_id} — https://developers.notion.com/reference/retrieve-a-page
export function retrievePage(ctx: NotionContext, id: string, rawQuery: string): Json {
  const query = parseQuery(rawQuery, ['filter_properties']);
  const page = existingPage(ctx, id);
  const filter = filterProperties(query);
  const ds = page.data_source_id ? ctx.store.getDataSource(page.data_source_id) : undefined;
  checkFilterProperties(filter, ds ? ds.properties.map((p) => p.id) : ['title']);
  return renderPage(ctx, page, filter);
}

// PATCH /v1/pages/{page_id} — https://developers.notion.com/reference/patch-page
export function updatePage(ctx: NotionContext, id: string, body: Json, rawQuery: string): Json {
  allowOnly(body, UPDATE_KEYS);
  const query = parseQuery(rawQuery, ['filter_properties']);
  if (body['template'] !== undefined) throw validationError('Page templates are not emulated by the local workspace.');
  const page = existingPage(ctx, id);
  const trash = trashFlag(body);
  const edits = Object.keys(body).filter((k) => k !== 'in_trash' && k !== 'archived');
  if (page.in_trash && trash !== false && edits.length > 0) throw validationError(ARCHIVED_EDIT);
  const ds = page.data_source_id ? ctx.store.getDataSource(page.data_source_id) : undefined;
  const before = page.properties;
  let next: PageRow = { ...page, last_edited_time: ctx.stamp };
  if (body['properties'] !== undefined) {
    const values = ds ? databaseValues(ctx, ds, body['properties']) : titleOnly(ctx, body['properties']);
    next = { ...next, properties: { ...page.properties, ...values } };
  }
  if (body['icon'] !== undefined) next.icon = iconOf(body['icon'], 'body.icon');
  if (body['cover'] !== undefined) next.cover = coverOf(body['cover'], 'body.cover');
  for (const key of ['is_locked', 'is_archived', 'erase_content'] as const) {
    if (body[key] !== undefined && typeof body[key] !== 'boolean') throw bodyValidation(`body.${key}`, `should be a boolean, instead was \`${preview(body[key])}\``);
  }
  if (typeof body['is_locked'] === 'boolean') next.is_locked = body['is_locked'];
  if (typeof body['is_archived'] === 'boolean') next.is_archived = body['is_archived'];
  if (trash !== undefined) next.in_trash = trash;
  ctx.store.putPage(next);
  if (body['erase_content'] === true) {
    for (const child of ctx.store.childrenOf(id)) ctx.store.putBlock({ ...child, in_trash: true, last_edited_time: ctx.stamp });
  }
  if (trash !== undefined) mirrorTrashOnBlock(ctx, id, trash);
  const saved = ctx.store.getPage(id) as PageRow;
  if (ds) syncDualValues(ctx, ctx.store.getDataSource(ds.id) ?? ds, saved, before);
  const filter = filterProperties(query);
  checkFilterProperties(filter, ds ? ds.properties.map((p) => p.id) : ['title']);
  return renderPage(ctx, ctx.store.getPage(id) as PageRow, filter);
}

function mirrorTrashOnBlock(ctx: NotionContext, id: string, inTrash: boolean): void {
  const block = ctx.store.getBlock(id);
  if (block && block.in_trash !== inTrash) {
    ctx.store.putBlock({ ...block, in_trash: inTrash, last_edited_time: ctx.stamp });
    touchPageOf(ctx, { type: block.parent_type, id: block.parent_id });
  }
}

/** Moves a page or a database (with its data sources) to or from the trash, with its block in the parent. */
export function trashObject(ctx: NotionContext, id: string, inTrash: boolean): void {
  const page = ctx.store.getPage(id);
  if (page) {
    ctx.store.putPage({ ...page, in_trash: inTrash, last_edited_time: ctx.stamp });
    mirrorTrashOnBlock(ctx, id, inTrash);
    return;
  }
  const database = ctx.store.getDatabase(id);
  if (database) {
    ctx.store.putDatabase({ ...database, in_trash: inTrash, last_edited_time: ctx.stamp });
    for (const ds of ctx.store.dataSourcesOf(id)) ctx.store.putDataSource({ ...ds, in_trash: inTrash, last_edited_time: ctx.stamp });
    mirrorTrashOnBlock(ctx, id, inTrash);
  }
}

/**
 * Response objects as the SDK types them (PageObjectResponse, DataSourceObjectResponse, DatabaseObjectResponse,
 * BlockObjectResponse, CommentObjectResponse). Both `in_trash` and the deprecated `archived` are always answered.
 */
import { validationError } from './errors.ts';
import { dashless } from './ids.ts';
import type { PageView } from './filters.ts';
import { schemaResponse } from './property-schema.ts';
import { renderValue } from './property-values.ts';
import type { Json } from './request-body.ts';
import { plainText, type MentionResolver } from './rich-text.ts';
import type { BlockRow, CommentRow, DataSourceRow, DatabaseRow, NotionStore, PageRow } from './store.ts';

export interface NotionContext {
  store: NotionStore;
  nowMs: number;
  /** `created_time`/`last_edited_time` for writes in this request (minute precision, as on Notion). */
  stamp: string;
  origin: string;
  botId: string;
}

export function bot(ctx: NotionContext): Json {
  return { object: 'user', id: ctx.botId };
}

/**
 * Page URLs point at the local viewer (`<origin>/notion/<id>`), so links written into the PO base open on this
 * machine; on Notion they are `https://www.notion.so/<slug>-<id>`.
 */
export function pageUrl(ctx: NotionContext, id: string): string {
  return `${ctx.origin}/notion/${dashless(id)}`;
}

export function resolver(ctx: NotionContext): MentionResolver {
  return {
    pageTitle: (id) => {
      const page = ctx.store.getPage(id);
      if (page) return pageTitle(ctx, page);
      const database = ctx.store.getDatabase(id);
      return database ? plainText(database.title) : undefined;
    },
    pageUrl: (id) => pageUrl(ctx, id),
  };
}

export function pageTitle(ctx: NotionContext, page: PageRow): string {
  const schema = page.data_source_id ? ctx.store.getDataSource(page.data_source_id)?.properties : undefined;
  const titleId = schema?.find((p) => p.type === 'title')?.id ?? 'title';
  const value = page.properties[titleId]?.['title'];
  return Array.isArray(value) ? plainText(value) : '';
}

/** Property values keyed by property ID, as filters and sorts read them. */
export function pageView(ctx: NotionContext, page: PageRow, dataSource: DataSourceRow): PageView & { seq: number } {
  const facts = { created_time: page.created_time, last_edited_time: page.last_edited_time, botId: ctx.botId };
  const values: Record<string, Json> = {};
  for (const p of dataSource.properties) values[p.id] = renderValue(p, page.properties[p.id], facts);
  return { values, created_time: page.created_time, last_edited_time: page.last_edited_time, seq: page.seq };
}

/** A page object; `filterProperties` (property IDs) limits the properties answered. */
export function renderPage(ctx: NotionContext, page: PageRow, filterProperties?: string[]): Json {
  const properties: Json = {};
  const facts = { created_time: page.created_time, last_edited_time: page.last_edited_time, botId: ctx.botId };
  const dataSource = page.data_source_id ? ctx.store.getDataSource(page.data_source_id) : undefined;
  if (dataSource) {
    for (const p of dataSource.properties) {
      if (filterProperties && !filterProperties.includes(p.id)) continue;
      properties[p.name] = renderValue(p, page.properties[p.id], facts);
    }
  } else if (!filterProperties || filterProperties.includes('title')) {
    properties['title'] = { id: 'title', type: 'title', title: page.properties['title']?.['title'] ?? [] };
  }
  return {
    object: 'page',
    id: page.id,
    created_time: page.created_time,
    last_edited_time: page.last_edited_time,
    created_by: bot(ctx),
    last_edited_by: bot(ctx),
    cover: page.cover,
    icon: page.icon,
    parent: page.parent,
    in_trash: page.in_trash,
    archived: page.in_trash,
    is_archived: page.is_archived,
    is_locked: page.is_locked,
    properties,
    url: pageUrl(ctx, page.id),
    public_url: null,
  };
}

/** Checks `filter_properties` IDs against a schema (titles of plain pages are `title`). */
export function checkFilterProperties(ids: string[] | undefined, known: string[]): void {
  for (const id of ids ?? []) {
    if (!known.includes(id)) throw validationError(`Could not find property with id: ${id} (filter_properties takes property IDs).`);
  }
}

export function renderDataSource(ctx: NotionContext, ds: DataSourceRow): Json {
  const database = ctx.store.getDatabase(ds.database_id);
  return {
    object: 'data_source',
    id: ds.id,
    created_time: ds.created_time,
    last_edited_time: ds.last_edited_time,
    created_by: bot(ctx),
    last_edited_by: bot(ctx),
    title: ds.title,
    description: ds.description,
    parent: { type: 'database_id', database_id: ds.database_id },
    database_parent: database?.parent ?? { type: 'workspace', workspace: true },
    is_inline: database?.is_inline ?? false,
    in_trash: ds.in_trash,
    archived: ds.in_trash,
    properties: schemaResponse(ds.properties),
    icon: ds.icon,
    cover: null,
    url: pageUrl(ctx, ds.id),
    public_url: null,
  };
}

export function renderDatabase(ctx: NotionContext, db: DatabaseRow): Json {
  return {
    object: 'database',
    id: db.id,
    title: db.title,
    description: db.description,
    parent: db.parent,
    is_inline: db.is_inline,
    in_trash: db.in_trash,
    archived: db.in_trash,
    is_locked: db.is_locked,
    created_time: db.created_time,
    last_edited_time: db.last_edited_time,
    data_sources: ctx.store.dataSourcesOf(db.id).map((ds) => ({ id: ds.id, name: plainText(ds.title) })),
    icon: db.icon,
    cover: db.cover,
    url: pageUrl(ctx, db.id),
    public_url: null,
  };
}

export function renderBlock(ctx: NotionContext, block: BlockRow): Json {
  return {
    object: 'block',
    id: block.id,
    parent: { type: block.parent_type, [block.parent_type]: block.parent_id },
    created_time: block.created_time,
    last_edited_time: block.last_edited_time,
    created_by: bot(ctx),
    last_edited_by: bot(ctx),
    has_children: ctx.store.hasChildren(block.id),
    in_trash: block.in_trash,
    archived: block.in_trash,
    type: block.type,
    [block.type]: block.content,
  };
}

export function renderComment(ctx: NotionContext, comment: CommentRow): Json {
  return {
    object: 'comment',
    id: comment.id,
    parent: { type: comment.parent_type, [comment.parent_type]: comment.parent_id },
    discussion_id: comment.discussion_id,
    created_time: comment.created_time,
    last_edited_time: comment.last_edited_time,
    created_by: bot(ctx),
    rich_text: comment.rich_text,
    display_name: comment.display_name,
  };
}

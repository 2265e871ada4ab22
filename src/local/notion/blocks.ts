/**
 * Block endpoints (https://developers.notion.com/reference/get-block-children, /patch-block-children,
 * /retrieve-a-block, /update-a-block, /delete-a-block). A page is also a block: its content is its children, and a
 * page under a page appears in its parent as a `child_page` block with the page's ID (a database: `child_database`).
 */
import { randomUUID } from 'node:crypto';
import { acceptsChildren, blockType, parseChildren, updatedContent, type BlockDraft } from './block-content.ts';
import { bodyValidation, notFound, validationError } from './errors.ts';
import { bodyId } from './ids.ts';
import { idPage, listEnvelope } from './pagination.ts';
import { parseQuery } from './query-string.ts';
import { bot, pageTitle, renderBlock, resolver, type NotionContext } from './render.ts';
import { allowOnly, isObject, pageSize, preview, type Json } from './request-body.ts';
import { plainText } from './rich-text.ts';
import type { BlockRow } from './store.ts';

export const ARCHIVED_EDIT = "Can't edit block that is archived. You must unarchive the block before editing.";

interface Container {
  type: 'page_id' | 'block_id';
  id: string;
  inTrash: boolean;
  acceptsChildren: boolean;
}

/** The page or block whose children `id` names; databases have no block children. */
function container(ctx: NotionContext, id: string): Container {
  const page = ctx.store.getPage(id);
  if (page) return { type: 'page_id', id, inTrash: page.in_trash, acceptsChildren: true };
  const block = ctx.store.getBlock(id);
  if (block) return { type: 'block_id', id, inTrash: block.in_trash, acceptsChildren: acceptsChildren(block.type, block.content) };
  throw notFound('block', id);
}

/** Inserts parsed blocks under a parent at `after` (an `ord`, `start` or `end`); returns the first-level rows. */
export function insertBlocks(
  ctx: NotionContext,
  parent: { type: 'page_id' | 'block_id'; id: string },
  drafts: BlockDraft[],
  after: number | 'start' | 'end' = 'end',
): BlockRow[] {
  const base = ctx.store.reserveOrd(parent.id, drafts.length, after);
  return drafts.map((draft, i) => {
    const row: BlockRow = {
      id: randomUUID(),
      parent_type: parent.type,
      parent_id: parent.id,
      type: draft.type,
      content: draft.content,
      ord: base + i,
      in_trash: false,
      created_time: ctx.stamp,
      last_edited_time: ctx.stamp,
    };
    ctx.store.putBlock(row);
    if (draft.children.length > 0) insertBlocks(ctx, { type: 'block_id', id: row.id }, draft.children);
    return row;
  });
}

/** Editing content edits the page that holds it: its `last_edited_time` moves. */
export function touchPageOf(ctx: NotionContext, parent: { type: 'page_id' | 'block_id'; id: string }): void {
  let current: { type: 'page_id' | 'block_id'; id: string } | undefined = parent;
  for (let guard = 0; current && guard < 64; guard += 1) {
    if (current.type === 'page_id') {
      const page = ctx.store.getPage(current.id);
      if (page) ctx.store.putPage({ ...page, last_edited_time: ctx.stamp });
      return;
    }
    const block = ctx.store.getBlock(current.id);
    current = block ? { type: block.parent_type, id: block.parent_id } : undefined;
  }
}

// GET /v1/blocks/{block_id}/children — https://developers.notion.com/reference/get-block-children
export function listChildren(ctx: NotionContext, id: string, rawQuery: string): Json {
  const query = parseQuery(rawQuery, ['start_cursor', 'page_size']);
  const parent = container(ctx, id);
  const size = pageSize(query.get('page_size') ?? undefined, 'query.page_size');
  const children = ctx.store.childrenOf(parent.id);
  let start = 0;
  const cursor = query.get('start_cursor');
  if (cursor !== null) {
    const cursorId = bodyId(cursor, 'query.start_cursor');
    const at = ctx.store.getBlock(cursorId);
    if (!at || at.parent_id !== parent.id) throw bodyValidation('query.start_cursor', `should be a cursor from a previous request, instead was \`${JSON.stringify(cursor)}\``);
    start = children.findIndex((c) => c.ord >= at.ord);
    if (start === -1) start = children.length;
  }
  const page = idPage(children, start, size);
  return listEnvelope('block', { ...page, results: page.results.map((b) => renderBlock(ctx, syncedTitle(ctx, b))) });
}

// PATCH /v1/blocks/{block_id}/children — https://developers.notion.com/reference/patch-block-children
export function appendChildren(ctx: NotionContext, id: string, body: Json): Json {
  allowOnly(body, ['children', 'after', 'position']);
  const parent = container(ctx, id);
  if (parent.inTrash) throw validationError(ARCHIVED_EDIT);
  if (!parent.acceptsChildren) throw validationError(`Block ${id} does not support children.`);
  if (body['children'] === undefined) throw bodyValidation('body.children', 'should be defined, instead was `undefined`');
  const drafts = parseChildren(body['children'], 'body.children', resolver(ctx));
  const after = insertionPoint(ctx, parent.id, body);
  const rows = insertBlocks(ctx, parent, drafts, after);
  touchPageOf(ctx, parent);
  return listEnvelope('block', { results: rows.map((b) => renderBlock(ctx, b)), next_cursor: null, has_more: false });
}

/** `position` (`start`, `end`, `after_block`) or the deprecated `after`, as an `ord` to insert after. */
function insertionPoint(ctx: NotionContext, parentId: string, body: Json): number | 'start' | 'end' {
  let afterId: string | undefined;
  if (body['after'] !== undefined) afterId = bodyId(body['after'], 'body.after');
  const position = body['position'];
  if (position !== undefined) {
    if (afterId) throw validationError('Provide either `position` or the deprecated `after`, not both.');
    if (!isObject(position)) throw bodyValidation('body.position', `should be an object, instead was \`${preview(position)}\``);
    if (position['type'] === 'start') return 'start';
    if (position['type'] === 'end') return 'end';
    if (position['type'] !== 'after_block') {
      throw bodyValidation('body.position.type', `should be \`start\`, \`end\` or \`after_block\`, instead was \`${preview(position['type'])}\``);
    }
    const target = position['after_block'];
    afterId = bodyId(isObject(target) ? target['id'] : undefined, 'body.position.after_block.id');
  }
  if (!afterId) return 'end';
  const sibling = ctx.store.getBlock(afterId);
  if (!sibling || sibling.parent_id !== parentId || sibling.in_trash) {
    throw validationError(`Block ${afterId} is not a child of ${parentId}, so children cannot be inserted after it.`);
  }
  return sibling.ord;
}

/** A block by ID; pages and databases answer as the `child_page`/`child_database` block they are. */
export function blockObject(ctx: NotionContext, id: string): Json {
  const row = ctx.store.getBlock(id);
  if (row) return renderBlock(ctx, syncedTitle(ctx, row));
  const page = ctx.store.getPage(id);
  if (page) {
    return {
      ...renderBlock(ctx, {
        id, parent_type: 'page_id', parent_id: '', type: 'child_page', content: { title: pageTitle(ctx, page) }, ord: 0,
        in_trash: page.in_trash, created_time: page.created_time, last_edited_time: page.last_edited_time,
      }),
      parent: page.parent,
    };
  }
  const database = ctx.store.getDatabase(id);
  if (database) {
    return {
      object: 'block', id, parent: database.parent, created_time: database.created_time, last_edited_time: database.last_edited_time,
      created_by: bot(ctx), last_edited_by: bot(ctx), has_children: false, in_trash: database.in_trash, archived: database.in_trash,
      type: 'child_database', child_database: { title: plainText(database.title) },
    };
  }
  throw notFound('block', id);
}

/** child_page / child_database blocks show the current title of what they stand for. */
function syncedTitle(ctx: NotionContext, row: BlockRow): BlockRow {
  if (row.type === 'child_page') {
    const page = ctx.store.getPage(row.id);
    if (page) return { ...row, content: { title: pageTitle(ctx, page) }, in_trash: page.in_trash };
  }
  if (row.type === 'child_database') {
    const database = ctx.store.getDatabase(row.id);
    if (database) return { ...row, content: { title: plainText(database.title) }, in_trash: database.in_trash };
  }
  return row;
}

// PATCH /v1/blocks/{block_id} — https://developers.notion.com/reference/update-a-block
export function updateBlock(ctx: NotionContext, id: string, body: Json, trashPage: (id: string, inTrash: boolean) => void): Json {
  const row = ctx.store.getBlock(id);
  if (!row) {
    if (ctx.store.getPage(id) || ctx.store.getDatabase(id)) {
      const trash = trashFlag(body);
      if (trash === undefined) throw validationError('Update a page or database through its own endpoint; blocks.update only moves it to or from the trash.');
      trashPage(id, trash);
      return blockObject(ctx, id);
    }
    throw notFound('block', id);
  }
  const trash = trashFlag(body);
  const typeKeys = Object.keys(body).filter((k) => k !== 'in_trash' && k !== 'archived' && k !== 'type');
  if (row.in_trash && trash !== false && typeKeys.length > 0) throw validationError(ARCHIVED_EDIT);
  let next: BlockRow = { ...row, last_edited_time: ctx.stamp };
  if (typeKeys.length > 0) {
    const given = blockType(body, 'body');
    if (given !== row.type) throw validationError(`Block type ${given} does not match the existing block type ${row.type} of block ${id}.`);
    next = { ...next, content: updatedContent(row.type, row.content, body[given], `body.${given}`, resolver(ctx)) };
  }
  if (trash !== undefined) {
    if (row.type === 'child_page' || row.type === 'child_database') trashPage(id, trash);
    next = { ...next, in_trash: trash };
  }
  ctx.store.putBlock(next);
  touchPageOf(ctx, { type: row.parent_type, id: row.parent_id });
  return blockObject(ctx, id);
}

// DELETE /v1/blocks/{block_id} — https://developers.notion.com/reference/delete-a-block
export function deleteBlock(ctx: NotionContext, id: string, trashPage: (id: string, inTrash: boolean) => void): Json {
  const row = ctx.store.getBlock(id);
  if (!row) {
    if (ctx.store.getPage(id) || ctx.store.getDatabase(id)) {
      trashPage(id, true);
      return blockObject(ctx, id);
    }
    throw notFound('block', id);
  }
  if (row.type === 'child_page' || row.type === 'child_database') trashPage(id, true);
  ctx.store.putBlock({ ...row, in_trash: true, last_edited_time: ctx.stamp });
  touchPageOf(ctx, { type: row.parent_type, id: row.parent_id });
  return blockObject(ctx, id);
}

/** `in_trash` or the deprecated `archived` (they must agree when both are given). */
export function trashFlag(body: Json): boolean | undefined {
  const inTrash = body['in_trash'];
  const archived = body['archived'];
  for (const [key, value] of [['in_trash', inTrash], ['archived', archived]] as const) {
    if (value !== undefined && typeof value !== 'boolean') throw bodyValidation(`body.${key}`, `should be a boolean, instead was \`${preview(value)}\``);
  }
  if (inTrash !== undefined && archived !== undefined && inTrash !== archived) {
    throw validationError('`in_trash` and `archived` disagree; send only `in_trash`.');
  }
  return (inTrash ?? archived) as boolean | undefined;
}

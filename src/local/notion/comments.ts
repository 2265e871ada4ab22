/**
 * Comments (https://developers.notion.com/reference/create-a-comment, /list-comments, /retrieve-comment). A comment
 * on a page or block opens a discussion; one with `discussion_id` replies in it. Lists are oldest first.
 */
import { randomUUID } from 'node:crypto';
import { bodyValidation, notFound, validationError } from './errors.ts';
import { bodyId } from './ids.ts';
import { idPage, listEnvelope } from './pagination.ts';
import { parseQuery } from './query-string.ts';
import { renderComment, resolver, type NotionContext } from './render.ts';
import { allowOnly, isObject, pageSize, preview, type Json } from './request-body.ts';
import { richTextFromRequest } from './rich-text.ts';
import type { CommentRow } from './store.ts';

const INTEGRATION_NAME = 'Sourcing workspace';

// POST /v1/comments — https://developers.notion.com/reference/create-a-comment
export function createComment(ctx: NotionContext, body: Json): Json {
  allowOnly(body, ['attachments', 'display_name', 'parent', 'rich_text', 'markdown', 'discussion_id']);
  if (body['markdown'] !== undefined) throw validationError('`markdown` comments are not emulated by the local workspace; send `rich_text`.');
  if (body['attachments'] !== undefined) throw validationError('Comment attachments are not emulated by the local workspace.');
  if (body['rich_text'] === undefined) throw bodyValidation('body.rich_text', 'should be defined, instead was `undefined`');
  const richText = richTextFromRequest(body['rich_text'], 'body.rich_text', resolver(ctx));
  let parentType: CommentRow['parent_type'];
  let parentId: string;
  let discussionId: string;
  if (body['discussion_id'] !== undefined) {
    if (body['parent'] !== undefined) throw validationError('Send either `parent` or `discussion_id`, not both.');
    discussionId = bodyId(body['discussion_id'], 'body.discussion_id');
    const first = ctx.store.firstOfDiscussion(discussionId);
    if (!first) throw validationError(`Could not find discussion with ID: ${discussionId}.`);
    parentType = first.parent_type;
    parentId = first.parent_id;
  } else {
    const parent = body['parent'];
    if (!isObject(parent)) throw bodyValidation('body.parent', `should be an object, instead was \`${preview(parent)}\``);
    if ('block_id' in parent || parent['type'] === 'block_id') {
      parentType = 'block_id';
      parentId = bodyId(parent['block_id'], 'body.parent.block_id');
      if (!ctx.store.getBlock(parentId)) throw notFound('block', parentId);
    } else {
      parentType = 'page_id';
      parentId = bodyId(parent['page_id'], 'body.parent.page_id');
      if (!ctx.store.getPage(parentId)) throw notFound('page', parentId);
    }
    discussionId = randomUUID();
  }
  const row = ctx.store.addComment({
    id: randomUUID(),
    discussion_id: discussionId,
    parent_type: parentType,
    parent_id: parentId,
    rich_text: richText,
    display_name: displayName(body['display_name']),
    created_time: ctx.stamp,
    last_edited_time: ctx.stamp,
  });
  return renderComment(ctx, row);
}

/** `display_name`: the integration's name, or a custom name (how a portal shows who wrote it). */
function displayName(raw: unknown): Json {
  if (raw === undefined) return { type: 'integration', resolved_name: INTEGRATION_NAME };
  if (!isObject(raw)) throw bodyValidation('body.display_name', `should be an object, instead was \`${preview(raw)}\``);
  if (raw['type'] === 'custom') {
    const custom = raw['custom'];
    const name = isObject(custom) ? custom['name'] : undefined;
    if (typeof name !== 'string' || name === '') throw bodyValidation('body.display_name.custom.name', 'should be defined, instead was `undefined`');
    return { type: 'custom', resolved_name: name };
  }
  if (raw['type'] === 'integration' || raw['type'] === 'user') return { type: raw['type'], resolved_name: INTEGRATION_NAME };
  throw bodyValidation('body.display_name.type', `should be \`integration\`, \`user\` or \`custom\`, instead was \`${preview(raw['type'])}\``);
}

// GET /v1/comments?block_id= — https://developers.notion.com/reference/list-comments
export function listComments(ctx: NotionContext, rawQuery: string): Json {
  const query = parseQuery(rawQuery, ['block_id', 'start_cursor', 'page_size']);
  const blockId = bodyId(query.get('block_id') ?? undefined, 'query.block_id');
  if (!ctx.store.getPage(blockId) && !ctx.store.getBlock(blockId)) throw notFound('block', blockId);
  const size = pageSize(query.get('page_size') ?? undefined, 'query.page_size');
  const comments = ctx.store.commentsOf(blockId);
  let start = 0;
  const cursor = query.get('start_cursor');
  if (cursor !== null) {
    const cursorId = bodyId(cursor, 'query.start_cursor');
    start = comments.findIndex((c) => c.id === cursorId);
    if (start === -1) throw bodyValidation('query.start_cursor', `should be a cursor from a previous request, instead was \`${JSON.stringify(cursor)}\``);
  }
  const page = idPage(comments, start, size);
  return listEnvelope('comment', { ...page, results: page.results.map((c) => renderComment(ctx, c)) });
}

// GET /v1/comments/{comment_id} — https://developers.notion.com/reference/retrieve-comment
export function retrieveComment(ctx: NotionContext, id: string): Json {
  const comment = ctx.store.getComment(id);
  if (!comment) throw notFound('comment', id);
  return renderComment(ctx, comment);
}

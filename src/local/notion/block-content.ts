/**
 * Block requests (https://developers.notion.com/reference/block, /reference/patch-block-children): the block types a
 * portal page uses, parsed into response-form content. A request may nest children two levels deep and carry at
 * most 1000 block elements. Types outside this list are refused with a clear message, never stored half-understood.
 */
import { bodyValidation, validationError } from './errors.ts';
import { normalizeId } from './ids.ts';
import { isObject, preview, type Json } from './request-body.ts';
import { isColor, richTextFromRequest, type MentionResolver } from './rich-text.ts';

export interface BlockDraft {
  type: string;
  content: Json;
  children: BlockDraft[];
}

const TEXT_TYPES = new Set([
  'paragraph', 'heading_1', 'heading_2', 'heading_3', 'bulleted_list_item', 'numbered_list_item', 'quote', 'toggle',
  'to_do', 'callout', 'code',
]);
const MEDIA_TYPES = new Set(['image', 'video', 'pdf', 'file', 'audio']);
const PARENT_TYPES = new Set(['paragraph', 'bulleted_list_item', 'numbered_list_item', 'quote', 'toggle', 'to_do', 'callout', 'table']);
const OTHER_TYPES = new Set(['divider', 'breadcrumb', 'table_of_contents', 'equation', 'bookmark', 'embed', 'link_to_page', 'table', 'table_row']);
const MAX_DEPTH = 2;
const MAX_BLOCKS = 1000;

/** Whether blocks of this type (with this content) accept children. */
export function acceptsChildren(type: string, content: Json): boolean {
  return PARENT_TYPES.has(type) || type === 'child_page' || (type.startsWith('heading_') && content['is_toggleable'] === true);
}

/** Parses `children` of an append or page create at `path` (`body.children`). */
export function parseChildren(raw: unknown, path: string, resolver: MentionResolver): BlockDraft[] {
  if (!Array.isArray(raw)) throw bodyValidation(path, `should be an array, instead was \`${preview(raw)}\``);
  const count = countBlocks(raw);
  if (count > MAX_BLOCKS) throw bodyValidation(path, `should contain ≤ \`${MAX_BLOCKS}\` block elements in one request, instead was \`${count}\``);
  return raw.map((item, i) => parseBlock(item, `${path}[${i}]`, 1, resolver, undefined));
}

function countBlocks(list: unknown[]): number {
  let n = 0;
  for (const item of list) {
    n += 1;
    if (!isObject(item)) continue;
    for (const value of Object.values(item)) {
      if (isObject(value) && Array.isArray(value['children'])) n += countBlocks(value['children']);
    }
  }
  return n;
}

export function blockType(item: Json, path: string): string {
  if (typeof item['type'] === 'string') return item['type'];
  const keys = Object.keys(item).filter((k) => k !== 'object' && k !== 'type' && k !== 'in_trash' && k !== 'archived');
  const [only] = keys;
  if (keys.length !== 1 || !only) throw bodyValidation(path, `should have exactly one block type key, instead was \`${preview(item)}\``);
  return only;
}

function parseBlock(item: unknown, path: string, depth: number, resolver: MentionResolver, parentType: string | undefined): BlockDraft {
  if (!isObject(item)) throw bodyValidation(path, `should be an object, instead was \`${preview(item)}\``);
  const type = blockType(item, path);
  const at = `${path}.${type}`;
  const body = item[type];
  if (!isObject(body)) throw bodyValidation(at, `should be defined, instead was \`${preview(body)}\``);
  if (type === 'table_row' && parentType !== 'table') throw validationError(`A table_row block can only be a child of a table block (at ${path}).`);
  const content = contentFor(type, body, at, resolver);
  const rawChildren = body['children'];
  let children: BlockDraft[] = [];
  if (rawChildren !== undefined) {
    if (!acceptsChildren(type, content)) throw bodyValidation(`${at}.children`, `should be not present, instead was \`${preview(rawChildren)}\``);
    if (depth >= MAX_DEPTH) throw bodyValidation(`${at}.children`, `should be not present, instead was \`${preview(rawChildren)}\``);
    if (!Array.isArray(rawChildren)) throw bodyValidation(`${at}.children`, `should be an array, instead was \`${preview(rawChildren)}\``);
    children = rawChildren.map((child, i) => parseBlock(child, `${at}.children[${i}]`, depth + 1, resolver, type));
  }
  if (type === 'table') checkTable(content, children, at);
  else if (children.some((c) => c.type === 'table_row')) throw validationError(`table_row blocks can only be children of a table block (at ${at}).`);
  return { type, content, children };
}

function checkTable(content: Json, rows: BlockDraft[], at: string): void {
  if (rows.length === 0) throw bodyValidation(`${at}.children`, 'should be defined, instead was `undefined` (a table needs at least one row)');
  rows.forEach((row, i) => {
    if (row.type !== 'table_row') throw validationError(`A table can only contain table_row blocks (at ${at}.children[${i}]).`);
    const cells = row.content['cells'] as unknown[];
    if (cells.length !== content['table_width']) {
      throw validationError(`Number of cells in table row (${cells.length}) must match the table width (${String(content['table_width'])}) at ${at}.children[${i}].`);
    }
  });
}

/** The response-form content of a block type from its request object. */
export function contentFor(type: string, body: Json, at: string, resolver: MentionResolver): Json {
  if (TEXT_TYPES.has(type)) return textContent(type, body, at, resolver, undefined);
  if (MEDIA_TYPES.has(type)) return mediaContent(type, body, at, resolver, undefined);
  if (!OTHER_TYPES.has(type)) {
    throw validationError(`Block type \`${type}\` is not supported by the local workspace (at ${at}).`);
  }
  switch (type) {
    case 'divider':
    case 'breadcrumb':
      return {};
    case 'table_of_contents':
      return { color: colorOf(body['color'], `${at}.color`, 'default') };
    case 'equation':
      if (typeof body['expression'] !== 'string') throw bodyValidation(`${at}.expression`, 'should be defined, instead was `undefined`');
      return { expression: body['expression'] };
    case 'bookmark':
    case 'embed':
      if (typeof body['url'] !== 'string') throw bodyValidation(`${at}.url`, 'should be defined, instead was `undefined`');
      return { url: body['url'], caption: body['caption'] === undefined ? [] : richTextFromRequest(body['caption'], `${at}.caption`, resolver) };
    case 'link_to_page': {
      const kind = 'database_id' in body ? 'database_id' : 'page_id';
      const id = normalizeId(body[kind]);
      if (!id) throw bodyValidation(`${at}.${kind}`, `should be a valid uuid, instead was \`${preview(body[kind])}\``);
      return { type: kind, [kind]: id };
    }
    case 'table': {
      const width = body['table_width'];
      if (typeof width !== 'number' || !Number.isInteger(width) || width < 1) {
        throw bodyValidation(`${at}.table_width`, `should be a positive integer, instead was \`${preview(width)}\``);
      }
      return { table_width: width, has_column_header: body['has_column_header'] === true, has_row_header: body['has_row_header'] === true };
    }
    default: {
      const cells = body['cells'];
      if (!Array.isArray(cells)) throw bodyValidation(`${at}.cells`, `should be an array, instead was \`${preview(cells)}\``);
      return { cells: cells.map((cell, i) => richTextFromRequest(cell, `${at}.cells[${i}]`, resolver)) };
    }
  }
}

/** Merges an update (`blocks.update`) into existing content; only the given fields change. */
export function updatedContent(type: string, existing: Json, patch: unknown, at: string, resolver: MentionResolver): Json {
  if (!isObject(patch)) throw bodyValidation(at, `should be an object, instead was \`${preview(patch)}\``);
  if (TEXT_TYPES.has(type)) return textContent(type, patch, at, resolver, existing);
  if (MEDIA_TYPES.has(type)) return mediaContent(type, patch, at, resolver, existing);
  if (type === 'table') {
    return {
      ...existing,
      ...(typeof patch['has_column_header'] === 'boolean' ? { has_column_header: patch['has_column_header'] } : {}),
      ...(typeof patch['has_row_header'] === 'boolean' ? { has_row_header: patch['has_row_header'] } : {}),
    };
  }
  if (type === 'table_row' && Array.isArray(patch['cells']) && Array.isArray(existing['cells']) && patch['cells'].length !== existing['cells'].length) {
    throw validationError(`Number of cells in table row (${patch['cells'].length}) must match the table width (${existing['cells'].length}).`);
  }
  if (type === 'child_page' || type === 'child_database') throw validationError(`Update the ${type === 'child_page' ? 'page' : 'database'} itself to change a ${type} block.`);
  return { ...existing, ...contentFor(type, { ...existing, ...patch }, at, resolver) };
}

function textContent(type: string, body: Json, at: string, resolver: MentionResolver, existing: Json | undefined): Json {
  const out: Json = existing ? { ...existing } : {};
  if (body['rich_text'] !== undefined) out['rich_text'] = richTextFromRequest(body['rich_text'], `${at}.rich_text`, resolver);
  else if (!existing) throw bodyValidation(`${at}.rich_text`, 'should be defined, instead was `undefined`');
  if (type !== 'code') out['color'] = colorOf(body['color'], `${at}.color`, (existing?.['color'] as string | undefined) ?? 'default');
  if (type.startsWith('heading_')) out['is_toggleable'] = typeof body['is_toggleable'] === 'boolean' ? body['is_toggleable'] : (existing?.['is_toggleable'] ?? false);
  if (type === 'to_do') {
    if (body['checked'] !== undefined && typeof body['checked'] !== 'boolean') throw bodyValidation(`${at}.checked`, 'should be a boolean');
    out['checked'] = body['checked'] ?? existing?.['checked'] ?? false;
  }
  if (type === 'callout') out['icon'] = body['icon'] === undefined ? (existing?.['icon'] ?? null) : iconOf(body['icon'], `${at}.icon`);
  if (type === 'paragraph' && body['icon'] !== undefined) out['icon'] = iconOf(body['icon'], `${at}.icon`);
  if (type === 'code') {
    const language = body['language'] ?? existing?.['language'];
    if (typeof language !== 'string') throw bodyValidation(`${at}.language`, 'should be defined, instead was `undefined`');
    out['language'] = language;
    out['caption'] = body['caption'] === undefined ? (existing?.['caption'] ?? []) : richTextFromRequest(body['caption'], `${at}.caption`, resolver);
  }
  return out;
}

function mediaContent(type: string, body: Json, at: string, resolver: MentionResolver, existing: Json | undefined): Json {
  const external = body['external'];
  let url = isObject(existing?.['external']) ? (existing['external'] as Json)['url'] : undefined;
  if (external !== undefined) {
    if (!isObject(external) || typeof external['url'] !== 'string') throw bodyValidation(`${at}.external.url`, 'should be defined, instead was `undefined`');
    url = external['url'];
  } else if (!existing) {
    if ('file_upload' in body || body['type'] === 'file_upload') {
      throw validationError(`File uploads are not emulated by the local workspace; use an external URL (at ${at}).`);
    }
    throw bodyValidation(`${at}.external`, 'should be defined, instead was `undefined`');
  }
  const caption = body['caption'] === undefined ? (existing?.['caption'] ?? []) : richTextFromRequest(body['caption'], `${at}.caption`, resolver);
  const out: Json = { type: 'external', external: { url }, caption };
  if (type === 'file') out['name'] = typeof body['name'] === 'string' ? body['name'] : (existing?.['name'] ?? String(url).split('/').pop() ?? 'file');
  return out;
}

function colorOf(value: unknown, path: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (!isColor(value)) throw bodyValidation(path, `should be a valid color, instead was \`${preview(value)}\``);
  return value;
}

/** Icons: an emoji or an external image (https://developers.notion.com/reference/emoji-object). */
export function iconOf(value: unknown, path: string): Json | null {
  if (value === null) return null;
  if (isObject(value) && typeof value['emoji'] === 'string') return { type: 'emoji', emoji: value['emoji'] };
  if (isObject(value) && isObject(value['external']) && typeof value['external']['url'] === 'string') {
    return { type: 'external', external: { url: value['external']['url'] } };
  }
  throw bodyValidation(path, `should be an emoji or external icon, instead was \`${preview(value)}\``);
}

/** Covers: an external image. */
export function coverOf(value: unknown, path: string): Json | null {
  if (value === null) return null;
  if (isObject(value) && isObject(value['external']) && typeof value['external']['url'] === 'string') {
    return { type: 'external', external: { url: value['external']['url'] } };
  }
  throw bodyValidation(path, `should be an external cover, instead was \`${preview(value)}\``);
}

/**
 * Rich text (https://developers.notion.com/reference/rich-text): requests carry `{type?, text:{content, link?},
 * annotations?}` (or `mention` / `equation`); responses add `plain_text`, `href` and the full `annotations` object.
 */
import { bodyValidation } from './errors.ts';
import { normalizeId } from './ids.ts';
import { isObject, preview, type Json } from './request-body.ts';

export interface Annotations {
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
  underline: boolean;
  code: boolean;
  color: string;
}

export type RichTextItem = Json & { type: string; plain_text: string; href: string | null; annotations: Annotations };

/** Looks up what a mention points at, so its `plain_text` and `href` read as on Notion. */
export interface MentionResolver {
  pageTitle(id: string): string | undefined;
  pageUrl(id: string): string;
}

const COLORS = new Set([
  'default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red',
  'default_background', 'gray_background', 'brown_background', 'orange_background', 'yellow_background',
  'green_background', 'blue_background', 'purple_background', 'pink_background', 'red_background',
]);

export function isColor(value: unknown): value is string {
  return typeof value === 'string' && COLORS.has(value);
}

/** Converts a request rich-text array at `path` into the response form. */
export function richTextFromRequest(value: unknown, path: string, resolver?: MentionResolver): RichTextItem[] {
  if (!Array.isArray(value)) throw bodyValidation(path, `should be an array, instead was \`${preview(value)}\``);
  return value.map((item, i) => richTextItem(item, `${path}[${i}]`, resolver));
}

function richTextItem(item: unknown, path: string, resolver?: MentionResolver): RichTextItem {
  if (!isObject(item)) throw bodyValidation(path, `should be an object, instead was \`${preview(item)}\``);
  const annotations = annotationsFrom(item['annotations'], `${path}.annotations`);
  const type = typeof item['type'] === 'string' ? item['type'] : 'text' in item ? 'text' : 'mention' in item ? 'mention' : 'equation' in item ? 'equation' : 'text';
  if (type === 'text') {
    const text = item['text'];
    if (!isObject(text)) throw bodyValidation(`${path}.text`, 'should be defined, instead was `undefined`');
    const content = text['content'];
    if (typeof content !== 'string') throw bodyValidation(`${path}.text.content`, `should be a string, instead was \`${preview(content)}\``);
    const link = text['link'];
    let url: string | null = null;
    if (link !== undefined && link !== null) {
      if (!isObject(link) || typeof link['url'] !== 'string') throw bodyValidation(`${path}.text.link.url`, 'should be a string');
      url = link['url'];
    }
    return { type: 'text', text: { content, link: url === null ? null : { url } }, annotations, plain_text: content, href: url };
  }
  if (type === 'equation') {
    const equation = item['equation'];
    const expression = isObject(equation) ? equation['expression'] : undefined;
    if (typeof expression !== 'string') throw bodyValidation(`${path}.equation.expression`, 'should be a string');
    return { type: 'equation', equation: { expression }, annotations, plain_text: expression, href: null };
  }
  if (type === 'mention') return mentionItem(item['mention'], `${path}.mention`, annotations, resolver);
  throw bodyValidation(`${path}.type`, `should be one of \`text\`, \`mention\`, \`equation\`, instead was \`${JSON.stringify(type)}\``);
}

function mentionItem(mention: unknown, path: string, annotations: Annotations, resolver?: MentionResolver): RichTextItem {
  if (!isObject(mention)) throw bodyValidation(path, 'should be defined, instead was `undefined`');
  for (const kind of ['page', 'database'] as const) {
    const target = mention[kind];
    if (isObject(target)) {
      const id = normalizeId(target['id']);
      if (!id) throw bodyValidation(`${path}.${kind}.id`, `should be a valid uuid, instead was \`${preview(target['id'])}\``);
      const title = resolver?.pageTitle(id) ?? 'Untitled';
      const href = resolver?.pageUrl(id) ?? null;
      return { type: 'mention', mention: { type: kind, [kind]: { id } }, annotations, plain_text: title, href };
    }
  }
  const user = mention['user'];
  if (isObject(user)) {
    const id = normalizeId(user['id']);
    if (!id) throw bodyValidation(`${path}.user.id`, `should be a valid uuid, instead was \`${preview(user['id'])}\``);
    return { type: 'mention', mention: { type: 'user', user: { object: 'user', id } }, annotations, plain_text: '@Anonymous', href: null };
  }
  const date = mention['date'];
  if (isObject(date) && typeof date['start'] === 'string') {
    const end = typeof date['end'] === 'string' ? date['end'] : null;
    const value = { start: date['start'], end, time_zone: typeof date['time_zone'] === 'string' ? date['time_zone'] : null };
    return { type: 'mention', mention: { type: 'date', date: value }, annotations, plain_text: end ? `${value.start} → ${end}` : value.start, href: null };
  }
  throw bodyValidation(path, 'should have one of `page`, `database`, `user`, `date` (other mentions are not emulated locally)');
}

function annotationsFrom(value: unknown, path: string): Annotations {
  const out: Annotations = { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' };
  if (value === undefined) return out;
  if (!isObject(value)) throw bodyValidation(path, `should be an object, instead was \`${preview(value)}\``);
  for (const key of ['bold', 'italic', 'strikethrough', 'underline', 'code'] as const) {
    const flag = value[key];
    if (flag === undefined) continue;
    if (typeof flag !== 'boolean') throw bodyValidation(`${path}.${key}`, `should be a boolean, instead was \`${preview(flag)}\``);
    out[key] = flag;
  }
  if (value['color'] !== undefined) {
    if (!isColor(value['color'])) throw bodyValidation(`${path}.color`, `should be a valid color, instead was \`${preview(value['color'])}\``);
    out.color = value['color'];
  }
  return out;
}

export function plainText(items: readonly unknown[] | undefined): string {
  if (!items) return '';
  return items.map((i) => (isObject(i) && typeof i['plain_text'] === 'string' ? i['plain_text'] : '')).join('');
}

/**
 * Request body parsing and the size limits every Notion endpoint applies
 * (https://developers.notion.com/reference/request-limits): rich text `text.content` and `text.link.url` ≤ 2000
 * characters, any URL ≤ 2000, `equation.expression` ≤ 1000, email and phone ≤ 200, every array ≤ 100 elements, and
 * the whole payload ≤ 500 KB. Block counts and nesting depth are checked where children are accepted (blocks.ts).
 */
import { NotionError, bodyValidation } from './errors.ts';

export type Json = Record<string, unknown>;

/** 500 KB, read as 500,000 bytes (the stricter reading, so code that passes here passes on Notion too). */
export const MAX_PAYLOAD_BYTES = 500_000;
const MAX_ARRAY = 100;
const MAX_TEXT = 2000;
const MAX_URL = 2000;
const MAX_EXPRESSION = 1000;
const MAX_EMAIL_OR_PHONE = 200;

/**
 * The JSON object in the body. An empty body is `{}` (the SDK omits empty bodies). Notion answers an oversized
 * payload with HTTP 413; the body carries `validation_error` so the SDK still classifies it (and never retries it).
 */
export function parseBody(raw: Buffer): Json {
  if (raw.length > MAX_PAYLOAD_BYTES) {
    throw new NotionError(
      413,
      'validation_error',
      `Request body too large: ${raw.length} bytes is over the limit of ${MAX_PAYLOAD_BYTES} bytes (500 KB).`,
    );
  }
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new NotionError(400, 'invalid_json', 'Error parsing JSON body.');
  }
  if (!isObject(value)) throw bodyValidation('body', `should be an object, instead was \`${JSON.stringify(value)}\``);
  checkSizeLimits(value, 'body');
  return value;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rejects keys the endpoint does not define, as Notion does ("should be not present"). */
export function allowOnly(body: Json, allowed: readonly string[], path = 'body'): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw bodyValidation(`${path}.${key}`, `should be not present, instead was \`${preview(body[key])}\``);
    }
  }
}

/** Walks the whole body once and reports the first value over a limit, with its JSON path. */
function checkSizeLimits(value: unknown, path: string, key = '', parentKey = ''): void {
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY) throw bodyValidation(`${path}.length`, lengthRule(MAX_ARRAY, value.length));
    value.forEach((item, i) => checkSizeLimits(item, `${path}[${i}]`, '', key));
    return;
  }
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) checkSizeLimits(v, `${path}.${k}`, k, key);
    return;
  }
  if (typeof value !== 'string') return;
  const limit =
    key === 'content' && parentKey === 'text'
      ? MAX_TEXT
      : key === 'url'
        ? MAX_URL
        : key === 'expression'
          ? MAX_EXPRESSION
          : key === 'email' || key === 'phone_number'
            ? MAX_EMAIL_OR_PHONE
            : undefined;
  if (limit !== undefined && value.length > limit) throw bodyValidation(`${path}.length`, lengthRule(limit, value.length));
}

export function lengthRule(limit: number, actual: number): string {
  return `should be ≤ \`${limit}\`, instead was \`${actual}\``;
}

/** A short rendering of a value for error messages. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Reads `page_size` (1–100, default 100) from a query string or body value. */
export function pageSize(value: unknown, path: string): number {
  if (value === undefined || value === null) return 100;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw bodyValidation(path, `should be a number, instead was \`${JSON.stringify(value)}\``);
  }
  if (n < 1) throw bodyValidation(path, `should be ≥ \`1\`, instead was \`${n}\``);
  if (n > 100) throw bodyValidation(path, `should be ≤ \`100\`, instead was \`${n}\``);
  return n;
}

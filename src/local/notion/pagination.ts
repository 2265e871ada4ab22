/**
 * Notion pagination (https://developers.notion.com/reference/intro#pagination): `page_size` ≤ 100, `start_cursor`,
 * and list envelopes `{object:"list", results, next_cursor, has_more, type, [type]:{}}`.
 *
 * Query and search cursors are keyset cursors: they carry the sort key of the next row, so rows edited or added
 * while a client pages through (a sync sorting by `last_edited_time`) neither shift nor hide the remaining rows.
 * Block and comment cursors are the ID of the next item, as on Notion.
 */
import { bodyValidation } from './errors.ts';
import type { Json } from './request-body.ts';

export type SortKey = (string | number | null)[];

export interface Page<T> {
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
}

export function listEnvelope(type: string, page: Page<unknown>, extra: Json = {}): Json {
  return { object: 'list', results: page.results, next_cursor: page.next_cursor, has_more: page.has_more, type, [type]: {}, ...extra };
}

/** One page of `items` (already ordered by `compare`) starting at the keyset cursor. */
export function keysetPage<T>(
  items: T[],
  keyOf: (item: T) => SortKey,
  compare: (a: SortKey, b: SortKey) => number,
  startCursor: unknown,
  size: number,
  cursorPath: string,
): Page<T> {
  let start = 0;
  if (startCursor !== undefined && startCursor !== null) {
    const key = decodeCursor(startCursor, cursorPath);
    start = items.findIndex((item) => compare(keyOf(item), key) >= 0);
    if (start === -1) start = items.length;
  }
  const results = items.slice(start, start + size);
  const next = items[start + size];
  return { results, next_cursor: next === undefined ? null : encodeCursor(keyOf(next)), has_more: next !== undefined };
}

/** One page of `items` starting at the item whose position `startIndex` finds for the cursor ID. */
export function idPage<T extends { id: string }>(items: T[], startIndex: number, size: number): Page<T> {
  const results = items.slice(startIndex, startIndex + size);
  const next = items[startIndex + size];
  return { results, next_cursor: next?.id ?? null, has_more: next !== undefined };
}

function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: unknown, path: string): SortKey {
  if (typeof cursor === 'string') {
    try {
      const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(value) && value.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return value;
    } catch {
      // fall through to the validation error
    }
  }
  throw bodyValidation(path, `should be a valid start cursor returned by a previous request, instead was \`${JSON.stringify(cursor)}\``);
}

/** Orders keys element by element; empty values (null) sort last in both directions, as on Notion. */
export function compareKeys(directions: ('ascending' | 'descending')[]) {
  return (a: SortKey, b: SortKey): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      const x = a[i] ?? null;
      const y = b[i] ?? null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const sign = directions[i] === 'descending' ? -1 : 1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { sensitivity: 'base' }) || (String(x) < String(y) ? -1 : 1);
      if (c !== 0) return sign * Math.sign(c);
    }
    return 0;
  };
}

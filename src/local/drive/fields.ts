/**
 * The `fields` partial-response selector (https://developers.google.com/drive/api/guides/fields-parameter):
 * `id,name`, `files(id,name,appProperties)`, `nextPageToken,files(id,owners(emailAddress))`, `files/id`, `*`.
 * Google answers only what is selected (not even `kind`), and rejects a name the resource does not have with
 * 400 invalidParameter "Invalid field selection <name>"; we do the same, and also refuse real fields this
 * emulation does not produce, so a caller never mistakes a missing field for an empty one.
 */
import { invalidParameter } from './google-error.ts';

/** A parsed selection: each selected key maps to its sub-selection, or `null` for "the whole value". */
export type Selection = Map<string, Selection | null>;

/** What a resource offers: `leaf` values, `map`s with free keys (appProperties), or nested resources. */
export interface ResourceSchema {
  fields: Record<string, ResourceSchema | 'leaf' | 'map'>;
  /** Real field names of the provider's resource that this emulation does not produce. */
  notEmulated?: ReadonlySet<string>;
}

export function parseFields(input: string): Selection {
  let pos = 0;
  const fail = (): never => {
    throw invalidParameter('fields', `Invalid field selection ${input}`, 'invalidParameter');
  };
  const name = (): string => {
    const match = /^\s*([A-Za-z0-9_*$.-]+)\s*/.exec(input.slice(pos));
    if (!match?.[1]) return fail();
    pos += match[0].length;
    return match[1];
  };
  const list = (): Selection => {
    const out: Selection = new Map();
    for (;;) {
      const path = [name()];
      while (input[pos] === '/') {
        pos += 1;
        path.push(name());
      }
      let sub: Selection | null = null;
      if (input[pos] === '(') {
        pos += 1;
        sub = list();
        if (input[pos] !== ')') fail();
        pos += 1;
        while (input[pos] === ' ') pos += 1;
      }
      // `a/b/c(d)` is `a(b(c(d)))`
      for (let i = path.length - 1; i > 0; i -= 1) sub = new Map([[path[i] as string, sub]]);
      merge(out, path[0] as string, sub);
      if (input[pos] !== ',') return out;
      pos += 1;
    }
  };
  const selection = list();
  if (pos !== input.length) fail();
  return selection;
}

function merge(into: Selection, key: string, sub: Selection | null): void {
  if (!into.has(key)) {
    into.set(key, sub);
    return;
  }
  const existing = into.get(key);
  if (existing === null || existing === undefined || sub === null) {
    into.set(key, null);
    return;
  }
  for (const [k, v] of sub) merge(existing, k, v);
}

/** Throws Google's 400 for a name the schema does not know. */
export function validateSelection(selection: Selection, schema: ResourceSchema, prefix = ''): void {
  for (const [key, sub] of selection) {
    if (key === '*') continue;
    const field = schema.fields[key];
    if (field === undefined) {
      if (schema.notEmulated?.has(key)) {
        throw invalidParameter(
          'fields',
          `Invalid field selection ${prefix}${key}: this field is not emulated by the local workspace`,
          'invalidParameter',
        );
      }
      throw invalidParameter('fields', `Invalid field selection ${prefix}${key}`, 'invalidParameter');
    }
    if (sub === null || field === 'map') continue;
    if (field === 'leaf') throw invalidParameter('fields', `Invalid field selection ${prefix}${key}`, 'invalidParameter');
    validateSelection(sub, field, `${prefix}${key}/`);
  }
}

/** Keeps only the selected parts of a JSON value; arrays are projected element by element. */
export function project(value: unknown, selection: Selection | null): unknown {
  if (selection === null || selection.has('*')) return value;
  if (Array.isArray(value)) return value.map((item) => project(item, selection));
  if (!value || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of selection) {
    if (source[key] !== undefined) out[key] = project(source[key], sub);
  }
  return out;
}

/** True when `key` (or everything) is selected: lets operations skip loading what nobody asked for. */
export function selects(selection: Selection | null | undefined, key: string): boolean {
  if (selection === undefined) return false;
  return selection === null || selection.has('*') || selection.has(key);
}

/** The sub-selection under `key`: `null` for the whole value, `undefined` when not selected. */
export function subSelection(selection: Selection | null, key: string): Selection | null | undefined {
  if (selection === null || selection.has('*')) return null;
  return selection.get(key);
}

/**
 * Notion IDs are UUIDs. Requests may carry them with or without dashes (a page URL ends in the dashless form);
 * responses always use the dashed form, which is also how they are stored.
 */
import { randomBytes } from 'node:crypto';
import { bodyValidation, validationError } from './errors.ts';

const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLAIN = /^[0-9a-f]{32}$/i;

/** The dashed, lower-case form of a Notion ID, or undefined when the value is not one. */
export function normalizeId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (DASHED.test(value)) return value.toLowerCase();
  if (PLAIN.test(value)) {
    const v = value.toLowerCase();
    return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
  }
  return undefined;
}

/** A path parameter, e.g. `page_id`; a malformed one is Notion's "path failed validation". */
export function pathId(raw: string, name: string): string {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // keep the raw text for the message
  }
  const id = normalizeId(decoded);
  if (!id) throw validationError(`path failed validation: path.${name} should be a valid uuid, instead was \`${JSON.stringify(decoded)}\`.`);
  return id;
}

/** An ID inside the body at `path` (e.g. `body.parent.page_id`). */
export function bodyId(value: unknown, path: string): string {
  if (value === undefined) throw bodyValidation(path, 'should be defined, instead was `undefined`');
  const id = normalizeId(value);
  if (!id) throw bodyValidation(path, `should be a valid uuid, instead was \`${JSON.stringify(value)}\``);
  return id;
}

export function dashless(id: string): string {
  return id.replace(/-/g, '');
}

/** Short property IDs like Notion's (`title` is reserved for the title property). */
export function propertyId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (const b of randomBytes(4)) out += alphabet[b % alphabet.length];
  return out;
}

/**
 * Validation of written cell values, per field type, into their stored form; with `typecast` strings are
 * converted on a best-effort basis and missing select options are created.
 * https://airtable.com/developers/web/api/field-model (cell value formats), /create-records ("typecast").
 *
 * Stored forms: text as string, numbers as number, checkbox `true`, select choices by choice ID, links as record
 * IDs, attachments as `{id,url,filename,type?}`. `undefined` means empty: Airtable drops "", [], false and null.
 */
import { airtableId } from '../ids.ts';
import { AirtableApiError } from './errors.ts';
import { COMPUTED_TYPES, TEXT_TYPES } from './field-options.ts';
import type { FieldDef } from './store.ts';
import { looseBoolean, looseDateTime, looseDuration, looseNumber, parseIsoDate, parseIsoDateTime, roundTo, usableZone } from './typecast.ts';

/** Airtable's limit on a long text cell, applied to every text type. */
export const MAX_TEXT_LENGTH = 100_000;

export interface Choice {
  id: string;
  name: string;
  color?: string;
}

export interface StoredAttachment {
  id: string;
  url: string;
  filename: string;
  type?: string;
  size?: number;
}

export interface WriteContext {
  typecast: boolean;
  /** Names the record in messages: `records[2]` on create, the record ID on update. */
  where: string;
  /** Adds a choice to a select field (typecast) and returns its ID. */
  addChoice(field: FieldDef, name: string): string;
  /** Record IDs of the linked table for a link cell; throws ROW_DOES_NOT_EXIST (or, with typecast, creates). */
  resolveLinks(field: FieldDef, entries: string[]): string[];
  /** The attachments the cell holds now, so `[{id}]` can keep one. */
  currentAttachments(field: FieldDef): StoredAttachment[];
}

export function cannotAccept(field: FieldDef, where: string, why: string): AirtableApiError {
  return new AirtableApiError(422, 'INVALID_VALUE_FOR_COLUMN', `Field "${field.name}" cannot accept the provided value (${where}: ${why})`);
}

function cannotParse(field: FieldDef, where: string, value: unknown): AirtableApiError {
  return new AirtableApiError(422, 'INVALID_VALUE_FOR_COLUMN', `Cannot parse value ${JSON.stringify(value)} for field ${field.name} (${where})`);
}

export function choicesOf(field: FieldDef): Choice[] {
  const choices = field.options?.['choices'];
  return Array.isArray(choices) ? (choices as Choice[]) : [];
}

/** The stored form of `value` for `field`, or undefined when the value is empty. */
export function toStoredValue(field: FieldDef, value: unknown, ctx: WriteContext): unknown {
  if (COMPUTED_TYPES.has(field.type)) {
    throw new AirtableApiError(422, 'INVALID_VALUE_FOR_COLUMN', `Field "${field.name}" cannot accept a value because the field is computed (${ctx.where})`);
  }
  if (value === null || value === undefined) return undefined;
  const describe = (): string => JSON.stringify(value).slice(0, 80);
  if (TEXT_TYPES.has(field.type)) {
    let text: string | undefined = typeof value === 'string' ? value : undefined;
    if (text === undefined && ctx.typecast && (typeof value === 'number' || typeof value === 'boolean')) text = String(value);
    if (text === undefined && ctx.typecast && Array.isArray(value)) text = value.map(String).join(', ');
    if (text === undefined) throw cannotAccept(field, ctx.where, `expected a string, got ${describe()}`);
    if (text.length > MAX_TEXT_LENGTH) throw cannotAccept(field, ctx.where, `text of ${text.length} characters is over the limit of ${MAX_TEXT_LENGTH}`);
    return text === '' ? undefined : text;
  }
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent': {
      const n = typeof value === 'number' ? value : ctx.typecast && typeof value === 'string' ? looseNumber(value, field.type === 'percent') : undefined;
      if (n === undefined || !Number.isFinite(n)) {
        if (typeof value === 'string' && value.trim() === '' && ctx.typecast) return undefined;
        throw typeof value === 'string' ? cannotParse(field, ctx.where, value) : cannotAccept(field, ctx.where, `expected a number, got ${describe()}`);
      }
      const precision = typeof field.options?.['precision'] === 'number' ? field.options['precision'] : 8;
      return field.type === 'percent' ? roundTo(n * 100, precision) / 100 : roundTo(n, precision);
    }
    case 'checkbox': {
      const b = typeof value === 'boolean' ? value : ctx.typecast ? looseBoolean(value) : undefined;
      if (b === undefined) throw cannotParse(field, ctx.where, value);
      return b ? true : undefined;
    }
    case 'rating': {
      const n = typeof value === 'number' ? value : ctx.typecast && typeof value === 'string' ? looseNumber(value, false) : undefined;
      const max = typeof field.options?.['max'] === 'number' ? field.options['max'] : 5;
      if (n === undefined || !Number.isInteger(n) || n < 0 || n > max) throw cannotAccept(field, ctx.where, `expected a whole number from 1 to ${max}, got ${describe()}`);
      return n === 0 ? undefined : n;
    }
    case 'duration': {
      const n = typeof value === 'number' ? value : ctx.typecast && typeof value === 'string' ? looseDuration(value) : undefined;
      if (n === undefined || !Number.isFinite(n)) throw cannotAccept(field, ctx.where, `expected a number of seconds, got ${describe()}`);
      return n;
    }
    case 'date':
      return storeDate(field, value, ctx);
    case 'dateTime':
      return storeDateTime(field, value, ctx);
    case 'singleSelect': {
      const name = typeof value === 'string' ? value : ctx.typecast && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : undefined;
      if (name === undefined) throw cannotAccept(field, ctx.where, `expected the name of an option, got ${describe()}`);
      return name === '' ? undefined : choiceId(field, name, ctx);
    }
    case 'multipleSelects': {
      let names: unknown[] | undefined = Array.isArray(value) ? value : undefined;
      if (names === undefined && ctx.typecast && typeof value === 'string') names = value.split(',').map((s) => s.trim()).filter(Boolean);
      if (names === undefined || !names.every((n): n is string => typeof n === 'string')) {
        throw cannotAccept(field, ctx.where, `expected a list of option names, got ${describe()}`);
      }
      const ids = [...new Set(names.filter((n) => n !== '').map((n) => choiceId(field, n, ctx)))];
      return ids.length === 0 ? undefined : ids;
    }
    case 'multipleRecordLinks': {
      let entries: unknown[] | undefined = Array.isArray(value) ? value : undefined;
      if (entries === undefined && ctx.typecast && typeof value === 'string') entries = value === '' ? [] : [value];
      if (entries === undefined || !entries.every((e): e is string => typeof e === 'string')) {
        throw cannotAccept(field, ctx.where, `expected a list of record IDs, got ${describe()}`);
      }
      const ids = [...new Set(ctx.resolveLinks(field, entries))];
      return ids.length === 0 ? undefined : ids;
    }
    case 'multipleAttachments':
      return storeAttachments(field, value, ctx);
    default:
      throw cannotAccept(field, ctx.where, `the local workspace does not support writing fields of type ${field.type}`);
  }
}

function choiceId(field: FieldDef, name: string, ctx: WriteContext): string {
  const existing = choicesOf(field).find((c) => c.name === name);
  if (existing) return existing.id;
  if (ctx.typecast) return ctx.addChoice(field, name);
  throw new AirtableApiError(
    422,
    'INVALID_MULTIPLE_CHOICE_OPTIONS',
    `Insufficient permissions to create new select option ""${name}"" (field "${field.name}", ${ctx.where})`,
  );
}

function storeDate(field: FieldDef, value: unknown, ctx: WriteContext): string | undefined {
  if (typeof value !== 'string') throw cannotAccept(field, ctx.where, `expected a date like "2024-05-31", got ${JSON.stringify(value)}`);
  if (value.trim() === '') return undefined;
  const iso = parseIsoDate(value) ?? (ctx.typecast ? looseDateTime(value, 'utc')?.toISODate() ?? undefined : undefined);
  if (iso === undefined) throw cannotAccept(field, ctx.where, `${JSON.stringify(value)} is not a valid date (expected YYYY-MM-DD)`);
  return iso;
}

function storeDateTime(field: FieldDef, value: unknown, ctx: WriteContext): string | undefined {
  if (typeof value !== 'string') throw cannotAccept(field, ctx.where, `expected an ISO 8601 date-time, got ${JSON.stringify(value)}`);
  if (value.trim() === '') return undefined;
  const zone = usableZone(typeof field.options?.['timeZone'] === 'string' ? field.options['timeZone'] : 'utc');
  const iso = parseIsoDateTime(value, zone) ?? (ctx.typecast ? looseDateTime(value, zone)?.toISO() ?? undefined : undefined);
  if (iso === undefined) throw cannotAccept(field, ctx.where, `${JSON.stringify(value)} is not a valid ISO 8601 date-time`);
  return iso;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * `[{url, filename?}]` adds a file, `[{id}]` keeps one the cell already has; the array replaces the cell.
 * https://airtable.com/developers/web/api/field-model#multipleattachment
 */
function storeAttachments(field: FieldDef, value: unknown, ctx: WriteContext): StoredAttachment[] | undefined {
  if (!Array.isArray(value)) throw cannotAccept(field, ctx.where, 'expected a list of {url, filename?} objects');
  const current = ctx.currentAttachments(field);
  const out = value.map((item: unknown, i): StoredAttachment => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw cannotAccept(field, ctx.where, `attachment ${i} must be an object`);
    const { id, url, filename } = item as Record<string, unknown>;
    // Writing back an attachment object as read keeps it (its id wins over its url).
    if (typeof id === 'string') {
      const kept = current.find((a) => a.id === id);
      if (kept) return kept;
      if (url === undefined) throw cannotAccept(field, ctx.where, `attachment ${id} is not in this cell`);
    }
    if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/i.test(url)) throw cannotAccept(field, ctx.where, `attachment ${i} needs a public http(s) url`);
    if (filename !== undefined && typeof filename !== 'string') throw cannotAccept(field, ctx.where, `attachment ${i}: filename must be a string`);
    const name = filename || decodeURIComponent(new URL(url).pathname.split('/').pop() || 'file');
    const attachment: StoredAttachment = { id: airtableId('att'), url, filename: name };
    const type = MIME_BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''];
    if (type) attachment.type = type;
    return attachment;
  });
  return out.length === 0 ? undefined : out;
}

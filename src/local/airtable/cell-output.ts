/**
 * Cell values as the API returns them: `cellFormat=json` (the default, https://airtable.com/developers/web/api/field-model)
 * and `cellFormat=string` (every value rendered as the Airtable UI shows it, in the request's `timeZone` and
 * `userLocale`; https://airtable.com/developers/web/api/list-records#query-cellformat).
 */
import { DateTime } from 'luxon';
import { choicesOf, type StoredAttachment } from './field-values.ts';
import type { FieldDef } from './store.ts';
import { usableZone } from './typecast.ts';

/** The JSON cell value of a stored (non-computed) cell. */
export function apiValue(field: FieldDef, stored: unknown): unknown {
  if (stored === undefined || stored === null) return undefined;
  switch (field.type) {
    case 'singleSelect':
      return choicesOf(field).find((c) => c.id === stored)?.name;
    case 'multipleSelects': {
      const choices = choicesOf(field);
      return (stored as string[]).map((id) => choices.find((c) => c.id === id)?.name).filter((n) => n !== undefined);
    }
    case 'multipleAttachments':
      return (stored as StoredAttachment[]).map((a) => ({ ...a }));
    default:
      return stored;
  }
}

/** True for values Airtable leaves out of `fields`. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

export interface StringContext {
  timeZone: string;
  userLocale: string;
  /** The primary-field text of a linked record, for link cells. */
  linkedName(tableId: string, recordId: string): string;
}

const DATE_LAYOUTS: Record<string, string> = { iso: 'yyyy-MM-dd', us: 'M/d/yyyy', european: 'd/M/yyyy', friendly: 'LLLL d, yyyy' };
const TIME_LAYOUTS: Record<string, string> = { '12hour': 'h:mma', '24hour': 'HH:mm' };

/** A JSON cell value rendered as `cellFormat=string` does. */
export function stringValue(field: FieldDef, value: unknown, ctx: StringContext): string {
  const options = field.options ?? {};
  const resultType = (options['result'] as { type?: string } | undefined)?.type;
  const type = field.type === 'createdTime' || field.type === 'lastModifiedTime' ? (resultType ?? 'dateTime') : field.type;
  const precision = typeof options['precision'] === 'number' ? options['precision'] : undefined;
  const number = (n: number, digits = precision): string =>
    new Intl.NumberFormat(ctx.userLocale, digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  if (Array.isArray(value)) {
    if (field.type === 'multipleRecordLinks') {
      const linkedTableId = String(options['linkedTableId']);
      return value.map((id) => ctx.linkedName(linkedTableId, String(id))).join(', ');
    }
    if (field.type === 'multipleAttachments') {
      return (value as StoredAttachment[]).map((a) => `${a.filename} (${a.url})`).join(', ');
    }
    return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', ');
  }
  switch (type) {
    case 'number':
      return typeof value === 'number' ? number(value) : String(value);
    case 'currency':
      return typeof value === 'number' ? `${String(options['symbol'] ?? '')}${number(value)}` : String(value);
    case 'percent':
      return typeof value === 'number' ? `${number(value * 100)}%` : String(value);
    case 'checkbox':
      return value === true ? 'checked' : '';
    case 'duration':
      return typeof value === 'number' ? clock(value) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(DateTime.fromISO(value, { zone: 'utc' }), options, ctx) : String(value);
    case 'dateTime': {
      if (typeof value !== 'string') return String(value);
      const zone = usableZone(options['timeZone'] === 'client' || options['timeZone'] === undefined ? ctx.timeZone : String(options['timeZone']));
      const at = DateTime.fromISO(value, { zone: 'utc' }).setZone(zone).setLocale(ctx.userLocale);
      const timeName = (options['timeFormat'] as { name?: string } | undefined)?.name ?? '24hour';
      return `${formatDate(at, options, ctx)} ${at.toFormat(TIME_LAYOUTS[timeName] ?? 'HH:mm')}`;
    }
    default:
      return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  }
}

function formatDate(at: DateTime, options: Record<string, unknown>, ctx: StringContext): string {
  const name = (options['dateFormat'] as { name?: string } | undefined)?.name ?? 'iso';
  const localized = at.setLocale(ctx.userLocale);
  const layout = DATE_LAYOUTS[name];
  return layout ? localized.toFormat(layout) : localized.toLocaleString(DateTime.DATE_SHORT);
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}`;
}

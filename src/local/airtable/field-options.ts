/**
 * Field definitions of the meta API: which types can be created, which may be primary, and the conversion of
 * options from Airtable's write format to its read format (choices get `sel…` ids and a colour, date formats get
 * their `format`, links get `isReversed`/`prefersSingleRecordLink`).
 * https://airtable.com/developers/web/api/field-model
 */
import { IANAZone } from 'luxon';
import { airtableId } from '../ids.ts';
import { AirtableApiError, invalidRequest } from './errors.ts';
import type { TableDef } from './store.ts';

export const TEXT_TYPES = new Set(['singleLineText', 'multilineText', 'email', 'url', 'phoneNumber', 'richText']);

/** Types whose cells Airtable computes; the API cannot write them, nor create such fields. */
export const COMPUTED_TYPES = new Set([
  'formula',
  'rollup',
  'count',
  'multipleLookupValues',
  'lookup',
  'createdTime',
  'lastModifiedTime',
  'autoNumber',
  'button',
  'createdBy',
  'lastModifiedBy',
  'aiText',
]);

export const CREATABLE_TYPES = new Set([
  ...TEXT_TYPES,
  'number',
  'percent',
  'currency',
  'checkbox',
  'singleSelect',
  'multipleSelects',
  'date',
  'dateTime',
  'multipleRecordLinks',
  'multipleAttachments',
  'rating',
  'duration',
]);

/** Types a table's first (primary) field may have. */
export const PRIMARY_TYPES = new Set([
  'singleLineText',
  'multilineText',
  'email',
  'url',
  'phoneNumber',
  'number',
  'percent',
  'currency',
  'date',
  'dateTime',
  'duration',
  'formula',
  'autoNumber',
  'createdTime',
]);

const HUES = ['blue', 'cyan', 'teal', 'green', 'yellow', 'orange', 'red', 'pink', 'purple', 'gray'];
export const CHOICE_COLORS = HUES.flatMap((h) => ['Light2', 'Light1', 'Bright', 'Dark1'].map((s) => `${h}${s}`));
const BRIGHT_COLORS = HUES.map((h) => `${h}Bright`);
const DATE_FORMATS: Record<string, string> = { local: 'l', friendly: 'LL', us: 'M/D/YYYY', european: 'D/M/YYYY', iso: 'YYYY-MM-DD' };
const TIME_FORMATS: Record<string, string> = { '12hour': 'h:mma', '24hour': 'HH:mm' };
const DURATION_FORMATS = ['h:mm', 'h:mm:ss', 'h:mm:ss.S', 'h:mm:ss.SS', 'h:mm:ss.SSS'];
const CHECKBOX_ICONS = ['check', 'xCheckbox', 'star', 'heart', 'thumbsUp', 'flag', 'dot'];
const RATING_ICONS = ['star', 'heart', 'thumbsUp', 'flag', 'dot'];

export interface FieldSpec {
  name: string;
  type: string;
  description?: string;
  /** Read format. */
  options?: Record<string, unknown>;
}

/** A choice in read format; a colour is picked in palette order when the writer gave none. */
export function newChoice(name: string, index: number, color?: string): { id: string; name: string; color: string } {
  return { id: airtableId('sel'), name, color: color ?? CHOICE_COLORS[(index * 4) % CHOICE_COLORS.length] ?? 'blueLight2' };
}

/**
 * Validates one field of a create-base / create-table / create-field body. `tables` are the base's existing
 * tables (link targets); `where` names the field in messages (`tables[0].fields[2]`).
 */
export function readFieldSpec(input: unknown, where: string, tables: TableDef[]): FieldSpec {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalidRequest(`${where} must be an object.`);
  const { name, type, description, options, ...rest } = input as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw invalidRequest(`${where} has unknown keys: ${Object.keys(rest).join(', ')}.`);
  if (typeof name !== 'string' || name.trim() === '') throw invalidRequest(`${where}.name must be a non-empty string.`);
  if (typeof type !== 'string') throw invalidRequest(`${where}.type must be a string.`);
  if (description !== undefined && (typeof description !== 'string' || description.length > 20_000)) {
    throw invalidRequest(`${where}.description must be a string of at most 20,000 characters.`);
  }
  if (COMPUTED_TYPES.has(type)) {
    throw new AirtableApiError(422, 'UNSUPPORTED_FIELD_TYPE_FOR_CREATE', `Field type "${type}" of ${where} ("${name}") cannot be created through the API`);
  }
  if (!CREATABLE_TYPES.has(type)) throw invalidRequest(`${where} ("${name}") has an unknown or unsupported field type "${type}".`);
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw invalidRequest(`${where}.options must be an object.`);
  }
  const spec: FieldSpec = { name: name.trim(), type };
  if (description) spec.description = description;
  const readOptions = readOptionsFor(type, (options ?? {}) as Record<string, unknown>, `${where} ("${name}") options`, tables);
  if (readOptions !== undefined) spec.options = readOptions;
  return spec;
}

function readOptionsFor(type: string, o: Record<string, unknown>, where: string, tables: TableDef[]): Record<string, unknown> | undefined {
  const allow = (...keys: string[]): void => {
    const extra = Object.keys(o).filter((k) => !keys.includes(k));
    if (extra.length > 0) throw invalidRequest(`${where}: unknown option(s) ${extra.join(', ')} for type ${type}.`);
  };
  switch (type) {
    case 'singleLineText':
    case 'multilineText':
    case 'email':
    case 'url':
    case 'phoneNumber':
    case 'richText':
      allow();
      return undefined;
    case 'number':
    case 'percent':
      allow('precision');
      return { precision: intIn(o['precision'], 0, 8, `${where}.precision`) };
    case 'currency':
      allow('precision', 'symbol');
      if (typeof o['symbol'] !== 'string' || o['symbol'] === '') throw invalidRequest(`${where}.symbol is required.`);
      return { precision: intIn(o['precision'], 0, 7, `${where}.precision`), symbol: o['symbol'] };
    case 'checkbox':
      allow('icon', 'color');
      return { icon: oneOf(o['icon'], CHECKBOX_ICONS, `${where}.icon`), color: oneOf(o['color'], BRIGHT_COLORS, `${where}.color`) };
    case 'rating':
      allow('icon', 'max', 'color');
      return {
        icon: oneOf(o['icon'], RATING_ICONS, `${where}.icon`),
        max: intIn(o['max'], 1, 10, `${where}.max`),
        color: oneOf(o['color'], BRIGHT_COLORS, `${where}.color`),
      };
    case 'duration':
      allow('durationFormat');
      return { durationFormat: oneOf(o['durationFormat'], DURATION_FORMATS, `${where}.durationFormat`) };
    case 'singleSelect':
    case 'multipleSelects':
      allow('choices');
      return { choices: readChoices(o['choices'], `${where}.choices`) };
    case 'date':
      allow('dateFormat');
      return { dateFormat: readFormat(o['dateFormat'], DATE_FORMATS, `${where}.dateFormat`) };
    case 'dateTime': {
      allow('dateFormat', 'timeFormat', 'timeZone');
      const zone = o['timeZone'];
      if (typeof zone !== 'string' || !(zone === 'utc' || zone === 'client' || IANAZone.isValidZone(zone))) {
        throw invalidRequest(`${where}.timeZone must be "utc", "client" or an IANA time zone.`);
      }
      return {
        dateFormat: readFormat(o['dateFormat'], DATE_FORMATS, `${where}.dateFormat`),
        timeFormat: readFormat(o['timeFormat'], TIME_FORMATS, `${where}.timeFormat`),
        timeZone: zone,
      };
    }
    case 'multipleRecordLinks': {
      allow('linkedTableId', 'viewIdForRecordSelection');
      const target = tables.find((t) => t.id === o['linkedTableId']);
      if (!target) throw invalidRequest(`${where}.linkedTableId must be the ID of a table of this base, got ${JSON.stringify(o['linkedTableId'])}.`);
      const read: Record<string, unknown> = { linkedTableId: target.id, isReversed: false, prefersSingleRecordLink: false };
      if (o['viewIdForRecordSelection'] !== undefined) {
        if (!target.views.some((v) => v.id === o['viewIdForRecordSelection'])) {
          throw invalidRequest(`${where}.viewIdForRecordSelection is not a view of table "${target.name}".`);
        }
        read['viewIdForRecordSelection'] = o['viewIdForRecordSelection'];
      }
      return read;
    }
    case 'multipleAttachments':
      allow();
      return { isReversed: false };
    default:
      throw invalidRequest(`${where}: unsupported field type ${type}.`);
  }
}

function readChoices(value: unknown, where: string): { id: string; name: string; color: string }[] {
  if (!Array.isArray(value)) throw invalidRequest(`${where} must be a list of {name, color?}.`);
  const seen = new Set<string>();
  return value.map((choice: unknown, i) => {
    if (!choice || typeof choice !== 'object') throw invalidRequest(`${where}[${i}] must be an object.`);
    const { name, color, id, ...rest } = choice as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || id !== undefined) throw invalidRequest(`${where}[${i}] only takes name and color.`);
    if (typeof name !== 'string' || name.trim() === '') throw invalidRequest(`${where}[${i}].name must be a non-empty string.`);
    if (seen.has(name)) throw invalidRequest(`${where} has the choice "${name}" twice.`);
    seen.add(name);
    if (color !== undefined && (typeof color !== 'string' || !CHOICE_COLORS.includes(color))) {
      throw invalidRequest(`${where}[${i}].color must be one of ${CHOICE_COLORS.join(', ')}.`);
    }
    return newChoice(name, i, color as string | undefined);
  });
}

function readFormat(value: unknown, formats: Record<string, string>, where: string): { name: string; format: string } {
  if (!value || typeof value !== 'object') throw invalidRequest(`${where} must be {name, format?}.`);
  const { name, format } = value as Record<string, unknown>;
  const expected = typeof name === 'string' ? formats[name] : undefined;
  if (expected === undefined) throw invalidRequest(`${where}.name must be one of ${Object.keys(formats).join(', ')}.`);
  if (format !== undefined && format !== expected) throw invalidRequest(`${where}.format must be "${expected}" for name "${String(name)}".`);
  return { name: name as string, format: expected };
}

function intIn(value: unknown, min: number, max: number, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidRequest(`${where} must be an integer from ${min} to ${max}.`);
  }
  return value;
}

function oneOf(value: unknown, allowed: string[], where: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) throw invalidRequest(`${where} must be one of ${allowed.join(', ')}.`);
  return value;
}

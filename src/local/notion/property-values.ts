/**
 * Page property values (https://developers.notion.com/reference/page-property-values): request values checked
 * against the data source schema and stored in response form; rendering fills in empty and computed values.
 */
import { randomUUID } from 'node:crypto';
import { bodyValidation, validationError } from './errors.ts';
import { normalizeId } from './ids.ts';
import { findProperty, type PropertySchema, type SelectOption } from './property-schema.ts';
import { isObject, preview, type Json } from './request-body.ts';
import { richTextFromRequest, type MentionResolver } from './rich-text.ts';

const READ_ONLY = new Set(['created_time', 'created_by', 'last_edited_time', 'last_edited_by', 'unique_id']);
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface WriteResult {
  /** Values keyed by property ID. */
  values: Record<string, Json>;
  /** True when a new select/multi-select option was added to the schema (the caller saves the data source). */
  schemaChanged: boolean;
}

/** Validates `properties` of a create/update request against `schema`, mutating select options as Notion does. */
export function propertyValuesFromRequest(
  raw: unknown,
  schema: PropertySchema[],
  resolver: MentionResolver,
  path = 'body.properties',
): WriteResult {
  if (!isObject(raw)) throw bodyValidation(path, `should be an object, instead was \`${preview(raw)}\``);
  const values: Record<string, Json> = {};
  let schemaChanged = false;
  for (const [key, value] of Object.entries(raw)) {
    const property = findProperty(schema, key);
    if (!property) throw validationError(`${key} is not a property that exists.`);
    if (READ_ONLY.has(property.type)) throw validationError(`${property.name} is a ${property.type} property and cannot be written.`);
    const at = `${path}.${key}`;
    if (!isObject(value)) throw bodyValidation(at, `should be an object, instead was \`${preview(value)}\``);
    if (!(property.type in value)) {
      throw bodyValidation(`${at}.${property.type}`, `should be defined, instead was \`undefined\` (${property.name} is a ${property.type} property)`);
    }
    const result = valueFor(property, value[property.type], `${at}.${property.type}`, resolver);
    schemaChanged ||= result.schemaChanged;
    values[property.id] = result.value;
  }
  return { values, schemaChanged };
}

function valueFor(property: PropertySchema, raw: unknown, path: string, resolver: MentionResolver): { value: Json; schemaChanged: boolean } {
  const type = property.type;
  const plain = (v: unknown): { value: Json; schemaChanged: boolean } => ({ value: { type, [type]: v }, schemaChanged: false });
  switch (type) {
    case 'title':
    case 'rich_text':
      return plain(richTextFromRequest(raw, path, resolver));
    case 'number':
      if (raw !== null && (typeof raw !== 'number' || !Number.isFinite(raw))) throw bodyValidation(path, `should be a number or \`null\`, instead was \`${preview(raw)}\``);
      return plain(raw);
    case 'checkbox':
      if (typeof raw !== 'boolean') throw bodyValidation(path, `should be a boolean, instead was \`${preview(raw)}\``);
      return plain(raw);
    case 'url':
    case 'email':
    case 'phone_number':
      if (raw !== null && typeof raw !== 'string') throw bodyValidation(path, `should be a string or \`null\`, instead was \`${preview(raw)}\``);
      return plain(raw === '' ? null : raw);
    case 'date':
      return plain(dateValue(raw, path));
    case 'select':
    case 'status': {
      if (raw === null) return plain(null);
      const { option, added } = selectOption(property, raw, path);
      return { value: { type, [type]: option }, schemaChanged: added };
    }
    case 'multi_select': {
      if (!Array.isArray(raw)) throw bodyValidation(path, `should be an array, instead was \`${preview(raw)}\``);
      let changed = false;
      const options = raw.map((item, i) => {
        const { option, added } = selectOption(property, item, `${path}[${i}]`);
        changed ||= added;
        return option;
      });
      return { value: { type, multi_select: options }, schemaChanged: changed };
    }
    case 'relation':
      return { value: { type, relation: idList(raw, path), has_more: false }, schemaChanged: false };
    case 'people':
      return plain(idList(raw, path).map(({ id }) => ({ object: 'user', id })));
    case 'files':
      return plain(filesValue(raw, path));
    default:
      throw validationError(`${property.name} is a ${type} property, which the local workspace cannot write.`);
  }
}

function dateValue(raw: unknown, path: string): Json | null {
  if (raw === null) return null;
  if (!isObject(raw)) throw bodyValidation(path, `should be an object or \`null\`, instead was \`${preview(raw)}\``);
  const check = (v: unknown, at: string): string => {
    if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v))) {
      throw bodyValidation(at, `should be a valid ISO 8601 date string, instead was \`${preview(v)}\``);
    }
    return v;
  };
  const start = check(raw['start'], `${path}.start`);
  const end = raw['end'] === undefined || raw['end'] === null ? null : check(raw['end'], `${path}.end`);
  const timeZone = typeof raw['time_zone'] === 'string' ? raw['time_zone'] : null;
  return { start, end, time_zone: timeZone };
}

/** Finds the option by id or name; an unknown select name is added to the schema, as Notion does (not for status). */
function selectOption(property: PropertySchema, raw: unknown, path: string): { option: Json; added: boolean } {
  if (!isObject(raw)) throw bodyValidation(path, `should be an object, instead was \`${preview(raw)}\``);
  const options = property.config['options'] as SelectOption[];
  const byId = typeof raw['id'] === 'string' ? options.find((o) => o.id === raw['id']) : undefined;
  if (raw['id'] !== undefined && !byId) throw validationError(`Invalid option ID ${String(raw['id'])} for ${property.name} (at ${path}).`);
  const name = raw['name'];
  const found = byId ?? options.find((o) => o.name === name);
  if (found) return { option: { id: found.id, name: found.name, color: found.color }, added: false };
  if (typeof name !== 'string' || name === '') throw bodyValidation(`${path}.name`, 'should be defined, instead was `undefined`');
  if (property.type === 'status') throw validationError(`Invalid status option "${name}" for ${property.name}: status options cannot be created from a page.`);
  if (name.includes(',')) throw validationError(`Select option names cannot contain commas: "${name}" (at ${path}).`);
  const color = typeof raw['color'] === 'string' ? raw['color'] : 'default';
  const option: SelectOption = { id: randomUUID(), name, color, description: null };
  options.push(option);
  return { option: { id: option.id, name, color }, added: true };
}

function idList(raw: unknown, path: string): { id: string }[] {
  if (!Array.isArray(raw)) throw bodyValidation(path, `should be an array, instead was \`${preview(raw)}\``);
  return raw.map((item, i) => {
    const id = isObject(item) ? normalizeId(item['id']) : undefined;
    if (!id) throw bodyValidation(`${path}[${i}].id`, `should be a valid uuid, instead was \`${preview(isObject(item) ? item['id'] : item)}\``);
    return { id };
  });
}

function filesValue(raw: unknown, path: string): Json[] {
  if (!Array.isArray(raw)) throw bodyValidation(path, `should be an array, instead was \`${preview(raw)}\``);
  return raw.map((item, i) => {
    const external = isObject(item) && isObject(item['external']) ? item['external'] : undefined;
    if (!isObject(item) || !external || typeof external['url'] !== 'string') {
      throw bodyValidation(`${path}[${i}].external.url`, 'should be defined (only external files are emulated locally)');
    }
    const name = typeof item['name'] === 'string' ? item['name'] : external['url'];
    return { name, type: 'external', external: { url: external['url'] } };
  });
}

/** Everything Notion computes for a page rather than stores. */
export interface PageFacts {
  created_time: string;
  last_edited_time: string;
  botId: string;
}

/** The value of one property for a page, in response form with its `id`. */
export function renderValue(property: PropertySchema, stored: Json | undefined, facts: PageFacts): Json {
  const type = property.type;
  const base = { id: property.id, type };
  switch (type) {
    case 'created_time':
      return { ...base, created_time: facts.created_time };
    case 'last_edited_time':
      return { ...base, last_edited_time: facts.last_edited_time };
    case 'created_by':
    case 'last_edited_by':
      return { ...base, [type]: { object: 'user', id: facts.botId } };
    default:
      return stored ? { id: property.id, ...stored } : { ...base, ...emptyValue(property) };
  }
}

function emptyValue(property: PropertySchema): Json {
  switch (property.type) {
    case 'title':
    case 'rich_text':
    case 'multi_select':
    case 'people':
    case 'files':
      return { [property.type]: [] };
    case 'relation':
      return { relation: [], has_more: false };
    case 'checkbox':
      return { checkbox: false };
    case 'unique_id':
      return { unique_id: { prefix: property.config['prefix'] ?? null, number: null } };
    default:
      return { [property.type]: null };
  }
}

/** A new page's status starts at the first option of the "To-do" group, as on Notion. */
export function defaultValues(schema: PropertySchema[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const p of schema) {
    if (p.type !== 'status') continue;
    const first = (p.config['options'] as SelectOption[])[0];
    if (first) out[p.id] = { type: 'status', status: { id: first.id, name: first.name, color: first.color } };
  }
  return out;
}

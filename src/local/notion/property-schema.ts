/**
 * Data source schemas (https://developers.notion.com/reference/property-object): the `properties` of a data source,
 * as created through `databases.create({initial_data_source})`, `dataSources.create` and changed by
 * `dataSources.update`. Stored as an ordered list so renames keep the property ID, as on Notion.
 */
import { randomUUID } from 'node:crypto';
import { bodyValidation, notFound, validationError } from './errors.ts';
import { normalizeId, propertyId } from './ids.ts';
import { isObject, preview, type Json } from './request-body.ts';
import { isColor } from './rich-text.ts';

export interface PropertySchema {
  id: string;
  name: string;
  type: string;
  /** The type's configuration in response form, e.g. `{options:[…]}` for a select. */
  config: Json;
  description: string | null;
}

export interface SelectOption {
  id: string;
  name: string;
  color: string;
  description: string | null;
}

/** Types the workspace stores and answers. Formula, rollup and the rarer types are refused rather than faked. */
const EMPTY_CONFIG_TYPES = new Set([
  'title', 'rich_text', 'url', 'email', 'phone_number', 'date', 'checkbox', 'people', 'files',
  'created_time', 'created_by', 'last_edited_time', 'last_edited_by',
]);
const SUPPORTED = new Set([...EMPTY_CONFIG_TYPES, 'number', 'select', 'multi_select', 'status', 'relation', 'unique_id']);
const KNOWN_BUT_NOT_EMULATED = new Set(['formula', 'rollup', 'button', 'place', 'location', 'verification', 'last_visited_time']);

/** Resolves relation targets: the database a data source belongs to. */
export interface SchemaContext {
  databaseOfDataSource(dataSourceId: string): string | undefined;
}

/** The type named by a property request: its `type`, or the one type key it carries. */
export function requestedType(request: Json, path: string): string {
  if (typeof request['type'] === 'string') return request['type'];
  const keys = Object.keys(request).filter((k) => k !== 'name' && k !== 'description' && k !== 'type');
  const type = keys.find((k) => SUPPORTED.has(k) || KNOWN_BUT_NOT_EMULATED.has(k));
  if (!type) throw bodyValidation(path, `should have a property type such as \`title\`, \`rich_text\` or \`select\`, instead was \`${preview(request)}\``);
  return type;
}

/** Builds a new property from its request form (`{select:{options:[…]}}`, `{relation:{data_source_id, …}}` …). */
export function newProperty(name: string, request: unknown, path: string, ctx: SchemaContext): PropertySchema {
  if (!isObject(request)) throw bodyValidation(path, `should be an object, instead was \`${preview(request)}\``);
  const type = requestedType(request, path);
  const description = typeof request['description'] === 'string' ? request['description'] : null;
  const id = type === 'title' ? 'title' : propertyId();
  return { id, name, type, config: configFor(type, request[type], `${path}.${type}`, ctx, []), description };
}

/** Parses the schema of a new data source; exactly one title property is required. */
export function schemaFromRequest(value: unknown, path: string, ctx: SchemaContext): PropertySchema[] {
  if (value === undefined) value = { Name: { title: {} } };
  if (!isObject(value)) throw bodyValidation(path, `should be an object, instead was \`${preview(value)}\``);
  const properties = Object.entries(value).map(([name, request]) => newProperty(name, request, `${path}.${name}`, ctx));
  const titles = properties.filter((p) => p.type === 'title');
  if (titles.length !== 1) {
    throw validationError(`A data source must have exactly one title property, instead ${titles.length} were given.`);
  }
  return properties;
}

function configFor(type: string, raw: unknown, path: string, ctx: SchemaContext, previous: SelectOption[]): Json {
  if (KNOWN_BUT_NOT_EMULATED.has(type)) {
    throw validationError(`Property type \`${type}\` is not emulated by the local workspace (at ${path}).`);
  }
  if (!SUPPORTED.has(type)) throw bodyValidation(`${path}`, `is not a known property type \`${type}\``);
  const config = raw === undefined || raw === null ? {} : raw;
  if (!isObject(config)) throw bodyValidation(path, `should be an object, instead was \`${preview(config)}\``);
  if (EMPTY_CONFIG_TYPES.has(type)) return {};
  switch (type) {
    case 'number':
      return { format: typeof config['format'] === 'string' ? config['format'] : 'number' };
    case 'select':
    case 'multi_select':
      return { options: optionsFrom(config['options'], `${path}.options`, previous) };
    case 'status':
      return statusConfig(config['options'], `${path}.options`, previous);
    case 'unique_id':
      return { prefix: typeof config['prefix'] === 'string' ? config['prefix'] : null };
    case 'relation':
      return relationConfig(config, path, ctx);
    default:
      return {};
  }
}

function optionsFrom(raw: unknown, path: string, previous: SelectOption[]): SelectOption[] {
  if (raw === undefined) return previous;
  if (!Array.isArray(raw)) throw bodyValidation(path, `should be an array, instead was \`${preview(raw)}\``);
  const seen = new Set<string>();
  return raw.map((option, i) => {
    if (!isObject(option)) throw bodyValidation(`${path}[${i}]`, 'should be an object');
    const match = previous.find((p) => (option['id'] !== undefined && p.id === option['id']) || p.name === option['name']);
    const name = typeof option['name'] === 'string' ? option['name'] : match?.name;
    if (!name) throw bodyValidation(`${path}[${i}].name`, 'should be defined, instead was `undefined`');
    if (name.includes(',')) throw validationError(`Select option names cannot contain commas: "${name}" (at ${path}[${i}]).`);
    if (seen.has(name)) throw validationError(`Duplicate select option name "${name}" (at ${path}[${i}]).`);
    seen.add(name);
    const color = option['color'] === undefined ? (match?.color ?? 'default') : option['color'];
    if (!isColor(color)) throw bodyValidation(`${path}[${i}].color`, `should be a valid color, instead was \`${preview(color)}\``);
    const description = typeof option['description'] === 'string' ? option['description'] : (match?.description ?? null);
    return { id: match?.id ?? randomUUID(), name, color, description };
  });
}

/** Notion gives a new status property three options in three groups; named options all go to "To-do". */
function statusConfig(raw: unknown, path: string, previous: SelectOption[]): Json {
  const defaults: SelectOption[] = [
    { id: randomUUID(), name: 'Not started', color: 'default', description: null },
    { id: randomUUID(), name: 'In progress', color: 'blue', description: null },
    { id: randomUUID(), name: 'Done', color: 'green', description: null },
  ];
  const options = raw === undefined && previous.length === 0 ? defaults : optionsFrom(raw, path, previous);
  const [first, second, ...rest] = options;
  const isDefaultSet = raw === undefined && previous.length === 0;
  const groups = isDefaultSet
    ? [
        { id: randomUUID(), name: 'To-do', color: 'gray', option_ids: first ? [first.id] : [] },
        { id: randomUUID(), name: 'In progress', color: 'blue', option_ids: second ? [second.id] : [] },
        { id: randomUUID(), name: 'Complete', color: 'green', option_ids: rest.map((o) => o.id) },
      ]
    : [
        { id: randomUUID(), name: 'To-do', color: 'gray', option_ids: options.map((o) => o.id) },
        { id: randomUUID(), name: 'In progress', color: 'blue', option_ids: [] },
        { id: randomUUID(), name: 'Complete', color: 'green', option_ids: [] },
      ];
  return { options, groups };
}

function relationConfig(config: Json, path: string, ctx: SchemaContext): Json {
  const target = normalizeId(config['data_source_id']);
  if (!target) {
    throw bodyValidation(`${path}.data_source_id`, `should be a valid uuid, instead was \`${preview(config['data_source_id'])}\``);
  }
  const databaseId = ctx.databaseOfDataSource(target);
  if (!databaseId) throw notFound('data_source', target);
  const kind = config['type'] === 'dual_property' || (config['type'] === undefined && 'dual_property' in config) ? 'dual_property' : 'single_property';
  if (kind === 'dual_property') {
    return { database_id: databaseId, data_source_id: target, type: 'dual_property', dual_property: { synced_property_id: '', synced_property_name: '' } };
  }
  return { database_id: databaseId, data_source_id: target, type: 'single_property', single_property: {} };
}

/**
 * Applies a `dataSources.update` `properties` patch: `null` deletes, `{name}` renames, a type object changes or adds.
 * Keys are property names or IDs.
 */
export function applySchemaPatch(current: PropertySchema[], patch: unknown, path: string, ctx: SchemaContext): PropertySchema[] {
  if (!isObject(patch)) throw bodyValidation(path, `should be an object, instead was \`${preview(patch)}\``);
  let next = current.map((p) => ({ ...p }));
  for (const [key, change] of Object.entries(patch)) {
    const at = `${path}.${key}`;
    const existing = next.find((p) => p.id === key || p.name === key);
    if (change === null) {
      if (!existing) throw validationError(`${key} is not a property that exists.`);
      if (existing.type === 'title') throw validationError(`Cannot delete the title property ${existing.name}.`);
      next = next.filter((p) => p !== existing);
      continue;
    }
    if (!isObject(change)) throw bodyValidation(at, `should be an object or \`null\`, instead was \`${preview(change)}\``);
    const newName = typeof change['name'] === 'string' ? change['name'] : undefined;
    if (newName !== undefined && next.some((p) => p.name === newName && p !== existing)) {
      throw validationError(`A property named ${newName} already exists.`);
    }
    const hasType = Object.keys(change).some((k) => k !== 'name' && k !== 'description');
    if (!existing) {
      if (!hasType) throw validationError(`${key} is not a property that exists.`);
      const created = newProperty(newName ?? key, change, at, ctx);
      if (created.type === 'title') throw validationError('A data source can only have one title property.');
      next.push(created);
      continue;
    }
    if (newName !== undefined) existing.name = newName;
    if (typeof change['description'] === 'string') existing.description = change['description'];
    if (hasType) {
      const type = requestedType(change, at);
      if ((existing.type === 'title') !== (type === 'title')) throw validationError('A data source must have exactly one title property.');
      const previous = existing.type === type && Array.isArray(existing.config['options']) ? (existing.config['options'] as SelectOption[]) : [];
      existing.config = configFor(type, change[type], `${at}.${type}`, ctx, previous);
      existing.type = type;
    }
  }
  return next;
}

/** The response form: `{Name: {id, name, description, type, [type]: config}}` in schema order. */
export function schemaResponse(schema: PropertySchema[]): Json {
  const out: Json = {};
  for (const p of schema) out[p.name] = { id: p.id, name: p.name, description: p.description, type: p.type, [p.type]: p.config };
  return out;
}

export function findProperty(schema: PropertySchema[], key: string): PropertySchema | undefined {
  return schema.find((p) => p.name === key) ?? schema.find((p) => p.id === key);
}

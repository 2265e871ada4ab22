/**
 * Query strings as airtable.js writes them (jQuery.param style, see wire-apis.md §A1): `fields%5B%5D=A`,
 * `sort%5B0%5D%5Bfield%5D=Name`, `+` for spaces, and the list-records parameters read from either the query
 * (GET) or the JSON body (POST …/listRecords).
 * https://airtable.com/developers/web/api/list-records
 */
import { invalidRequest } from './errors.ts';

export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue };

/** Parses `a=1&b[]=x&c[0][d]=y` into `{a:'1', b:['x'], c:{'0':{d:'y'}}}`. Throws 422 on bad percent-encoding. */
export function parseQuery(raw: string): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decode(part.slice(eq + 1));
    const match = /^([^[]*)((?:\[[^\]]*\])*)$/.exec(key);
    const path = match ? [match[1] ?? '', ...[...(match[2] ?? '').matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '')] : [key];
    assign(out, path, value);
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw invalidRequest(`The query string contains malformed percent-encoding: "${text}".`);
  }
}

function assign(target: Record<string, QueryValue> | QueryValue[], path: string[], value: string): void {
  const [head = '', ...rest] = path;
  if (Array.isArray(target)) {
    if (rest.length === 0) target.push(value);
    else {
      const child: Record<string, QueryValue> = {};
      target.push(child);
      assign(child, rest, value);
    }
    return;
  }
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  let child = target[head];
  if (child === undefined || typeof child === 'string') {
    child = rest[0] === '' ? [] : {};
    target[head] = child;
  }
  assign(child, rest, value);
}

export interface SortSpec {
  field: string;
  direction: 'asc' | 'desc';
}

export interface ListParams {
  fields?: string[];
  filterByFormula?: string;
  maxRecords?: number;
  pageSize: number;
  offset?: string;
  sort: SortSpec[];
  view?: string;
  cellFormat: 'json' | 'string';
  timeZone?: string;
  userLocale?: string;
  returnFieldsByFieldId: boolean;
  recordMetadata: string[];
}

const LIST_KEYS = new Set([
  'fields',
  'filterByFormula',
  'maxRecords',
  'pageSize',
  'offset',
  'sort',
  'view',
  'cellFormat',
  'timeZone',
  'userLocale',
  'returnFieldsByFieldId',
  'recordMetadata',
  // airtable.js's deprecated `table.list()` sends the page size as `limit`.
  'limit',
  // airtable.js repeats `method: "post"` in the POST listRecords body; Airtable ignores it.
  'method',
]);

/** Validates list-records parameters from a parsed query or a JSON body into one shape. */
export function readListParams(input: Record<string, unknown>): ListParams {
  for (const key of Object.keys(input)) {
    if (!LIST_KEYS.has(key)) throw invalidRequest(`Unknown parameter "${key}".`);
  }
  const pageSize = optionalInt(input['pageSize'] ?? input['limit'], 'pageSize') ?? 100;
  if (pageSize < 1 || pageSize > 100) throw invalidRequest(`pageSize must be between 1 and 100, got ${pageSize}.`);
  const maxRecords = optionalInt(input['maxRecords'], 'maxRecords');
  if (maxRecords !== undefined && maxRecords < 0) throw invalidRequest(`maxRecords must not be negative, got ${maxRecords}.`);
  const cellFormat = optionalString(input['cellFormat'], 'cellFormat') ?? 'json';
  if (cellFormat !== 'json' && cellFormat !== 'string') throw invalidRequest(`cellFormat must be "json" or "string", got "${cellFormat}".`);
  const params: ListParams = {
    pageSize,
    sort: readSort(input['sort']),
    cellFormat,
    returnFieldsByFieldId: optionalBool(input['returnFieldsByFieldId'], 'returnFieldsByFieldId') ?? false,
    recordMetadata: optionalStringArray(input['recordMetadata'], 'recordMetadata') ?? [],
  };
  const fields = optionalStringArray(input['fields'], 'fields');
  if (fields !== undefined) params.fields = fields;
  const formula = optionalString(input['filterByFormula'], 'filterByFormula');
  if (formula !== undefined && formula.trim() !== '') params.filterByFormula = formula;
  if (maxRecords !== undefined && maxRecords > 0) params.maxRecords = maxRecords;
  const offset = optionalString(input['offset'], 'offset');
  if (offset) params.offset = offset;
  const view = optionalString(input['view'], 'view');
  if (view) params.view = view;
  const timeZone = optionalString(input['timeZone'], 'timeZone');
  if (timeZone) params.timeZone = timeZone;
  const userLocale = optionalString(input['userLocale'], 'userLocale');
  if (userLocale) params.userLocale = userLocale;
  for (const item of params.recordMetadata) {
    if (item !== 'commentCount') throw invalidRequest(`recordMetadata only accepts "commentCount", got "${item}".`);
  }
  return params;
}

function readSort(value: unknown): SortSpec[] {
  if (value === undefined || value === '') return [];
  const items = listOf(value);
  if (!items) throw invalidRequest('sort must be a list of {field, direction} objects.');
  return items.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw invalidRequest(`sort[${i}] must be an object.`);
    const { field, direction = 'asc', ...rest } = item as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw invalidRequest(`sort[${i}] has unknown keys: ${Object.keys(rest).join(', ')}.`);
    if (typeof field !== 'string' || field === '') throw invalidRequest(`sort[${i}].field must be a field name or ID.`);
    if (direction !== 'asc' && direction !== 'desc') throw invalidRequest(`sort[${i}].direction must be "asc" or "desc".`);
    return { field, direction };
  });
}

/** Arrays arrive as arrays from JSON and from `x[]=`, and as `{ '0': …, '1': … }` from `x[0][k]=`. */
function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.every(([k]) => /^\d+$/.test(k))) return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return undefined;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`${name} must be a string.`);
  return value;
}

function optionalInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw invalidRequest(`${name} must be an integer, got ${JSON.stringify(value)}.`);
  return n;
}

function optionalBool(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  throw invalidRequest(`${name} must be a boolean, got ${JSON.stringify(value)}.`);
}

export function optionalStringArray(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = typeof value === 'string' ? [value] : listOf(value);
  if (!items || !items.every((v): v is string => typeof v === 'string')) throw invalidRequest(`${name} must be a list of strings.`);
  return items;
}

/** Boolean body option (`typecast`, `returnFieldsByFieldId`) of a write request. */
export function bodyBool(value: unknown, name: string): boolean {
  return optionalBool(value, name) ?? false;
}

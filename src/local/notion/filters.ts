/**
 * Data source query filters (https://developers.notion.com/reference/filter-data-source-entries): property filters
 * by type, timestamp filters, and `and`/`or` compounds nested at most two levels deep. A filter is checked against
 * the schema once, then evaluated per page.
 */
import { bodyValidation, validationError } from './errors.ts';
import { normalizeId } from './ids.ts';
import { findProperty, type PropertySchema } from './property-schema.ts';
import { isObject, preview, type Json } from './request-body.ts';
import { plainText } from './rich-text.ts';

/** A page as filters and sorts see it: rendered property values keyed by property ID, plus its timestamps. */
export interface PageView {
  values: Record<string, Json>;
  created_time: string;
  last_edited_time: string;
}

export type Predicate = (page: PageView) => boolean;

const TEXT_TYPES = new Set(['title', 'rich_text', 'url', 'email', 'phone_number']);
const DATE_TYPES = new Set(['date', 'created_time', 'last_edited_time']);
const MAX_COMPOUND_DEPTH = 2;
const DAY = 86_400_000;

export function compileFilter(filter: unknown, schema: PropertySchema[], nowMs: number, path = 'body.filter', depth = 0): Predicate {
  if (!isObject(filter)) throw bodyValidation(path, `should be an object, instead was \`${preview(filter)}\``);
  for (const op of ['and', 'or'] as const) {
    if (!(op in filter)) continue;
    if (depth >= MAX_COMPOUND_DEPTH) {
      throw bodyValidation(`${path}.${op}`, `should be not present (compound filters nest at most ${MAX_COMPOUND_DEPTH} levels deep)`);
    }
    const list = filter[op];
    if (!Array.isArray(list)) throw bodyValidation(`${path}.${op}`, `should be an array, instead was \`${preview(list)}\``);
    const parts = list.map((f, i) => compileFilter(f, schema, nowMs, `${path}.${op}[${i}]`, depth + 1));
    return op === 'and' ? (page) => parts.every((p) => p(page)) : (page) => parts.some((p) => p(page));
  }
  if (typeof filter['timestamp'] === 'string') {
    const stamp = filter['timestamp'];
    if (stamp !== 'created_time' && stamp !== 'last_edited_time') {
      throw bodyValidation(`${path}.timestamp`, `should be \`created_time\` or \`last_edited_time\`, instead was \`${preview(stamp)}\``);
    }
    const test = dateCondition(filter[stamp], `${path}.${stamp}`, nowMs);
    return (page) => test(page[stamp]);
  }
  const key = filter['property'];
  if (typeof key !== 'string') throw bodyValidation(`${path}.property`, 'should be defined, instead was `undefined`');
  const property = findProperty(schema, key);
  if (!property) throw validationError(`Could not find property with name or id: ${key}`);
  const kind = Object.keys(filter).find((k) => k !== 'property' && k !== 'type');
  if (!kind) throw bodyValidation(path, `should have a filter condition for ${property.type}, instead was \`${preview(filter)}\``);
  if (!compatible(property.type, kind)) throw validationError(`database property ${property.type} does not match filter ${kind}`);
  const condition = filter[kind];
  const at = `${path}.${kind}`;
  const get = (page: PageView): Json | undefined => page.values[property.id];
  if (TEXT_TYPES.has(property.type)) {
    const test = textCondition(condition, at);
    return (page) => test(textOf(get(page), property.type));
  }
  if (DATE_TYPES.has(property.type)) {
    const test = dateCondition(condition, at, nowMs);
    return (page) => {
      if (property.type !== 'date') return test(property.type === 'created_time' ? page.created_time : page.last_edited_time);
      const date = get(page)?.['date'];
      return test(isObject(date) && typeof date['start'] === 'string' ? date['start'] : null);
    };
  }
  switch (property.type) {
    case 'number':
    case 'unique_id': {
      const test = numberCondition(condition, at);
      return (page) => {
        const v = get(page)?.[property.type];
        return test(typeof v === 'number' ? v : isObject(v) && typeof v['number'] === 'number' ? v['number'] : null);
      };
    }
    case 'checkbox': {
      const test = checkboxCondition(condition, at);
      return (page) => test(get(page)?.['checkbox'] === true);
    }
    case 'select':
    case 'status': {
      const test = selectCondition(condition, at);
      return (page) => {
        const v = get(page)?.[property.type];
        return test(isObject(v) && typeof v['name'] === 'string' ? v['name'] : null);
      };
    }
    case 'multi_select':
    case 'relation':
    case 'people':
    case 'files': {
      const test = listCondition(condition, at, property.type);
      return (page) => test(listOf(get(page), property.type));
    }
    default:
      throw validationError(`Filtering on ${property.type} properties is not emulated by the local workspace.`);
  }
}

function compatible(type: string, kind: string): boolean {
  if (TEXT_TYPES.has(type)) return TEXT_TYPES.has(kind);
  if (type === 'unique_id') return kind === 'unique_id' || kind === 'number';
  return type === kind || (DATE_TYPES.has(type) && kind === 'date');
}

function operator(condition: unknown, path: string, allowed: readonly string[]): [string, unknown] {
  if (!isObject(condition)) throw bodyValidation(path, `should be an object, instead was \`${preview(condition)}\``);
  const entries = Object.entries(condition);
  const [entry] = entries;
  if (!entry || entries.length !== 1 || !allowed.includes(entry[0])) {
    throw bodyValidation(path, `should have exactly one of ${allowed.map((a) => `\`${a}\``).join(', ')}, instead was \`${preview(condition)}\``);
  }
  return entry;
}

function textCondition(condition: unknown, path: string): (value: string) => boolean {
  const [op, operand] = operator(condition, path, ['equals', 'does_not_equal', 'contains', 'does_not_contain', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty']);
  if (op === 'is_empty') return (v) => v === '';
  if (op === 'is_not_empty') return (v) => v !== '';
  if (typeof operand !== 'string') throw bodyValidation(`${path}.${op}`, `should be a string, instead was \`${preview(operand)}\``);
  const needle = operand.toLowerCase();
  switch (op) {
    case 'equals':
      return (v) => v === operand;
    case 'does_not_equal':
      return (v) => v !== operand;
    case 'contains':
      return (v) => v.toLowerCase().includes(needle);
    case 'does_not_contain':
      return (v) => !v.toLowerCase().includes(needle);
    case 'starts_with':
      return (v) => v.toLowerCase().startsWith(needle);
    default:
      return (v) => v.toLowerCase().endsWith(needle);
  }
}

function numberCondition(condition: unknown, path: string): (value: number | null) => boolean {
  const ops = ['equals', 'does_not_equal', 'greater_than', 'less_than', 'greater_than_or_equal_to', 'less_than_or_equal_to', 'is_empty', 'is_not_empty'];
  const [op, operand] = operator(condition, path, ops);
  if (op === 'is_empty') return (v) => v === null;
  if (op === 'is_not_empty') return (v) => v !== null;
  if (typeof operand !== 'number') throw bodyValidation(`${path}.${op}`, `should be a number, instead was \`${preview(operand)}\``);
  const tests: Record<string, (v: number) => boolean> = {
    equals: (v) => v === operand,
    does_not_equal: (v) => v !== operand,
    greater_than: (v) => v > operand,
    less_than: (v) => v < operand,
    greater_than_or_equal_to: (v) => v >= operand,
    less_than_or_equal_to: (v) => v <= operand,
  };
  const test = tests[op] as (v: number) => boolean;
  return (v) => (v === null ? op === 'does_not_equal' : test(v));
}

function checkboxCondition(condition: unknown, path: string): (value: boolean) => boolean {
  const [op, operand] = operator(condition, path, ['equals', 'does_not_equal']);
  if (typeof operand !== 'boolean') throw bodyValidation(`${path}.${op}`, `should be a boolean, instead was \`${preview(operand)}\``);
  return op === 'equals' ? (v) => v === operand : (v) => v !== operand;
}

function selectCondition(condition: unknown, path: string): (value: string | null) => boolean {
  const [op, operand] = operator(condition, path, ['equals', 'does_not_equal', 'is_empty', 'is_not_empty']);
  if (op === 'is_empty') return (v) => v === null;
  if (op === 'is_not_empty') return (v) => v !== null;
  const names = Array.isArray(operand) ? operand : [operand];
  if (!names.every((n) => typeof n === 'string')) throw bodyValidation(`${path}.${op}`, `should be a string, instead was \`${preview(operand)}\``);
  return op === 'equals' ? (v) => v !== null && names.includes(v) : (v) => v === null || !names.includes(v);
}

function listCondition(condition: unknown, path: string, type: string): (values: string[]) => boolean {
  const ops = type === 'files' ? ['is_empty', 'is_not_empty'] : ['contains', 'does_not_contain', 'is_empty', 'is_not_empty'];
  const [op, operand] = operator(condition, path, ops);
  if (op === 'is_empty') return (v) => v.length === 0;
  if (op === 'is_not_empty') return (v) => v.length > 0;
  const wanted = type === 'multi_select' ? operand : normalizeId(operand);
  if (typeof wanted !== 'string') throw bodyValidation(`${path}.${op}`, `should be a ${type === 'multi_select' ? 'string' : 'valid uuid'}, instead was \`${preview(operand)}\``);
  return op === 'contains' ? (v) => v.includes(wanted) : (v) => !v.includes(wanted);
}

/** Date conditions: a date-only operand compares calendar days (as written), one with a time compares instants. */
function dateCondition(condition: unknown, path: string, nowMs: number): (value: string | null) => boolean {
  const ranges = ['past_week', 'past_month', 'past_year', 'next_week', 'next_month', 'next_year', 'this_week'];
  const [op, operand] = operator(condition, path, ['equals', 'before', 'after', 'on_or_before', 'on_or_after', 'is_empty', 'is_not_empty', ...ranges]);
  if (op === 'is_empty') return (v) => v === null;
  if (op === 'is_not_empty') return (v) => v !== null;
  if (ranges.includes(op)) {
    const [from, to] = rangeFor(op, nowMs);
    return (v) => v !== null && instant(v) >= from && instant(v) <= to;
  }
  const target = resolveDate(operand, `${path}.${op}`, nowMs);
  const dayOnly = target.length === 10;
  const cmp = (v: string): number => (dayOnly ? v.slice(0, 10).localeCompare(target) : Math.sign(instant(v) - instant(target)));
  const tests: Record<string, (c: number) => boolean> = {
    equals: (c) => c === 0,
    before: (c) => c < 0,
    after: (c) => c > 0,
    on_or_before: (c) => c <= 0,
    on_or_after: (c) => c >= 0,
  };
  const test = tests[op] as (c: number) => boolean;
  return (v) => v !== null && test(cmp(v));
}

function resolveDate(operand: unknown, path: string, nowMs: number): string {
  const relative: Record<string, number> = {
    today: 0, tomorrow: DAY, yesterday: -DAY, one_week_ago: -7 * DAY, one_week_from_now: 7 * DAY,
    one_month_ago: -30 * DAY, one_month_from_now: 30 * DAY,
  };
  if (typeof operand === 'string' && operand in relative) {
    return new Date(nowMs + (relative[operand] ?? 0)).toISOString().slice(0, 10);
  }
  if (typeof operand !== 'string' || Number.isNaN(instant(operand))) {
    throw bodyValidation(path, `should be a valid ISO 8601 date string, instead was \`${preview(operand)}\``);
  }
  return operand;
}

function rangeFor(op: string, nowMs: number): [number, number] {
  const spans: Record<string, [number, number]> = {
    past_week: [nowMs - 7 * DAY, nowMs],
    past_month: [nowMs - 30 * DAY, nowMs],
    past_year: [nowMs - 365 * DAY, nowMs],
    next_week: [nowMs, nowMs + 7 * DAY],
    next_month: [nowMs, nowMs + 30 * DAY],
    next_year: [nowMs, nowMs + 365 * DAY],
  };
  if (op !== 'this_week') return spans[op] as [number, number];
  const day = new Date(nowMs);
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - ((day.getUTCDay() + 6) % 7) * DAY;
  return [monday, monday + 7 * DAY - 1];
}

/** Milliseconds of an ISO date or date-time (a date alone is midnight UTC). */
export function instant(value: string): number {
  return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}

function textOf(value: Json | undefined, type: string): string {
  if (!value) return '';
  const v = value[type];
  if (Array.isArray(v)) return plainText(v);
  return typeof v === 'string' ? v : '';
}

function listOf(value: Json | undefined, type: string): string[] {
  const v = value?.[type];
  if (!Array.isArray(v)) return [];
  return v.map((item: unknown) => {
    if (!isObject(item)) return '';
    if (type === 'multi_select') return String(item['name']);
    if (type === 'files') return String(item['name']);
    return String(item['id']);
  });
}

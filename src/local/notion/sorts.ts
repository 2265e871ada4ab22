/**
 * Data source query sorts (https://developers.notion.com/reference/sort-data-source-entries): by property or by
 * `created_time`/`last_edited_time`, the first sort taking precedence. Selects and statuses sort in option order.
 * Every key ends with the page's creation sequence so the order is total (and keyset cursors are exact).
 */
import { bodyValidation, validationError } from './errors.ts';
import { instant, type PageView } from './filters.ts';
import { compareKeys, type SortKey } from './pagination.ts';
import { findProperty, type PropertySchema, type SelectOption } from './property-schema.ts';
import { isObject, preview, type Json } from './request-body.ts';
import { plainText } from './rich-text.ts';

export type SortablePage = PageView & { seq: number };

export interface CompiledSort {
  keyOf(page: SortablePage): SortKey;
  compare(a: SortKey, b: SortKey): number;
}

type Extract = (page: SortablePage) => string | number | null;

/**
 * Without sorts, the workspace answers newest first (creation order, descending). Notion does not document a
 * default order; code that needs one must ask for it.
 */
export function compileSorts(raw: unknown, schema: PropertySchema[], path = 'body.sorts'): CompiledSort {
  const list = raw === undefined ? [] : raw;
  if (!Array.isArray(list)) throw bodyValidation(path, `should be an array, instead was \`${preview(list)}\``);
  const extracts: Extract[] = [];
  const directions: ('ascending' | 'descending')[] = [];
  list.forEach((sort, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(sort)) throw bodyValidation(at, `should be an object, instead was \`${preview(sort)}\``);
    const direction = sort['direction'];
    if (direction !== 'ascending' && direction !== 'descending') {
      throw bodyValidation(`${at}.direction`, `should be \`ascending\` or \`descending\`, instead was \`${preview(direction)}\``);
    }
    directions.push(direction);
    if (typeof sort['timestamp'] === 'string') {
      const stamp = sort['timestamp'];
      if (stamp !== 'created_time' && stamp !== 'last_edited_time') {
        throw bodyValidation(`${at}.timestamp`, `should be \`created_time\` or \`last_edited_time\`, instead was \`${preview(stamp)}\``);
      }
      extracts.push((page) => instant(page[stamp]));
      return;
    }
    if (typeof sort['property'] !== 'string') throw bodyValidation(`${at}.property`, 'should be defined, instead was `undefined`');
    const property = findProperty(schema, sort['property']);
    if (!property) throw validationError(`Could not find sort property with name or id: ${sort['property']}`);
    extracts.push(extractFor(property));
  });
  extracts.push((page) => page.seq);
  directions.push(list.length === 0 ? 'descending' : 'ascending');
  return { keyOf: (page) => extracts.map((e) => e(page)), compare: compareKeys(directions) };
}

function extractFor(property: PropertySchema): Extract {
  const type = property.type;
  const value = (page: SortablePage): unknown => (page.values[property.id] as Json | undefined)?.[type];
  switch (type) {
    case 'title':
    case 'rich_text':
      return (page) => {
        const v = value(page);
        const text = Array.isArray(v) ? plainText(v) : '';
        return text === '' ? null : text;
      };
    case 'url':
    case 'email':
    case 'phone_number':
      return (page) => {
        const v = value(page);
        return typeof v === 'string' && v !== '' ? v : null;
      };
    case 'number':
      return (page) => {
        const v = value(page);
        return typeof v === 'number' ? v : null;
      };
    case 'unique_id':
      return (page) => {
        const v = value(page);
        return isObject(v) && typeof v['number'] === 'number' ? v['number'] : null;
      };
    case 'checkbox':
      return (page) => (value(page) === true ? 1 : 0);
    case 'select':
    case 'status': {
      const options = property.config['options'] as SelectOption[];
      return (page) => {
        const v = value(page);
        const index = isObject(v) ? options.findIndex((o) => o.id === v['id']) : -1;
        return index === -1 ? null : index;
      };
    }
    case 'date':
      return (page) => {
        const v = value(page);
        return isObject(v) && typeof v['start'] === 'string' ? instant(v['start']) : null;
      };
    case 'created_time':
      return (page) => instant(page.created_time);
    case 'last_edited_time':
      return (page) => instant(page.last_edited_time);
    default:
      return (page) => {
        const v = value(page);
        return Array.isArray(v) && v.length > 0 ? v.length : null;
      };
  }
}

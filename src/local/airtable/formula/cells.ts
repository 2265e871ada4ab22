/**
 * How a stored cell (json cellFormat, https://airtable.com/developers/web/api/field-model) reads inside a
 * formula: text as text, numbers as numbers, a checkbox as TRUE()/FALSE(), a single select as its name,
 * multiple selects / links / lookups as lists, dates as dates, an empty cell as BLANK().
 */
import { errorValue, FormulaDate, FormulaList, parseIsoDate, type Value } from './values.ts';

export type LinkNames = (fieldId: string, recordIds: string[]) => string[];

export type CellReader = (raw: unknown) => Value;

const DATE_TYPES = new Set(['date']);
const DATE_TIME_TYPES = new Set(['dateTime', 'createdTime', 'lastModifiedTime']);
const NUMBER_TYPES = new Set(['number', 'currency', 'percent', 'duration', 'rating', 'autoNumber', 'count']);
const PERSON_TYPES = new Set(['singleCollaborator', 'createdBy', 'lastModifiedBy']);

/** Picks the reader for one field once, at compile time. */
export function cellReader(field: { id: string; type: string }, linkNames: LinkNames | undefined): CellReader {
  const { type } = field;
  if (type === 'checkbox') return (raw) => raw === true;
  if (NUMBER_TYPES.has(type)) return (raw) => (typeof raw === 'number' ? raw : generic(raw));
  if (DATE_TYPES.has(type) || DATE_TIME_TYPES.has(type)) {
    const dateOnly = DATE_TYPES.has(type);
    return (raw) => {
      if (typeof raw !== 'string') return generic(raw);
      const d = parseIsoDate(raw);
      if (!d) return raw;
      return dateOnly ? new FormulaDate(d.ms, true) : new FormulaDate(d.ms, false);
    };
  }
  if (type === 'multipleRecordLinks') {
    return (raw) => {
      const ids = stringArray(raw);
      if (ids.length === 0) return null;
      return new FormulaList(linkNames ? linkNames(field.id, ids) : ids);
    };
  }
  if (type === 'multipleAttachments') {
    // Airtable shows an attachment in a formula as "filename (url)".
    return (raw) => list(raw, (a) => (isObject(a) ? `${String(a['filename'] ?? '')} (${String(a['url'] ?? '')})` : generic(a)));
  }
  if (type === 'multipleCollaborators') return (raw) => list(raw, person);
  if (PERSON_TYPES.has(type)) return person;
  return generic;
}

function stringArray(raw: unknown): string[] {
  if (!Array.isArray(raw)) return typeof raw === 'string' && raw !== '' ? [raw] : [];
  return raw.map((x) => (isObject(x) && typeof x['id'] === 'string' ? x['id'] : String(x)));
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function person(raw: unknown): Value {
  if (!isObject(raw)) return generic(raw);
  const label = raw['name'] ?? raw['email'] ?? raw['id'];
  return typeof label === 'string' ? label : null;
}

function list(raw: unknown, item: (x: unknown) => Value): Value {
  if (!Array.isArray(raw)) return raw === undefined || raw === null ? null : item(raw);
  if (raw.length === 0) return null;
  return new FormulaList(raw.map(item));
}

/**
 * Any other type (text, single select, url, email, formula, rollup, lookup, …) by the JSON shape of the
 * cell: objects with a display label (barcode, button, AI text, select objects) read as that label.
 */
function generic(raw: unknown): Value {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw;
  if (Array.isArray(raw)) return raw.length === 0 ? null : new FormulaList(raw.flat(Infinity).map(generic));
  if (isObject(raw)) {
    for (const key of ['name', 'text', 'label', 'value', 'filename', 'email']) {
      const v = raw[key];
      if (typeof v === 'string' || typeof v === 'number') return v;
    }
    if (raw['specialValue'] === 'NaN') return Number.NaN;
    if (raw['specialValue'] === 'Infinity') return Number.POSITIVE_INFINITY;
    if (typeof raw['error'] === 'string') return errorValue(`the cell holds ${raw['error']}`, raw['error']);
  }
  return null;
}

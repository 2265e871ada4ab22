/**
 * The value model of the formula engine and Airtable's coercion rules between its types.
 * https://support.airtable.com/docs/formula-field-reference
 *
 * A value is a string, a number, a boolean, `null` (BLANK()), a FormulaDate, a FormulaList or a
 * FormulaErrorValue. Errors propagate through operators and functions like `#ERROR!` does in Airtable.
 */

/** A date or date-time, kept as UTC milliseconds. `dateOnly` values render as `YYYY-MM-DD`. */
export class FormulaDate {
  constructor(
    readonly ms: number,
    readonly dateOnly: boolean,
  ) {}
  toString(): string {
    const iso = new Date(this.ms).toISOString();
    return this.dateOnly ? iso.slice(0, 10) : iso;
  }
}

/** Multiple selects, links, lookups, attachments: an array that reads as "a, b" in text context. */
export class FormulaList {
  constructor(readonly items: readonly Value[]) {}
}

/** An `#ERROR!` result (bad date, division by zero, …). It is falsy and propagates. */
export class FormulaErrorValue {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

export type Value = string | number | boolean | null | FormulaDate | FormulaList | FormulaErrorValue;

export const BLANK = null;

export function errorValue(reason: string, code = '#ERROR!'): FormulaErrorValue {
  return new FormulaErrorValue(code, reason);
}

/** Airtable's filter rule: kept unless 0, false, "", NaN, an empty array, BLANK or an error. */
export function truthy(v: Value): boolean {
  if (v === null || v === false || v === '' || v === 0) return false;
  if (typeof v === 'number') return !Number.isNaN(v);
  if (v instanceof FormulaList) return v.items.length > 0;
  if (v instanceof FormulaErrorValue) return false;
  return true;
}

/** Text context (`&`, CONCATENATE, LOWER, …). Lists join with ", " as Airtable displays them. */
export function toText(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof FormulaList) return v.items.map(toText).join(', ');
  return v.toString();
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return String(n);
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number written in a string (" 42 ", "-1.5e3"), or undefined. */
export function numericText(s: string): number | undefined {
  const t = s.trim();
  return NUMERIC.test(t) ? Number(t) : undefined;
}

/** Numeric context (`+ - * /`): BLANK is 0, booleans are 1/0, numeric strings convert, anything else is an error. */
export function toNumber(v: Value): number | FormulaErrorValue {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof FormulaErrorValue) return v;
  if (v instanceof FormulaList) {
    if (v.items.length === 1) return toNumber(v.items[0] ?? null);
    return errorValue('a list is not a number');
  }
  if (v instanceof FormulaDate) return errorValue('a date is not a number');
  const n = numericText(v);
  return n === undefined ? errorValue(`"${v}" is not a number`) : n;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses ISO 8601 text (`2024-03-01`, `2024-03-01T10:00`, `…:00.000Z`, `…+08:00`). Times without an offset
 * are UTC, as filterByFormula evaluates in GMT. Returns undefined when the text is not an ISO date.
 */
export function parseIsoDate(text: string): FormulaDate | undefined {
  const s = text.trim();
  let m = ISO_DATE.exec(s);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return validDate(ms, m, true);
  }
  m = ISO_DATE_TIME.exec(s);
  if (!m) return undefined;
  const frac = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), frac);
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  return validDate(ms, m, false);
}

/** Rejects rollovers such as 2024-02-30 that Date.UTC would silently accept. */
function validDate(ms: number, m: RegExpExecArray, dateOnly: boolean): FormulaDate | undefined {
  if (Number.isNaN(ms)) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (new Date(Date.UTC(Number(m[1]), month - 1, day)).getUTCDate() !== day) return undefined;
  return new FormulaDate(ms, dateOnly);
}

// Comparisons with a literal parse the same text for every record; remember the last few hundred.
const dateCache = new Map<string, FormulaDate | undefined>();
export function parseIsoDateCached(text: string): FormulaDate | undefined {
  if (dateCache.has(text)) return dateCache.get(text);
  const d = parseIsoDate(text);
  if (dateCache.size > 500) dateCache.clear();
  dateCache.set(text, d);
  return d;
}

/** Date context: dates pass through, ISO text parses, anything else is an error. */
export function toDate(v: Value): FormulaDate | FormulaErrorValue {
  if (v instanceof FormulaDate) return v;
  if (v instanceof FormulaErrorValue) return v;
  if (v instanceof FormulaList && v.items.length === 1) return toDate(v.items[0] ?? null);
  if (typeof v === 'string') return parseIsoDateCached(v) ?? errorValue(`"${v}" is not an ISO date`);
  return errorValue(v === null ? 'the date is empty' : `${toText(v)} is not a date`);
}

/**
 * `=`, `!=`, `<`, `>`, `<=`, `>=` with Airtable's loose typing
 * (https://support.airtable.com/docs/using-logical-operators-to-compare-field-values):
 * BLANK equals "", 0 and FALSE(); TRUE() is 1; lists compare as their ", "-joined text; dates compare with
 * dates and with ISO text by instant; a number compares with text only when the text is a number.
 */
import {
  FormulaDate,
  FormulaErrorValue,
  FormulaList,
  numericText,
  parseIsoDateCached,
  toText,
  type Value,
} from './values.ts';

type Scalar = string | number | null | FormulaDate;

function scalar(v: Exclude<Value, FormulaErrorValue>): Scalar {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof FormulaList) return v.items.length === 0 ? null : toText(v);
  return v;
}

function isBlankLike(v: Scalar): boolean {
  return v === null || v === '' || v === 0;
}

/** Equality; errors propagate. */
export function equals(a: Value, b: Value): boolean | FormulaErrorValue {
  if (a instanceof FormulaErrorValue) return a;
  if (b instanceof FormulaErrorValue) return b;
  const x = scalar(a);
  const y = scalar(b);
  if (x === null) return isBlankLike(y);
  if (y === null) return isBlankLike(x);
  if (x instanceof FormulaDate || y instanceof FormulaDate) {
    const order = compareDates(x, y);
    return order === undefined ? false : order === 0;
  }
  if (typeof x === typeof y) return x === y;
  const n = typeof x === 'number' ? x : numericText(x);
  const m = typeof y === 'number' ? y : numericText(y);
  return n !== undefined && m !== undefined && n === m;
}

/**
 * Order of two values as a sign (-1, 0, 1), `undefined` when they cannot be ordered (every ordering
 * comparison is then false, like JavaScript's NaN), or the error that one side carries.
 */
export function order(a: Value, b: Value): number | undefined | FormulaErrorValue {
  if (a instanceof FormulaErrorValue) return a;
  if (b instanceof FormulaErrorValue) return b;
  let x = scalar(a);
  let y = scalar(b);
  if (x === null && y === null) return 0;
  if (x instanceof FormulaDate || y instanceof FormulaDate) return compareDates(x, y);
  if (x === null) x = typeof y === 'number' ? 0 : '';
  if (y === null) y = typeof x === 'number' ? 0 : '';
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  const n = typeof x === 'number' ? x : numericText(x);
  const m = typeof y === 'number' ? y : numericText(y);
  if (n === undefined || m === undefined || Number.isNaN(n) || Number.isNaN(m)) return undefined;
  return Math.sign(n - m);
}

/** A date against a date or ISO text, by instant; a blank or non-date side cannot be ordered. */
function compareDates(x: Scalar, y: Scalar): number | undefined {
  const p = asInstant(x);
  const q = asInstant(y);
  if (p === undefined || q === undefined) return undefined;
  return Math.sign(p - q);
}

function asInstant(v: Scalar): number | undefined {
  if (v instanceof FormulaDate) return v.ms;
  if (typeof v === 'string') return parseIsoDateCached(v)?.ms;
  return undefined;
}

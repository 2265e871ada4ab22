/**
 * `=`, `!=`, `<`, `>`, `<=`, `>=` with Airtable's loose typing
 * (https://support.airtable.com/docs/using-logical-operators-to-compare-field-values):
 * BLANK equals "", 0 and FALSE(); TRUE() is 1; lists compare as their ", "-joined text; dates compare with
 * dates and with ISO text by instant (other text against a date is an error rather than a guess); a number
 * compares with text only when the text is a number, or empty (JavaScript's loose `==`, which Airtable follows).
 */
import {
  errorValue,
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
  if (typeof a === typeof b && (typeof a === 'string' || typeof a === 'number')) return a === b;
  if (a instanceof FormulaErrorValue) return a;
  if (b instanceof FormulaErrorValue) return b;
  const x = scalar(a);
  const y = scalar(b);
  if (x === null) return isBlankLike(y);
  if (y === null) return isBlankLike(x);
  if (x instanceof FormulaDate || y instanceof FormulaDate) {
    const sign = compareDates(x, y);
    return sign instanceof FormulaErrorValue ? sign : sign === 0;
  }
  if (typeof x === typeof y) return x === y;
  const n = looseNumber(x);
  const m = looseNumber(y);
  return n !== undefined && m !== undefined && n === m;
}

function looseNumber(v: string | number): number | undefined {
  if (typeof v === 'number') return v;
  return v.trim() === '' ? 0 : numericText(v);
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
  // An empty date cell only meets ISO text here; like a blank date against a date, it has no order.
  if ((x === null && isIsoText(y)) || (y === null && isIsoText(x))) return undefined;
  if (x === null) x = typeof y === 'number' ? 0 : '';
  if (y === null) y = typeof x === 'number' ? 0 : '';
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  const n = looseNumber(x);
  const m = looseNumber(y);
  if (n === undefined || m === undefined || Number.isNaN(n) || Number.isNaN(m)) return undefined;
  return Math.sign(n - m);
}

/**
 * A date against a date or ISO text, by instant. A blank, empty or numeric side cannot be ordered; text that
 * is not ISO is an error, since Airtable's lenient date parsing ("6/15/2024") is not reproduced here.
 */
function compareDates(x: Scalar, y: Scalar): number | undefined | FormulaErrorValue {
  const p = asInstant(x);
  if (p instanceof FormulaErrorValue) return p;
  const q = asInstant(y);
  if (q instanceof FormulaErrorValue) return q;
  if (p === undefined || q === undefined) return undefined;
  return Math.sign(p - q);
}

function isIsoText(v: Scalar): boolean {
  return typeof v === 'string' && parseIsoDateCached(v) !== undefined;
}

function asInstant(v: Scalar): number | undefined | FormulaErrorValue {
  if (v instanceof FormulaDate) return v.ms;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  return parseIsoDateCached(v)?.ms ?? errorValue(`"${v}" is not an ISO date`);
}

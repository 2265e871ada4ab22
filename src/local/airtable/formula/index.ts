/**
 * filterByFormula for the local Airtable API (https://airtable.com/developers/web/api/list-records#query-filterbyformula).
 * Compile once per request, evaluate per record, keep the records whose result `isTruthy`.
 * The supported subset and its deviations from Airtable are in ./README.md.
 */
import type { LinkNames } from './cells.ts';
import { compileNode } from './compile.ts';
import { FormulaError } from './errors.ts';
import type { EvalContext } from './functions.ts';
import { parse } from './parser.ts';
import { FormulaDate, FormulaErrorValue, FormulaList, truthy, type Value } from './values.ts';

export { FormulaError } from './errors.ts';
export { FormulaErrorValue } from './values.ts';

/** Airtable field type, e.g. 'singleLineText', 'number', 'checkbox', 'date', 'multipleRecordLinks'. */
export interface FormulaField {
  id: string;
  name: string;
  type: string;
}

/** Cells keyed by field ID, values as the API returns them in json cellFormat. */
export interface FormulaRecord {
  id: string;
  createdTime: string;
  cells: Record<string, unknown>;
}

export interface CompileOptions {
  /**
   * Primary-field values of linked records, in order. Airtable shows a link cell inside a formula as the
   * linked records' primary values; without this resolver a link reads as its record IDs.
   */
  linkNames?: LinkNames;
  /** Clock for TODAY()/NOW(); defaults to the system clock. */
  now?: () => Date;
}

export interface CompiledFormula {
  /**
   * The formula's value for one record: string, number, boolean, null (BLANK), an array (lists), an ISO
   * string (dates: `YYYY-MM-DD` for date-only values) or a FormulaErrorValue (`#ERROR!`).
   */
  evaluate(record: FormulaRecord): unknown;
  /** `isTruthy(evaluate(record))`, without converting the result. */
  matches(record: FormulaRecord): boolean;
}

/** Throws FormulaError on a syntax error, an unknown field, an unsupported function or a wrong arity. */
export function compileFormula(source: string, fields: FormulaField[], options: CompileOptions = {}): CompiledFormula {
  if (source.trim() === '') throw new FormulaError('Invalid formula: the formula is empty');
  let run: ReturnType<typeof compileNode>;
  try {
    run = compileNode(parse(source), { fields, linkNames: options.linkNames });
  } catch (e) {
    // The parser recurses per nesting level; thousands of parentheses must still be a clean 422.
    if (e instanceof RangeError) throw new FormulaError('Invalid formula: the formula is nested too deeply');
    throw e;
  }
  const clock = options.now;
  const now = clock ? () => clock().getTime() : Date.now;
  const context = (r: FormulaRecord): EvalContext => ({ id: r.id, createdTime: r.createdTime, cells: r.cells, now });
  return {
    evaluate: (record) => toPublic(run(context(record))),
    matches: (record) => truthy(run(context(record))),
  };
}

/** Airtable's filter rule: a record is kept unless the result is 0, false, "", NaN, [], BLANK or an error. */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof FormulaErrorValue) return false;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return truthy(value);
  return truthy(value as Value);
}

function toPublic(v: Value): unknown {
  if (v instanceof FormulaDate) return v.toString();
  if (v instanceof FormulaList) return v.items.map(toPublic);
  return v;
}

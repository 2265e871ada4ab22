/**
 * Values placed in a filterByFormula are always escaped, never pasted raw: a PO number such as `PO-7'x\` or
 * `{PO}` must not change the formula's meaning.
 * https://support.airtable.com/docs/formula-field-reference (string literals; backslash escapes)
 */

/** A string literal: backslash escaped first, then the quote (pyairtable's `quoted()`). */
export function quoteFormulaString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A field reference. Airtable cannot escape `}` inside `{…}`, so such names are refused rather than mangled. */
export function fieldReference(name: string): string {
  if (name.includes('}')) throw new Error(`Field name ${JSON.stringify(name)} cannot be used in a formula (it contains "}")`);
  return `{${name}}`;
}

export function formulaLiteral(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot use ${value} in a formula`);
    return String(value);
  }
  return quoteFormulaString(value);
}

/** `OR({F} = 'a', {F} = 'b')` for one field, `AND(...)` across fields; undefined when there is no condition. */
export function equalsFormula(conditions: { field: string; equals: string | number }[]): string | undefined {
  if (conditions.length === 0) return undefined;
  const terms = conditions.map((c) => `${fieldReference(c.field)} = ${formulaLiteral(c.equals)}`);
  return terms.length === 1 ? terms[0] : `OR(${terms.join(', ')})`;
}

/** `OR(RECORD_ID() = 'rec…', …)`: the records a webhook named, read back in one request per page. */
export function recordIdsFormula(ids: readonly string[]): string {
  const terms = ids.map((id) => `RECORD_ID() = ${quoteFormulaString(id)}`);
  return terms.length === 1 ? (terms[0] ?? '') : `OR(${terms.join(', ')})`;
}

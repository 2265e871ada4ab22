import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError, type FormulaField } from '../../../../src/local/airtable/formula/index.ts';

const fields: FormulaField[] = [
  { id: 'fldName000000001', name: 'Name', type: 'singleLineText' },
  { id: 'fldDue0000000001', name: 'Due', type: 'date' },
];

function compileError(source: string): FormulaError {
  try {
    compileFormula(source, fields);
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return e as FormulaError;
  }
  throw new Error(`expected ${source} to be rejected`);
}

describe('formulas the engine refuses (422 INVALID_FILTER_BY_FORMULA)', () => {
  it.each([
    [`{PO number} = 'x'`, 'Unknown field names: PO number'],
    [`AND({Name} = 'a', {Status} = 'b', {Owner} = 'c', {Status} = 'd')`, 'Unknown field names: Status, Owner'],
    [`{name} = 'a'`, 'Unknown field names: name'],
    [`Stauts = 'x'`, 'Unknown field names: Stauts'],
    [`{fldNope000000001} = 'x'`, 'Unknown field names: fldNope000000001'],
  ])('%s names the unknown field', (source, message) => {
    expect(compileError(source).message).toBe(message);
  });

  it.each([
    [`SUM({Name}, 1)`, 'SUM'],
    [`LAST_MODIFIED_TIME() > '2024-01-01'`, 'LAST_MODIFIED_TIME'],
    [`IF(TRUE(), DATETIME_DIFF({Due}, TODAY(), 'days'), 0)`, 'DATETIME_DIFF'],
    [`FROBNICATE({Name})`, 'FROBNICATE'],
    [`regex_extract({Name}, 'a')`, 'REGEX_EXTRACT'],
  ])('%s names the unsupported function', (source, name) => {
    const e = compileError(source);
    expect(e.message).toContain(`${name}()`);
    expect(e.position).toBeGreaterThan(0);
  });

  it.each([
    [`NOT()`, 'NOT() takes 1 argument, got 0'],
    [`NOT(1, 2)`, 'NOT() takes 1 argument, got 2'],
    [`IF({Name})`, 'IF() takes 2 to 3 arguments, got 1'],
    [`AND()`, 'AND() takes at least 1 argument'],
    [`RECORD_ID(1)`, 'RECORD_ID() takes 0 arguments, got 1'],
    [`IS_SAME({Due}, TODAY(), 'day', 1)`, 'IS_SAME() takes 2 to 3 arguments, got 4'],
  ])('%s has the wrong arity', (source, message) => {
    expect(compileError(source).message).toContain(message);
  });

  it.each([
    [`{Name} = 'abc`, 'unterminated string', 10],
    [`{Name = 'abc'`, 'unclosed field reference', 1],
    [`AND({Name} = 'a', )`, 'unexpected ")"', 19],
    [`{Name} = = 'a'`, 'unexpected "="', 10],
    [`({Name} = 'a'`, 'missing ")"', 14],
    [`{Name} = 'a')`, 'unexpected ")"', 13],
    [`{Name} == 'a'`, 'unexpected "="', 9],
    [`{Name} <> 'a'`, 'unexpected ">"', 9],
    [`{Name} = 'a' #`, 'unexpected character "#"', 14],
    [`OR(RECORD_ID()='a' RECORD_ID()='b')`, 'unexpected "RECORD_ID"', 20],
    [`   `, 'the formula is empty', undefined],
  ])('%s is a syntax error at the right position', (source, what, position) => {
    const e = compileError(source);
    expect(e.message).toContain(what);
    expect(e.position).toBe(position);
    if (position !== undefined) expect(e.message).toMatch(new RegExp(`at position ${position}$`));
  });

  it.each([
    [`DATETIME_FORMAT({Due}, 'gggg-ww')`, 'format token "g"'],
    [`IS_SAME({Due}, TODAY(), 'fortnight')`, 'unknown unit "fortnight"'],
    [`DATEADD({Due}, 1, 'parsecs')`, 'unknown unit "parsecs"'],
    [`REGEX_MATCH({Name}, '([a-z')`, 'invalid regular expression'],
    [`DATETIME_PARSE({Name}, {Name})`, 'input format must be a text literal'],
    [`DATETIME_PARSE({Name}, 'DD MMMM YYYY', 'fr')`, 'only the "en" locale'],
  ])('%s rejects a literal argument it cannot honour', (source, what) => {
    expect(compileError(source).message).toContain(what);
  });

  it('turns absurd nesting into a FormulaError instead of a stack overflow', () => {
    const deep = '('.repeat(20_000) + '1' + ')'.repeat(20_000);
    expect(compileError(deep).message).toContain('nested too deeply');
  });
});

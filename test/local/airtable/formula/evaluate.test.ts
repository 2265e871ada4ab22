import { describe, expect, it } from 'vitest';
import { compileFormula, isTruthy, type FormulaField, type FormulaRecord } from '../../../../src/local/airtable/formula/index.ts';

const fields: FormulaField[] = [
  { id: 'fldPoNumber00001', name: 'PO number', type: 'singleLineText' },
  { id: 'fldQty0000000001', name: 'Qty', type: 'number' },
  { id: 'fldPaid000000001', name: 'Paid', type: 'checkbox' },
  { id: 'fldStatus0000001', name: 'Status', type: 'singleSelect' },
  { id: 'fldTags000000001', name: 'Tags', type: 'multipleSelects' },
  { id: 'fldSupplier00001', name: 'Supplier', type: 'multipleRecordLinks' },
  { id: 'fldDue0000000001', name: 'Due', type: 'date' },
  { id: 'fldShipped000001', name: 'Shipped at', type: 'dateTime' },
  { id: 'fldNotes00000001', name: 'Notes', type: 'multilineText' },
  { id: 'fldSync000000001', name: 'Sync key', type: 'singleLineText' },
  { id: 'fldWeight0000001', name: 'Weight {kg}', type: 'number' },
  { id: 'fldLookup0000001', name: 'Supplier country', type: 'multipleLookupValues' },
  { id: 'fldOwner00000001', name: 'Owner', type: 'singleCollaborator' },
];

const full: FormulaRecord = {
  id: 'recFull000000001',
  createdTime: '2024-05-02T08:30:00.000Z',
  cells: {
    fldPoNumber00001: `PO-1's "big" {order}\\x`,
    fldQty0000000001: 12,
    fldPaid000000001: true,
    fldStatus0000001: 'In production',
    fldTags000000001: ['urgent', 'sample'],
    fldSupplier00001: ['recSupA000000001', 'recSupB000000001'],
    fldDue0000000001: '2024-06-15',
    fldShipped000001: '2024-06-20T10:15:00.000Z',
    fldNotes00000001: '  Ask about Carton size  ',
    fldSync000000001: 'abc',
    fldWeight0000001: 2.5,
    fldLookup0000001: ['CN', 'VN'],
    fldOwner00000001: { id: 'usrAbc', email: 'li@example.com', name: 'Li Wei' },
  },
};

/** json cellFormat omits empty cells entirely, unchecked checkboxes included. */
const empty: FormulaRecord = { id: 'recEmpty00000001', createdTime: '2024-05-03T00:00:00.000Z', cells: {} };

const zero: FormulaRecord = { id: 'recZero000000001', createdTime: '2024-05-03T00:00:00.000Z', cells: { fldQty0000000001: 0 } };

const run = (source: string, record: FormulaRecord = full): unknown => compileFormula(source, fields).evaluate(record);

describe('filterByFormula evaluation', () => {
  const cases: [string, FormulaRecord, unknown][] = [
    // literals and escaping (pyairtable quoted(): backslash first, then the quote)
    [`{PO number} = 'PO-1\\'s "big" {order}\\\\x'`, full, true],
    [`{PO number} = "PO-1's \\"big\\" {order}\\\\x"`, full, true],
    [`{PO number} = 'PO-1\\'s "big" {order}\\x'`, full, false],
    [`'a\\\\b' & "c"`, full, 'a\\bc'],
    [`{Sync key}='abc'`, full, true],
    [`{fldSync000000001}='abc'`, full, true],
    [`{fldSync000000001}='ABC'`, full, false],
    [`{Weight {kg\\}} > 2`, full, true],
    [`Qty > 10`, full, true],
    [`and(Qty > 10, or(FALSE(), true()))`, full, true],
    [`{Supplier country} = 'CN, VN'`, full, true],
    [`FIND('VN', ARRAYJOIN({Supplier country}, ';'))`, full, 4],
    [`{Owner} = 'Li Wei'`, full, true],
    // numbers, checkbox, blank
    [`{Qty} > 10`, full, true],
    [`{Qty} = 12`, full, true],
    [`{Qty} = '12'`, full, true],
    [`{Qty} = 'twelve'`, full, false],
    [`{Qty} * 2 + 1`, full, 25],
    [`1 + 2 * 3 - 4 / 2`, full, 5],
    [`(1 + 2) * 3`, full, 9],
    [`-{Qty} + 2`, full, -10],
    [`{Qty} & ' pcs'`, full, '12 pcs'],
    [`1 & 2 = '12'`, full, true],
    [`{Paid}`, full, true],
    [`{Paid}`, empty, false],
    [`{Paid} = 1`, full, true],
    [`{Paid} = TRUE()`, full, true],
    [`{Paid} = FALSE()`, empty, true],
    [`NOT({Paid})`, empty, true],
    [`{Qty} = BLANK()`, empty, true],
    [`{Qty} = BLANK()`, zero, true],
    [`{Qty} = 0`, empty, true],
    [`{PO number} = ''`, empty, true],
    [`{PO number} = BLANK()`, empty, true],
    [`{PO number} = BLANK()`, full, false],
    [`{PO number} != ''`, full, true],
    [`{PO number}`, empty, null],
    [`BLANK() = ''`, full, true],
    [`{Due} = BLANK()`, empty, true],
    [`{Tags} = BLANK()`, empty, true],
    // selects and links
    [`{Status} = 'In production'`, full, true],
    [`{Tags} & ''`, full, 'urgent, sample'],
    [`{Tags} = 'urgent, sample'`, full, true],
    [`FIND('sample', {Tags}) > 0`, full, true],
    [`ARRAYJOIN({Tags}, '|')`, full, 'urgent|sample'],
    [`ARRAYJOIN({Supplier})`, full, 'recSupA000000001, recSupB000000001'],
    [`FIND('recSupB000000001', ARRAYJOIN({Supplier}))`, full, 19],
    [`{Supplier}`, full, ['recSupA000000001', 'recSupB000000001']],
    // text functions
    [`FIND('big', {PO number})`, full, 9],
    [`FIND('BIG', {PO number})`, full, 0],
    [`FIND('x', {PO number})`, empty, 0],
    [`SEARCH('zzz', {PO number})`, full, null],
    [`SEARCH('big', {PO number})`, full, 9],
    [`LOWER({Status})`, full, 'in production'],
    [`UPPER('abc')`, full, 'ABC'],
    [`TRIM({Notes})`, full, 'Ask about Carton size'],
    [`LEN({Sync key})`, full, 3],
    [`LEN({Sync key})`, empty, 0],
    [`CONCATENATE({Sync key}, '-', {Qty})`, full, 'abc-12'],
    [`VALUE('1,250.5')`, full, 1250.5],
    [`VALUE('12') = {Qty}`, full, true],
    [`REGEX_MATCH({PO number}, '^PO-\\\\d')`, full, true],
    [`REGEX_MATCH({Status}, '(?i)^in PRODUCTION$')`, full, true],
    [`REGEX_MATCH({Status}, '^in PRODUCTION$')`, full, false],
    // logic
    [`AND({Qty} > 10, {Paid}, {Status} = 'In production')`, full, true],
    [`AND({Qty} > 10, {Paid})`, empty, false],
    [`OR({Qty} > 100, {Sync key} = 'abc')`, full, true],
    [`IF({Paid}, 'yes', 'no')`, empty, 'no'],
    [`IF({Paid}, 'yes')`, empty, null],
    [`ISERROR(VALUE('abc'))`, full, true],
    [`ISERROR({Qty} + 1)`, full, false],
    [`RECORD_ID()`, full, 'recFull000000001'],
    [`RECORD_ID() = 'recEmpty00000001'`, empty, true],
    [`OR(RECORD_ID() = 'recA', RECORD_ID() = 'recFull000000001')`, full, true],
    [`OR({Sync key} = 'x', {Sync key} = 'abc')`, full, true],
    [`OR({Sync key} = 'x', {Sync key} = 'ABC')`, full, false],
    [`OR({Sync key} = 'x', {Sync key} = '')`, empty, true],
    [`OR({Qty} = '11', {Qty} = '12')`, full, true],
    [`OR({Due} = '2024-06-14', {Due} = '2024-06-15')`, full, true],
    [`OR({Tags} = 'urgent', {Tags} = 'urgent, sample')`, full, true],
    [`TRUE() + TRUE()`, full, 2],
    [`'' = 0`, full, true],
    [`'abc' > 'abd'`, full, false],
    [`'10' < '9'`, full, true],
    [`{Qty} < '9'`, full, false],
    [`{Sync key} + 1`, full, { code: '#ERROR!' }],
    [`IF(ISERROR({Sync key} + 1), 'not a number', 'number')`, full, 'not a number'],
    [`1 / 0 > 1000`, full, true],
    [`AND({Sync key} + 1, TRUE())`, full, { code: '#ERROR!' }],
    // dates
    [`{Due} = '2024-06-15'`, full, true],
    [`{Due} < '2024-07-01'`, full, true],
    [`{Due} > '2024-07-01'`, full, false],
    [`{Due} & ''`, full, '2024-06-15'],
    [`{Due} = '6/15/2024'`, full, { code: '#ERROR!' }],
    [`{Due} != ''`, full, true],
    [`{Due} < '2030-01-01'`, empty, false],
    [`{Due} >= '2000-01-01'`, empty, false],
    [`{Shipped at} = '2024-06-20T18:15:00+08:00'`, full, true],
    [`{Shipped at} & ''`, full, '2024-06-20T10:15:00.000Z'],
    [`IS_BEFORE({Due}, {Shipped at})`, full, true],
    [`IS_AFTER({Due}, '2024-06-14')`, full, true],
    [`IS_AFTER({Due}, '2024-06-15')`, full, false],
    [`IS_SAME({Shipped at}, '2024-06-20', 'day')`, full, true],
    [`IS_SAME({Shipped at}, '2024-06-20')`, full, false],
    [`IS_SAME({Due}, '2024-06-01', 'month')`, full, true],
    [`IS_SAME({Due}, '2024-07-01', 'month')`, full, false],
    [`IS_SAME({Due}, '2023-06-15', 'year')`, full, false],
    [`IS_SAME({Due}, '2024-12-31', 'years')`, full, true],
    [`IS_BEFORE({Due}, '2025-01-01')`, empty, { code: '#ERROR!' }],
    [`DATETIME_FORMAT({Shipped at}, 'YYYY-MM-DD')`, full, '2024-06-20'],
    [`DATETIME_FORMAT({Shipped at}, 'D MMM YYYY, HH:mm')`, full, '20 Jun 2024, 10:15'],
    [`DATETIME_FORMAT({Due})`, full, '2024-06-15T00:00:00.000Z'],
    [`DATETIME_FORMAT(DATETIME_PARSE('2024-02-29T23:00:00+08:00'), 'YYYY-MM-DD HH:mm')`, full, '2024-02-29 15:00'],
    [`DATETIME_PARSE('2024-02-30')`, full, { code: '#ERROR!' }],
    [`DATETIME_FORMAT(DATETIME_PARSE('15/06/2024', 'DD/MM/YYYY'), 'YYYY-MM-DD')`, full, '2024-06-15'],
    [`DATEADD({Due}, 3, 'days')`, full, '2024-06-18T00:00:00.000Z'],
    [`DATEADD({Due}, 2, 'weeks') = '2024-06-29'`, full, true],
    [`DATEADD('2024-01-31', 1, 'months')`, full, '2024-02-29T00:00:00.000Z'],
    [`CREATED_TIME() < '2024-05-02T09:00:00Z'`, full, true],
    [`IS_AFTER(CREATED_TIME(), DATEADD('2024-05-01', 1, 'day'))`, full, true],
  ];

  it.each(cases)('%s', (source, record, expected) => {
    const value = run(source, record);
    if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
      expect(value).toMatchObject(expected);
      expect(isTruthy(value)).toBe(false);
    } else {
      expect(value).toEqual(expected);
    }
  });
});

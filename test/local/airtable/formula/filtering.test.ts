import { describe, expect, it } from 'vitest';
import {
  compileFormula,
  FormulaErrorValue,
  isTruthy,
  type FormulaField,
  type FormulaRecord,
} from '../../../../src/local/airtable/formula/index.ts';

const fields: FormulaField[] = [
  { id: 'fldPo00000000001', name: 'PO number', type: 'singleLineText' },
  { id: 'fldQty0000000001', name: 'Qty', type: 'number' },
  { id: 'fldStatus0000001', name: 'Status', type: 'singleSelect' },
  { id: 'fldSupplier00001', name: 'Supplier', type: 'multipleRecordLinks' },
  { id: 'fldEta0000000001', name: 'ETA', type: 'date' },
];

const STATUSES = ['Draft', 'Confirmed', 'In production', 'Shipped'];

function records(n: number): FormulaRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `rec${String(i).padStart(14, '0')}`,
    createdTime: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    cells: {
      fldPo00000000001: `PO-${i}`,
      fldQty0000000001: i % 50,
      fldStatus0000001: STATUSES[i % STATUSES.length],
      ...(i % 3 === 0 ? {} : { fldSupplier00001: [`recSup${String(i % 7).padStart(11, '0')}`] }),
      fldEta0000000001: new Date(Date.UTC(2024, 0, 1 + (i % 365))).toISOString().slice(0, 10),
    },
  }));
}

describe('isTruthy (Airtable keeps a record unless the result is falsy)', () => {
  it.each([
    [0, false],
    [false, false],
    ['', false],
    [Number.NaN, false],
    [[], false],
    [null, false],
    [undefined, false],
    [new FormulaErrorValue('#ERROR!', 'x'), false],
    [1, true],
    [-1, true],
    ['0', true],
    [' ', true],
    [true, true],
    [['recA'], true],
    ['2024-01-01', true],
  ])('%j → %s', (value, kept) => {
    expect(isTruthy(value)).toBe(kept);
  });
});

describe('filtering many records', () => {
  const all = records(10_000);

  it('fetches 200 records by ID with OR(RECORD_ID()=…) exactly like the general path, and fast', () => {
    const wanted = all.filter((_, i) => i % 50 === 7).map((r) => r.id);
    expect(wanted).toHaveLength(200);
    const source = `OR(${wanted.map((id) => `RECORD_ID()='${id}'`).join(',')})`;
    // A constant-false term defeats the Set shortcut, so the same result is computed term by term.
    const slowSource = `OR(${wanted.map((id) => `'${id}'=RECORD_ID()`).join(',')}, 1=0)`;
    const fast = compileFormula(source, fields);
    const slow = compileFormula(slowSource, fields);
    const started = performance.now();
    const kept = all.filter((r) => fast.matches(r)).map((r) => r.id);
    const elapsed = performance.now() - started;
    expect(kept).toEqual(wanted);
    expect(all.filter((r) => slow.matches(r)).map((r) => r.id)).toEqual(wanted);
    expect(elapsed).toBeLessThan(250);
  });

  it('runs a typical sync filter over 10,000 records in well under a second', () => {
    const f = compileFormula(
      `AND({Status} != 'Draft', OR({Qty} >= 40, FIND('recSup00000000003', ARRAYJOIN({Supplier})) > 0), IS_BEFORE({ETA}, '2024-07-01'), {PO number} != BLANK())`,
      fields,
    );
    const started = performance.now();
    const kept = all.filter((r) => isTruthy(f.evaluate(r)));
    const elapsed = performance.now() - started;
    const expected = all.filter((r) => {
      const c = r.cells;
      const supplier = (c['fldSupplier00001'] as string[] | undefined)?.[0];
      return (
        c['fldStatus0000001'] !== 'Draft' &&
        ((c['fldQty0000000001'] as number) >= 40 || supplier === 'recSup00000000003') &&
        (c['fldEta0000000001'] as string) < '2024-07-01'
      );
    });
    expect(kept.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(kept.length).toBeGreaterThan(100);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('options', () => {
  const rec: FormulaRecord = {
    id: 'recPo00000000001',
    createdTime: '2024-05-01T00:00:00.000Z',
    cells: { fldSupplier00001: ['recSupA000000001', 'recSupB000000001'], fldEta0000000001: '2024-06-15' },
  };

  it('shows links as the primary-field names the linkNames resolver returns, as Airtable does', () => {
    const seen: [string, string[]][] = [];
    const linkNames = (fieldId: string, ids: string[]): string[] => {
      seen.push([fieldId, ids]);
      return ids.map((id) => (id === 'recSupA000000001' ? 'Ningbo Plastics' : 'Yiwu Crafts'));
    };
    const f = compileFormula(`FIND('Yiwu', ARRAYJOIN({Supplier}, '; '))`, fields, { linkNames });
    expect(f.evaluate(rec)).toBe(18);
    expect(compileFormula(`{Supplier} & ''`, fields, { linkNames }).evaluate(rec)).toBe('Ningbo Plastics, Yiwu Crafts');
    expect(seen[0]).toEqual(['fldSupplier00001', ['recSupA000000001', 'recSupB000000001']]);
  });

  it('without a resolver, a link reads as its record IDs', () => {
    expect(compileFormula(`{Supplier} & ''`, fields).evaluate(rec)).toBe('recSupA000000001, recSupB000000001');
  });

  it('TODAY() follows the injected clock, in UTC', () => {
    const at = (iso: string) => ({ now: () => new Date(iso) });
    const overdue = `IS_BEFORE({ETA}, TODAY())`;
    expect(compileFormula(overdue, fields, at('2024-06-15T23:59:00-05:00')).evaluate(rec)).toBe(true);
    expect(compileFormula(overdue, fields, at('2024-06-15T23:59:00Z')).evaluate(rec)).toBe(false);
    expect(compileFormula(`IS_SAME({ETA}, TODAY(), 'day')`, fields, at('2024-06-15T08:00:00+08:00')).evaluate(rec)).toBe(true);
    expect(compileFormula(`DATETIME_FORMAT(TODAY(), 'YYYY-MM-DD')`, fields, at('2024-02-29T12:00:00Z')).evaluate(rec)).toBe(
      '2024-02-29',
    );
    expect(compileFormula(`NOW() > DATEADD(TODAY(), 12, 'hours')`, fields, at('2024-02-29T13:00:00Z')).evaluate(rec)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { sanitizeName } from '../../../src/local/drive/disk.ts';
import { parseFields, project } from '../../../src/local/drive/fields.ts';
import { compileQuery, nameContains } from '../../../src/local/drive/query.ts';

describe('Drive name contains (prefix of the name or of a word)', () => {
  it.each([
    ['HelloWorld', 'Hello', true],
    ['HelloWorld', 'World', false],
    ['Hello World', 'world', true],
    ['PO-1001 invoice.pdf', '1001', true],
    ['PO-1001 invoice.pdf', 'invoice.pdf', true],
    ['PO-1001 invoice.pdf', 'voice', false],
    ['Packing list', 'packing list', true],
  ])('%s contains %s → %s', (name, value, expected) => {
    expect(nameContains(name, value)).toBe(expected);
  });
});

describe('Drive q compilation', () => {
  it('keeps escaped quotes and backslashes as literal characters', () => {
    expect(compileQuery(String.raw`name = 'a\'b\\c'`, 'root1').params).toEqual([String.raw`a'b\c`]);
  });

  it('binds root and reads a time without offset as UTC', () => {
    expect(compileQuery(`'root' in parents and modifiedTime >= '2024-01-02T03:04:05'`, 'root1').params).toEqual([
      'root1',
      Date.UTC(2024, 0, 2, 3, 4, 5),
    ]);
  });

  it.each([`name = 'a' and`, `(name = 'a'`, `name == 'a'`, `trashed = 'false'`, `starred > true`, String.raw`name = 'a\b'`, `parents in 'x'`])(
    'rejects %s',
    (q) => {
      expect(() => compileQuery(q, 'root1')).toThrow('Invalid Value');
    },
  );
});

describe('fields selector', () => {
  const file = { kind: 'drive#file', id: '1', name: 'n', owners: [{ emailAddress: 'e', me: true }], appProperties: { a: '1', b: '2' } };
  it.each([
    ['id,name', { id: '1', name: 'n' }],
    ['owners(emailAddress)', { owners: [{ emailAddress: 'e' }] }],
    ['owners/me,id', { owners: [{ me: true }], id: '1' }],
    ['appProperties(b)', { appProperties: { b: '2' } }],
    ['*', file],
    ['id,size', { id: '1' }],
  ])('%s', (fields, expected) => {
    expect(project(file, parseFields(fields))).toEqual(expected);
  });

  it('rejects an unbalanced selector', () => {
    expect(() => parseFields('files(id')).toThrow(/Invalid field selection/);
  });
});

describe('file-system names', () => {
  it.each([
    ['Q1/Q2 report?.pdf', 'Q1_Q2 report_.pdf'],
    ['..', '_'],
    ['CON', '_CON'],
    ['trailing dots...', 'trailing dots'],
    ['客户 报告.pdf', '客户 报告.pdf'],
  ])('%s → %s', (name, safe) => {
    expect(sanitizeName(name)).toBe(safe);
  });
});

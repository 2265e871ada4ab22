import { describe, expect, it } from 'vitest';
import { clients } from '../../../src/domain/models/client.ts';
import { lineItems } from '../../../src/domain/models/line-item.ts';
import { z } from 'zod';
import { MAX_TEXT_LENGTH, requiredNumber } from '../../../src/domain/models/cells.ts';
import { defineModel, parseRecords, RecordProblem, syncIssuesText } from '../../../src/domain/models/parse-records.ts';
import { people } from '../../../src/domain/models/person.ts';
import { purchaseOrders } from '../../../src/domain/models/purchase-order.ts';
import { shipmentLines } from '../../../src/domain/models/shipment-line.ts';
import { alerts } from '../../../src/domain/models/alert.ts';
import { updates } from '../../../src/domain/models/update.ts';
import { suppliers } from '../../../src/domain/models/supplier.ts';

const PROJECT = 'recPRJ00000000001';
const SUPPLIER = 'recSUP00000000001';
const CREATED = '2026-03-02T01:02:03.000Z';
const validPo = { 'PO number': 'PO-2405', Project: [PROJECT], Supplier: [SUPPLIER], Status: 'In production', 'Ship-by date': '2026-03-30' };
const record = (id: string, fields: Record<string, unknown>) => ({ id, createdTime: CREATED, fields });

describe('parseRecords on malformed Purchase Orders', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['an impossible date', { 'Ship-by date': '2027-02-31' }, ['"Ship-by date" is "2027-02-31", not a date']],
    ['a date in another format', { 'Ship-by date': '31/02/2027' }, ['"Ship-by date" is "31/02/2027", not a date']],
    ['a missing PO number', { 'PO number': undefined }, ['"PO number" is missing']],
    ['an empty PO number', { 'PO number': '' }, ['"PO number" is missing']],
    ['an unknown status', { Status: 'Sailing' }, ['"Status" is "Sailing", not one of RFQ, Quoted, Negotiating, PO placed, In production, Inspection, Ready to ship, Shipped, Delivered, Closed, Cancelled']],
    ['an Incoterm of 2000', { Incoterm: 'DDU' }, ['"Incoterm" is "DDU", not one of EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF']],
    ['a number as text', { MOQ: '3000' }, ['"MOQ" is "3000", not a number']],
    ['a fractional lead time', { 'Lead time days': 45.5 }, ['"Lead time days" is 45.5, not a whole number']],
    ['text where a checkbox belongs', { 'Contract signed': 'yes' }, ['"Contract signed" is "yes", not a checkbox value']],
    ['a number where text belongs', { 'Named place': 42 }, ['"Named place" is 42, not text']],
    ['two suppliers', { Supplier: ['recSUP00000000001', 'recSUP00000000002'] }, ['"Supplier" links 2 records, expected one']],
    ['a link that is not a record ID', { Project: ['prj-kettle'] }, ['"Project" contains "prj-kettle", not a record ID']],
    ['text over 100,000 characters', { 'Packaging instructions': 'x'.repeat(MAX_TEXT_LENGTH + 1) }, ['"Packaging instructions" is 100,001 characters long, over the 100,000-character limit']],
    ['several bad cells at once', { Status: 'Sailing', 'Ship-by date': '2026-13-01', 'PO number': undefined }, [
      '"PO number" is missing',
      '"Status" is "Sailing", not one of RFQ, Quoted, Negotiating, PO placed, In production, Inspection, Ready to ship, Shipped, Delivered, Closed, Cancelled',
      '"Ship-by date" is "2026-13-01", not a date',
    ]],
  ];

  it.each(cases)('reports %s precisely and parses the other rows', (_, change, messages) => {
    const bad = record('recBAD00000000001', { ...validPo, ...change });
    const good = [record('recGOOD0000000001', validPo), record('recGOOD0000000002', { ...validPo, 'PO number': 'PO-2406' })];
    const result = parseRecords(purchaseOrders, [good[0], bad, good[1]]);
    expect(result.records.map((r) => r.poNumber)).toEqual(['PO-2405', 'PO-2406']);
    expect(result.problems.map((p) => p.message)).toEqual(messages);
    expect(result.problems.every((p) => p.table === 'Purchase Orders' && p.recordId === 'recBAD00000000001')).toBe(true);
  });

  it('formats a problem as "<table> <primary value>: <message>", keeping the ID for links', () => {
    const result = parseRecords(purchaseOrders, [record('recX0000000000001', { ...validPo, 'Ship-by date': '31/02/2027' })]);
    const [problem] = result.problems;
    expect(problem).toBeInstanceOf(RecordProblem);
    expect(String(problem)).toBe(`Purchase Orders ${String(validPo['PO number'])}: "Ship-by date" is "31/02/2027", not a date`);
    expect(problem?.field).toBe('Ship-by date');
    expect(JSON.parse(JSON.stringify(problem))).toEqual({
      table: 'Purchase Orders',
      recordId: 'recX0000000000001',
      field: 'Ship-by date',
      message: '"Ship-by date" is "31/02/2027", not a date',
      label: validPo['PO number'],
    });
  });

  it('reports a value that is not a record at all, without throwing', () => {
    const result = parseRecords(purchaseOrders, [null, { id: 'recY0000000000001', fields: {} }, record('recGOOD0000000001', validPo)]);
    expect(result.records).toHaveLength(1);
    expect(result.problems.map(String)).toEqual([
      'Purchase Orders (no id): is not an Airtable record with id, createdTime and fields',
      'Purchase Orders recY0000000000001: is not an Airtable record with id, createdTime and fields',
    ]);
  });

  it('ignores fields the model does not know (inverse links, fields added by the agency)', () => {
    const result = parseRecords(purchaseOrders, [record('recGOOD0000000001', { ...validPo, 'Line Items': ['recL0000000000001'], 'My notes': 'x' })]);
    expect(result.problems).toEqual([]);
  });

  it('joins a record\'s problems into its Sync issues text', () => {
    const result = parseRecords(purchaseOrders, [record('recBAD00000000001', { ...validPo, Status: 'Sailing', MOQ: 'many' })]);
    expect(syncIssuesText(result.problems, 'recBAD00000000001')).toBe(
      '"Status" is "Sailing", not one of RFQ, Quoted, Negotiating, PO placed, In production, Inspection, Ready to ship, Shipped, Delivered, Closed, Cancelled\n"MOQ" is "many", not a number',
    );
    expect(syncIssuesText(result.problems, 'recOTHER000000001')).toBe('');
  });
});

describe('cell rules on other tables', () => {
  const cases: [string, Parameters<typeof parseRecords>[0], Record<string, unknown>, string][] = [
    ['an ambiguous zone abbreviation', people, { Name: 'Lin Mei', 'Time zone': 'CST' }, '"Time zone" is "CST", not an IANA time zone such as Asia/Shanghai'],
    ['a made-up zone', people, { Name: 'Lin Mei', 'Time zone': 'Asia/Beijing' }, '"Time zone" is "Asia/Beijing", not an IANA time zone such as Asia/Shanghai'],
    ['working hours in 12-hour form', people, { Name: 'Lin Mei', 'Working hours start': '9am' }, '"Working hours start" is "9am", not a time like 09:00'],
    ['an unknown weekday', people, { Name: 'Lin Mei', 'Working days': ['Mon', 'Funday'] }, '"Working days" contains "Funday", not one of Mon, Tue, Wed, Thu, Fri, Sat, Sun'],
    ['a bad address in a list', clients, { Name: 'Küchenwerk', 'Contact emails': 'j.becker@example.de\neinkauf at example.de' }, '"Contact emails" contains "einkauf at example.de", not an email address'],
    ['a short HS code', lineItems, { SKU: 'A', PO: ['recPO000000000001'], 'HS code': '8516' }, '"HS code" is "8516", not an HS code of 6, 8 or 10 digits'],
    ['a negative quantity', lineItems, { SKU: 'A', PO: ['recPO000000000001'], Quantity: -5 }, '"Quantity" is -5, not a number of at least 0'],
    ['a line item without PO', lineItems, { SKU: 'A' }, '"PO" is missing'],
    ['a shipment line without quantity', shipmentLines, { Line: 'L', Shipment: ['recS0000000000001'], 'Line item': ['recL0000000000001'] }, '"Quantity" is missing'],
    ['an instant without zone', alerts, { Key: 'k', Rule: 'r', Severity: 'Info', Status: 'Open', 'First seen': '2026-03-02T09:00:00' }, '"First seen" is "2026-03-02T09:00:00", not a date and time'],
    ['an impossible instant', alerts, { Key: 'k', Rule: 'r', Severity: 'Info', Status: 'Open', 'Last seen': '2026-02-30T09:00:00.000Z' }, '"Last seen" is "2026-02-30T09:00:00.000Z", not a date and time'],
    ['an update without date', updates, { Update: 'U', PO: ['recPO000000000001'] }, '"Date" is missing'],
    ['a certification the agency never listed', suppliers, { Name: 'S', Status: 'Approved', Certifications: ['ISO 9001', 'ISO 9002'] }, '"Certifications" contains "ISO 9002", not one of BSCI'],
    ['attachments without ids', suppliers, { Name: 'S', Status: 'Approved', 'Audit report': [{ url: 'https://example.com/a.pdf' }] }, '"Audit report" contains {"url":"https://example.com/a.pdf"}, not an attachment'],
  ];
  it.each(cases)('reports %s', (_, model, fields, message) => {
    const result = parseRecords(model, [record('recBAD00000000001', fields)]);
    expect(result.records).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining(message)]);
  });

  it('keeps valid values of those cells', () => {
    const result = parseRecords(people, [record('recOK000000000001', { Name: 'Marcus Reed', 'Time zone': 'America/New_York', 'Working hours start': '08:00', 'Working days': ['Mon', 'Fri'] })]);
    expect(result.records[0]).toMatchObject({ timeZone: 'America/New_York', workingHoursStart: '08:00', workingDays: ['Mon', 'Fri'], active: false });
  });
});

describe('parseRecords with a cell that is a plain zod schema', () => {
  // Cells from cells.ts skip zod at parse time; any other schema must still be checked, and named in its problem.
  const notes = defineModel('Notes', { title: 'Title', pages: 'Pages' } as const, { title: z.string().min(2), pages: requiredNumber() });

  it('keeps its valid values and reports its failures by field name, next to the cells.ts cells', () => {
    const result = parseRecords(notes, [record('recOK000000000001', { Title: 'Spec', Pages: 3 }), record('recBAD00000000001', { Title: 'S', Pages: 'three' })]);
    expect(result.records).toEqual([{ title: 'Spec', pages: 3, id: 'recOK000000000001', createdTime: CREATED }]);
    expect(result.problems.map((p) => p.field)).toEqual(['Title', 'Pages']);
    expect(result.problems[0]?.message).toMatch(/^"Title" .*2/);
    expect(result.problems[1]?.message).toBe('"Pages" is "three", not a number');
  });
});

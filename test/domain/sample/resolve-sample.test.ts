import { describe, expect, it } from 'vitest';
import { resolveSampleAgency, SampleDataError, type ResolvedTable } from '../../../src/domain/sample/resolve-sample.ts';
import { readSampleAgency } from '../../../src/domain/sample/sample-file.ts';
import { loadBaseTemplate } from '../../../src/domain/template/base-template.ts';
import { loadPlan } from '../../../src/domain/template/load-order.ts';

const template = loadBaseTemplate();
const raw = readSampleAgency();
const TODAY = '2026-03-02';
const resolved = resolveSampleAgency(raw, TODAY);

const rowsOf = (tables: ResolvedTable[], table: string) => tables.find((t) => t.table === table)?.rows ?? [];
const row = (tables: ResolvedTable[], table: string, ref: string) => {
  const found = rowsOf(tables, table).find((r) => r.ref === ref);
  if (!found) throw new Error(`${table} ${ref} missing`);
  return found;
};

describe('resolving the shipped sample agency', () => {
  it('answers every table of the template in load order', () => {
    expect(resolved.map((t) => t.table)).toEqual(loadPlan(template).order);
    expect(resolved.every((t) => t.rows.length > 0)).toBe(true);
  });

  it('leaves no dangling ref: every link points at a row of the linked table', () => {
    const refs = new Map(resolved.map((t) => [t.table, new Set(t.rows.map((r) => r.ref))]));
    for (const t of resolved) {
      const fields = template.tables.find((x) => x.name === t.table)!.fields;
      for (const r of t.rows) {
        for (const [name, targets] of Object.entries(r.links)) {
          const field = fields.find((f) => f.name === name);
          expect(field?.type, `${t.table}.${name}`).toBe('multipleRecordLinks');
          const target = field?.type === 'multipleRecordLinks' ? field.options.linkedTableId : '';
          for (const ref of targets) expect(refs.get(target)?.has(ref), `${t.table} ${r.ref} → ${ref}`).toBe(true);
        }
      }
    }
  });

  it('turns relative dates into real ones', () => {
    const po2405 = row(resolved, 'Purchase Orders', 'po-2405');
    expect(po2405.fields['Ship-by date']).toBe('2026-03-30'); // today+28
    expect(po2405.fields['Order date']).toBe('2026-01-23'); // today-38
    expect(row(resolved, 'Inspections', 'in-2408-psi').fields['Scheduled date']).toBe(TODAY); // today
  });

  it('moves every date with today', () => {
    const later = resolveSampleAgency(raw, '2027-01-10');
    expect(row(later, 'Purchase Orders', 'po-2405').fields['Ship-by date']).toBe('2027-02-07');
    expect(row(later, 'Milestones', 'ms-2405-materials-ready').fields['Planned date']).toBe('2027-01-06');
    expect(row(later, 'Client Comments', 'cc-2407-photos').fields['Written at']).toBe('2027-01-07T12:00:00.000Z');
  });

  it('uses the given now for date-time fields', () => {
    const tables = resolveSampleAgency(raw, TODAY, { now: '2026-03-02T08:15:00.000Z' });
    expect(row(tables, 'Client Comments', 'cc-2406-eta').fields['Written at']).toBe('2026-03-01T12:15:00.000Z');
  });

  it('keeps link fields out of fields and in links', () => {
    const po = row(resolved, 'Purchase Orders', 'po-2406');
    expect(po.fields).not.toHaveProperty('Project');
    expect(po.links).toEqual({ Project: ['prj-kettle'], Supplier: ['s-huamei'], 'Standby supplier': ['s-yongxin'] });
  });
});

const sample = (tables: Record<string, { ref: string; fields: Record<string, unknown> }[]>) => ({ tables });
const supplier = { ref: 's-1', fields: { Name: 'Ningbo Test Co., Ltd.', Status: 'Approved' } };

describe('sample data errors', () => {
  const cases: [string, unknown, string][] = [
    ['an unknown table', sample({ Factories: [] }), '"Factories" is not a table of the template'],
    ['an unknown field', sample({ Suppliers: [{ ref: 's-1', fields: { Name: 'A', Rating: 5 } }] }), 'Suppliers s-1: "Rating" is not a field of Suppliers'],
    ['a dangling ref', sample({ Suppliers: [supplier], 'Purchase Orders': [{ ref: 'po-1', fields: { 'PO number': 'PO-1', Status: 'RFQ', Supplier: ['s-2'] } }] }), 'Purchase Orders po-1: "Supplier" refers to "s-2", which is not a row of Suppliers'],
    ['a ref of the wrong table', sample({ Suppliers: [supplier], Projects: [{ ref: 'prj-1', fields: { Project: 'P', Phase: 'Closed', Client: ['s-1'] } }] }), 'Projects prj-1: "Client" refers to "s-1", which is not a row of Clients'],
    ['an unknown select option', sample({ Suppliers: [{ ref: 's-1', fields: { Name: 'A', Status: 'Preferred' } }] }), 'Suppliers s-1: "Status" is "Preferred", not one of Candidate, Approved, Standby, Blocked'],
    ['a bad relative date', sample({ Suppliers: [{ ref: 's-1', fields: { Name: 'A', 'Certification expiry': 'tomorrow' } }] }), 'Suppliers s-1: "Certification expiry" is "tomorrow", not a date or a relative date like today+14'],
    ['an impossible date', sample({ Suppliers: [{ ref: 's-1', fields: { Name: 'A', 'Certification expiry': '2027-02-31' } }] }), '"Certification expiry" is "2027-02-31", not a date'],
    ['a bad relative instant', sample({ Alerts: [{ ref: 'a-1', fields: { Key: 'k', 'First seen': 'now-2w' } }] }), 'Alerts a-1: "First seen" is "now-2w", not a date-time or a relative one like now-2d'],
    ['a ref used twice', sample({ Suppliers: [supplier], Clients: [{ ref: 's-1', fields: { Name: 'C' } }] }), 'Clients s-1: ref is already used in Suppliers'],
    ['a missing primary value', sample({ Clients: [{ ref: 'c-1', fields: { Country: 'Germany' } }] }), 'Clients c-1: the primary field "Name" is empty'],
    ['a repeated primary value', sample({ Clients: [{ ref: 'c-1', fields: { Name: 'A' } }, { ref: 'c-2', fields: { Name: 'A' } }] }), 'Clients c-2: "Name" "A" is also used by c-1'],
    ['a number as text', sample({ Suppliers: [{ ref: 's-1', fields: { Name: 'A', 'Monthly capacity': '60000' } }] }), '"Monthly capacity" is "60000", not a number'],
    ['an attachment', sample({ Suppliers: [{ ref: 's-1', fields: { Name: 'A', 'Audit report': [{ url: 'https://x' }] } }] }), 'attachments cannot come from sample data'],
    ['a badly shaped ref', sample({ Clients: [{ ref: 'C 1', fields: { Name: 'A' } }] }), 'tables.Clients.0.ref: must be lowercase letters, digits and dashes'],
  ];
  it.each(cases)('rejects %s with a clear message', (_, data, message) => {
    expect(() => resolveSampleAgency(data, TODAY)).toThrow(SampleDataError);
    expect(() => resolveSampleAgency(data, TODAY)).toThrow(message);
  });

  it('reports every problem at once', () => {
    const data = sample({ Clients: [{ ref: 'c-1', fields: { Name: 'A', Country: 3, Planet: 'Mars' } }] });
    try {
      resolveSampleAgency(data, TODAY);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SampleDataError);
      expect((error as SampleDataError).problems).toEqual([
        'Clients c-1: "Country" is 3, not text of at most 100,000 characters',
        'Clients c-1: "Planet" is not a field of Clients',
      ]);
    }
  });

  it('rejects a today that is not a date', () => {
    expect(() => resolveSampleAgency(sample({}), '02/03/2026')).toThrow('today is "02/03/2026", not a date like 2026-03-02');
  });
});

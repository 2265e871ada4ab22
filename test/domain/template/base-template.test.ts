import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isSystemField,
  loadBaseTemplate,
  parseBaseTemplate,
  PRIMARY_FIELD_TYPES,
  TemplateError,
  type BaseTemplate,
} from '../../../src/domain/template/base-template.ts';

const template = loadBaseTemplate();
const table = (name: string) => {
  const found = template.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
};
const fieldNames = (name: string) => table(name).fields.map((f) => f.name);
const choicesOf = (tableName: string, fieldName: string) => {
  const field = table(tableName).fields.find((f) => f.name === fieldName);
  return field && (field.type === 'singleSelect' || field.type === 'multipleSelects') ? field.options.choices.map((c) => c.name) : undefined;
};

// The baseline of ../shared/design/workspace-template.md, field names exactly as agency users read them.
const BASELINE: Record<string, string[]> = {
  People: ['Name', 'Email', 'Role', 'Time zone', 'Working hours start', 'Working hours end', 'Manager'],
  Clients: ['Name', 'Contact name', 'Contact emails', 'Country', 'Time zone', 'Portal emails', 'Notion portal', 'Drive folder'],
  Projects: ['Project', 'Client', 'Product', 'Specification', 'Budget', 'Currency', 'Order type', 'Certifications required', 'Destination country', 'Target delivery date', 'Phase', 'Agent', 'Buffer %', 'AQL critical', 'AQL major', 'AQL minor', 'Inspection level', 'Lessons learned', 'Closure meeting date', 'Notion page', 'Drive folder'],
  Suppliers: ['Name', 'Name (中文)', 'Address', 'Address (中文)', 'City / cluster', 'Contact', 'Email', 'WeChat', 'Time zone', 'Certifications', 'Certification expiry', 'Monthly capacity', 'Audit status', 'Last audit date', 'Audit report', 'Status', 'Score', 'Portal key version'],
  'Supplier Evaluations': ['Supplier', 'Project', 'Compliance', 'Capacity', 'Track record', 'Communication', 'Weighted score', 'Decision', 'Audit date', 'Notes'],
  'Purchase Orders': ['PO number', 'Project', 'Supplier', 'Status', 'Incoterm', 'Named place', 'Currency', 'Payment terms', 'Deposit %', 'Balance due', 'MOQ', 'Lead time days', 'Order date', 'Ship-by date', 'Port of loading', 'Port of discharge', 'Shipping mode', 'Contract signed', 'Specs & drawings', 'Packaging instructions', 'Inspection protocol', 'Defect & penalty clauses', 'Standby supplier', 'Show supplier to client', 'Generate documents', 'Sync issues', 'Notion page'],
  'Line Items': ['PO', 'SKU', 'Description', 'HS code', 'Country of origin', 'Quantity', 'Unit', 'Unit price', 'Units per carton', 'Carton length cm', 'Carton width cm', 'Carton height cm', 'Net kg per carton', 'Gross kg per carton', 'Marks'],
  Milestones: ['PO', 'Kind', 'Baseline date', 'Planned date', 'Actual date', 'Owner', 'Progress %', 'Notes', 'Status'],
  Inspections: ['PO', 'Type', 'Scheduled date', 'Inspector', 'Lot size', 'Inspection level', 'AQL critical', 'AQL major', 'AQL minor', 'Sample size', 'Accept critical', 'Reject critical', 'Accept major', 'Reject major', 'Accept minor', 'Reject minor', 'Critical defects found', 'Major defects found', 'Minor defects found', 'Result', 'Report', 'Photos', 'Re-inspection of'],
  Shipments: ['Booking ref', 'Mode', 'Carrier', 'Forwarder', 'Vessel / voyage or flight', 'Container number', 'Seal number', 'Container type', 'Port of loading', 'Port of discharge', 'Place of delivery', 'ETD', 'ETA', 'ATD', 'ATA', 'B/L number', 'B/L type', 'Consignee', 'Notify party', 'Freight term'],
  'Shipment Lines': ['Shipment', 'Line item', 'Quantity', 'Cartons'],
  Documents: ['Name', 'Kind', 'Project', 'PO', 'Shipment', 'Drive file', 'Version', 'Content hash', 'Generated at'],
  Updates: ['PO', 'Date', 'Source', 'Text', 'Photos', 'Visible to client'],
  'Client Comments': ['Project', 'PO', 'Author', 'Text', 'Written at', 'Notion comment ID', 'Status'],
  Calendar: ['Name', 'Kind', 'Start', 'End', 'Supplier', 'Client', 'Source', 'Estimated'],
  Alerts: ['Key', 'Rule', 'Severity', 'PO', 'Milestone', 'Inspection', 'Shipment', 'Message', 'Owner', 'First seen', 'Last seen', 'Status', 'Escalated', 'Notified at'],
};

describe('the shipped base template', () => {
  it('validates and has the 16 baseline tables plus Agency, Outbox, Chat Channels, Reviews and Disclosures', () => {
    expect(template.tables.map((t) => t.name)).toEqual([...Object.keys(BASELINE), 'Agency', 'Outbox', 'Chat Channels', 'Reviews', 'Disclosures']);
  });

  it.each(Object.entries(BASELINE))('%s keeps every baseline field name exactly', (name, fields) => {
    expect(fieldNames(name)).toEqual(expect.arrayContaining(fields));
  });

  it('points every link field at a table of the template, never as the primary field', () => {
    const names = new Set(template.tables.map((t) => t.name));
    for (const t of template.tables) {
      expect(PRIMARY_FIELD_TYPES).toContain(t.fields[0]?.type);
      for (const f of t.fields) {
        if (f.type === 'multipleRecordLinks') expect(names, `${t.name}.${f.name}`).toContain(f.options.linkedTableId);
      }
    }
  });

  it('declares each relation once, on the many side (no link pair in both directions)', () => {
    const pairs = template.tables.flatMap((t) =>
      t.fields.flatMap((f) => (f.type === 'multipleRecordLinks' && f.options.linkedTableId !== t.name ? [`${t.name}->${f.options.linkedTableId}`] : [])),
    );
    for (const pair of pairs) {
      const [from, to] = pair.split('->');
      expect(pairs, pair).not.toContain(`${to}->${from}`);
    }
  });

  it('offers the 11 Incoterms 2020 rules and the five trading currencies', () => {
    expect(choicesOf('Purchase Orders', 'Incoterm')).toEqual(['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF']);
    for (const [t, f] of [['Purchase Orders', 'Currency'], ['Projects', 'Currency'], ['Shipments', 'Currency']] as const) {
      expect(choicesOf(t, f)).toEqual(['USD', 'EUR', 'AUD', 'CNY', 'GBP']);
    }
  });

  it('keeps time zones as IANA text and marks job-written fields as system', () => {
    for (const t of template.tables) {
      const tz = t.fields.find((f) => f.name === 'Time zone');
      if (tz) expect(tz.type, t.name).toBe('singleLineText');
      const issues = t.fields.find((f) => f.name === 'Sync issues');
      if (issues) expect(isSystemField(issues), t.name).toBe(true);
    }
    expect(isSystemField(table('Purchase Orders').fields.find((f) => f.name === 'Notion page')!)).toBe(true);
    expect(isSystemField(table('Purchase Orders').fields.find((f) => f.name === 'Generate documents')!)).toBe(false);
  });

  it('has a Sync issues field on every table whose rows jobs read', () => {
    const without = template.tables.filter((t) => !t.fields.some((f) => f.name === 'Sync issues')).map((t) => t.name);
    expect(without).toEqual(['Documents', 'Alerts']);
  });
});

const minimal = (): BaseTemplate => ({
  name: 'Test',
  tables: [
    { name: 'Suppliers', fields: [{ name: 'Name', type: 'singleLineText' }] },
    { name: 'Purchase Orders', fields: [{ name: 'PO number', type: 'singleLineText' }, { name: 'Supplier', type: 'multipleRecordLinks', options: { linkedTableId: 'Suppliers' } }] },
  ],
});

describe('template validation', () => {
  const cases: [string, (t: BaseTemplate) => unknown, string][] = [
    ['a link to a missing table', (t) => t.tables[1]!.fields.push({ name: 'Project', type: 'multipleRecordLinks', options: { linkedTableId: 'Projects' } }), 'tables.1.fields.2: Purchase Orders: link field "Project" points to "Projects", which is not a table of the template'],
    ['two fields differing only in case', (t) => t.tables[0]!.fields.push({ name: 'name', type: 'singleLineText' }), 'tables.0.fields.1: Suppliers: field "name" is declared twice'],
    ['a link as primary field', (t) => t.tables[1]!.fields.reverse(), 'Purchase Orders: the first field "Supplier" is the primary field and cannot be multipleRecordLinks'],
    ['a checkbox without icon and colour', (t) => t.tables[0]!.fields.push({ name: 'Active', type: 'checkbox' } as never), 'tables.0.fields.1.options'],
    ['an unknown choice colour', (t) => t.tables[0]!.fields.push({ name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Approved', color: 'green' }] } }), 'is not an Airtable choice colour such as greenBright'],
    ['a table declared twice', (t) => t.tables.push({ name: 'suppliers', fields: [{ name: 'Name', type: 'singleLineText' }] }), 'table "suppliers" is declared twice'],
    ['an unknown field type', (t) => t.tables[0]!.fields.push({ name: 'Total', type: 'formula' } as never), 'tables.0.fields.1.type'],
  ];
  it.each(cases)('rejects %s with a message naming the place', (_, mutate, expected) => {
    const t = minimal();
    mutate(t);
    expect(() => parseBaseTemplate(t, 'test template')).toThrow(expected);
  });

  it('accepts the minimal valid template', () => {
    expect(parseBaseTemplate(minimal()).tables).toHaveLength(2);
  });

  it('reports an unreadable or invalid template file with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'template-'));
    try {
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{ "name": "x", ');
      expect(() => loadBaseTemplate(broken)).toThrow(TemplateError);
      expect(() => loadBaseTemplate(broken)).toThrow(`${broken} could not be read as JSON`);
      const invalid = join(dir, 'invalid.json');
      writeFileSync(invalid, JSON.stringify({ name: 'x', tables: [] }));
      expect(() => loadBaseTemplate(invalid)).toThrow(`${invalid} is not a valid base template:\n  tables:`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

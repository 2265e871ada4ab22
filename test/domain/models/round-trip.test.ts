import { describe, expect, it } from 'vitest';
import { ALL_MODELS } from '../../../src/domain/models/all-models.ts';
import { inspections } from '../../../src/domain/models/inspection.ts';
import { parseRecords } from '../../../src/domain/models/parse-records.ts';
import { projects } from '../../../src/domain/models/project.ts';
import { purchaseOrders } from '../../../src/domain/models/purchase-order.ts';
import { suppliers } from '../../../src/domain/models/supplier.ts';
import { lineItems } from '../../../src/domain/models/line-item.ts';
import { parsedSample, sampleAsAirtableRecords } from '../sample-records.ts';

const TODAY = '2026-03-02';
const { records, parsed, idOfRef } = parsedSample(TODAY);

describe('every model round-trips the resolved sample agency', () => {
  it.each(ALL_MODELS.map((m) => [m.table]))('%s: zero problems, every row parsed', (table) => {
    const result = parsed.get(table)!;
    expect(result.problems.map(String)).toEqual([]);
    expect(result.records).toHaveLength(records.get(table)!.length);
    expect(result.records.length).toBeGreaterThan(0);
  });
});

describe('parsed sample values are typed domain values', () => {
  const { records: raw } = sampleAsAirtableRecords(TODAY);
  const pos = parseRecords(purchaseOrders, raw.get('Purchase Orders')!).records;
  const po2406 = pos.find((p) => p.poNumber === 'PO-2406')!;

  it('keeps dates, fractions and links', () => {
    expect(po2406).toMatchObject({
      status: 'Shipped',
      incoterm: 'FCA',
      currency: 'USD',
      deposit: 0.3,
      shipBy: '2026-02-25',
      project: idOfRef.get('prj-kettle'),
      standbySupplier: idOfRef.get('s-yongxin'),
      showSupplierToClient: false,
      generateDocuments: false,
      specsAndDrawings: [],
    });
  });

  it('turns AQL choices into numbers and strips dots from HS codes', () => {
    const psi = parseRecords(inspections, raw.get('Inspections')!).records.find((i) => i.inspection === 'PO-2398 · PSI')!;
    expect([psi.aqlCritical, psi.aqlMajor, psi.aqlMinor]).toEqual([0, 2.5, 4]);
    const line = parseRecords(lineItems, raw.get('Line Items')!).records.find((l) => l.sku === 'HL-KT170-WH')!;
    expect(line.hsCode).toBe('851679');
  });

  it('applies documented defaults: 12 % buffer, Asia/Shanghai for suppliers', () => {
    const project = parseRecords(projects, [{ id: 'recAAAAAAAAAAAAAA1', createdTime: `${TODAY}T00:00:00.000Z`, fields: { Project: 'P', Phase: 'Closed' } }]);
    expect(project.records[0]?.buffer).toBe(0.12);
    const supplier = parseRecords(suppliers, [{ id: 'recAAAAAAAAAAAAAA2', createdTime: `${TODAY}T00:00:00.000Z`, fields: { Name: 'S', Status: 'Approved' } }]);
    expect(supplier.records[0]?.timeZone).toBe('Asia/Shanghai');
  });
});

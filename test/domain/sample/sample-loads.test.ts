/**
 * End to end: the template provisions and the sample agency loads into the local workspace through the Airtable
 * adapter (airtable.js), and what comes back parses with every model without a single problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAirtableAdapters } from '../../../src/adapters/airtable/index.ts';
import { loadSampleRows, loadTemplateTables } from '../../../src/cli/workspace-data.ts';
import { ALL_MODELS } from '../../../src/domain/models/all-models.ts';
import { parseRecords } from '../../../src/domain/models/parse-records.ts';
import { purchaseOrders } from '../../../src/domain/models/purchase-order.ts';
import { suppliers } from '../../../src/domain/models/supplier.ts';
import { setupWorkspace, type SetupDetails } from '../../../src/jobs/setup-workspace.ts';
import type { JobReport } from '../../../src/jobs/report.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

describe('the sample agency in the local workspace', () => {
  let ws: TestWorkspace;
  let airtable: ReturnType<typeof createAirtableAdapters>;
  let report: JobReport<SetupDetails>;

  beforeAll(async () => {
    ws = await startTestWorkspace();
    const counter = new RequestCounter();
    // The test workspace runs its rate limits 1000x faster, so the client gate may too.
    airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 5000 });
    report = await setupWorkspace(
      { meta: airtable.meta, records: (baseId) => airtable.records(baseId), counter, now: () => new Date() },
      { baseName: 'Sample agency', workspaceId: 'wspLocal000000000', tables: loadTemplateTables(), rows: loadSampleRows('2026-03-02') },
    );
  });
  afterAll(async () => {
    await ws.close();
  });

  it('provisions and loads without problems, self-links patched afterwards', () => {
    expect(report.problems).toEqual([]);
    expect(report.details.load?.perTable['Milestones']).toEqual({ created: 71, existing: 0 });
    expect(report.details.load?.linksPatched).toBe(7); // 6 People.Manager + 1 Inspections.Re-inspection of
  });

  it('reads every table back with zero problems', async () => {
    const records = airtable.records(report.details.baseId);
    for (const model of ALL_MODELS) {
      const result = parseRecords(model, await records.list(model.table));
      expect(result.problems.map(String), model.table).toEqual([]);
      expect(result.records.length, model.table).toBeGreaterThan(0);
    }
  });

  it('resolves links to real records and gets the inverse fields Airtable creates', async () => {
    const records = airtable.records(report.details.baseId);
    const pos = parseRecords(purchaseOrders, await records.list('Purchase Orders')).records;
    const sups = parseRecords(suppliers, await records.list('Suppliers')).records;
    const po = pos.find((p) => p.poNumber === 'PO-2406');
    expect(sups.find((s) => s.id === po?.supplier)?.name).toBe('Ningbo Huamei Electric Appliance Co., Ltd.');
    expect(sups.find((s) => s.id === po?.standbySupplier)?.status).toBe('Standby');
    const schema = await airtable.meta.getSchema(report.details.baseId);
    const supplierFields = schema.find((t) => t.name === 'Suppliers')?.fields.map((f) => f.name);
    expect(supplierFields).toEqual(expect.arrayContaining(['Purchase Orders', 'Purchase Orders 2', 'Supplier Evaluations']));
  });

  it('loads nothing twice when run again', async () => {
    const counter = new RequestCounter();
    const again = await setupWorkspace(
      { meta: airtable.meta, records: (baseId) => airtable.records(baseId), counter, now: () => new Date() },
      { baseName: 'Sample agency', workspaceId: 'wspLocal000000000', tables: loadTemplateTables(), rows: loadSampleRows('2026-03-02') },
    );
    expect(again.problems).toEqual([]);
    expect(Object.values(again.details.load?.perTable ?? {}).every((c) => c.created === 0)).toBe(true);
  });
});

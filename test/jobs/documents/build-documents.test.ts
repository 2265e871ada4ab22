import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocuments, type BuildDocumentsDetails } from '../../../src/jobs/build-documents.ts';
import type { JobReport } from '../../../src/jobs/report.ts';
import type { AirtableRecord } from '../../../src/ports/airtable.ts';
import { driveClient } from '../../local/drive/drive-client.ts';
import { pdfText } from './pdf-text.ts';
import { startSampleWorkspace, type SampleWorkspace } from './sample-workspace.ts';

const TODAY = '2026-03-02';
const KETTLE = ['Tidewater Sourcing', 'Harborline Home', 'Harborline · 1.7 L cordless kettle'];
/**
 * PO-2406's factory exports in its own name and Harborline may not know it (no Disclosures row): every export
 * document names it, so the pack is filed in the agency-only tree, never in Harborline's shared folder.
 */
const SPLIT_FOLDER = ['Tidewater Sourcing', 'Agency only (not shared with clients)', ...KETTLE.slice(1), '03 Export documents', 'PO-2406'];
const CLIENT_SPLIT_FOLDER = [...KETTLE, '03 Export documents', 'PO-2406'];

interface LoggedRequest {
  method: string;
  path: string;
}

describe('documents job on the sample agency', () => {
  let sw: SampleWorkspace;
  let first: JobReport<BuildDocumentsDetails>;
  const file = (...parts: string[]) => join(sw.ws.dir, 'drive', ...parts);
  const documentsOf = async (shipmentId: string): Promise<AirtableRecord[]> =>
    (await sw.records.list('Documents')).filter((d) => (d.fields['Shipment'] as string[] | undefined)?.includes(shipmentId));
  const driveWrites = async (): Promise<LoggedRequest[]> =>
    ((await sw.ws.control('GET', '/requests?service=drive')) as { requests: LoggedRequest[] }).requests.filter((r) => r.method !== 'GET');

  beforeAll(async () => {
    sw = await startSampleWorkspace(TODAY);
    first = await buildDocuments(sw.deps());
  }, 120_000);
  afterAll(async () => {
    await sw.close();
  });

  it('builds one pack per sample shipment, two for the PO split into air and sea', () => {
    const packs = first.details.packs.map((p) => `${p.po} ${p.shipment}`).sort();
    expect(packs).toEqual(['PO-2398 COSU6310482271', 'PO-2401 MAEU239874561', 'PO-2406 BWL-PVG-88214', 'PO-2406 OOLU2741905530']);
    const air = first.details.packs.find((p) => p.shipment === 'BWL-PVG-88214');
    // Air cargo travels on an air waybill: an AWB draft, no B/L draft.
    expect(Object.keys(air?.documents ?? {}).sort()).toEqual(['air-waybill-draft', 'certificate-of-origin', 'commercial-invoice', 'packing-list']);
  });

  it('prints each split shipment with its own quantities from Shipment Lines', async () => {
    const air = await pdfText(file(...SPLIT_FOLDER, 'PO-2406 HM-2406-A Commercial invoice.pdf'));
    const sea = await pdfText(file(...SPLIT_FOLDER, 'PO-2406 HM-2406-S Commercial invoice.pdf'));
    for (const text of [air, sea]) {
      expect(text).toContain('COMMERCIAL INVOICE');
      expect(text).toContain('PO-2406');
      expect(text).toContain('Ningbo Huamei Electric Appliance Co., Ltd.');
      expect(text).toContain('宁波华美电器有限公司');
      expect(text).toContain('Harborline Home Goods, Inc.');
      expect(text).toContain('HL-KT170-BK');
      expect(text.replace(/\s+/g, ' ')).toContain('FCA Huamei factory, Cixi, Ningbo Incoterms® 2020');
    }
    expect(existsSync(file(...CLIENT_SPLIT_FOLDER, 'PO-2406 HM-2406-A Commercial invoice.pdf'))).toBe(false);
    expect(air).toContain('HM-2406-A');
    expect(air).toMatch(/\b360\s+PCS/);
    expect(air).toContain('3,618.00');
    expect(air).toContain('New York JFK, NY (4701)');
    expect(sea).toContain('HM-2406-S');
    expect(sea).toMatch(/3,240\s+PCS/);
    expect(sea).toContain('32,562.00');
    expect(sea).toContain('Newark, NJ (4601)');

    const seaPacking = await pdfText(file(...SPLIT_FOLDER, 'PO-2406 HM-2406-S Packing list.pdf'));
    expect(seaPacking).toContain('540 CARTONS');
    const bl = await pdfText(file(...SPLIT_FOLDER, 'PO-2406 HM-2406-S Bill of lading draft.pdf'));
    expect(bl).toContain('OOLU1745206');
    expect(bl).toContain('OOLGHX55271');
    expect(existsSync(file(...SPLIT_FOLDER, 'PO-2406 HM-2406-A Bill of lading draft.pdf'))).toBe(false);
  });

  it('records every document in the Documents table with its Drive link, version and hash', async () => {
    const sea = await sw.find('Shipments', 'Booking ref', 'OOLU2741905530');
    const rows = await documentsOf(sea.id);
    expect(rows.map((r) => r.fields['Kind']).sort()).toEqual(['B/L draft', 'Certificate of origin', 'Commercial invoice', 'Packing list']);
    for (const row of rows) {
      expect(row.fields['Drive file']).toBe(`https://drive.google.com/file/d/${row.fields['Drive file ID']}/view?usp=drivesdk`);
      expect(row.fields['Version']).toBe(1);
      expect(row.fields['Content hash']).toMatch(/^[0-9a-f]{64}$/);
    }
    // The sample's older rows of PO-2398 are updated in place, as version 2, not duplicated.
    const cosco = await sw.find('Shipments', 'Booking ref', 'COSU6310482271');
    const invoices = (await documentsOf(cosco.id)).filter((r) => r.fields['Kind'] === 'Commercial invoice');
    expect(invoices).toHaveLength(1);
    expect(invoices[0]?.fields).toMatchObject({ Name: 'Commercial invoice TW-INV-2398-01', Version: 2 });
  });

  it('produces nothing for a shipment with missing data and writes the fix list on its PO', async () => {
    const po = await sw.find('Purchase Orders', 'PO number', 'PO-2409');
    const issues = String(po.fields['Sync issues'] ?? '');
    expect(issues).toMatch(/^Documents: NSH1873452: Shipments NSH1873452: "Invoice number" is missing$/m);
    expect(issues).toContain('"Container number" is missing');
    const shipment = await sw.find('Shipments', 'Booking ref', 'NSH1873452');
    expect(await documentsOf(shipment.id)).toEqual([]);
    expect(existsSync(file('Tidewater Sourcing', 'Saltbush Outdoor', 'Saltbush · Acacia outdoor dining', '03 Export documents'))).toBe(false);
    expect(first.details.blocked).toEqual([{ shipment: 'NSH1873452', po: 'PO-2409', fixes: expect.arrayContaining([expect.stringContaining('"Invoice number" is missing')]) }]);
    // A shipment left without documents makes the run not ok (exit 1 / HTTP 207), and the report says which.
    expect(first.ok).toBe(false);
    expect(first.problems).toEqual([
      expect.stringMatching(/^PO-2409 \/ NSH1873452: no export documents until \d+ field\(s\) are fixed/),
      // PO-2411 is being negotiated without packaging, inspection and penalty terms: no contract yet.
      expect.stringMatching(/^PO-2411: no purchase contract until \d+ field\(s\) are completed/),
    ]);
  });

  it("lists what a contract lacks on the PO's Sync issues, each line as in the report", async () => {
    const blocked = first.details.contractsBlocked.find((b) => b.po === 'PO-2411');
    expect(blocked?.fixes.length).toBeGreaterThan(0);
    const po = await sw.find('Purchase Orders', 'PO number', 'PO-2411');
    const lines = String(po.fields['Sync issues'] ?? '').split('\n').filter((l) => l.startsWith('Documents: Contract: '));
    expect(lines).toEqual(blocked!.fixes.map((f) => `Documents: Contract: ${f}`));
  });

  it('draws a production schedule per PO with its risk windows and inspections', async () => {
    expect(first.details.schedules.map((s) => s.po)).toEqual(expect.arrayContaining(['PO-2398', 'PO-2405', 'PO-2406']));
    const text = await pdfText(file(...KETTLE, 'PO-2406 Production schedule.pdf'));
    expect(text).toContain('Production schedule · PO-2406');
    expect(text).toContain('Chinese New Year shutdown 2026');
    expect(text).toContain('Production complete');
    expect(text).toContain('PSI Pass');
    // Harborline may not know this factory (no Disclosures row): alias only, and the FCA place is not named.
    expect(text).toContain('Factory NB-01');
    expect(text).toContain('FCA (factory premises)');
    expect(text).not.toContain('Huamei');
    const hidden = await pdfText(file(...KETTLE, 'PO-2405 Production schedule.pdf'));
    expect(hidden).toContain('Factory NB-01');
    expect(hidden).toContain('Factory NB-01 · maintenance'); // the factory's own calendar row, renamed
    expect(hidden).not.toContain('Huamei');
  });

  it("shares the client folder with the client's portal emails and the project folder with its agent", async () => {
    const client = await sw.find('Clients', 'Name', 'Harborline Home');
    const project = await sw.find('Projects', 'Project', 'Harborline · 1.7 L cordless kettle');
    const clientFolder = String(client.fields['Drive folder']).split('/').at(-1) ?? '';
    const projectFolder = String(project.fields['Drive folder']).split('/').at(-1) ?? '';
    const { client: drive } = driveClient(sw.ws);
    const grants = async (id: string) =>
      (await drive.permissions.list({ fileId: id, fields: 'permissions(emailAddress,role)' })).data.permissions?.map((p) => `${p.emailAddress} ${p.role}`);
    expect(await grants(clientFolder)).toEqual(expect.arrayContaining(['jennifer.walsh@example.com reader', 'ops@example.com reader']));
    expect(await grants(projectFolder)).toEqual(expect.arrayContaining(['marcus.reed@tidewater-sourcing.example writer', 'ops@example.com reader']));
    const creates = (await driveWrites()).filter((r) => r.path.endsWith('/permissions'));
    expect(creates.length).toBe(first.details.permissionsGranted);
  });

  it('a second run uploads nothing and writes nothing to Airtable', async () => {
    const before = (await driveWrites()).length;
    const deps = sw.deps();
    const second = await buildDocuments(deps);
    expect(second.details.uploads).toBe(0);
    expect(second.details.rowsWritten).toBe(0);
    expect((await driveWrites()).length).toBe(before);
    expect(Object.keys(second.requests['airtable']?.byOperation ?? {})).toEqual(['list']);
    // Sharing is reconciled on every run: the client and project folders are looked up (reads only).
    expect(Object.keys(second.requests['drive']?.byOperation ?? {})).toEqual(['files.list']);
    expect(second.details).toMatchObject({ permissionsGranted: 0, permissionsRevoked: 0 });
  });

  it('a ticked PO is rebuilt: a changed document replaces the bytes of the same Drive file, and the box is cleared', async () => {
    const air = await sw.find('Shipments', 'Booking ref', 'BWL-PVG-88214');
    const po = await sw.find('Purchase Orders', 'PO number', 'PO-2406');
    const invoiceBefore = (await documentsOf(air.id)).find((r) => r.fields['Kind'] === 'Commercial invoice');
    await sw.records.update('Shipments', [{ id: air.id, fields: { 'Vessel / voyage or flight': 'MU297 PVG–JFK' } }]);
    await sw.records.update('Purchase Orders', [{ id: po.id, fields: { 'Generate documents': true } }]);

    const run = await buildDocuments(sw.deps());
    expect(run.details.picked).toEqual(['PO-2406']);
    const airPack = run.details.packs.find((p) => p.shipment === 'BWL-PVG-88214');
    expect(airPack?.documents['commercial-invoice']).toBe('updated');
    expect(run.details.packs.find((p) => p.shipment === 'OOLU2741905530')?.documents).toEqual({
      'commercial-invoice': 'current', 'packing-list': 'current', 'certificate-of-origin': 'current', 'bill-of-lading-draft': 'current',
    });
    const invoiceAfter = (await documentsOf(air.id)).find((r) => r.fields['Kind'] === 'Commercial invoice');
    expect(invoiceAfter?.id).toBe(invoiceBefore?.id);
    expect(invoiceAfter?.fields['Drive file ID']).toBe(invoiceBefore?.fields['Drive file ID']);
    expect(invoiceAfter?.fields['Version']).toBe(2);
    expect(invoiceAfter?.fields['Content hash']).not.toBe(invoiceBefore?.fields['Content hash']);
    expect(await pdfText(file(...SPLIT_FOLDER, 'PO-2406 HM-2406-A Commercial invoice.pdf'))).toContain('MU297');
    expect(readdirSync(file(...SPLIT_FOLDER)).filter((f) => f.includes('HM-2406-A Commercial invoice'))).toHaveLength(1);
    expect((await sw.find('Purchase Orders', 'PO number', 'PO-2406')).fields['Generate documents']).toBeFalsy();
  });

  it('bad data on a ticked PO puts the fixes on "Sync issues" and leaves its documents as they were; fixing it clears them', async () => {
    const sea = await sw.find('Shipments', 'Booking ref', 'OOLU2741905530');
    const po = await sw.find('Purchase Orders', 'PO number', 'PO-2406');
    const rowsBefore = await documentsOf(sea.id);
    await sw.records.update('Shipments', [{ id: sea.id, fields: { 'Container number': 'OOLU1745207' } }]);
    await sw.records.update('Purchase Orders', [{ id: po.id, fields: { 'Generate documents': true, 'Sync issues': 'Checks: a line another job wrote' } }]);

    const blocked = await buildDocuments(sw.deps());
    expect(blocked.details.blocked.map((b) => b.shipment)).toContain('OOLU2741905530');
    const issues = String((await sw.find('Purchase Orders', 'PO number', 'PO-2406')).fields['Sync issues']);
    expect(issues.split('\n')).toEqual([
      'Checks: a line another job wrote',
      `Documents: OOLU2741905530: Shipments OOLU2741905530: "Container number" OOLU1745207 fails the ISO 6346 check digit (expected 6)`,
    ]);
    expect(await documentsOf(sea.id)).toEqual(rowsBefore);

    await sw.records.update('Shipments', [{ id: sea.id, fields: { 'Container number': 'OOLU1745206' } }]);
    await sw.records.update('Purchase Orders', [{ id: po.id, fields: { 'Generate documents': true } }]);
    const fixed = await buildDocuments(sw.deps());
    expect(fixed.details.blocked.map((b) => b.shipment)).not.toContain('OOLU2741905530');
    expect((await sw.find('Purchase Orders', 'PO number', 'PO-2406')).fields['Sync issues']).toBe('Checks: a line another job wrote');
  });
});

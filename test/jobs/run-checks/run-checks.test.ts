/**
 * The checks job against the local workspace through the Airtable adapter, on the sample agency resolved
 * against SAMPLE_TODAY and checked at 09:00 UTC that day.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/jobs/run-checks.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../../../src/ports/airtable.ts';
import { SAMPLE_TODAY, startSampleWorkspace, type SampleWorkspace } from './sample-workspace.ts';

let sample: SampleWorkspace;
beforeEach(async () => {
  sample = await startSampleWorkspace();
});
afterEach(async () => {
  await sample.close();
});

const alertsByMessage = async () => [...(await sample.rows('Alerts', 'Key')).values()];
const find = (rows: AirtableRecord[], rule: string, text: string) =>
  rows.filter((r) => r.fields['Rule'] === rule && String(r.fields['Message']).includes(text));

describe('run-checks on the sample agency', () => {
  it('finds the known situations and records them in the Alerts table', async () => {
    const report = await sample.check();
    expect(report.problems).toEqual([]);
    expect(report.details.today).toBe(SAMPLE_TODAY);
    const rows = await alertsByMessage();
    const pos = await sample.rows('Purchase Orders', 'PO number');
    const people = await sample.rows('People', 'Name');

    // The failed DUPRO of PO-2407 nobody re-inspected: the sample's acknowledged row is kept, not duplicated.
    const dupro = find(rows, 'inspection-failed', 'DUPRO of PO-2407 failed');
    expect(dupro).toHaveLength(1);
    expect(dupro[0]!.fields).toMatchObject({ Severity: 'Critical', Status: 'Acknowledged', PO: [pos.get('PO-2407')!.id] });
    expect(dupro[0]!.fields['Key']).toMatch(/^inspection-failed:rec/);

    // PO-2409 is booked on NSH1873452 without any PSI.
    const shipment = find(rows, 'shipment-without-psi', 'Shipment NSH1873452');
    expect(shipment).toHaveLength(1);
    expect(shipment[0]!.fields).toMatchObject({ Severity: 'Critical', Status: 'Open', PO: [pos.get('PO-2409')!.id] });
    expect(shipment[0]!.fields['Message']).toContain('PO-2409');

    // Late milestones, owned by the milestone's owner.
    for (const name of ['PO-2405 · Materials ready is 4 days late', 'PO-2409 · PSI is 3 days late', 'PO-2406 · Balance paid is 1 day late']) {
      expect(find(rows, 'late-milestone', name), name).toHaveLength(1);
    }
    expect(find(rows, 'late-milestone', 'PO-2409 · PSI')[0]!.fields['Owner']).toEqual([people.get('Chen Hao')!.id]);

    // Guangyao's certificate expires in 21 days, before PO-2411 ends; the sample's open row is adopted.
    const cert = find(rows, 'certificate-expiring', 'Shenzhen Guangyao Lighting');
    expect(cert).toHaveLength(1);
    expect(cert[0]!.fields).toMatchObject({ Severity: 'Warning', Status: 'Open' });
    expect(cert[0]!.fields['Message']).toContain('expires in 21 days');

    // A calendar conflict: PO-2405 is produced right after CNY and over Huamei's mould maintenance.
    const calendar = find(rows, 'calendar-conflict', 'PO-2405');
    expect(calendar[0]!.fields['Message']).toContain('CNY factory shutdown 2026');
    expect(calendar[0]!.fields['Message']).toContain('Huamei annual mould maintenance');

    expect(new Set(rows.map((r) => r.fields['Key'])).size).toBe(rows.length);
    expect(report.details.bySeverity.Critical).toBeGreaterThanOrEqual(3);
    expect(report.details.byRule['shipment-without-psi']).toEqual({ Info: 0, Warning: 0, Critical: 1 });
  });

  it('writes the computed system fields, in batches of 10', async () => {
    const report = await sample.check();
    const evaluations = await sample.rows('Supplier Evaluations', 'Evaluation');
    for (const e of evaluations.values()) expect(e.fields['Weighted score'], String(e.fields['Evaluation'])).toBeGreaterThan(0);
    // Jiale shipped its only order on time and passed its PSI first time: track record 0.5 × 4/5 + 0.5 × 1.
    expect(evaluations.get('Jiale · Glass ornaments')!.fields['Weighted score']).toBe(85);
    const milestones = await sample.rows('Milestones', 'Milestone');
    expect(milestones.get('PO-2405 · Materials ready')!.fields['Status']).toBe('Late');
    expect(milestones.get('PO-2405 · IPI')!.fields['Status']).toBe('At risk');
    expect(milestones.get('PO-2407 · DUPRO')!.fields['Status']).toBe('Done');
    const { computed, alerts } = report.details;
    // One PSI's plan follows the switching rules (issue 11): its severity and reason are written too.
    expect(computed).toEqual({ Milestones: 60, 'Supplier Evaluations': 9, Inspections: 1 });
    // The sample's two alerts are adopted (re-keyed), all others created; 17 of them are schedule conflicts: the
    // sample's entered dates leave less time than the network's lags (e.g. PO-2405 produces 60 days in 22).
    expect(alerts).toMatchObject({ created: 44, adopted: 2, resolved: 0 });
    expect(report.details.byRule['schedule-conflict']).toEqual({ Info: 0, Warning: 17, Critical: 0 });
    const batches = (n: number) => Math.ceil(n / 10);
    expect(report.requests['airtable']!.byOperation).toEqual({
      list: 16, // every table read once, each under 100 rows
      update: batches(60) + batches(9) + batches(1) + batches(2),
      upsert: batches(44), // new alerts are upserted on their Key
    });
  });

  it('new alerts whose write answer is lost are written again on their Key: one row each, the retry counted', async () => {
    await sample.ws.control('POST', '/faults', { service: 'airtable', kind: 'lost-response', count: 1, methods: ['POST', 'PATCH'], pathIncludes: '/Alerts' });
    const report = await sample.check();
    expect(report.problems).toEqual([]);
    expect(report.details.alerts).toMatchObject({ created: 44, adopted: 2 });
    expect(report.requests['airtable']!.byOperation['retry']).toBe(1);
    const keys = [...(await sample.rows('Alerts', 'Key')).keys()];
    const rows = await sample.records.list('Alerts');
    expect(rows).toHaveLength(keys.length);
    expect(rows).toHaveLength(46);
  });

  it('makes no write at all on a second run the same day', async () => {
    const first = await sample.check();
    expect(first.details.alerts.created).toBeGreaterThan(0);
    const second = await sample.check(`${SAMPLE_TODAY}T15:30:00.000Z`);
    expect(second.requests).toEqual({ airtable: { total: 16, byOperation: { list: 16 } } });
    expect(second.details.alerts).toMatchObject({ created: 0, seen: 0, resolved: 0, unchanged: first.details.findings });
  });

  it('moves Last seen the next day but keeps First seen', async () => {
    await sample.check();
    const key = find(await alertsByMessage(), 'shipment-without-psi', 'NSH1873452')[0]!.fields['Key'] as string;
    await sample.check('2026-03-03T09:00:00.000Z');
    const row = (await sample.rows('Alerts', 'Key')).get(key)!;
    expect(row.fields['First seen']).toBe(`${SAMPLE_TODAY}T09:00:00.000Z`);
    expect(row.fields['Last seen']).toBe('2026-03-03T09:00:00.000Z');
  });

  it('keeps an alert a person acknowledged in Airtable acknowledged', async () => {
    await sample.check();
    const row = find(await alertsByMessage(), 'shipment-without-psi', 'NSH1873452')[0]!;
    await sample.records.update('Alerts', [{ id: row.id, fields: { Status: 'Acknowledged' } }]);
    const again = await sample.check('2026-03-03T09:00:00.000Z');
    expect(again.problems).toEqual([]);
    const after = (await sample.rows('Alerts', 'Key')).get(row.fields['Key'] as string)!;
    expect(after.fields['Status']).toBe('Acknowledged');
    expect(after.fields['Last seen']).toBe('2026-03-03T09:00:00.000Z');
  });

  it('resolves the alert on the next run once the data is fixed (a passed PSI for PO-2409)', async () => {
    await sample.check();
    const pos = await sample.rows('Purchase Orders', 'PO number');
    await sample.records.create('Inspections', [
      { Inspection: 'PO-2409 · PSI', PO: [pos.get('PO-2409')!.id], Type: 'PSI', 'Inspection date': SAMPLE_TODAY, 'Lot size': 360, Result: 'Pass' },
    ]);
    const report = await sample.check(`${SAMPLE_TODAY}T11:00:00.000Z`);
    expect(report.details.alerts.resolved).toBeGreaterThanOrEqual(1);
    const shipment = find(await alertsByMessage(), 'shipment-without-psi', 'NSH1873452');
    expect(shipment[0]!.fields['Status']).toBe('Resolved');
    const balance = find(await alertsByMessage(), 'balance-before-psi', 'PO-2409');
    expect(balance[0]!.fields['Status']).toBe('Resolved');
  });

  it('reports a malformed row, writes its Sync issues, and checks every other row', async () => {
    const milestones = await sample.rows('Milestones', 'Milestone');
    const broken = milestones.get('PO-2405 · Materials ready')!;
    await sample.check();
    await sample.records.update('Milestones', [{ id: broken.id, fields: { PO: [] } }]);
    const report = await sample.check(`${SAMPLE_TODAY}T12:00:00.000Z`);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([`Milestones PO-2405 · Materials ready: "PO" is missing`]); // named, not by ID
    expect(report.details.skippedRows).toBe(1);
    const after = (await sample.rows('Milestones', 'Milestone')).get('PO-2405 · Materials ready')!;
    expect(after.fields['Sync issues']).toBe('"PO" is missing');
    const rows = await alertsByMessage();
    // Other rows proceed, and the broken milestone's own alert is not resolved on a guess.
    expect(find(rows, 'late-milestone', 'PO-2409 · PSI')[0]!.fields['Status']).toBe('Open');
    expect(find(rows, 'late-milestone', 'PO-2405 · Materials ready')[0]!.fields['Status']).toBe('Open');
    expect(find(rows, 'shipment-without-psi', 'NSH1873452')[0]!.fields['Status']).toBe('Open');

    // Fixed: the Sync issues cell is cleared on the next run.
    await sample.records.update('Milestones', [{ id: broken.id, fields: { PO: [(await sample.rows('Purchase Orders', 'PO number')).get('PO-2405')!.id] } }]);
    const fixed = await sample.check(`${SAMPLE_TODAY}T13:00:00.000Z`);
    expect(fixed.problems).toEqual([]);
    expect((await sample.rows('Milestones', 'Milestone')).get('PO-2405 · Materials ready')!.fields['Sync issues']).toBeUndefined();
  });

  it('stops a write at its first failed call, counts the rows not written, and still writes the other tables', async () => {
    const down = new Error('Airtable answered 503 Service Unavailable');
    // The adapter as the job gets it, with the Milestones writes failing (every other call goes through).
    const failing = new Proxy(sample.records, {
      get(target, prop, receiver) {
        if (prop === 'update') {
          return (table: string, rows: Parameters<AirtableRecordsPort['update']>[1], options?: Parameters<AirtableRecordsPort['update']>[2]) =>
            table === 'Milestones' ? Promise.reject(down) : target.update(table, rows, options);
        }
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const report = await runChecks({ records: failing, counter: new RequestCounter(), now: () => new Date(`${SAMPLE_TODAY}T09:00:00.000Z`) }, { today: SAMPLE_TODAY });
    const statuses = report.details.computed['Milestones'] ?? 0;
    expect(statuses).toBeGreaterThan(0);
    expect(report.details.writesFailed).toBe(statuses);
    expect(report.problems).toContain(`Could not write ${statuses} row(s) of Milestones: ${down.message}`);
    // The alerts went out all the same.
    expect(report.details.alerts.created).toBeGreaterThan(0);
    expect((await alertsByMessage()).length).toBeGreaterThanOrEqual(report.details.alerts.created);
  });

  it('leaves other jobs’ Sync issues lines alone and never holds them: only its own lines are rewritten', async () => {
    const pos = await sample.rows('Purchase Orders', 'PO number');
    const contract = 'Contract: the agency has no registered address (fill in the Agency row)';
    await sample.records.update('Purchase Orders', [{ id: pos.get('PO-2405')!.id, fields: { 'Sync issues': contract } }]);
    const report = await sample.check();
    expect(report.details.syncIssues).toBe(0);
    expect((await sample.rows('Purchase Orders', 'PO number')).get('PO-2405')!.fields['Sync issues']).toBe(contract);
  });
});

/** A local workspace with the template provisioned (and, on request, the sample agency loaded), for job tests. */
import { createAirtableAdapters, type AirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { loadSampleRows, loadTemplateTables } from '../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import type { AirtableRecordsPort } from '../../src/ports/airtable.ts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

export interface JobWorkspace {
  ws: TestWorkspace;
  airtable: AirtableAdapters;
  counter: RequestCounter;
  baseId: string;
  records: AirtableRecordsPort;
  close(): Promise<void>;
}

/** `sampleToday`: load the sample agency with its relative dates resolved against that day. */
export async function provisionedWorkspace(options: { sampleToday?: string } = {}): Promise<JobWorkspace> {
  const ws = await startTestWorkspace();
  const counter = new RequestCounter();
  const airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 5000 });
  const report = await setupWorkspace(
    { meta: airtable.meta, records: (id) => airtable.records(id), counter, now: () => new Date() },
    {
      baseName: 'Job test',
      workspaceId: 'wspLocal000000000',
      tables: loadTemplateTables(),
      rows: options.sampleToday ? loadSampleRows(options.sampleToday) : undefined,
    },
  );
  if (!report.ok) throw new Error(`setup failed: ${report.problems.join('; ')}`);
  const baseId = report.details.baseId;
  return { ws, airtable, counter, baseId, records: airtable.records(baseId), close: () => ws.close() };
}

/** A records port that counts writes (create/update/upsert/delete calls and rows) on top of another. */
export function countingWrites(inner: AirtableRecordsPort): AirtableRecordsPort & { writes: { table: string; op: string; rows: number }[] } {
  const writes: { table: string; op: string; rows: number }[] = [];
  return {
    baseId: inner.baseId,
    writes,
    list: (table, options) => inner.list(table, options),
    create: (table, rows, options) => (writes.push({ table, op: 'create', rows: rows.length }), inner.create(table, rows, options)),
    update: (table, rows, options) => (writes.push({ table, op: 'update', rows: rows.length }), inner.update(table, rows, options)),
    upsert: (table, rows, merge, options) => (writes.push({ table, op: 'upsert', rows: rows.length }), inner.upsert(table, rows, merge, options)),
    delete: (table, ids) => (writes.push({ table, op: 'delete', rows: ids.length }), inner.delete(table, ids)),
  };
}

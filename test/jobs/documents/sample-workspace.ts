/**
 * Test helper: a local workspace with the template provisioned and the sample agency loaded (relative dates
 * resolved against `today`), plus the Airtable and Drive adapters the jobs use, sharing one request counter.
 */
import { createAirtableAdapters } from '../../../src/adapters/airtable/index.ts';
import { createDriveAdapter } from '../../../src/adapters/drive/index.ts';
import { loadSampleRows, loadTemplateTables } from '../../../src/cli/workspace-data.ts';
import type { DocumentsDeps } from '../../../src/jobs/build-documents.ts';
import { setupWorkspace } from '../../../src/jobs/setup-workspace.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../../../src/ports/airtable.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

export interface SampleWorkspace {
  ws: TestWorkspace;
  records: AirtableRecordsPort;
  /** Fresh deps (and a fresh counter) for one job run. */
  deps(now?: Date): DocumentsDeps & { counter: RequestCounter };
  /** The first record of `table` whose primary field equals `name`. */
  find(table: string, field: string, value: string): Promise<AirtableRecord>;
  close(): Promise<void>;
}

export async function startSampleWorkspace(today: string): Promise<SampleWorkspace> {
  const ws = await startTestWorkspace();
  const setupCounter = new RequestCounter();
  const airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter: setupCounter, requestsPerSecond: 1000, penaltyMs: 50 });
  const setup = await setupWorkspace(
    { meta: airtable.meta, records: airtable.records, counter: setupCounter, now: () => new Date() },
    { baseName: 'Documents test', workspaceId: 'wspTest0000000000', tables: loadTemplateTables(), rows: loadSampleRows(today) },
  );
  if (!setup.ok) throw new Error(`sample did not load: ${setup.problems.join('; ')}`);
  const baseId = setup.details.baseId;
  const records = airtable.records(baseId);
  return {
    ws,
    records,
    deps(now = new Date(`${today}T02:00:00Z`)) {
      const counter = new RequestCounter();
      const jobAirtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 1000, penaltyMs: 50 });
      return {
        records: jobAirtable.records(baseId),
        drive: createDriveAdapter({ auth: { accessToken: ws.token }, rootUrl: `${ws.url}/`, counter }),
        counter,
        now: () => now,
      };
    },
    async find(table, field, value) {
      const found = (await records.list(table)).find((r) => r.fields[field] === value);
      if (!found) throw new Error(`${table}: no record with ${field} = ${value}`);
      return found;
    },
    close: () => ws.close(),
  };
}

/**
 * Test helper: a local workspace with the template provisioned and the sample agency loaded, its relative dates
 * resolved against a fixed `today`, and a clock for the checks relative to that same day.
 */
import { createAirtableAdapters, type AirtableAdapters } from '../../../src/adapters/airtable/index.ts';
import { loadSampleRows, loadTemplateTables } from '../../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../../src/jobs/setup-workspace.ts';
import { runChecks, type RunChecksInput } from '../../../src/jobs/run-checks.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../../../src/ports/airtable.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

/** The day the sample is resolved against (a Monday; CNY 2026 was 17 February). */
export const SAMPLE_TODAY = '2026-03-02';

export interface SampleWorkspace {
  ws: TestWorkspace;
  airtable: AirtableAdapters;
  records: AirtableRecordsPort;
  /** Runs the checks with a fresh request counter at `at` (default 09:00 UTC on SAMPLE_TODAY). */
  check(at?: string, input?: RunChecksInput): ReturnType<typeof runChecks>;
  /** Rows of a table by their primary field value. */
  rows(table: string, primary: string): Promise<Map<string, AirtableRecord>>;
  close(): Promise<void>;
}

export async function startSampleWorkspace(): Promise<SampleWorkspace> {
  const ws = await startTestWorkspace();
  const airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter: new RequestCounter(), requestsPerSecond: 1000, penaltyMs: 10 });
  const setup = await setupWorkspace(
    { meta: airtable.meta, records: airtable.records, counter: new RequestCounter(), now: () => new Date(`${SAMPLE_TODAY}T08:00:00.000Z`) },
    { baseName: 'Sample agency', workspaceId: 'wspTest0000000000', tables: loadTemplateTables(), rows: loadSampleRows(SAMPLE_TODAY) },
  );
  if (!setup.ok) throw new Error(`sample setup failed:\n${setup.problems.join('\n')}`);
  const baseId = setup.details.baseId;
  // A separate adapter per run, so each report counts only that run's requests.
  const check = (at = `${SAMPLE_TODAY}T09:00:00.000Z`, input: RunChecksInput = {}) => {
    const counter = new RequestCounter();
    const own = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 1000, penaltyMs: 10 });
    return runChecks({ records: own.records(baseId), counter, now: () => new Date(at) }, { today: at.slice(0, 10), ...input });
  };
  const records = airtable.records(baseId);
  return {
    ws,
    airtable,
    records,
    check,
    async rows(table, primary) {
      return new Map((await records.list(table)).map((r) => [String(r.fields[primary]), r]));
    },
    close: () => ws.close(),
  };
}

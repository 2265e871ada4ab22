import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAirtableAdapters, type AirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { loadSampleRows, loadTemplateTables } from '../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import type { AirtableRecordsPort } from '../../src/ports/airtable.ts';
import type { LoadJournal, LoadState } from '../../src/ports/load-journal.ts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

const WORKSPACE_ID = 'wspTest0000000000';
const TODAY = '2027-03-15';

describe('setup job: provisioning and sample loading', () => {
  let ws: TestWorkspace;
  let counter: RequestCounter;
  let airtable: AirtableAdapters;
  const deps = () => ({ meta: airtable.meta, records: airtable.records, counter, now: () => new Date() });

  beforeEach(async () => {
    ws = await startTestWorkspace();
    counter = new RequestCounter();
    airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 1000, penaltyMs: 50 });
  });
  afterEach(async () => {
    await ws.close();
  });

  it('creates the base from the template and loads every sample row once', async () => {
    const rows = loadSampleRows(TODAY);
    const report = await setupWorkspace(deps(), { baseName: 'Agency', workspaceId: WORKSPACE_ID, tables: loadTemplateTables(), rows });
    expect(report.problems).toEqual([]);
    expect(report.details.provision.createdBase).toBe(true);

    const schema = await airtable.meta.getSchema(report.details.baseId);
    expect(schema.map((t) => t.name)).toEqual(loadTemplateTables().map((t) => t.name));
    for (const { table, rows: expected } of rows) {
      const stored = await airtable.records(report.details.baseId).list(table);
      expect(stored, table).toHaveLength(expected.length);
      expect(report.details.load?.perTable[table]).toEqual({ created: expected.length, existing: 0 });
    }
    // Self links (People.Manager) are written in a second pass once both people exist.
    const people = await airtable.records(report.details.baseId).list('People');
    expect(people.some((p) => Array.isArray(p.fields['Manager']) && p.fields['Manager'].length === 1)).toBe(true);
  });

  it('adds nothing and rewrites nothing when run again, even after a person edited a sample row', async () => {
    const input = { baseName: 'Agency', workspaceId: WORKSPACE_ID, tables: loadTemplateTables(), rows: loadSampleRows(TODAY) };
    const first = await setupWorkspace(deps(), input);
    const records = airtable.records(first.details.baseId);
    const [po] = await records.list('Purchase Orders', { maxRecords: 1 });
    await records.update('Purchase Orders', [{ id: po!.id, fields: { 'Payment terms': 'Edited by a person' } }]);

    counter = new RequestCounter();
    const second = await setupWorkspace(deps(), input);
    const ops = second.requests['airtable']?.byOperation ?? {};
    expect(Object.keys(ops).filter((op) => /create|update|upsert|delete/i.test(op))).toEqual([]);
    expect(second.details.provision).toMatchObject({ createdBase: false, tablesCreated: [], fieldsCreated: [] });
    const after = await records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: String(po!.fields['PO number']) }] });
    expect(after[0]?.fields['Payment terms']).toBe('Edited by a person');
  });

  it('completes an older base: adds the missing table and fields, reports a type clash and leaves it alone', async () => {
    const tables = loadTemplateTables();
    const people = tables.find((t) => t.name === 'People')!;
    const older = await airtable.meta.createBase('Agency', WORKSPACE_ID, [
      // An older People table: fewer fields, and "Email" kept as plain text by the agency.
      { name: 'People', fields: [people.fields[0]!, { name: 'Email', type: 'singleLineText' }] },
    ]);
    await airtable.records(older.id).create('People', [{ Name: 'Existing agent', Email: 'agent@example.com' }]);

    const report = await setupWorkspace(deps(), { baseName: 'Agency', workspaceId: WORKSPACE_ID, tables });
    expect(report.details.baseId).toBe(older.id);
    expect(report.details.provision.tablesCreated).toEqual(tables.filter((t) => t.name !== 'People').map((t) => t.name));
    expect(report.details.provision.fieldsCreated).toContain('People.Time zone');
    expect(report.problems).toEqual([
      'People: field "Email" is singleLineText in the base but email in the template; left as it is',
    ]);
    const rows = await airtable.records(older.id).list('People');
    expect(rows.map((r) => r.fields)).toEqual([{ Name: 'Existing agent', Email: 'agent@example.com' }]);
  });

  it('finishes a sample load that a kill interrupted, instead of leaving a half-loaded base for the plan', async () => {
    let state: LoadState | undefined;
    const journal: LoadJournal = { read: async () => state, write: async (next) => void (state = next) };
    const input = { baseName: 'Agency', workspaceId: WORKSPACE_ID, tables: loadTemplateTables(), rows: loadSampleRows(TODAY), loadRows: 'new-base' as const, journal };
    // The process dies after the rows of the first 5 tables reached Airtable (People's Manager links, patched last, not).
    let batches = 0;
    const dying = (baseId: string): AirtableRecordsPort => {
      const inner = airtable.records(baseId);
      return { ...inner, list: inner.list.bind(inner), update: inner.update.bind(inner), upsert: inner.upsert.bind(inner), delete: inner.delete.bind(inner),
        create: async (table, rows, options) => {
          if (++batches > 5) throw new Error('killed');
          return inner.create(table, rows, options);
        } };
    };
    await expect(setupWorkspace({ ...deps(), records: dying }, input)).rejects.toThrow('killed');
    expect(state).toBe('loading');

    // The next start sees the base exists (so "new-base" alone would load nothing) and resumes the load.
    const resumed = await setupWorkspace(deps(), input);
    expect(resumed.problems).toEqual([]);
    expect(resumed.details.resumed).toBe(true);
    expect(state).toBe('complete');
    const records = airtable.records(resumed.details.baseId);
    for (const { table, rows } of loadSampleRows(TODAY)) expect(await records.list(table), table).toHaveLength(rows.length);
    const people = await records.list('People');
    expect(people.filter((p) => Array.isArray(p.fields['Manager'])).length).toBe(
      loadSampleRows(TODAY).find((t) => t.table === 'People')!.rows.filter((r) => (r.links['Manager'] ?? []).length > 0).length,
    );

    // Complete now: a later start loads nothing again.
    counter = new RequestCounter();
    const third = await setupWorkspace(deps(), input);
    expect(third.details.load).toBeUndefined();
  }, 60_000);
});

/**
 * readTables against the local workspace: a table given a sink sends its records there, page by page and in table
 * order, instead of into `tables`, with the same parsing, problems and rows kept as any other table; records kept
 * in `tables` never hold their Sync issues text (NOT_HELD), while a sink gets each record whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestones } from '../../src/domain/models/milestone.ts';
import { purchaseOrders } from '../../src/domain/models/purchase-order.ts';
import type { Milestone } from '../../src/domain/models/milestone.ts';
import { readTables } from '../../src/jobs/read-tables.ts';
import { provisionedWorkspace, type JobWorkspace } from './job-workspace.ts';

let workspace: JobWorkspace;
beforeAll(async () => {
  workspace = await provisionedWorkspace({ sampleToday: '2026-03-02' });
});
afterAll(async () => {
  await workspace.close();
});

describe('readTables with a sink', () => {
  it('hands the sunk table its records in table order and leaves its array empty; the other tables are read as before', async () => {
    const models = { milestones, purchaseOrders };
    const note = 'Checks: "Planned date" was moved by hand';
    const [first] = await workspace.records.list('Milestones', { maxRecords: 1 });
    await workspace.records.update('Milestones', [{ id: first?.id ?? '', fields: { 'Sync issues': note } }]);
    const plain = await readTables(workspace.records, models, 'all', { keepRaw: 'rows' });
    const sunk: Milestone[] = [];
    const withSink = await readTables(workspace.records, models, 'all', {
      keepRaw: 'rows',
      sinks: { milestones: (m) => sunk.push(m) },
    });
    expect(plain.tables.milestones.length).toBeGreaterThan(20);
    expect(plain.tables.milestones.every((m) => m.syncIssues === undefined)).toBe(true);
    expect(sunk.find((m) => m.id === first?.id)?.syncIssues).toBe(note);
    expect(sunk.map((m) => ({ ...m, syncIssues: undefined }))).toEqual(plain.tables.milestones);
    expect(withSink.tables.milestones).toEqual([]);
    expect(withSink.tables.purchaseOrders).toEqual(plain.tables.purchaseOrders);
    expect(withSink.problems).toEqual(plain.problems);
    expect(withSink.raw.get('Milestones')?.map((r) => r.id)).toEqual(plain.raw.get('Milestones')?.map((r) => r.id));
  });
});

/**
 * readTables against the local workspace: a table given a sink sends its records there, page by page and in table
 * order, instead of into `tables`, with the same parsing, dropped keys, problems and rows kept as any other table.
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
    const plain = await readTables(workspace.records, models, 'all', { keepRaw: 'rows', drop: ['syncIssues'] });
    const sunk: Milestone[] = [];
    const withSink = await readTables(workspace.records, models, 'all', {
      keepRaw: 'rows',
      drop: ['syncIssues'],
      sinks: { milestones: (m) => sunk.push(m) },
    });
    expect(plain.tables.milestones.length).toBeGreaterThan(20);
    expect(sunk).toEqual(plain.tables.milestones);
    expect(sunk.every((m) => m.syncIssues === undefined)).toBe(true);
    expect(withSink.tables.milestones).toEqual([]);
    expect(withSink.tables.purchaseOrders).toEqual(plain.tables.purchaseOrders);
    expect(withSink.problems).toEqual(plain.problems);
    expect(withSink.raw.get('Milestones')?.map((r) => r.id)).toEqual(plain.raw.get('Milestones')?.map((r) => r.id));
  });
});

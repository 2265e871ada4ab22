/**
 * Derived outputs heal: a production schedule carries the hash of its inputs, so a plan interrupted half-way and
 * finished by the next cycle leaves exactly the milestones and the schedule PDFs an uninterrupted cycle leaves.
 * Tested at the job level (plan then documents, as a cycle runs them), whatever the planner computes inside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocuments } from '../../src/jobs/build-documents.ts';
import { planSchedules } from '../../src/jobs/plan-schedule.ts';
import type { AirtableRecordsPort } from '../../src/ports/airtable.ts';
import { startSampleWorkspace, type SampleWorkspace } from './documents/sample-workspace.ts';

const TODAY = '2026-03-02';
const NOW = new Date(`${TODAY}T02:00:00Z`);
const KETTLE = ['Tidewater Sourcing', 'Harborline Home', 'Harborline · 1.7 L cordless kettle'];

/** A records port that dies (like a SIGKILL) after the first batch of new milestones reached Airtable. */
function dyingAfterFirstMilestoneBatch(inner: AirtableRecordsPort): AirtableRecordsPort {
  return {
    baseId: inner.baseId,
    list: (table, options) => inner.list(table, options),
    update: (table, rows, options) => inner.update(table, rows, options),
    upsert: (table, rows, merge, options) => inner.upsert(table, rows, merge, options),
    delete: (table, ids) => inner.delete(table, ids),
    create: async (table, rows, options) => {
      if (table !== 'Milestones' || rows.length <= 10) return inner.create(table, rows, options);
      await inner.create(table, rows.slice(0, 10), options);
      throw new Error('killed after the first batch');
    },
  };
}

interface Outcome {
  milestones: string[];
  schedules: Map<string, Buffer>;
}

async function outcome(sw: SampleWorkspace): Promise<Outcome> {
  const milestones = (await sw.records.list('Milestones'))
    .map((r) => [r.fields['Milestone'], r.fields['Kind'], r.fields['Baseline date'], r.fields['Planned date'], r.fields['Actual date']].map(String).join(' | '))
    .sort();
  const schedules = new Map<string, Buffer>();
  for (const po of ['PO-2405', 'PO-2406']) schedules.set(po, readFileSync(join(sw.ws.dir, 'drive', ...KETTLE, `${po} Production schedule.pdf`)));
  return { milestones, schedules };
}

describe('derived outputs heal after an interrupted plan', () => {
  let reference: SampleWorkspace;
  let interrupted: SampleWorkspace;
  beforeAll(async () => {
    [reference, interrupted] = await Promise.all([startSampleWorkspace(TODAY), startSampleWorkspace(TODAY)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([reference?.close(), interrupted?.close()]);
  });

  it('an interrupted plan followed by a clean cycle leaves the same milestones and schedule PDF bytes as an uninterrupted one', async () => {
    // Reference: one uninterrupted plan, then the documents.
    const plan = await planSchedules(reference.deps(NOW));
    expect(plan.details.rowsCreated).toBeGreaterThan(10); // else the interruption below would not interrupt anything
    await buildDocuments(reference.deps(NOW));

    // The plan dies after its first batch; the cycle goes on to the documents, which draw the half-planned schedules.
    const deps = interrupted.deps(NOW);
    await expect(planSchedules({ ...deps, records: dyingAfterFirstMilestoneBatch(deps.records) })).rejects.toThrow('killed');
    await buildDocuments(interrupted.deps(NOW));
    const half = await outcome(interrupted);
    const expected = await outcome(reference);
    expect(half.milestones).not.toEqual(expected.milestones);

    // The next clean cycle: plan, then documents. Nobody ticks a box.
    await planSchedules(interrupted.deps(NOW));
    const docs = await buildDocuments(interrupted.deps(NOW));
    expect(docs.details.schedules.some((s) => s.outcome === 'updated')).toBe(true);
    const healed = await outcome(interrupted);
    expect(healed.milestones).toEqual(expected.milestones);
    for (const [po, bytes] of expected.schedules) expect(healed.schedules.get(po)?.equals(bytes), po).toBe(true);
  }, 120_000);

  it('a schedule is not re-rendered just because a day has passed', async () => {
    const nextDay = await buildDocuments(reference.deps(new Date(NOW.getTime() + 86_400_000)));
    expect(nextDay.details.uploads).toBe(0);
    expect(nextDay.details.schedules.length).toBeGreaterThan(0);
    expect(nextDay.details.schedules.every((s) => s.outcome === 'current')).toBe(true);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChinaWorkingDay } from '../../src/domain/calendar/china-working-days.ts';
import { milestones } from '../../src/domain/models/milestone.ts';
import { chainKinds } from '../../src/domain/planning/milestone-chain.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { planSchedules, type PlanDetails } from '../../src/jobs/plan-schedule.ts';
import type { JobReport } from '../../src/jobs/report.ts';
import { countingWrites, provisionedWorkspace, type JobWorkspace } from './job-workspace.ts';

const NOW = new Date('2026-03-02T01:00:00Z'); // Monday 09:00 in Ningbo
const DATE_FIELDS = ['Baseline date', 'Planned date', 'Actual date'] as const;

describe('plan job against the sample agency', () => {
  let jw: JobWorkspace;
  let before: Map<string, Record<string, unknown>>;
  let report: JobReport<PlanDetails>;
  let psi2404: string;

  beforeAll(async () => {
    jw = await provisionedWorkspace({ sampleToday: '2026-03-02' });
    const rows = await jw.records.list(milestones.table);
    // An agent cleared the planned PSI date of PO-2404; its baseline stays.
    psi2404 = rows.find((r) => r.fields['Milestone'] === 'PO-2404 · PSI')!.id;
    await jw.records.update(milestones.table, [{ id: psi2404, fields: { 'Planned date': null } }]);
    before = new Map((await jw.records.list(milestones.table)).map((r) => [r.id, r.fields]));
    report = await planSchedules({ records: jw.records, counter: jw.counter, now: () => NOW });
  });
  afterAll(async () => {
    await jw.close();
  });

  it('never overwrites an entered date', async () => {
    const after = new Map((await jw.records.list(milestones.table)).map((r) => [r.id, r.fields]));
    for (const [id, fields] of before) {
      for (const field of DATE_FIELDS) {
        if (fields[field] !== undefined) expect(after.get(id)?.[field], `${String(fields['Milestone'])} ${field}`).toBe(fields[field]);
      }
    }
  });

  it('fills only the empty date of an existing milestone', async () => {
    const row = (await jw.records.list(milestones.table)).find((r) => r.id === psi2404)!;
    const po2404 = report.details.planned.find((p) => p.po === 'PO-2404')!;
    const filled = po2404.filled.find((f) => f.kind === 'PSI');
    expect(filled).toMatchObject({ field: 'Planned date' });
    expect(row.fields['Planned date']).toBe(filled?.date);
    expect(row.fields['Baseline date']).toBe(before.get(psi2404)?.['Baseline date']);
    expect(po2404.filled.filter((f) => f.kind !== 'PSI')).toEqual([]);
  });

  it('creates the missing milestones with baseline and planned dates on China working days', async () => {
    const parsed = parseRecords(milestones, await jw.records.list(milestones.table));
    expect(parsed.problems).toEqual([]);
    const po2405 = report.details.planned.find((p) => p.po === 'PO-2405')!;
    expect(po2405.created).toEqual(expect.arrayContaining(['Cargo ready', 'Container loading']));
    // PO-2405 is in production: an untracked Tooling kickoff the plan puts in the past is history, not a late row.
    expect(po2405.notCreated).toContain('Tooling kickoff');
    for (const kind of po2405.created) {
      const row = parsed.records.find((m) => m.milestone === `PO-2405 · ${kind}`);
      expect(row, kind).toBeDefined();
      expect(row!.baselineDate).toBe(row!.plannedDate);
      if (kind === 'Cargo ready') expect(isChinaWorkingDay(row!.baselineDate!)).toBe(true);
      expect(row!.plannedDate! >= report.details.today, `${kind} planned in the past`).toBe(true);
    }
    // Exactly one row per PO and kind.
    const keys = parsed.records.map((m) => `${m.po}:${m.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(report.details.rowsCreated).toBe(report.details.planned.reduce((n, p) => n + p.created.length, 0));
  });

  it('reports calendar conflicts and, when the date cannot be met, the options', () => {
    const po2405 = report.details.planned.find((p) => p.po === 'PO-2405')!;
    expect(po2405.target).toEqual({ kind: 'ship-by', date: '2026-03-30' });
    expect(po2405.feasible).toBe(false);
    expect(po2405.conflicts.map((c) => c.code)).toEqual(expect.arrayContaining(['target-missed', 'production-in-cny-shutdown']));
    // The manual blank-sailing row applies (no supplier or client on it).
    expect(po2405.conflicts.some((c) => c.message.includes('Blank sailings Ningbo'))).toBe(true);
    expect(po2405.options.map((o) => o.kind)).toEqual(['consume-buffer', 'priority-lane', 'split-production', 'partial-shipment']);
    // PO-2405 has a standby supplier, PO-2407 has none.
    expect(po2405.options.find((o) => o.kind === 'split-production')?.available).toBe(true);
    const po2407 = report.details.planned.find((p) => p.po === 'PO-2407')!;
    expect(po2407.options.find((o) => o.kind === 'split-production')).toMatchObject({ available: false, note: 'no standby supplier on the PO' });
  });

  it('never puts an added milestone before an entered milestone that comes earlier in the chain', async () => {
    const rows = parseRecords(milestones, await jw.records.list(milestones.table)).records;
    const chain = chainKinds('Sea');
    for (const po of report.details.planned) {
      const mine = rows.filter((m) => m.milestone.startsWith(`${po.po} · `));
      for (const kind of po.created.filter((k) => chain.includes(k))) {
        const added = mine.find((m) => m.kind === kind)!.plannedDate!;
        const earlierEntered = mine.filter((m) => !po.created.includes(m.kind) && chain.includes(m.kind) && chain.indexOf(m.kind) < chain.indexOf(kind));
        for (const e of earlierEntered) {
          const date = e.actualDate ?? e.plannedDate ?? e.baselineDate;
          if (date) expect(added >= date, `${po.po} ${kind} ${added} before ${e.kind} ${date}`).toBe(true);
        }
      }
    }
  });

  it('skips a PO still at RFQ that has no lead time, and plans every other open PO', () => {
    expect(report.problems).toEqual([]);
    expect(report.details.skipped).toEqual(
      expect.arrayContaining([{ po: 'PO-2413', reason: expect.stringMatching(/^RFQ: "Lead time days" is missing/) }]),
    );
    // Shipped, delivered, closed and cancelled POs are not planned.
    expect(report.details.planned.map((p) => p.po).sort()).toEqual(['PO-2404', 'PO-2405', 'PO-2407', 'PO-2408', 'PO-2409', 'PO-2411', 'PO-2414']);
  });

  it('names the record and field of a placed PO it cannot plan', async () => {
    const [po] = await jw.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2408' }] });
    await jw.records.update('Purchase Orders', [{ id: po!.id, fields: { 'Port of loading': 'Lianyungang' } }]);
    const again = await planSchedules({ records: jw.records, counter: jw.counter, now: () => NOW });
    expect(again.problems).toEqual([
      expect.stringMatching(/^Purchase Orders rec\w+ \(PO-2408\): "Port of loading" "Lianyungang" has no lane data \(known: Ningbo, /),
    ]);
    expect(again.details.planned.map((p) => p.po)).not.toContain('PO-2408');
  });

  it('writes nothing on a rerun', async () => {
    const records = countingWrites(jw.records);
    const again = await planSchedules({ records, counter: jw.counter, now: () => NOW });
    expect(records.writes).toEqual([]);
    expect(again.details.planned.every((p) => p.created.length === 0 && p.filled.length === 0)).toBe(true);
  });
});

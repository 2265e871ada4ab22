import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestones, type Milestone } from '../../src/domain/models/milestone.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { purchaseOrders } from '../../src/domain/models/purchase-order.ts';
import { poSchedule } from '../../src/domain/planning/po-schedule.ts';
import { calendar } from '../../src/domain/models/calendar-entry.ts';
import { projects } from '../../src/domain/models/project.ts';
import { planSchedules, type PlanDetails } from '../../src/jobs/plan-schedule.ts';
import { runChecks } from '../../src/jobs/run-checks.ts';
import type { JobReport } from '../../src/jobs/report.ts';
import { countingWrites, provisionedWorkspace, type JobWorkspace } from './job-workspace.ts';

const NOW = new Date('2026-12-04T01:00:00Z'); // Friday 09:00 in Ningbo: the day the issue was filed
const TODAY = '2026-12-04';
const DATE_FIELDS = ['Baseline date', 'Planned date', 'Actual date'] as const;

describe('plan job against the sample agency', () => {
  let jw: JobWorkspace;
  let before: Map<string, Record<string, unknown>>;
  let report: JobReport<PlanDetails>;

  beforeAll(async () => {
    jw = await provisionedWorkspace({ sampleToday: TODAY });
    before = new Map((await jw.records.list(milestones.table)).map((r) => [r.id, r.fields]));
    report = await planSchedules({ records: jw.records, counter: jw.counter, now: () => NOW });
  });
  afterAll(async () => {
    await jw.close();
  });

  const rowsOf = async () => parseRecords(milestones, await jw.records.list(milestones.table)).records;

  it('never changes an entered date (the sample\'s dates count as a person\'s)', async () => {
    const after = new Map((await jw.records.list(milestones.table)).map((r) => [r.id, r.fields]));
    for (const [id, fields] of before) {
      for (const field of DATE_FIELDS) expect(after.get(id)?.[field], `${String(fields['Milestone'])} ${field}`).toBe(fields[field]);
    }
    expect(report.details.rowsUpdated).toBe(0);
  });

  it('creates the missing milestones as Plan rows from today on, with the baseline set once, and no history', async () => {
    const rows = await rowsOf();
    const created = rows.filter((m) => !before.has(m.id));
    expect(created.length).toBe(report.details.rowsCreated);
    for (const m of created) {
      expect(m.plannedBy, m.milestone).toBe('Plan');
      expect(m.baselineDate, m.milestone).toBe(m.plannedDate);
      expect(m.plannedDate! >= TODAY, `${m.milestone} planned in the past`).toBe(true);
    }
    const po2405 = report.details.planned.find((p) => p.po === 'PO-2405')!;
    // PO-2408 has finished production: the steps before it nobody tracked are history, not late rows.
    expect(report.details.planned.find((p) => p.po === 'PO-2408')!.notCreated).toEqual(expect.arrayContaining(['Materials ready', 'DUPRO']));
    expect(po2405.created).toEqual(expect.arrayContaining(['Cargo ready', 'Container loading', 'Delivered']));
    // Tooling kickoff only for the PO with a new SKU (PO-2404 has it entered; PO-2411's is created).
    expect(report.details.planned.find((p) => p.po === 'PO-2411')!.created).toContain('Tooling kickoff');
    expect(report.details.planned.find((p) => p.po === 'PO-2414')!.created).not.toContain('Tooling kickoff');
    const keys = rows.map((m) => `${m.po}:${m.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts no plan-written date before an entered predecessor or after an entered successor (PO-2404/05/08/09 keep their ETD and PSI)', async () => {
    const rows = await rowsOf();
    const pos = parseRecords(purchaseOrders, await jw.records.list(purchaseOrders.table)).records;
    const projectRows = parseRecords(projects, await jw.records.list(projects.table)).records;
    const calendarRows = parseRecords(calendar, await jw.records.list(calendar.table)).records;
    for (const p of report.details.planned) {
      const po = pos.find((x) => x.poNumber === p.po)!;
      const mine = rows.filter((m) => m.po === po.id);
      const result = poSchedule({ po, project: projectRows.find((x) => x.id === po.project), milestones: mine, calendar: calendarRows, today: TODAY });
      if (!result.ok) throw new Error(result.reasons.join('; '));
      const net = result.schedule.network;
      const byKind = new Map<string, Milestone>(mine.map((m) => [m.kind, m]));
      const dateOf = (m: Milestone) => m.actualDate ?? m.plannedDate ?? m.baselineDate;
      const entered = (m: Milestone) => m.plannedBy !== 'Plan';
      // Along every path of the network, a Plan date sits between the entered dates around it (order, not lags).
      for (const edge of net.edges) {
        const a = byKind.get(edge.from as Milestone['kind']);
        const b = byKind.get(edge.to as Milestone['kind']);
        if (!a || !b || !dateOf(a) || !dateOf(b)) continue;
        if (entered(a) && entered(b)) continue;
        expect(dateOf(a)! <= dateOf(b)!, `${p.po}: ${edge.from} ${dateOf(a)} after ${edge.to} ${dateOf(b)}`).toBe(true);
      }
    }
    for (const po of ['PO-2404', 'PO-2405', 'PO-2408', 'PO-2409']) expect(report.details.planned.find((p) => p.po === po)?.kept).toEqual(expect.arrayContaining(['ETD']));
  });

  it('stores the verdict on the PO and raises one conflict per entered date that breaks precedence', async () => {
    const pos = parseRecords(purchaseOrders, await jw.records.list(purchaseOrders.table)).records;
    const po2404 = pos.find((p) => p.poNumber === 'PO-2404')!;
    const r2404 = report.details.planned.find((p) => p.po === 'PO-2404')!;
    expect(po2404.planVerdict).toBe(r2404.verdictText);
    expect(r2404.verdict).toBe('Target missed');
    expect(po2404.planVerdict).toMatch(/^Target missed: ETD forecast .* after the ship-by date 4 Feb 2027\n/);
    expect(po2404.planVerdict).toContain('Split production with the standby supplier (50 % there): ETD');
    expect(r2404.options.map((o) => o.kind)).toEqual(['use-buffer', 'split-standby', 'air-first-batch', 'priority-lane']);
    const conflicts = r2404.conflicts.filter((c) => c.code === 'schedule-conflict');
    expect(new Set(conflicts.map((c) => c.message.split(' is ')[0])).size).toBe(conflicts.length);
    expect(conflicts.map((c) => c.message)).toContainEqual(expect.stringMatching(/^PO-2404: PSI is planned for 28 Jan 2027 \(entered by a person\), but Production complete/));
    for (const c of conflicts) expect(c.message).not.toMatch(/rec[A-Za-z0-9]{14}/);
    expect(report.details.planned.find((p) => p.po === 'PO-2414')!.verdict).toBe('On time');
  });

  it('a second plan writes nothing and gives the same verdicts and options', async () => {
    const records = countingWrites(jw.records);
    const again = await planSchedules({ records, counter: jw.counter, now: () => NOW });
    expect(records.writes).toEqual([]);
    const strip = (d: PlanDetails) => d.planned.map(({ created: _c, filled: _f, notCreated: _n, ...rest }) => rest);
    expect(strip(again.details)).toEqual(strip(report.details));
  });

  it('the checks raise a Critical alert with the options for the PO that cannot make its date', async () => {
    const checks = await runChecks({ records: jw.records, counter: jw.counter, now: () => NOW }, { today: TODAY });
    expect(checks.ok, checks.problems.join('\n')).toBe(true);
    const alerts = await jw.records.list('Alerts');
    const critical = alerts.filter((a) => a.fields['Rule'] === 'buffer-consumed' && a.fields['Severity'] === 'Critical').map((a) => String(a.fields['Message']));
    const verdict2404 = report.details.planned.find((p) => p.po === 'PO-2404')!;
    const msg = critical.find((m) => m.startsWith('PO-2404 '));
    expect(msg, critical.join('\n')).toBeDefined();
    expect(msg).toContain(verdict2404.headline);
    expect(msg).toContain('Air-freight a first batch of 30 %');
    const conflictAlerts = alerts.filter((a) => a.fields['Rule'] === 'schedule-conflict').map((a) => String(a.fields['Message']));
    expect(conflictAlerts.filter((m) => m.startsWith('PO-2404: PSI is planned for 28 Jan 2027'))).toHaveLength(1);
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
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCalendar } from '../../src/jobs/refresh-calendar.ts';
import { calendar } from '../../src/domain/models/calendar-entry.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { countingWrites, provisionedWorkspace, type JobWorkspace } from './job-workspace.ts';

const NOW = new Date('2026-03-02T01:00:00Z');

describe('calendar job against the local workspace (sample agency)', () => {
  let jw: JobWorkspace;
  beforeAll(async () => {
    jw = await provisionedWorkspace({ sampleToday: '2026-03-02' });
  });
  afterAll(async () => {
    await jw.close();
  });

  const rows = async () => parseRecords(calendar, await jw.records.list(calendar.table));

  it('creates the generated rows of this year and next, with the peaks of the clients\' markets', async () => {
    const manualBefore = (await jw.records.list(calendar.table)).filter((r) => r.fields['Source'] === 'Manual');
    const report = await refreshCalendar({ records: jw.records, counter: jw.counter, now: () => NOW });
    expect(report.problems).toEqual([]);
    expect(report.details.years).toEqual({ from: 2026, to: 2027 });
    expect(report.details.created).toBe(report.details.generated);

    const { records, problems } = await rows();
    expect(problems).toEqual([]);
    const byKey = new Map(records.filter((r) => r.key).map((r) => [r.key!, r]));
    // The State Council's 2026 window, not the date-holidays 3 days.
    expect(byKey.get('cn-holiday:2026:spring-festival')).toMatchObject({ start: '2026-02-15', end: '2026-02-23', source: 'Generated', estimated: false, kind: 'Public holiday CN' });
    expect(byKey.get('cn-makeup:2026-02-14')).toMatchObject({ kind: 'Make-up working day CN', start: '2026-02-14', end: '2026-02-14' });
    // 2027 is not announced: estimated, 8 days from the eve (5 Feb).
    expect(byKey.get('cn-holiday:2027:spring-festival')).toMatchObject({ start: '2027-02-05', end: '2027-02-12', estimated: true });
    expect(byKey.get('factory-closure:2026:cny')).toMatchObject({ kind: 'Factory closure', start: '2026-01-27', end: '2026-03-17' });
    // Golden Week 2026 and Labour Day.
    expect(byKey.get('cn-holiday:2026:national-day')?.start).toBe('2026-10-01');
    expect(byKey.get('cn-holiday:2026:labour-day')).toMatchObject({ start: '2026-05-01', end: '2026-05-05' });
    // The sample has clients in the US, Germany and Australia.
    const bf = byKey.get('client-peak:US:2026:black-friday-cyber-monday');
    expect(bf).toMatchObject({ start: '2026-11-27', end: '2026-11-30', kind: 'Client peak' });
    expect(bf?.notes).toContain('Client market: US');
    expect(byKey.has('client-peak:DE:2027:christmas-cutoff')).toBe(true);
    expect(byKey.has('client-peak:AU:2026:eofy-sales')).toBe(true);
    expect(byKey.has('client-peak:GB:2026:christmas-cutoff')).toBe(false);

    // Manual rows are untouched.
    const manualAfter = (await jw.records.list(calendar.table)).filter((r) => r.fields['Source'] === 'Manual');
    expect(manualAfter).toEqual(manualBefore);
  });

  it('writes nothing on a rerun', async () => {
    const records = countingWrites(jw.records);
    const report = await refreshCalendar({ records, counter: jw.counter, now: () => NOW });
    expect(records.writes).toEqual([]);
    expect(report.details).toMatchObject({ created: 0, updated: 0, unchanged: report.details.generated });
  });

  it('repairs a generated row someone edited, and never touches a row a person took over', async () => {
    const all = await jw.records.list(calendar.table);
    const golden = all.find((r) => r.fields['Key'] === 'cn-holiday:2026:national-day')!;
    const takenOver = all.find((r) => r.fields['Key'] === 'cn-holiday:2026:qingming')!;
    const goldenEnd = golden.fields['End'];
    expect(goldenEnd).toMatch(/^2026-10-0[78]$/);
    await jw.records.update(calendar.table, [
      { id: golden.id, fields: { End: '2026-10-03' } },
      { id: takenOver.id, fields: { Source: 'Manual', End: '2026-04-10', Notes: 'Our factories close a week.' } },
    ]);
    const records = countingWrites(jw.records);
    const report = await refreshCalendar({ records, counter: jw.counter, now: () => NOW });
    expect(report.details.updated).toBe(1);
    expect(report.details.manualKept).toEqual(['cn-holiday:2026:qingming']);
    expect(records.writes).toEqual([{ table: 'Calendar', op: 'update', rows: 1 }]);
    const after = new Map((await jw.records.list(calendar.table)).map((r) => [r.id, r.fields]));
    expect(after.get(golden.id)?.['End']).toBe(goldenEnd);
    expect(after.get(takenOver.id)).toMatchObject({ Source: 'Manual', End: '2026-04-10', Notes: 'Our factories close a week.' });
  });
});

describe('calendar job when Airtable\'s answer to a write is lost', () => {
  it('upserts the new rows on their Key: retried, one row per key, the job succeeds', async () => {
    const jw = await provisionedWorkspace({ sampleToday: '2026-03-02' });
    try {
      await jw.ws.control('POST', '/faults', { service: 'airtable', kind: 'lost-response', count: 2, methods: ['POST', 'PATCH'], pathIncludes: '/Calendar' });
      const report = await refreshCalendar({ records: jw.records, counter: jw.counter, now: () => NOW });
      expect(report.problems).toEqual([]);
      expect(report.details.created).toBe(report.details.generated);
      expect(report.requests['airtable']?.byOperation['retry']).toBe(2);
      const keys = parseRecords(calendar, await jw.records.list(calendar.table)).records.filter((r) => r.source === 'Generated').map((r) => r.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toHaveLength(report.details.generated);
    } finally {
      await jw.close();
    }
  });
});

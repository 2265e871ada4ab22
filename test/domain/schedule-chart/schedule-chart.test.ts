import { describe, expect, it } from 'vitest';
import { seriesSpans } from '../../../src/domain/schedule-chart/bars.ts';
import { shadedWindows } from '../../../src/domain/schedule-chart/risk-shading.ts';
import { buildScheduleChart, type ScheduleInput } from '../../../src/domain/schedule-chart/schedule-chart.ts';
import { timeAxis } from '../../../src/domain/schedule-chart/time-axis.ts';
import { calendar } from '../../../src/domain/models/calendar-entry.ts';
import { inspections } from '../../../src/domain/models/inspection.ts';
import { milestones } from '../../../src/domain/models/milestone.ts';
import { purchaseOrders } from '../../../src/domain/models/purchase-order.ts';
import { suppliers } from '../../../src/domain/models/supplier.ts';
import { makeRecord, recId } from '../closure/make-record.ts';

const PO = recId('po1');
const SUPPLIER = recId('huamei');
const ms = (kind: string, baseline?: string, planned?: string, actual?: string) =>
  makeRecord(milestones, { Milestone: kind, PO: [PO], Kind: kind, 'Baseline date': baseline, 'Planned date': planned, 'Actual date': actual });

function input(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    po: makeRecord(purchaseOrders, { 'PO number': 'PO-1', Project: [recId('p')], Supplier: [SUPPLIER], Status: 'In production', 'Order date': '2025-12-01', 'Ship-by date': '2026-03-20' }, PO),
    supplier: makeRecord(suppliers, { Name: 'Ningbo Huamei Electric Appliance Co., Ltd.', 'Client alias': 'Factory NB-01', Status: 'Approved' }, SUPPLIER),
    milestones: [
      ms('Production complete', '2026-03-05', '2026-03-12'),
      ms('Production start', '2026-01-10', '2026-01-12', '2026-01-14'),
      ms('Deposit paid', '2025-12-03', '2025-12-03', '2025-12-02'),
      ms('PSI', '2026-03-08', '2026-03-14'),
      ms('Sample approval', '2025-12-20', '2025-12-20', '2025-12-19'),
    ],
    inspections: [makeRecord(inspections, { Inspection: 'DUPRO', PO: [PO], Type: 'DUPRO', 'Scheduled date': '2026-02-10', 'Inspection date': '2026-02-11', Result: 'Fail', 'Sample size': 200, 'Major defects found': 14 })],
    calendar: [],
    asOf: '2026-03-02',
    ...overrides,
  };
}

describe('production schedule model', () => {
  it('orders milestones by the lifecycle and chains the bars finish-to-start per series', () => {
    const chart = buildScheduleChart(input());
    expect(chart.rows.map((r) => r.kind)).toEqual(['Deposit paid', 'Sample approval', 'Production start', 'Production complete', 'PSI']);
    const start = chart.rows.find((r) => r.kind === 'Production start');
    // Production start is chained from sample approval (20 Dec baseline, 19 Dec actual).
    expect(start?.baseline).toEqual({ start: '2025-12-20', end: '2026-01-10' });
    expect(start?.actual).toEqual({ start: '2025-12-19', end: '2026-01-14' });
    const complete = chart.rows.find((r) => r.kind === 'Production complete');
    expect(complete?.planned).toEqual({ start: '2026-01-12', end: '2026-03-12' });
    // Payments and inspections are events, drawn as points.
    expect(chart.rows.find((r) => r.kind === 'Deposit paid')).toMatchObject({ point: true, actual: { start: '2025-12-02', end: '2025-12-02' }, state: 'on-time', slipDays: -1 });
    expect(chart.rows.find((r) => r.kind === 'Sample approval')?.baseline).toEqual({ start: '2025-12-01', end: '2025-12-20' });
  });

  it.each([
    ['done after the baseline', 'Production start', 'late', 4],
    // A plan later than its baseline is a slip (the slip column), not a risk: risk is the schedule network's word.
    ['open and on track with the plan behind the baseline', 'Production complete', 'open', 7],
    ['done on time', 'Sample approval', 'on-time', -1],
  ])('row state: %s', (_label, kind, state, slip) => {
    const row = buildScheduleChart(input()).rows.find((r) => r.kind === kind);
    expect(row?.state).toBe(state);
    expect(row?.slipDays).toBe(slip);
  });

  it('draws the schedule network\'s status: a production that cannot end by its planned date over CNY is at risk', () => {
    const po = makeRecord(purchaseOrders, {
      'PO number': 'PO-1', Project: [recId('p')], Supplier: [SUPPLIER], Status: 'In production', 'Order date': '2025-12-01', 'Ship-by date': '2026-03-20',
      'Port of loading': 'Ningbo', 'Port of discharge': 'Los Angeles, CA', 'Shipping mode': 'Sea', 'Lead time days': 60,
    }, PO);
    const chart = buildScheduleChart(input({ po }));
    const complete = chart.rows.find((r) => r.kind === 'Production complete');
    // 43 days of output from 14 Jan, at half output inside the CNY shutdown (27 Jan – 17 Mar 2026): far after 12 Mar.
    expect(complete).toMatchObject({ status: 'At risk', state: 'slipping' });
    expect(chart.rows.find((r) => r.kind === 'Production start')).toMatchObject({ status: 'Done' });
    expect(chart.summary).toContain('at risk');
  });

  it('flags an open milestone whose planned date has passed as overdue', () => {
    const row = buildScheduleChart(input({ asOf: '2026-03-13' })).rows.find((r) => r.kind === 'Production complete');
    expect(row?.state).toBe('overdue');
  });

  it('shows inspections as markers with their findings', () => {
    expect(buildScheduleChart(input()).inspections).toEqual([
      { date: '2026-02-11', type: 'DUPRO', result: 'Fail', reinspection: false, label: 'DUPRO · Fail · 14 major in 200' },
    ]);
  });

  it('shades the CNY shutdown and the client market peaks over the chart range, and hides the factory name', () => {
    const chart = buildScheduleChart(input({
      client: { id: recId('client'), name: 'Harborline', country: 'United States' } as ScheduleInput['client'],
      calendar: [makeRecord(calendar, { Name: 'Huamei mould maintenance', Kind: 'Maintenance', Start: '2026-02-01', End: '2026-02-03', Supplier: [SUPPLIER], Source: 'Manual' })],
    }));
    expect(chart.windows.map((w) => [w.category, w.name])).toEqual([
      ['cny', 'Chinese New Year shutdown 2026'],
      ['cn-holiday', "New Year's Day 2026"],
      ['factory', 'Factory NB-01 · maintenance'],
      ['shipping', 'Pre-CNY freight peak 2026'],
      ['client-peak', 'Black Friday – Cyber Monday 2025 (US)'],
      ['client-peak', 'Christmas parcel cut-off 2025 (US)'],
    ]);
    const cny = chart.windows[0];
    expect(cny).toMatchObject({ start: '2026-01-27', end: '2026-03-17' }); // CNY 17 Feb 2026 − 21 d … + 28 d
    expect(chart.facts).toContainEqual({ label: 'Factory', value: 'Factory NB-01' });
  });

  it('shades Golden Week for an autumn schedule', () => {
    const windows = shadedWindows({ start: '2026-09-01', end: '2026-10-31', calendar: [] });
    expect(windows.find((w) => w.category === 'golden-week')).toMatchObject({ start: '2026-10-01', end: '2026-10-07' });
  });

  it('has no today line on a finished PO charted long after', () => {
    const chart = buildScheduleChart(input({ asOf: '2027-01-01' }));
    expect(chart.showToday).toBe(false);
    expect(buildScheduleChart(input()).showToday).toBe(true);
  });
});

describe('chart helpers', () => {
  it('draws a chain step whose predecessor is later (data out of order) as a point', () => {
    expect(seriesSpans([{ kind: 'Production complete', date: '2026-01-10' }, { kind: 'ETD', date: '2026-01-05' }], undefined)).toEqual([
      { start: '2026-01-10', end: '2026-01-10' },
      { start: '2026-01-05', end: '2026-01-05' },
    ]);
  });

  it('pads the axis and lists months and Mondays', () => {
    const axis = timeAxis(['2026-02-10', '2026-02-20']);
    expect(axis.start <= '2026-02-03' && axis.end >= '2026-02-27').toBe(true);
    expect(axis.months.map((m) => m.label)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(axis.weeks).toContain('2026-02-16');
    expect(axis.weeks.every((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });
});

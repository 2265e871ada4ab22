/**
 * The production schedule's labels never collide: the placement rules (pure, table-driven and property-based),
 * then the drawn PDF read back with pdf.js — the sample's schedules and generated ones (many windows with long
 * names, every milestone, clustered inspections, short and year-long axes) — checked for overlapping text boxes,
 * text off the page and anything drawn over the footer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/iso-date.ts';
import type { Milestone } from '../../src/domain/models/milestone.ts';
import { INSPECTION_TYPES } from '../../src/domain/models/inspection.ts';
import type { Project } from '../../src/domain/models/project.ts';
import type { PurchaseOrder } from '../../src/domain/models/purchase-order.ts';
import { MILESTONE_LIFECYCLE } from '../../src/domain/planning/milestone-kinds.ts';
import type { WindowCategory } from '../../src/domain/schedule-chart/risk-shading.ts';
import { buildScheduleChart, type ScheduleChart, type ScheduleRow } from '../../src/domain/schedule-chart/schedule-chart.ts';
import { timeAxis } from '../../src/domain/schedule-chart/time-axis.ts';
import { flowItems, placeLabels, truncateToWidth, type LabelRequest } from '../../src/documents/label-placement.ts';
import { A4_LANDSCAPE } from '../../src/documents/landscape-pdf.ts';
import { renderProductionSchedule } from '../../src/documents/production-schedule.ts';
import { parsedSample } from '../domain/sample-records.ts';
import { describePairs, overlappingPairs, textBoxes } from './text-boxes.ts';

const SEED = 20261204;
const charWidth = (text: string) => text.length * 4;
const request = (id: string, anchor: number, ...texts: string[]): LabelRequest => ({ id, anchor, variants: texts.map((text) => ({ text, width: charWidth(text) })) });

describe('label placement rules', () => {
  it.each([
    ['free space: at the anchor, first level', [request('a', 10, 'abc')], 2, [{ id: 'a', x: 10, level: 0, text: 'abc' }], []],
    ['a collision drops to the next level', [request('a', 10, 'abcdef'), request('b', 20, 'xyz')], 2, [{ id: 'a', x: 10, level: 0, text: 'abcdef' }, { id: 'b', x: 20, level: 1, text: 'xyz' }], []],
    ['no level left: the shorter wording', [request('a', 10, 'abcdef'), request('c', 70, 'zz'), request('b', 36, 'long label', 'lbl')], 1, [{ id: 'a', x: 10, level: 0, text: 'abcdef' }, { id: 'c', x: 70, level: 0, text: 'zz' }, { id: 'b', x: 36, level: 0, text: 'lbl' }], []],
    ['nothing fits: dropped, never drawn over', [request('a', 10, 'abcdef'), request('b', 12, 'xyz')], 1, [{ id: 'a', x: 10, level: 0, text: 'abcdef' }], ['b']],
    ['pushed back inside the band at the right edge', [request('a', 95, 'abcd')], 1, [{ id: 'a', x: 84, level: 0, text: 'abcd' }], []],
  ])('%s', (_case, requests, levels, placed, dropped) => {
    const result = placeLabels(requests, { left: 0, right: 100, levels, gap: 2 });
    expect(result.placed.map(({ id, x, level, text }) => ({ id, x, level, text }))).toEqual(placed);
    expect(result.dropped).toEqual(dropped);
  });

  it('tries the other side of the anchor before a shorter wording', () => {
    const result = placeLabels([request('today', 50, 'Today'), { ...request('ship', 48, 'Ship'), sides: ['after', 'before'] }], { left: 0, right: 100, levels: 1, gap: 1 });
    expect(result.placed[1]).toMatchObject({ id: 'ship', x: 48 - 16, text: 'Ship' });
    expect(result.dropped).toEqual([]);
  });

  it('keeps a label inside its own cell (a month name)', () => {
    const result = placeLabels([{ ...request('apr', 80, 'Apr 2026', 'Apr'), within: { x1: 80, x2: 95 } }], { left: 0, right: 200, levels: 1, gap: 1 });
    expect(result.placed[0]?.text).toBe('Apr');
  });

  it('property: placed labels stay in the band, keep the gap on their level, and every request is placed or dropped', () => {
    const label = fc.record({ anchor: fc.integer({ min: -20, max: 420 }), texts: fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 3 }) });
    fc.assert(fc.property(fc.array(label, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (labels, levels) => {
      const requests = labels.map((l, i) => request(String(i), l.anchor, ...l.texts));
      const result = placeLabels(requests, { left: 0, right: 400, levels, gap: 3 });
      expect(result.placed.length + result.dropped.length).toBe(requests.length);
      for (const p of result.placed) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x + p.width).toBeLessThanOrEqual(400);
        expect(p.level).toBeLessThan(levels);
        for (const q of result.placed) {
          if (q === p || q.level !== p.level) continue;
          expect(p.x + p.width + 3 <= q.x || q.x + q.width + 3 <= p.x, `${p.text} vs ${q.text}`).toBe(true);
        }
      }
    }), { seed: SEED, numRuns: 300 });
  });

  it('flows legend items onto new rows instead of past the right edge, and starts a group on its own row', () => {
    const items = [{ id: 'a', width: 40 }, { id: 'b', width: 40 }, { id: 'c', width: 40 }, { id: 'd', width: 10 }];
    expect(flowItems(items, 0, 100, 5)).toEqual({ rows: 2, items: [{ id: 'a', x: 0, row: 0 }, { id: 'b', x: 45, row: 0 }, { id: 'c', x: 0, row: 1 }, { id: 'd', x: 45, row: 1 }] });
    expect(flowItems(items, 0, 1000, 5, new Set(['c'])).rows).toBe(2);
    expect(flowItems([], 0, 100, 5).rows).toBe(0);
  });

  it('cuts text to a width with an ellipsis', () => {
    expect(truncateToWidth('Production complete', 200, charWidth)).toBe('Production complete');
    expect(truncateToWidth('Production complete', 48, charWidth)).toBe('Production…');
    expect(truncateToWidth('Production complete', 2, charWidth)).toBe('');
  });
});

/** Every check on one drawn schedule: one page, no two text boxes overlap, nothing off the page or over the footer. */
async function expectCleanLayout(chart: ScheduleChart): Promise<void> {
  const bytes = await renderProductionSchedule(chart, { author: 'Harbor & Pine Sourcing' });
  const pages = await textBoxes(bytes);
  expect(pages).toHaveLength(1);
  const boxes = pages[0] ?? [];
  expect(describePairs(overlappingPairs(boxes)), chart.title).toEqual([]);
  for (const box of boxes) {
    expect(box.x, box.text).toBeGreaterThanOrEqual(0);
    expect(box.right, box.text).toBeLessThanOrEqual(A4_LANDSCAPE.width);
    expect(box.bottom, box.text).toBeGreaterThanOrEqual(0);
  }
  // The footer is the lowest line: everything else (legend rows included) stays above the footer's rule.
  const footer = boxes.filter((b) => b.text.startsWith('Page 1 of 1') || b.text.startsWith(chart.title + ' · dates'));
  expect(footer).toHaveLength(2);
  const footerTop = Math.max(...footer.map((b) => b.top));
  for (const box of boxes) if (!footer.includes(box)) expect(box.bottom, `"${box.text}" runs into the footer`).toBeGreaterThan(footerTop + 2);
}

describe('production schedule PDF layout', () => {
  const TODAY = '2026-03-02';
  const { parsed } = parsedSample(TODAY);
  const rows = <T>(table: string) => (parsed.get(table)?.records ?? []) as T[];

  it('the sample\'s schedules: no overlapping labels, nothing over the footer', async () => {
    const orders = rows<PurchaseOrder>('Purchase Orders');
    expect(orders.length).toBeGreaterThan(5);
    for (const po of orders) {
      const project = rows<Project>('Projects').find((p) => p.id === po.project);
      const chart = buildScheduleChart({
        po, project, client: rows<{ id: string }>('Clients').find((c) => c.id === project?.client) as never,
        supplier: rows<{ id: string }>('Suppliers').find((s) => s.id === po.supplier) as never,
        milestones: rows<Milestone>('Milestones'), inspections: rows('Inspections'), calendar: rows('Calendar'), asOf: TODAY,
      });
      await expectCleanLayout(chart);
    }
  }, 60_000);

  const CATEGORIES: WindowCategory[] = ['cny', 'golden-week', 'cn-holiday', 'factory', 'shipping', 'client-peak'];
  const RESULTS = ['Pass', 'Fail', 'Conditional pass', 'Pending'] as const;
  const chartCase = fc.record({
    start: fc.integer({ min: 0, max: 700 }).map((d) => addDays('2025-01-01', d)),
    span: fc.integer({ min: 10, max: 380 }),
    rows: fc.integer({ min: 1, max: MILESTONE_LIFECYCLE.length }),
    windows: fc.array(fc.record({
      category: fc.constantFrom(...CATEGORIES), offset: fc.integer({ min: -20, max: 400 }), days: fc.integer({ min: 1, max: 40 }),
      name: fc.constantFrom('Chinese New Year shutdown 2026', 'Factory AJ-01 · annual maintenance and electrical safety recertification', 'Qingming', 'Golden Week', 'Blank sailings Ningbo → US East Coast', 'Client peak: Black Friday – Cyber Monday 2025 (DE)'),
      estimated: fc.boolean(),
    }), { maxLength: 14 }),
    inspections: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 380 }), type: fc.constantFrom(...INSPECTION_TYPES), result: fc.constantFrom(...RESULTS), re: fc.boolean() }), { maxLength: 8 }),
    asOf: fc.integer({ min: -30, max: 420 }),
    shipBy: fc.integer({ min: 0, max: 380 }),
    state: fc.constantFrom('on-time', 'late', 'open', 'slipping', 'overdue' as const),
  });

  type ChartCase = typeof chartCase extends fc.Arbitrary<infer T> ? T : never;

  function generated(c: ChartCase): ScheduleChart {
    const end = addDays(c.start, c.span);
    const at = (offset: number) => addDays(c.start, Math.min(Math.max(offset, 0), c.span));
    const chartRows: ScheduleRow[] = MILESTONE_LIFECYCLE.slice(0, c.rows).map((kind, i) => {
      const d1 = at(Math.round((i / c.rows) * c.span));
      const d2 = at(Math.round(((i + 1) / c.rows) * c.span));
      return {
        kind, point: i % 3 === 0, baseline: { start: d1, end: d2 }, planned: { start: d1, end: d2 }, actual: i % 2 === 0 ? { start: d1, end: d2 } : undefined,
        dates: { baseline: d2, planned: d2, actual: i % 2 === 0 ? d2 : undefined }, slipDays: i - 3, state: c.state, progress: i % 2 === 1 ? 0.4 : undefined,
      };
    });
    const asOf = addDays(c.start, c.asOf);
    const axis = timeAxis([c.start, end]);
    return {
      poId: 'po', title: 'Production schedule · PO-SEED-2041-LONG-REFERENCE', asOf, shipBy: at(c.shipBy), showToday: asOf >= axis.start && asOf <= axis.end, axis,
      facts: [{ label: 'Project', value: 'A very long project name for a kitchen range with many parts' }, { label: 'Factory', value: 'Factory NB-01' }],
      rows: chartRows,
      inspections: c.inspections.map((i) => ({ date: at(i.offset), type: i.type, result: i.result, reinspection: i.re, label: '' })),
      windows: c.windows.map((w) => ({ category: w.category, name: w.name, start: addDays(c.start, w.offset), end: addDays(c.start, w.offset + w.days), estimated: w.estimated })),
      summary: `${c.rows} milestones`,
    };
  }

  it('generated schedules (seeded): no overlapping labels, nothing over the footer', async () => {
    await fc.assert(fc.asyncProperty(chartCase, async (c) => expectCleanLayout(generated(c))), { seed: SEED, numRuns: 40 });
  }, 120_000);
});

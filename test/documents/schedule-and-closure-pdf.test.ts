import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildClosureReport } from '../../src/domain/closure/closure-report.ts';
import type { Milestone } from '../../src/domain/models/milestone.ts';
import type { Project } from '../../src/domain/models/project.ts';
import type { PurchaseOrder } from '../../src/domain/models/purchase-order.ts';
import { buildScheduleChart } from '../../src/domain/schedule-chart/schedule-chart.ts';
import { byId } from '../../src/domain/snapshot/index-rows.ts';
import { renderClosureReport } from '../../src/documents/closure-report.ts';
import { renderProductionSchedule } from '../../src/documents/production-schedule.ts';
import { pdfText } from '../jobs/documents/pdf-text.ts';
import { parsedSample } from '../domain/sample-records.ts';

const TODAY = '2026-03-02';
const { parsed } = parsedSample(TODAY);
const rows = <T>(table: string) => (parsed.get(table)?.records ?? []) as T[];

async function pageSizes(bytes: Buffer): Promise<{ width: number; height: number }[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const sizes = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const viewport = (await pdf.getPage(i)).getViewport({ scale: 1 });
    sizes.push({ width: Math.round(viewport.width), height: Math.round(viewport.height) });
  }
  return sizes;
}

function scheduleOf(poNumber: string) {
  const po = rows<PurchaseOrder>('Purchase Orders').find((p) => p.poNumber === poNumber);
  if (!po) throw new Error(poNumber);
  const project = rows<Project>('Projects').find((p) => p.id === po.project);
  return buildScheduleChart({
    po,
    project,
    client: rows<{ id: string }>('Clients').find((c) => c.id === project?.client) as never,
    supplier: rows<{ id: string }>('Suppliers').find((s) => s.id === po.supplier) as never,
    milestones: rows<Milestone>('Milestones'),
    inspections: rows('Inspections'),
    calendar: rows('Calendar'),
    asOf: TODAY,
  });
}

function closureOf(projectName: string) {
  const project = rows<Project>('Projects').find((p) => p.project === projectName);
  if (!project) throw new Error(projectName);
  return buildClosureReport({
    project,
    client: rows<{ id: string }>('Clients').find((c) => c.id === project.client) as never,
    agency: rows('Agency')[0] as never,
    orders: rows<PurchaseOrder>('Purchase Orders').filter((po) => po.project === project.id),
    suppliers: byId(rows('Suppliers')),
    lineItems: rows('Line Items'),
    milestones: rows<Milestone>('Milestones'),
    inspections: rows('Inspections'),
    evaluations: rows('Supplier Evaluations'),
    today: TODAY,
  });
}

describe('production schedule PDF', () => {
  it('is one A4 landscape page with the milestones, dates, windows and legend, and the same bytes every time', async () => {
    const chart = scheduleOf('PO-2405');
    const bytes = await renderProductionSchedule(chart, { author: 'Tidewater Sourcing' });
    expect(await pageSizes(bytes)).toEqual([{ width: 842, height: 595 }]);
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const expected of ['Production schedule · PO-2405', 'As of 02 Mar 2026', 'Factory NB-01', 'Materials ready', 'LATE', 'Late (date passed, not done)', '22 Feb 26 Feb', 'Production complete 20 Mar 26 Mar — +6', 'IPI Pending', 'Chinese New Year shutdown 2026', 'Harborline holiday floor-set', 'LEGEND', 'Baseline (first commitment)', 'Ship-by', 'Today']) {
      expect(text).toContain(expected);
    }
    expect((await renderProductionSchedule(chart, { author: 'Tidewater Sourcing' })).equals(bytes)).toBe(true);
  });
});

describe('closure report PDF', () => {
  it('prints the report with Chinese text, page numbers and the same bytes every time', async () => {
    const report = closureOf('Harborline · Glass ornaments');
    const bytes = await renderClosureReport(report);
    const pages = await pageSizes(bytes);
    expect(pages.every((p) => p.width === 595 && p.height === 842)).toBe(true);
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const expected of ['CLOSURE REPORT', '宁波潮汐进出口有限公司', 'CLOSED ON 27 Nov 2025', 'ON TIME VS BASELINE 27.3% (3 of 11)', 'Container loading 30 Sep 2025 30 Sep 2025 30 Sep 2025 0 Yes', 'LESSONS LEARNED', 'SUPPLIER PERFORMANCE', 'Overall 91.6 · Preferred', `Page 1 of ${pages.length}`, `Page ${pages.length} of ${pages.length}`]) {
      expect(text).toContain(expected);
    }
    expect((await renderClosureReport(report)).equals(bytes)).toBe(true);
  });

  it('renders on US Letter too', async () => {
    const bytes = await renderClosureReport(closureOf('Küchenwerk · FSC bamboo boards'), { pageSize: 'LETTER' });
    expect((await pageSizes(bytes))[0]).toEqual({ width: 612, height: 792 });
    expect(await pdfText(bytes)).toContain('Factory AJ-01');
  });
});

import { describe, expect, it } from 'vitest';
import { buildClosureReport, closingDate, type ClosureInput } from '../../../src/domain/closure/closure-report.ts';
import { milestoneVariances, onTimeRate } from '../../../src/domain/closure/project-results.ts';
import type { Milestone } from '../../../src/domain/models/milestone.ts';
import type { Project } from '../../../src/domain/models/project.ts';
import type { PurchaseOrder } from '../../../src/domain/models/purchase-order.ts';
import { byId } from '../../../src/domain/snapshot/index-rows.ts';
import { parsedSample } from '../sample-records.ts';

const TODAY = '2026-03-02';

function sampleInput(projectName: string): ClosureInput {
  const { parsed } = parsedSample(TODAY);
  const rows = <T>(table: string) => parsed.get(table)?.records as T[];
  const project = rows<Project>('Projects').find((p) => p.project === projectName);
  if (!project) throw new Error(projectName);
  return {
    project,
    client: rows<{ id: string; name: string }>('Clients').find((c) => c.id === project.client) as ClosureInput['client'],
    agency: rows<NonNullable<ClosureInput['agency']>>('Agency')[0],
    orders: rows<PurchaseOrder>('Purchase Orders').filter((po) => po.project === project.id),
    suppliers: byId(rows('Suppliers')),
    lineItems: rows('Line Items'),
    milestones: rows<Milestone>('Milestones'),
    inspections: rows('Inspections'),
    evaluations: rows('Supplier Evaluations'),
    today: TODAY,
  };
}

describe('closure report content', () => {
  it('measures every milestone against its baseline and lists the cancelled PO unmeasured', () => {
    const report = buildClosureReport(sampleInput('Harborline · Glass ornaments'));
    expect(report.closedOn).toBe('2025-11-27'); // the closure meeting (today − 95)
    const [placed, cancelled] = report.orders;
    expect(placed?.poNumber).toBe('PO-2398');
    expect(placed?.value).toBe('USD 39,960.00'); // (12,000 + 9,600) × 1.85
    expect(placed?.rate).toEqual({ onTime: 3, measured: 11, percent: 27.3 });
    expect(placed?.milestones.find((m) => m.kind === 'ETD')).toEqual({ kind: 'ETD', baseline: '2025-10-01', planned: '2025-10-01', actual: '2025-10-03', varianceDays: 2, onTime: false });
    expect(cancelled).toMatchObject({ poNumber: 'PO-2399', status: 'Cancelled', milestones: [] });
    expect(report.headline).toContainEqual({ label: 'POs', value: '1 placed, 1 cancelled' });
    expect(report.defects).toEqual({ critical: 0, major: 6, minor: 11, sampled: 315 });
    expect(report.lessons).toHaveLength(3);
    expect(report.lessons[2]).toBe('PSI at 80% packed caught loose caps early enough to rework without delay.');
  });

  it('prints the factory alias and scores the supplier', () => {
    const report = buildClosureReport(sampleInput('Harborline · Glass ornaments'));
    expect(report.suppliers).toHaveLength(1);
    const score = report.suppliers[0];
    expect(score).toMatchObject({ ok: true, name: 'Yiwu Jiale Crafts Co., Ltd.', displayName: 'Factory YW-01', periodScore: 91.6, overall: 91.6, band: 'Preferred', periods: 1 });
  });

  it('is the same for the same records (its hash decides whether the PDF is current)', () => {
    expect(JSON.stringify(buildClosureReport(sampleInput('Küchenwerk · FSC bamboo boards')))).toBe(JSON.stringify(buildClosureReport(sampleInput('Küchenwerk · FSC bamboo boards'))));
  });

  it('closes on the last actual date when no closure meeting is recorded', () => {
    const input = sampleInput('Küchenwerk · FSC bamboo boards');
    expect(closingDate(input)).toBe('2026-02-24'); // Delivered today − 6
    expect(closingDate({ ...input, milestones: [] })).toBe(TODAY);
  });

  it('counts an on-time rate only over milestones with both dates', () => {
    const input = sampleInput('Harborline · 1.7 L cordless kettle');
    const po2405 = input.orders.find((po) => po.poNumber === 'PO-2405');
    if (!po2405) throw new Error('PO-2405');
    const rows = milestoneVariances(po2405, input.milestones);
    expect(onTimeRate(rows)).toEqual({ onTime: 0, measured: 2, percent: 0 });
    expect(onTimeRate([])).toEqual({ onTime: 0, measured: 0, percent: undefined });
  });
});

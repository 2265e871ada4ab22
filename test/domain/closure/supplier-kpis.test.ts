import { describe, expect, it } from 'vitest';
import { deliveryChecks, supplierKpis, type SupplierPeriodInput } from '../../../src/domain/closure/supplier-kpis.ts';
import { inspections } from '../../../src/domain/models/inspection.ts';
import { milestones } from '../../../src/domain/models/milestone.ts';
import { projects } from '../../../src/domain/models/project.ts';
import { purchaseOrders } from '../../../src/domain/models/purchase-order.ts';
import { supplierEvaluations } from '../../../src/domain/models/supplier-evaluation.ts';
import { suppliers } from '../../../src/domain/models/supplier.ts';
import { makeRecord, recId } from './make-record.ts';

const SUPPLIER = recId('supplier');
const PROJECT = recId('project');

function po(name: string, fields: Record<string, unknown> = {}) {
  return makeRecord(purchaseOrders, { 'PO number': name, Project: [PROJECT], Supplier: [SUPPLIER], Status: 'Closed', 'Ship-by date': '2025-06-30', ...fields }, recId(name));
}
const ms = (poName: string, kind: string, baseline: string, actual?: string) =>
  makeRecord(milestones, { Milestone: `${poName} ${kind}`, PO: [recId(poName)], Kind: kind, 'Baseline date': baseline, ...(actual ? { 'Actual date': actual } : {}) });
const insp = (poName: string, type: string, result: string, fields: Record<string, unknown> = {}) =>
  makeRecord(inspections, { Inspection: `${poName} ${type}`, PO: [recId(poName)], Type: type, Result: result, ...fields });

function input(overrides: Partial<SupplierPeriodInput> = {}): SupplierPeriodInput {
  return {
    supplier: makeRecord(suppliers, { Name: 'Factory', Status: 'Approved', 'Audit status': 'Passed', Certifications: ['BSCI', 'FSC'], 'Certification expiry': '2026-12-31' }, SUPPLIER),
    project: makeRecord(projects, { Project: 'P', Phase: 'Closed', 'Certifications required': ['FSC'] }, PROJECT),
    orders: [po('PO-1')],
    milestones: [],
    inspections: [],
    evaluations: [],
    closedOn: '2025-09-01',
    ...overrides,
  };
}

const kpi = (result: ReturnType<typeof supplierKpis>, key: string) => result.find((k) => k.key === key);

describe('supplier KPIs of one project', () => {
  it.each([
    ['cargo ready on the ship-by date is on time', [ms('PO-1', 'Cargo ready', '2025-06-25', '2025-06-30')], 100, '1 of 1 PO on time'],
    ['a revised plan does not excuse a late handover', [ms('PO-1', 'Cargo ready', '2025-06-25', '2025-07-03')], 0, '0 of 1 PO on time (PO-1 +3 d)'],
    ['cargo ready wins over a late sailing (the vessel is not the factory)', [ms('PO-1', 'Cargo ready', '2025-06-25', '2025-06-28'), ms('PO-1', 'ETD', '2025-07-01', '2025-07-09')], 100, '1 of 1 PO on time'],
    ['ETD counts when nothing earlier was recorded', [ms('PO-1', 'ETD', '2025-07-01', '2025-07-02')], 0, '0 of 1 PO on time (PO-1 +2 d)'],
  ])('on-time delivery: %s', (_label, rows, score, value) => {
    expect(kpi(supplierKpis(input({ milestones: rows })), 'onTimeDelivery')).toEqual({ key: 'onTimeDelivery', score, value });
  });

  it('has no on-time KPI before anything was handed over, and ignores cancelled POs', () => {
    const result = supplierKpis(input({ orders: [po('PO-1'), po('PO-2', { Status: 'Cancelled' })], milestones: [ms('PO-2', 'Cargo ready', '2025-06-01', '2025-09-01')] }));
    expect(kpi(result, 'onTimeDelivery')).toBeUndefined();
  });

  it('counts first-pass PSIs only: a passed re-inspection does not repair a failed PSI', () => {
    const failed = insp('PO-1', 'PSI', 'Fail', { 'Sample size': 200, 'Major defects found': 12, 'Minor defects found': 9 });
    const rows = [failed, insp('PO-1', 'PSI', 'Pass', { 'Sample size': 200, 'Major defects found': 4, 'Minor defects found': 6, 'Re-inspection of': [failed.id] }), insp('PO-1', 'DUPRO', 'Pass', { 'Sample size': 100, 'Minor defects found': 2 })];
    const result = supplierKpis(input({ inspections: rows }));
    expect(kpi(result, 'firstPassPsi')).toEqual({ key: 'firstPassPsi', score: 0, value: '0 of 1 PSI passed first time' });
    // 33 defects in 500 units = 6.6 per 100 → 100 − 6.6 / 15 × 100 = 56
    expect(kpi(result, 'defectRate')).toEqual({ key: 'defectRate', score: 56, value: '33 defects in 500 units sampled (6.6 per 100)' });
  });

  it('leaves pending inspections out of the defect rate', () => {
    const result = supplierKpis(input({ inspections: [insp('PO-1', 'PSI', 'Pending', { 'Sample size': 125 })] }));
    expect(kpi(result, 'defectRate')).toBeUndefined();
    expect(kpi(result, 'firstPassPsi')).toBeUndefined();
  });

  it('takes responsiveness from the project evaluation of this supplier', () => {
    const evaluation = makeRecord(supplierEvaluations, { Evaluation: 'E', Supplier: [SUPPLIER], Project: [PROJECT], Communication: 3 });
    expect(kpi(supplierKpis(input({ evaluations: [evaluation] })), 'responsiveness')).toEqual({ key: 'responsiveness', score: 60, value: 'communication rated 3 of 5' });
    expect(kpi(supplierKpis(input()), 'responsiveness')).toBeUndefined();
  });

  it.each([
    ['audited, certified and valid', {}, {}, 100, 'audit passed; holds FSC'],
    ['audit passed with CAPA', { 'Audit status': 'Passed with CAPA' }, {}, 80, 'audit passed with capa; holds FSC'],
    ['a required certificate missing', {}, { 'Certifications required': ['FSC', 'GS'] }, 75, 'audit passed; missing GS'],
    ['certificates expired before closing', { 'Certification expiry': '2025-08-01' }, {}, 75, 'audit passed; holds FSC; a certificate expired 2025-08-01'],
    ['a failed audit', { 'Audit status': 'Failed' }, {}, 0, 'audit failed; holds FSC'],
  ])('compliance: %s', (_label, supplierFields, projectFields, score, value) => {
    const result = supplierKpis(input({
      supplier: makeRecord(suppliers, { Name: 'Factory', Status: 'Approved', 'Audit status': 'Passed', Certifications: ['BSCI', 'FSC'], 'Certification expiry': '2026-12-31', ...supplierFields }, SUPPLIER),
      project: makeRecord(projects, { Project: 'P', Phase: 'Closed', 'Certifications required': ['FSC'], ...projectFields }, PROJECT),
    }));
    expect(kpi(result, 'compliance')).toEqual({ key: 'compliance', score, value });
  });

  it('measures delivery against the baseline when the PO has no ship-by date', () => {
    const checks = deliveryChecks([po('PO-1', { 'Ship-by date': undefined })], [ms('PO-1', 'Container loading', '2025-06-20', '2025-06-22')]);
    expect(checks).toEqual([{ poNumber: 'PO-1', handover: 'Container loading', committed: '2025-06-20', actual: '2025-06-22', daysLate: 2 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { loadBaseTemplate, type BaseTemplate } from '../../../src/domain/template/base-template.ts';
import { inverseLinkFields, linkDeclarations, loadPlan } from '../../../src/domain/template/load-order.ts';

const template = loadBaseTemplate();

describe('load order of the shipped template', () => {
  const plan = loadPlan(template);

  it('lists every table once', () => {
    expect([...plan.order].sort()).toEqual(template.tables.map((t) => t.name).sort());
  });

  it('only lets links point at earlier tables, except the deferred self-links', () => {
    const position = new Map(plan.order.map((t, i) => [t, i]));
    for (const link of linkDeclarations(template)) {
      const deferred = plan.deferredLinks.some((d) => d.table === link.table && d.field === link.field);
      if (deferred) continue;
      expect(position.get(link.target)!, `${link.table}.${link.field}`).toBeLessThan(position.get(link.table)!);
    }
    expect(plan.deferredLinks.map((l) => `${l.table}.${l.field}`)).toEqual(['People.Manager', 'Inspections.Re-inspection of']);
  });

  it('starts with the tables nothing depends on and keeps template order among equals', () => {
    expect(plan.order.slice(0, 7)).toEqual(['People', 'Clients', 'Projects', 'Suppliers', 'Supplier Evaluations', 'Purchase Orders', 'Line Items']);
  });
});

describe('inverse link fields Airtable will create', () => {
  const inverse = inverseLinkFields(template);
  const names = (table: string) => inverse.filter((i) => i.table === table).map((i) => i.field);

  it('names them after the declaring table, numbering repeats', () => {
    expect(names('Suppliers')).toEqual(['Supplier Evaluations', 'Purchase Orders', 'Purchase Orders 2', 'Inspections', 'Calendar', 'Alerts', 'Disclosures']);
    expect(names('Purchase Orders')).toEqual(['Line Items', 'Milestones', 'Inspections', 'Documents', 'Updates', 'Client Comments', 'Alerts', 'Reviews']);
  });

  it('never collides with a declared field and gives self-links none', () => {
    for (const i of inverse) {
      const declared = template.tables.find((t) => t.name === i.table)!.fields.map((f) => f.name.toLowerCase());
      expect(declared, `${i.table}.${i.field}`).not.toContain(i.field.toLowerCase());
    }
    expect(inverse.some((i) => i.declaredBy.table === i.declaredBy.target)).toBe(false);
  });
});

describe('load order with cycles', () => {
  const t = (name: string, ...linksTo: string[]) => ({
    name,
    fields: [{ name: 'Name', type: 'singleLineText' as const }, ...linksTo.map((target) => ({ name: `To ${target}`, type: 'multipleRecordLinks' as const, options: { linkedTableId: target } }))],
  });
  const cases: [string, BaseTemplate['tables'], string[], string[]][] = [
    ['declared backwards', [t('C', 'B'), t('B', 'A'), t('A')], ['A', 'B', 'C'], []],
    ['a two-table cycle', [t('A', 'B'), t('B', 'A')], ['A', 'B'], ['A.To B']],
    ['a self-link', [t('A', 'A')], ['A'], ['A.To A']],
  ];
  it.each(cases)('%s', (_, tables, order, deferred) => {
    const plan = loadPlan({ name: 'x', tables });
    expect(plan.order).toEqual(order);
    expect(plan.deferredLinks.map((l) => `${l.table}.${l.field}`)).toEqual(deferred);
  });
});

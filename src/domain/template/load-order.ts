/**
 * Helpers for provisioning and loading records: which links the template declares, which inverse fields Airtable
 * will add, and in which order tables can be filled so that a record's links point at records that already exist.
 */
import type { BaseTemplate } from './base-template.ts';

/** A link field as declared in the template (on the "many" side). */
export interface LinkDeclaration {
  table: string;
  field: string;
  /** Name of the linked table. */
  target: string;
}

/** Every link field of the template, in template order (the order provisioning creates them). */
export function linkDeclarations(template: BaseTemplate): LinkDeclaration[] {
  return template.tables.flatMap((table) =>
    table.fields.flatMap((field) =>
      field.type === 'multipleRecordLinks' ? [{ table: table.name, field: field.name, target: field.options.linkedTableId }] : [],
    ),
  );
}

/** An inverse link field Airtable creates in `table` when `declaredBy` is created. */
export interface InverseLinkField {
  table: string;
  field: string;
  declaredBy: LinkDeclaration;
}

/**
 * The inverse fields Airtable adds when the link fields are created in template order: named after the declaring
 * table, with " 2", " 3"… when that name is taken (Purchase Orders.Supplier and .Standby supplier both point at
 * Suppliers, so Suppliers gets "Purchase Orders" and "Purchase Orders 2"). Self-links get no inverse field.
 */
export function inverseLinkFields(template: BaseTemplate): InverseLinkField[] {
  const taken = new Map(template.tables.map((t) => [t.name, new Set(t.fields.map((f) => f.name.toLowerCase()))]));
  const out: InverseLinkField[] = [];
  for (const link of linkDeclarations(template)) {
    if (link.target === link.table) continue;
    const names = taken.get(link.target);
    if (!names) continue;
    let name = link.table;
    for (let n = 2; names.has(name.toLowerCase()); n += 1) name = `${link.table} ${n}`;
    names.add(name.toLowerCase());
    out.push({ table: link.target, field: name, declaredBy: link });
  }
  return out;
}

export interface LoadPlan {
  /** Tables in load order: every link not listed in `deferredLinks` points to an earlier table. */
  order: string[];
  /** Links to fill in a second pass, once all rows exist: self-links and links that close a cycle. */
  deferredLinks: LinkDeclaration[];
}

/**
 * Load order of the tables. Stable: among the tables that can go next, the one listed first in the template wins.
 * A cycle between tables (none in the shipped template) is broken at the first table of the template still
 * waiting, whose links to later tables are deferred.
 */
export function loadPlan(template: BaseTemplate): LoadPlan {
  const links = linkDeclarations(template);
  const deferred: LinkDeclaration[] = links.filter((l) => l.table === l.target);
  const waiting = template.tables.map((t) => t.name);
  const placed = new Set<string>();
  const order: string[] = [];
  const ready = (table: string) => links.every((l) => l.table !== table || l.table === l.target || placed.has(l.target));
  while (waiting.length > 0) {
    let index = waiting.findIndex(ready);
    if (index === -1) {
      index = 0;
      const table = waiting[0];
      deferred.push(...links.filter((l) => l.table === table && l.target !== table && !placed.has(l.target)));
    }
    const [table] = waiting.splice(index, 1);
    if (table === undefined) break;
    placed.add(table);
    order.push(table);
  }
  return { order, deferredLinks: deferred };
}

/**
 * Lookups over the PO base that the documents and closure jobs make per PO: by ID and by PO, built once per run.
 * At 10,000 POs a `find` per PO over every project, or a `filter` over 30,000 line items per contract, is a
 * quadratic scan that takes minutes.
 */
import type { Client } from '../../domain/models/client.ts';
import type { LineItem } from '../../domain/models/line-item.ts';
import type { Person } from '../../domain/models/person.ts';
import type { Project } from '../../domain/models/project.ts';
import type { Supplier } from '../../domain/models/supplier.ts';
import { byId, groupBy } from '../../domain/snapshot/index-rows.ts';
import type { PoBaseCore } from '../../domain/snapshot/po-base.ts';

export interface PoBaseIndex {
  projects: ReadonlyMap<string, Project>;
  clients: ReadonlyMap<string, Client>;
  people: ReadonlyMap<string, Person>;
  suppliers: ReadonlyMap<string, Supplier>;
  lineItemsByPo: ReadonlyMap<string, LineItem[]>;
  /** How many POs each project has (a project with several files each PO's documents in a sub-folder). */
  posPerProject: ReadonlyMap<string, number>;
}

export function indexPoBase(base: PoBaseCore): PoBaseIndex {
  const posPerProject = new Map<string, number>();
  for (const po of base.purchaseOrders) posPerProject.set(po.project, (posPerProject.get(po.project) ?? 0) + 1);
  return {
    projects: byId(base.projects),
    clients: byId(base.clients),
    people: byId(base.people),
    suppliers: byId(base.suppliers),
    lineItemsByPo: groupBy(base.lineItems, (li) => li.po),
    posPerProject,
  };
}

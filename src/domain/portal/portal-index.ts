/** The portal data grouped the way pages are built: children by PO, records by ID. */
import type {
  PortalAlert,
  PortalData,
  PortalDocument,
  PortalInspection,
  PortalMilestone,
  PortalPerson,
  PortalPo,
  PortalProject,
  PortalSupplier,
  PortalUpdate,
} from './portal-models.ts';

export interface PortalIndex {
  today: string;
  suppliers: Map<string, PortalSupplier>;
  people: Map<string, PortalPerson>;
  projects: Map<string, PortalProject>;
  posByProject: Map<string, PortalPo[]>;
  milestonesByPo: Map<string, PortalMilestone[]>;
  inspectionsByPo: Map<string, PortalInspection[]>;
  updatesByPo: Map<string, PortalUpdate[]>;
  documentsByPo: Map<string, PortalDocument[]>;
  alerts: PortalAlert[];
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => (string | undefined)[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      if (key === undefined) continue;
      const list = out.get(key) ?? [];
      list.push(item);
      out.set(key, list);
    }
  }
  return out;
}

/** The rows that hang on POs, and the alerts: the bulk of a base, handed over one client's share at a time. */
export type PortalChildren = Pick<PortalData, 'milestones' | 'inspections' | 'updates' | 'documents' | 'alerts'>;

export function indexPortalData(data: PortalData, today: string): PortalIndex {
  return withChildren(
    {
      today,
      suppliers: new Map(data.suppliers.map((s) => [s.id, s])),
      people: new Map(data.people.map((p) => [p.id, p])),
      projects: new Map(data.projects.map((p) => [p.id, p])),
      posByProject: groupBy(data.purchaseOrders, (po) => [po.project]),
    },
    data,
  );
}

/** The index with these children (one client's, when the sync builds that client's portal). */
export function withChildren(index: Omit<PortalIndex, keyof ChildIndex>, children: PortalChildren): PortalIndex {
  return {
    ...index,
    milestonesByPo: groupBy(children.milestones, (m) => [m.po]),
    inspectionsByPo: groupBy(children.inspections, (i) => [i.po]),
    updatesByPo: groupBy(children.updates, (u) => [u.po]),
    documentsByPo: groupBy(children.documents, (d) => [d.po]),
    alerts: children.alerts,
  };
}

type ChildIndex = Pick<PortalIndex, 'milestonesByPo' | 'inspectionsByPo' | 'updatesByPo' | 'documentsByPo' | 'alerts'>;

/** A PO that still matters to the client; cancelled ones are archived from the portal. */
export const isLivePo = (po: PortalPo) => po.status !== 'Cancelled';

/**
 * Which pages each client's portal should hold. Clients never see each other's data: every project is placed in
 * the portal of its own client only, and every PO in the portal of its project's client. A row that cannot be
 * placed (no client, a client or project with problems, a link to a deleted row) is "held": its existing page is
 * left exactly as it is, never archived by mistake, and the reason goes on the row's Sync issues.
 */
import type { ConfidentialityPolicy } from '../confidentiality/policy.ts';
import { hiddenInFreeText, withheldUpdateMessage, withheldUpdates } from '../confidentiality/client-visible-updates.ts';
import { buildPoPage } from './po-page.ts';
import { indexPortalData, isLivePo, withChildren, type PortalChildren, type PortalIndex } from './portal-index.ts';
import { portalTitle } from './portal-layout.ts';
import type { PortalClient, PortalData, PortalPo, PortalProject } from './portal-models.ts';
import type { PortalPage } from './portal-page.ts';
import { buildProjectPage } from './project-page.ts';
import { portalPolicy, supplierAsSeenByClient, unbackedShowSupplier } from './supplier-alias.ts';

export interface PlanProblem {
  table: string;
  recordId: string;
  /** The record's primary value, how people name it in messages. */
  label: string;
  message: string;
}

export interface ClientPortalPlan {
  client: PortalClient;
  title: string;
  /**
   * Builds this portal's pages when the sync gets to it: a page carries its whole body (blocks), so building one
   * portal's at a time keeps a base's pages from ever sitting in memory together.
   */
  pages(): ClientPortalPages;
}

export interface ClientPortalPages {
  projects: PortalPage[];
  purchaseOrders: PortalPage[];
  /** Rows shown with a caveat or partly withheld (a supplier name without a disclosure, a leaking update). */
  problems: PlanProblem[];
}

export interface PortalPlan {
  portals: ClientPortalPlan[];
  problems: PlanProblem[];
  /** Records whose pages must not be touched this run (their rows, or the rows they hang on, have problems). */
  held: Set<string>;
  /** Disclosures rows that could not be used as they are. */
  policyProblems: string[];
}

export interface PlanInput {
  data: PortalData;
  today: string;
  /** IDs of rows left out of `data` because they did not parse. */
  malformed: ReadonlySet<string>;
  /**
   * One client's milestones, inspections, updates, documents and alerts, when `data` does not hold them (the sync
   * keeps them packed per client and unpacks one portal's at a time). Absent: `data`'s.
   */
  childrenOf?: (clientId: string) => PortalChildren;
}

export function planPortals({ data, today, malformed, childrenOf }: PlanInput): PortalPlan {
  const index = indexPortalData(data, today);
  const clients = new Map(data.clients.map((c) => [c.id, c]));
  const problems: PlanProblem[] = [];
  const held = new Set<string>(malformed);
  const clientOfProject = new Map<string, string>();

  for (const project of data.projects) {
    const hold = (message: string) => {
      problems.push({ table: 'Projects', recordId: project.id, label: project.project, message });
      held.add(project.id);
    };
    if (!project.client) hold('has no Client, so it is on no client portal');
    else if (malformed.has(project.client)) hold('is not synced: its client has sync issues (see the client\'s row)');
    else if (!clients.has(project.client)) hold('is not synced: its client is not in the Clients table (deleted?)');
    else clientOfProject.set(project.id, project.client);
  }

  const posOfClient = new Map<string, PortalPo[]>();
  for (const po of data.purchaseOrders) {
    const hold = (message: string) => {
      problems.push({ table: 'Purchase Orders', recordId: po.id, label: po.poNumber, message });
      held.add(po.id);
    };
    const clientId = clientOfProject.get(po.project);
    const projectName = index.projects.get(po.project)?.project;
    if (malformed.has(po.project)) hold('is not synced: its project has sync issues (see the project\'s row)');
    else if (!projectName) hold('is not synced: its project is not in the Projects table (deleted?)');
    else if (clientId === undefined) hold(`is not synced: its project "${projectName}" is on no client portal`);
    else {
      const list = posOfClient.get(clientId);
      if (list) list.push(po);
      else posOfClient.set(clientId, [po]);
    }
  }
  const projectsOfClient = new Map<string, PortalProject[]>();
  for (const project of data.projects) {
    const clientId = clientOfProject.get(project.id);
    if (clientId === undefined) continue;
    const list = projectsOfClient.get(clientId);
    if (list) list.push(project);
    else projectsOfClient.set(clientId, [project]);
  }

  const policy = portalPolicy(data, posOfClient);
  const portals = data.clients.map((client): ClientPortalPlan => ({
    client,
    title: portalTitle(client.name),
    pages: () => {
      const clientIndex = childrenOf ? withChildren(index, childrenOf(client.id)) : index;
      return buildClientPages(client, posOfClient.get(client.id) ?? [], projectsOfClient.get(client.id) ?? [], clientIndex, policy);
    },
  }));
  return { portals, problems, held, policyProblems: [...policy.problems] };
}

function buildClientPages(client: PortalClient, pos: readonly PortalPo[], projects: readonly PortalProject[], index: PortalIndex, policy: ConfidentialityPolicy): ClientPortalPages {
  const problems: PlanProblem[] = [];
  const seenOf = (po: PortalPo) => {
    const seen = supplierAsSeenByClient(policy, client.id, po.supplier);
    const unbacked = unbackedShowSupplier(po, seen, client.name);
    if (unbacked) problems.push({ table: 'Purchase Orders', recordId: po.id, label: po.poNumber, message: unbacked });
    return seen;
  };
  const live = pos.filter(isLivePo);
  const supplierOfPo = new Map(live.map((po) => [po.id, po.supplier]));
  const withheld = withheldUpdates(
    live.flatMap((po) => index.updatesByPo.get(po.id) ?? []),
    (poId) => hiddenInFreeText(policy, client.id, supplierOfPo.get(poId)),
  );
  for (const w of withheld) problems.push({ table: 'Updates', recordId: w.id, label: w.label, message: withheldUpdateMessage(client.name, w.leaks) });
  const withheldIds = new Set(withheld.map((w) => w.id));
  return {
    projects: projects.map((p) => buildProjectPage(p, index, withheldIds)),
    purchaseOrders: live.map((po) => buildPoPage(po, index, seenOf(po), withheldIds)),
    problems,
  };
}

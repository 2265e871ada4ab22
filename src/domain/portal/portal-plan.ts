/**
 * Which pages each client's portal should hold. Clients never see each other's data: every project is placed in
 * the portal of its own client only, and every PO in the portal of its project's client. A row that cannot be
 * placed (no client, a client or project with problems, a link to a deleted row) is "held": its existing page is
 * left exactly as it is, never archived by mistake, and the reason goes on the row's Sync issues.
 */
import { hiddenInFreeText, withheldUpdateMessage, withheldUpdates } from '../confidentiality/client-visible-updates.ts';
import { buildPoPage } from './po-page.ts';
import { indexPortalData, isLivePo } from './portal-index.ts';
import { portalTitle } from './portal-layout.ts';
import type { PortalClient, PortalData, PortalPo } from './portal-models.ts';
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
  projects: PortalPage[];
  purchaseOrders: PortalPage[];
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
}

export function planPortals({ data, today, malformed }: PlanInput): PortalPlan {
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
    else posOfClient.set(clientId, [...(posOfClient.get(clientId) ?? []), po]);
  }

  const policy = portalPolicy(data, posOfClient);
  const portals = data.clients.map((client): ClientPortalPlan => {
    const pos = posOfClient.get(client.id) ?? [];
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
      client,
      title: portalTitle(client.name),
      projects: data.projects.filter((p) => clientOfProject.get(p.id) === client.id).map((p) => buildProjectPage(p, index, withheldIds)),
      purchaseOrders: live.map((po) => buildPoPage(po, index, seenOf(po), withheldIds)),
    };
  });
  return { portals, problems, held, policyProblems: [...policy.problems] };
}

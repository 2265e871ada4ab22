/**
 * Which pages each client's portal should hold. Clients never see each other's data: every project is placed in
 * the portal of its own client only, and every PO in the portal of its project's client. A row that cannot be
 * placed (no client, a client or project with problems, a link to a deleted row) is "held": its existing page is
 * left exactly as it is, never archived by mistake, and the reason goes on the row's Sync issues.
 */
import { buildPoPage } from './po-page.ts';
import { indexPortalData, isLivePo } from './portal-index.ts';
import { portalTitle } from './portal-layout.ts';
import type { PortalClient, PortalData, PortalPo } from './portal-models.ts';
import type { PortalPage } from './portal-page.ts';
import { buildProjectPage } from './project-page.ts';
import { letterAliases } from './supplier-alias.ts';

export interface PlanProblem {
  table: string;
  recordId: string;
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
      problems.push({ table: 'Projects', recordId: project.id, message });
      held.add(project.id);
    };
    if (!project.client) hold('has no Client, so it is on no client portal');
    else if (malformed.has(project.client)) hold(`is not synced: its client ${project.client} has sync issues`);
    else if (!clients.has(project.client)) hold(`is not synced: its client ${project.client} is not in the Clients table`);
    else clientOfProject.set(project.id, project.client);
  }

  const posOfClient = new Map<string, PortalPo[]>();
  for (const po of data.purchaseOrders) {
    const hold = (message: string) => {
      problems.push({ table: 'Purchase Orders', recordId: po.id, message });
      held.add(po.id);
    };
    const clientId = clientOfProject.get(po.project);
    if (malformed.has(po.project)) hold(`is not synced: its project ${po.project} has sync issues`);
    else if (!index.projects.has(po.project)) hold(`is not synced: its project ${po.project} is not in the Projects table`);
    else if (clientId === undefined) hold(`is not synced: its project ${po.project} is on no client portal`);
    else posOfClient.set(clientId, [...(posOfClient.get(clientId) ?? []), po]);
  }

  const portals = data.clients.map((client): ClientPortalPlan => {
    const pos = posOfClient.get(client.id) ?? [];
    const aliases = letterAliases(pos.map((po) => po.supplier), index.suppliers);
    return {
      client,
      title: portalTitle(client.name),
      projects: data.projects.filter((p) => clientOfProject.get(p.id) === client.id).map((p) => buildProjectPage(p, index)),
      purchaseOrders: pos.filter(isLivePo).map((po) => buildPoPage(po, index, aliases)),
    };
  });
  return { portals, problems, held };
}

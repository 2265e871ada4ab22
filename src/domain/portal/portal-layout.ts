/**
 * The layout of a client portal in Notion (workspace-template.md, "Notion client portal"): one top page per client
 * holding a Projects and a Purchase Orders database (POs relate to Projects), their properties, and the body
 * sections of the pages. Property and section names are what clients read; keep them stable once shipped.
 */
import { CLIENT_APPROVALS, PO_STATUSES } from '../models/purchase-order.ts';
import { PHASES } from '../models/project.ts';

export const HEALTH_VALUES = ['On track', 'At risk', 'Late'] as const;
export type Health = (typeof HEALTH_VALUES)[number];

export type DatabaseKey = 'projects' | 'purchaseOrders';

export type PortalPropertyKind =
  | { kind: 'title' }
  | { kind: 'text' }
  | { kind: 'select'; options: readonly string[] }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'relation'; to: DatabaseKey };

export interface PortalDatabaseLayout {
  key: DatabaseKey;
  title: string;
  properties: Record<string, PortalPropertyKind>;
}

export interface SectionLayout {
  /** Short key stored in the Sync hash. */
  key: string;
  /** The heading that opens the section on the page; the sync finds sections by it. */
  title: string;
}

/**
 * Bookkeeping properties that versions before issue 10 wrote on every page, where clients read them. Now the
 * Airtable rows keep the page link ("Notion page") and the "Portal sync hash"; these names are only read to
 * migrate an old portal, and then removed from its databases.
 */
export const SYSTEM_PROPS = { airtableId: 'Airtable ID', syncHash: 'Sync hash' } as const;
export const LEGACY_PROPERTY_NAMES: readonly string[] = [SYSTEM_PROPS.airtableId, SYSTEM_PROPS.syncHash];

export const PROJECT_PROPS = {
  name: 'Name',
  phase: 'Phase',
  health: 'Health',
  nextMilestone: 'Next milestone',
  nextMilestoneDate: 'Next milestone date',
  targetDelivery: 'Target delivery',
  latestEta: 'Latest ETA',
  openIssues: 'Open issues',
  lastUpdate: 'Last update',
  agent: 'Agent',
} as const;

export const PO_PROPS = {
  poNumber: 'PO number',
  project: 'Project',
  status: 'Status',
  supplier: 'Supplier',
  shipBy: 'Ship-by',
  eta: 'ETA',
  lastInspection: 'Last inspection result',
  documents: 'Documents',
  /** Owned by the client: the sync only ever reads it (and seeds it once when the page is created). */
  clientApproval: 'Client approval',
} as const;

export const PROJECTS_DATABASE: PortalDatabaseLayout = {
  key: 'projects',
  title: 'Projects',
  properties: {
    [PROJECT_PROPS.name]: { kind: 'title' },
    [PROJECT_PROPS.phase]: { kind: 'select', options: PHASES },
    [PROJECT_PROPS.health]: { kind: 'select', options: HEALTH_VALUES },
    [PROJECT_PROPS.nextMilestone]: { kind: 'text' },
    [PROJECT_PROPS.nextMilestoneDate]: { kind: 'date' },
    [PROJECT_PROPS.targetDelivery]: { kind: 'date' },
    [PROJECT_PROPS.latestEta]: { kind: 'date' },
    [PROJECT_PROPS.openIssues]: { kind: 'number' },
    [PROJECT_PROPS.lastUpdate]: { kind: 'date' },
    [PROJECT_PROPS.agent]: { kind: 'text' },
  },
};

export const PURCHASE_ORDERS_DATABASE: PortalDatabaseLayout = {
  key: 'purchaseOrders',
  title: 'Purchase Orders',
  properties: {
    [PO_PROPS.poNumber]: { kind: 'title' },
    [PO_PROPS.project]: { kind: 'relation', to: 'projects' },
    [PO_PROPS.status]: { kind: 'select', options: PO_STATUSES },
    [PO_PROPS.supplier]: { kind: 'text' },
    [PO_PROPS.shipBy]: { kind: 'date' },
    [PO_PROPS.eta]: { kind: 'date' },
    [PO_PROPS.lastInspection]: { kind: 'text' },
    [PO_PROPS.documents]: { kind: 'text' },
    [PO_PROPS.clientApproval]: { kind: 'select', options: CLIENT_APPROVALS },
  },
};

/** Databases in creation order (a relation needs its target first). */
export const PORTAL_DATABASES: readonly PortalDatabaseLayout[] = [PROJECTS_DATABASE, PURCHASE_ORDERS_DATABASE];

export const PROJECT_SECTIONS: readonly SectionLayout[] = [{ key: 'summary', title: 'Summary' }];

export const PO_SECTIONS: readonly SectionLayout[] = [
  { key: 'summary', title: 'Summary' },
  { key: 'milestones', title: 'Milestones' },
  { key: 'inspections', title: 'Inspections' },
  { key: 'updates', title: 'Latest updates' },
  { key: 'documents', title: 'Documents' },
];

export function portalTitle(clientName: string): string {
  return `${clientName} · Sourcing portal`;
}

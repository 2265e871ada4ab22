/**
 * Reads what the client portals show from the PO base: each table listed once, in pages of 100, with only the
 * fields the portal uses, then parsed by the projection models. Bad rows are left out of the data and kept as
 * problems (for the report and their Sync issues); every other row goes on.
 */
import { clientComments } from '../../domain/models/client-comment.ts';
import type { RecordProblem, TableModel } from '../../domain/models/parse-records.ts';
import {
  portalAlerts,
  portalClients,
  portalDisclosures,
  portalDocuments,
  portalInspections,
  portalMilestones,
  portalPeople,
  portalProjects,
  portalPurchaseOrders,
  portalSuppliers,
  portalUpdates,
  type PortalData,
} from '../../domain/portal/portal-models.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../../ports/airtable.ts';
import { readTables } from '../read-tables.ts';

export interface BaseSnapshot {
  data: PortalData;
  /** The records as read, per table (current Sync issues, Notion page, Client approval…). */
  raw: Map<string, AirtableRecord[]>;
  problems: RecordProblem[];
  /** IDs of rows with problems in the tables that carry pages (Clients, Projects, Purchase Orders). */
  malformed: Set<string>;
  /** Notion comment IDs already in Client Comments. */
  knownCommentIds: Set<string>;
}

/** Portal key → projection model, in the order the tables are read. */
const PORTAL_MODELS = {
  clients: portalClients,
  people: portalPeople,
  projects: portalProjects,
  suppliers: portalSuppliers,
  purchaseOrders: portalPurchaseOrders,
  milestones: portalMilestones,
  inspections: portalInspections,
  updates: portalUpdates,
  documents: portalDocuments,
  alerts: portalAlerts,
  disclosures: portalDisclosures,
} as const satisfies Record<keyof PortalData, TableModel>;

/** Tables whose rows carry portal pages: a problem there holds the row's page. */
const PAGE_TABLES = new Set(['Clients', 'Projects', 'Purchase Orders']);

export async function readPortalBase(records: AirtableRecordsPort): Promise<BaseSnapshot> {
  const { tables: data, raw, problems } = await readTables(records, PORTAL_MODELS, 'model');
  const malformed = new Set(problems.filter((p) => PAGE_TABLES.has(p.table)).map((p) => p.recordId));

  const commentField = clientComments.fields.notionCommentId;
  const comments = await records.list(clientComments.table, { fields: [commentField] });
  const knownCommentIds = new Set(comments.flatMap((r) => (typeof r.fields[commentField] === 'string' ? [r.fields[commentField]] : [])));
  return { data, raw, problems, malformed, knownCommentIds };
}

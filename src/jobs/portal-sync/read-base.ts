/**
 * Reads what the client portals show from the PO base: each table listed once, in pages of 100, with only the
 * fields the portal uses, then parsed by the projection models. Bad rows are left out of the data and kept as
 * problems (for the report and their Sync issues); every other row goes on.
 */
import { clientComments } from '../../domain/models/client-comment.ts';
import { parseRecords, type RecordProblem, type TableModel } from '../../domain/models/parse-records.ts';
import {
  fieldNamesOf,
  portalAlerts,
  portalClients,
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

/** Tables whose rows carry portal pages: a problem there holds the row's page. */
const PAGE_TABLES = new Set(['Clients', 'Projects', 'Purchase Orders']);

export async function readPortalBase(records: AirtableRecordsPort): Promise<BaseSnapshot> {
  const raw = new Map<string, AirtableRecord[]>();
  const problems: RecordProblem[] = [];
  const malformed = new Set<string>();

  async function read<M extends TableModel>(model: M) {
    const rows = await records.list(model.table, { fields: fieldNamesOf(model) });
    raw.set(model.table, rows);
    const parsed = parseRecords(model, rows);
    problems.push(...parsed.problems);
    if (PAGE_TABLES.has(model.table)) for (const p of parsed.problems) malformed.add(p.recordId);
    return parsed.records;
  }

  const data: PortalData = {
    clients: await read(portalClients),
    people: await read(portalPeople),
    projects: await read(portalProjects),
    suppliers: await read(portalSuppliers),
    purchaseOrders: await read(portalPurchaseOrders),
    milestones: await read(portalMilestones),
    inspections: await read(portalInspections),
    updates: await read(portalUpdates),
    documents: await read(portalDocuments),
    alerts: await read(portalAlerts),
  };

  const commentField = clientComments.fields.notionCommentId;
  const comments = await records.list(clientComments.table, { fields: [commentField] });
  const knownCommentIds = new Set(comments.flatMap((r) => (typeof r.fields[commentField] === 'string' ? [r.fields[commentField]] : [])));
  return { data, raw, problems, malformed, knownCommentIds };
}

/**
 * Reads what the client portals show from the PO base: each table listed once, in pages of 100, with only the
 * fields the portal uses, then parsed by the projection models. Bad rows are left out of the data and kept as
 * problems (for the report and their Sync issues); every other row goes on.
 *
 * Only the parsed rows stay: of the rows as read, the sync keeps just what its writeback compares against
 * (writeback.ts: the page tables' link, hash, approval and Sync issues; elsewhere only rows that carry Sync issues).
 * A page at a time when the port can hand pages over, so a big table is never held twice.
 */
import { clientComments } from '../../domain/models/client-comment.ts';
import { parseRecords, StringPool, type ModelRecord, type RecordProblem, type TableModel } from '../../domain/models/parse-records.ts';
import type { PortalChildren } from '../../domain/portal/portal-index.ts';
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
import { PackedGroups } from '../snapshot/packed-groups.ts';
import { dropKeys, NOT_HELD, readTablePages } from '../read-tables.ts';
import { writebackRow } from './writeback.ts';

export interface BaseSnapshot {
  /** The base's clients, people, projects, suppliers, POs and disclosures; the per-client rows come by childrenOf. */
  data: PortalData;
  /** One client's milestones, inspections, updates, documents and alerts (unpacked on each call). */
  childrenOf(clientId: string): PortalChildren;
  /** What the writeback compares against, per table (writebackRow: rows cut to the fields the sync writes). */
  raw: Map<string, AirtableRecord[]>;
  problems: RecordProblem[];
  /** IDs of rows with problems in the tables that carry pages (Clients, Projects, Purchase Orders). */
  malformed: Set<string>;
  /** Notion comment IDs already in Client Comments. */
  knownCommentIds: Set<string>;
}

/** Tables read whole, in the order they are read (POs and projects first: they say which client a row is for). */
const WHOLE_MODELS = {
  clients: portalClients,
  people: portalPeople,
  projects: portalProjects,
  suppliers: portalSuppliers,
  purchaseOrders: portalPurchaseOrders,
  disclosures: portalDisclosures,
} as const satisfies Record<Exclude<keyof PortalData, keyof PortalChildren>, TableModel>;

/** Tables kept packed per client: rows hang on a PO (alerts also on a project). */
const CHILD_MODELS = {
  milestones: portalMilestones,
  inspections: portalInspections,
  updates: portalUpdates,
  documents: portalDocuments,
  alerts: portalAlerts,
} as const satisfies Record<keyof PortalChildren, TableModel>;

/** Tables whose rows carry portal pages: a problem there holds the row's page. */
const PAGE_TABLES = new Set(['Clients', 'Projects', 'Purchase Orders']);

export async function readPortalBase(records: AirtableRecordsPort): Promise<BaseSnapshot> {
  const raw = new Map<string, AirtableRecord[]>();
  const problems: RecordProblem[] = [];
  // One copy of each ID and short value across the tables (a PO's ID is in every row that links to it).
  const pool = new StringPool();
  /** Lists a table page by page when the port can, parses each page and keeps what the writeback needs. */
  async function read(model: TableModel, onRows: (rows: readonly AirtableRecord[], parsed: unknown[]) => void): Promise<void> {
    const kept: AirtableRecord[] = [];
    await readTablePages(records, model, 'model', pool, (rows, page) => {
      problems.push(...page.problems);
      for (const row of rows) {
        const cut = writebackRow(model.table, row);
        if (cut) kept.push(cut);
      }
      // The write-back reads Sync issues from the rows kept above, never from the records (NOT_HELD).
      for (const record of page.records) dropKeys(record as object, NOT_HELD);
      onRows(rows, page.records);
    });
    raw.set(model.table, kept);
  }

  const whole: Record<string, unknown[]> = {};
  for (const [key, model] of Object.entries(WHOLE_MODELS) as [string, TableModel][]) {
    const list: unknown[] = [];
    await read(model, (_rows, parsed) => {
      for (const record of parsed) list.push(record);
    });
    whole[key] = list;
  }
  const data = { ...(whole as unknown as Omit<PortalData, keyof PortalChildren>), milestones: [], inspections: [], updates: [], documents: [], alerts: [] } satisfies PortalData;

  // Which client each PO is for, by its project (rows of POs on no portal are never shown, so not kept).
  const clientOfProject = new Map(data.projects.flatMap((p) => (p.client ? [[p.id, p.client] as const] : [])));
  const clientOfPo = new Map(data.purchaseOrders.flatMap((po) => {
    const client = clientOfProject.get(po.project);
    return client ? [[po.id, client] as const] : [];
  }));
  /** The clients a row is shown to: its PO's; an alert also counts on its project's page (openIssues). */
  const clientsOf = (row: { po?: string | undefined; project?: string | undefined }, byProject: boolean): Set<string> => {
    const out = new Set<string>();
    const ofPo = row.po ? clientOfPo.get(row.po) : undefined;
    const ofProject = byProject && row.project ? clientOfProject.get(row.project) : undefined;
    if (ofPo) out.add(ofPo);
    if (ofProject) out.add(ofProject);
    return out;
  };
  const buckets = new Map<string, PackedGroups<AirtableRecord>>();
  for (const model of Object.values(CHILD_MODELS) as TableModel[]) {
    const bucket = new PackedGroups<AirtableRecord>();
    const byProject = model.table === CHILD_MODELS.alerts.table;
    await read(model, (rows, parsed) => {
      const rowOf = new Map(rows.map((r) => [r.id, r]));
      for (const record of parsed as { id: string; po?: string; project?: string }[]) {
        const row = rowOf.get(record.id);
        if (row) for (const client of clientsOf(record, byProject)) bucket.add(client, row);
      }
    });
    bucket.seal();
    buckets.set(model.table, bucket);
  }
  const unpack = <M extends TableModel>(model: M, clientId: string) => parseRecords(model, buckets.get(model.table)?.get(clientId) ?? [], pool).records as ModelRecord<M>[];
  const childrenOf = (clientId: string): PortalChildren => ({
    milestones: unpack(CHILD_MODELS.milestones, clientId),
    inspections: unpack(CHILD_MODELS.inspections, clientId),
    updates: unpack(CHILD_MODELS.updates, clientId),
    documents: unpack(CHILD_MODELS.documents, clientId),
    alerts: unpack(CHILD_MODELS.alerts, clientId),
  });
  const malformed = new Set(problems.filter((p) => PAGE_TABLES.has(p.table)).map((p) => p.recordId));

  const commentField = clientComments.fields.notionCommentId;
  const knownCommentIds = new Set<string>();
  const known = (rows: readonly AirtableRecord[]) => {
    for (const r of rows) if (typeof r.fields[commentField] === 'string') knownCommentIds.add(r.fields[commentField]);
  };
  if (records.listPages) await records.listPages(clientComments.table, { fields: [commentField] }, known);
  else known(await records.list(clientComments.table, { fields: [commentField] }));
  return { data, childrenOf, raw, problems, malformed, knownCommentIds };
}

/**
 * Reads every table the checks need, once (pages of 100, by the adapter), parses each with its model and builds
 * the checks' snapshot. Malformed rows are left out with their problems; everything else proceeds.
 *
 * Milestones (12 per PO: 120,000 rows, ~40 MB as objects at 10,000 POs) are kept packed per PO as they are read:
 * the rules read them one PO at a time (domain/checks/milestones-by-po.ts). Inspections (~31,500) likewise
 * (inspections-by-po.ts). Updates and documents are kept only as what the rules read of them (updates-by-po.ts,
 * document-kinds.ts).
 */
import { agency, type AgencyRecord } from '../../domain/models/agency.ts';
import type { Milestone } from '../../domain/models/milestone.ts';
import type { RecordProblem, TableModel } from '../../domain/models/parse-records.ts';
import { CHECKED_TABLES } from '../../domain/models/table-sets.ts';
import { hasOwnLines, SYNC_ISSUES_FIELD } from '../../domain/checks/sync-issues.ts';
import { buildSnapshot, type WorkspaceSnapshot } from '../../domain/checks/snapshot.ts';
import { UpdatesByPo } from '../../domain/checks/updates-by-po.ts';
import { DocumentKindsByShipment } from '../../domain/checks/document-kinds.ts';
import { inspectionGroup } from '../../domain/checks/inspections-by-po.ts';
import type { Inspection } from '../../domain/models/inspection.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../../ports/airtable.ts';
import { dropKeys, NOT_HELD, pickFields, readTables, type RowPicker } from '../read-tables.ts';
import { CompactRows } from '../snapshot/compact-rows.ts';

export interface ReadWorkspace {
  /** Built here, so that the tables as read (Line Items, Shipment Lines…) are not held past the snapshot. */
  snapshot: WorkspaceSnapshot;
  /** The raw rows of each table by Airtable table name (for Sync issues and unreadable alert keys). */
  raw: Map<string, AirtableRecord[]>;
  problems: RecordProblem[];
  agency: AgencyRecord | undefined;
}

export async function readWorkspace(records: AirtableRecordsPort): Promise<ReadWorkspace> {
  const milestones = new CompactRows<Milestone>();
  const inspections = new CompactRows<Inspection>();
  const updates = new UpdatesByPo();
  const documents = new DocumentKindsByShipment();
  // Milestones first, so their rows are packed before the other tables are held; the agency row, read last, only
  // gives the time zone of "today".
  const { milestones: milestoneModel, ...others } = CHECKED_TABLES;
  const read = await readTables(records, { milestones: milestoneModel, ...others, agency }, 'all', {
    keepRaw,
    // No rule reads a record's Sync issues (NOT_HELD): the write-back works on the rows as read (keepRaw).
    // As each page is parsed: milestones and inspections packed per PO, updates and documents folded into what the
    // rules read of them (a PO's latest update dates, a shipment's document kinds).
    sinks: {
      milestones: (m) => milestones.add(m.po, dropKeys(m, NOT_HELD)),
      inspections: (i) => inspections.add(inspectionGroup(i), dropKeys(i, NOT_HELD)),
      updates: (u) => updates.add(u),
      documents: (d) => documents.add(d),
    },
  });
  milestones.seal();
  inspections.seal();
  const { agency: agencyRows, milestones: _milestones, inspections: _inspections, updates: _updates, documents: _documents, ...tables } = read.tables;
  return { snapshot: buildSnapshot({ ...tables, milestones, inspections, updates, documents }), raw: read.raw, problems: read.problems, agency: agencyRows[0] };
}

/**
 * What the checks keep of the rows as read: of a row that fails validation, its Sync issues and (Alerts) its Key;
 * of any other row, its Sync issues only when they hold lines the checks wrote (they may need clearing).
 */
const keepRaw: RowPicker = (row, model, failed) => {
  const fields = pickFields(row.fields, [SYNC_ISSUES_FIELD, CHECKED_TABLES.alerts.fields.key]);
  const text = fields[SYNC_ISSUES_FIELD];
  if (failed) return { id: row.id, createdTime: row.createdTime, fields };
  if (typeof text === 'string' && hasOwnLines(model, text)) return { id: row.id, createdTime: row.createdTime, fields: { [SYNC_ISSUES_FIELD]: text } };
  return undefined;
};

/** Every model read, with the agency, for the Sync issues write-back. */
export const ALL_READ_MODELS: TableModel[] = [...Object.values(CHECKED_TABLES), agency];

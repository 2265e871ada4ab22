/**
 * Reads the tables the documents and closure jobs need (pages of 100) and parses them with the domain models.
 * Rows that fail validation are left out and reported; the rest of the run goes on.
 *
 * Milestones and inspections (15 rows per PO: ~150,000 at 10,000 POs, ~50 MB as objects) are read apart and kept
 * packed per PO: both jobs work one PO or project at a time, and only the rows of that one are unpacked.
 */
import type { Inspection } from '../../domain/models/inspection.ts';
import type { Milestone } from '../../domain/models/milestone.ts';
import { StringPool } from '../../domain/models/parse-records.ts';
import { PO_BASE_CORE_TABLES, PO_CHILD_TABLES } from '../../domain/models/table-sets.ts';
import type { PoBaseCore } from '../../domain/snapshot/po-base.ts';
import type { AirtableRecordsPort } from '../../ports/airtable.ts';
import type { PurchaseOrder } from '../../domain/models/purchase-order.ts';
import type { Shipment } from '../../domain/models/shipment.ts';
import { dropKeys, NOT_HELD, readTablePages, readTables } from '../read-tables.ts';
import type { HeldSyncIssues } from './sync-issues.ts';
import { PackedGroups } from '../snapshot/packed-groups.ts';

export interface LoadedPoBase {
  base: PoBaseCore;
  /** "<Table> <record>: <message>" per bad cell. */
  problems: string[];
}

/**
 * `syncIssues`: where the POs' and shipments' "Sync issues" go (the documents job rewrites its lines there); the
 * records themselves never hold the text (NOT_HELD).
 */
export async function loadPoBase(records: AirtableRecordsPort, syncIssues?: HeldSyncIssues): Promise<LoadedPoBase> {
  const purchaseOrders: PurchaseOrder[] = [];
  const shipments: Shipment[] = [];
  const held = <T extends { id: string; syncIssues?: string | undefined }>(into: T[]) => (record: T) => {
    syncIssues?.hold(record.id, record.syncIssues);
    into.push(dropKeys(record, NOT_HELD));
  };
  const { tables, problems } = await readTables(records, PO_BASE_CORE_TABLES, 'model', {
    keepRaw: 'none',
    sinks: { purchaseOrders: held(purchaseOrders), shipments: held(shipments) },
  });
  return { base: { ...tables, purchaseOrders, shipments }, problems: problems.map(String) };
}

/** The milestones and inspections of each PO, unpacked on demand (a fresh copy per call). */
export interface PoChildren {
  milestonesOf(poId: string): Milestone[];
  inspectionsOf(poId: string): Inspection[];
  hasMilestones(poId: string): boolean;
  /** The "Tooling kickoff" milestones of every PO read (what the export packs ask of milestones). */
  toolingKickoffs: Pick<Milestone, 'po' | 'kind'>[];
}

export interface LoadedPoChildren {
  children: PoChildren;
  problems: string[];
}

/**
 * Reads Milestones and Inspections once each and keeps the rows of the POs `wanted` says yes to (all by default).
 * Every row is still validated, so a bad cell is reported whichever PO it belongs to. Inspections linked to no PO
 * (a factory audit) are not kept: neither job reads them.
 */
export async function loadPoChildren(records: AirtableRecordsPort, wanted: (poId: string) => boolean = () => true): Promise<LoadedPoChildren> {
  const pool = new StringPool();
  const problems: string[] = [];
  const milestones = new PackedGroups<Milestone>();
  const inspections = new PackedGroups<Inspection>();
  const toolingKickoffs: Pick<Milestone, 'po' | 'kind'>[] = [];
  await readTablePages(records, PO_CHILD_TABLES.milestones, 'model', pool, (_rows, parsed) => {
    for (const problem of parsed.problems) problems.push(String(problem));
    for (const m of parsed.records) {
      dropKeys(m, NOT_HELD);
      if (m.kind === 'Tooling kickoff') toolingKickoffs.push({ po: m.po, kind: m.kind });
      if (wanted(m.po)) milestones.add(m.po, m);
    }
  });
  milestones.seal();
  await readTablePages(records, PO_CHILD_TABLES.inspections, 'model', pool, (_rows, parsed) => {
    for (const problem of parsed.problems) problems.push(String(problem));
    for (const i of parsed.records) if (i.po !== undefined && wanted(i.po)) inspections.add(i.po, dropKeys(i, NOT_HELD));
  });
  inspections.seal();
  return {
    children: {
      milestonesOf: (poId) => milestones.get(poId),
      inspectionsOf: (poId) => inspections.get(poId),
      hasMilestones: (poId) => milestones.has(poId),
      toolingKickoffs,
    },
    problems,
  };
}

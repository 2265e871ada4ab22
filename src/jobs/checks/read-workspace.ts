/**
 * Reads every table the checks need, once (pages of 100, by the adapter), and parses each with its model.
 * Malformed rows are left out with their problems; everything else proceeds.
 */
import { agency, type AgencyRecord } from '../../domain/models/agency.ts';
import { alerts } from '../../domain/models/alert.ts';
import { calendar } from '../../domain/models/calendar-entry.ts';
import { clients } from '../../domain/models/client.ts';
import { documents } from '../../domain/models/document.ts';
import { inspections } from '../../domain/models/inspection.ts';
import { lineItems } from '../../domain/models/line-item.ts';
import { milestones } from '../../domain/models/milestone.ts';
import type { RecordProblem, TableModel } from '../../domain/models/parse-records.ts';
import { people } from '../../domain/models/person.ts';
import { projects } from '../../domain/models/project.ts';
import { purchaseOrders } from '../../domain/models/purchase-order.ts';
import { shipmentLines } from '../../domain/models/shipment-line.ts';
import { shipments } from '../../domain/models/shipment.ts';
import { supplierEvaluations } from '../../domain/models/supplier-evaluation.ts';
import { suppliers } from '../../domain/models/supplier.ts';
import { updates } from '../../domain/models/update.ts';
import type { ParsedTables } from '../../domain/checks/snapshot.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../../ports/airtable.ts';
import { readTables } from '../read-tables.ts';

/** Snapshot key → model, in the order tables are read. */
export const CHECKED_TABLES = {
  people,
  clients,
  projects,
  suppliers,
  supplierEvaluations,
  purchaseOrders,
  lineItems,
  milestones,
  inspections,
  shipments,
  shipmentLines,
  documents,
  updates,
  calendar,
  alerts,
} as const satisfies Record<keyof ParsedTables, TableModel>;

export interface ReadWorkspace {
  tables: ParsedTables;
  /** The raw rows of each table by Airtable table name (for Sync issues and unreadable alert keys). */
  raw: Map<string, AirtableRecord[]>;
  problems: RecordProblem[];
  agency: AgencyRecord | undefined;
}

export async function readWorkspace(records: AirtableRecordsPort): Promise<ReadWorkspace> {
  // The agency row, read last, only gives the time zone of "today".
  const { tables: { agency: agencyRows, ...tables }, raw, problems } = await readTables(records, { ...CHECKED_TABLES, agency }, 'all');
  return { tables, raw, problems, agency: agencyRows[0] };
}

/** Every model read, with the agency, for the Sync issues write-back. */
export const ALL_READ_MODELS: TableModel[] = [...Object.values(CHECKED_TABLES), agency];

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
import { parseRecords, type RecordProblem, type TableModel } from '../../domain/models/parse-records.ts';
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

/** Snapshot key → model, in the order tables are read. */
export const CHECKED_TABLES: Record<keyof ParsedTables, TableModel> = {
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
};

export interface ReadWorkspace {
  tables: ParsedTables;
  /** The raw rows of each table by Airtable table name (for Sync issues and unreadable alert keys). */
  raw: Map<string, AirtableRecord[]>;
  problems: RecordProblem[];
  agency: AgencyRecord | undefined;
}

export async function readWorkspace(records: AirtableRecordsPort): Promise<ReadWorkspace> {
  const raw = new Map<string, AirtableRecord[]>();
  const problems: RecordProblem[] = [];
  const tables = {} as Record<keyof ParsedTables, unknown[]>;
  for (const [key, model] of Object.entries(CHECKED_TABLES) as [keyof ParsedTables, TableModel][]) {
    const rows = await records.list(model.table);
    raw.set(model.table, rows);
    const parsed = parseRecords(model, rows);
    tables[key] = parsed.records;
    problems.push(...parsed.problems);
  }
  // The agency row only gives the time zone of "today".
  const agencyRows = await records.list(agency.table);
  raw.set(agency.table, agencyRows);
  const parsedAgency = parseRecords(agency, agencyRows);
  problems.push(...parsedAgency.problems);
  return { tables: tables as unknown as ParsedTables, raw, problems, agency: parsedAgency.records[0] };
}

/** Every model read, with the agency, for the Sync issues write-back. */
export const ALL_READ_MODELS: TableModel[] = [...Object.values(CHECKED_TABLES), agency];

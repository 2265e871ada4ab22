/**
 * Reads the tables the documents and closure jobs need (pages of 100) and parses them with the domain models.
 * Rows that fail validation are left out and reported; the rest of the run goes on.
 */
import { agency } from '../../domain/models/agency.ts';
import { calendar } from '../../domain/models/calendar-entry.ts';
import { clients } from '../../domain/models/client.ts';
import { documents } from '../../domain/models/document.ts';
import { inspections } from '../../domain/models/inspection.ts';
import { lineItems } from '../../domain/models/line-item.ts';
import { milestones } from '../../domain/models/milestone.ts';
import type { TableModel } from '../../domain/models/parse-records.ts';
import { people } from '../../domain/models/person.ts';
import { projects } from '../../domain/models/project.ts';
import { purchaseOrders } from '../../domain/models/purchase-order.ts';
import { shipmentLines } from '../../domain/models/shipment-line.ts';
import { shipments } from '../../domain/models/shipment.ts';
import { supplierEvaluations } from '../../domain/models/supplier-evaluation.ts';
import { suppliers } from '../../domain/models/supplier.ts';
import type { PoBase } from '../../domain/snapshot/po-base.ts';
import type { AirtableRecordsPort } from '../../ports/airtable.ts';
import { readTables } from '../read-tables.ts';

const MODELS = {
  agency,
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
  calendar,
} as const satisfies Record<keyof PoBase, TableModel>;

export interface LoadedPoBase {
  base: PoBase;
  /** "<Table> <record>: <message>" per bad cell. */
  problems: string[];
}

export async function loadPoBase(records: AirtableRecordsPort): Promise<LoadedPoBase> {
  const { tables, problems } = await readTables(records, MODELS, 'model');
  return { base: tables, problems: problems.map(String) };
}

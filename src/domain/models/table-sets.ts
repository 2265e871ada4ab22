/**
 * The sets of tables the jobs read together, as key → model in reading order, and the record type of each set
 * derived from its models (so the table list is written once per set, not again as an interface).
 */
import { agency } from './agency.ts';
import { alerts } from './alert.ts';
import { calendar } from './calendar-entry.ts';
import { clients } from './client.ts';
import { disclosures } from './disclosure.ts';
import { documents } from './document.ts';
import { inspections } from './inspection.ts';
import { lineItems } from './line-item.ts';
import { milestones } from './milestone.ts';
import type { ModelRecord, TableModel } from './parse-records.ts';
import { people } from './person.ts';
import { projects } from './project.ts';
import { purchaseOrders } from './purchase-order.ts';
import { shipmentLines } from './shipment-line.ts';
import { shipments } from './shipment.ts';
import { supplierEvaluations } from './supplier-evaluation.ts';
import { suppliers } from './supplier.ts';
import { updates } from './update.ts';

/** The valid records of each table of a set, under the model's key. */
export type TableRecords<M extends Readonly<Record<string, TableModel>>> = { [K in keyof M]: ModelRecord<M[K]>[] };

/** What the checks read (the agency row is read after these, for the time zone of "today"). */
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
} as const;

/**
 * What the documents and closure jobs read whole. Their milestones and inspections (12 and 3 per PO) are read apart
 * and kept per PO (PO_CHILD_TABLES), since both jobs work on one PO or project at a time.
 */
export const PO_BASE_CORE_TABLES = {
  agency,
  people,
  clients,
  projects,
  suppliers,
  supplierEvaluations,
  purchaseOrders,
  lineItems,
  shipments,
  shipmentLines,
  documents,
  calendar,
  /** The confidentiality policy: what each client may read about each factory (documents, closure reports). */
  disclosures,
} as const;

/** The rows of a PO that the documents and closure jobs read per PO. */
export const PO_CHILD_TABLES = { milestones, inspections } as const;

/** The whole PO base as one value (the domain's view; tests and small tools build it). */
export const PO_BASE_TABLES = { ...PO_BASE_CORE_TABLES, ...PO_CHILD_TABLES } as const;

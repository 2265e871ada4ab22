/**
 * The parsed rows of the PO base that the documents and closure jobs read, as one value. Jobs fill it from
 * Airtable (rows that failed validation are left out and reported); the domain only reads it.
 */
import type { PO_BASE_CORE_TABLES, PO_BASE_TABLES, TableRecords } from '../models/table-sets.ts';

export type PoBase = TableRecords<typeof PO_BASE_TABLES>;
/** The PO base less its milestones and inspections, which large bases keep per PO. */
export type PoBaseCore = TableRecords<typeof PO_BASE_CORE_TABLES>;

export function emptyPoBase(): PoBase {
  return {
    agency: [], people: [], clients: [], projects: [], suppliers: [], supplierEvaluations: [], purchaseOrders: [],
    lineItems: [], milestones: [], inspections: [], shipments: [], shipmentLines: [], documents: [], calendar: [], disclosures: [],
  };
}

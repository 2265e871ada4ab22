/**
 * The parsed rows of the PO base that the documents and closure jobs read, as one value. Jobs fill it from
 * Airtable (rows that failed validation are left out and reported); the domain only reads it.
 */
import type { AgencyRecord } from '../models/agency.ts';
import type { CalendarEntry } from '../models/calendar-entry.ts';
import type { Client } from '../models/client.ts';
import type { DocumentRecord } from '../models/document.ts';
import type { Inspection } from '../models/inspection.ts';
import type { LineItem } from '../models/line-item.ts';
import type { Milestone } from '../models/milestone.ts';
import type { Person } from '../models/person.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { ShipmentLine } from '../models/shipment-line.ts';
import type { Shipment } from '../models/shipment.ts';
import type { SupplierEvaluation } from '../models/supplier-evaluation.ts';
import type { Supplier } from '../models/supplier.ts';

export interface PoBase {
  agency: AgencyRecord[];
  people: Person[];
  clients: Client[];
  projects: Project[];
  suppliers: Supplier[];
  supplierEvaluations: SupplierEvaluation[];
  purchaseOrders: PurchaseOrder[];
  lineItems: LineItem[];
  milestones: Milestone[];
  inspections: Inspection[];
  shipments: Shipment[];
  shipmentLines: ShipmentLine[];
  documents: DocumentRecord[];
  calendar: CalendarEntry[];
}

export function emptyPoBase(): PoBase {
  return {
    agency: [], people: [], clients: [], projects: [], suppliers: [], supplierEvaluations: [], purchaseOrders: [],
    lineItems: [], milestones: [], inspections: [], shipments: [], shipmentLines: [], documents: [], calendar: [],
  };
}

import { parsedSample } from '../sample-records.ts';
import type { PoBase } from '../../../src/domain/snapshot/po-base.ts';

const TODAY = '2026-03-02';
const TABLES: Record<keyof PoBase, string> = {
  agency: 'Agency', people: 'People', clients: 'Clients', projects: 'Projects', suppliers: 'Suppliers',
  supplierEvaluations: 'Supplier Evaluations', purchaseOrders: 'Purchase Orders', lineItems: 'Line Items', milestones: 'Milestones',
  inspections: 'Inspections', shipments: 'Shipments', shipmentLines: 'Shipment Lines', documents: 'Documents', calendar: 'Calendar', disclosures: 'Disclosures',
};

/** The sample agency's PO base, parsed, as the documents job reads it (a fresh copy per call). */
export function sampleBase(): PoBase {
  const { parsed } = parsedSample(TODAY);
  return Object.fromEntries(Object.entries(TABLES).map(([key, table]) => [key, structuredClone(parsed.get(table)?.records ?? [])])) as unknown as PoBase;
}


/**
 * The parts of the PO base the client portal reads: projections of the table models with only the fields the sync
 * uses. Reading only these fields keeps requests small, and a bad value in a field the portal never shows does not
 * stop a row from syncing. Field names and cell parsers are the models' own. Every table that has "Sync issues"
 * reads it, so the sync can keep other jobs' lines when it writes its own.
 */
import type { z } from 'zod';
import { alerts } from '../models/alert.ts';
import { clients } from '../models/client.ts';
import { disclosures } from '../models/disclosure.ts';
import { documents } from '../models/document.ts';
import { inspections } from '../models/inspection.ts';
import { milestones } from '../models/milestone.ts';
import { defineModel, type FieldNames, type Model, type ModelRecord } from '../models/parse-records.ts';
import { people } from '../models/person.ts';
import { projects } from '../models/project.ts';
import { purchaseOrders } from '../models/purchase-order.ts';
import { suppliers } from '../models/supplier.ts';
import { updates } from '../models/update.ts';

/** A model with only `keys`: same table, same field names, same parsers. */
export function pickModel<F extends FieldNames, S extends { [K in keyof F]: z.ZodType }, K extends keyof F & keyof S & string>(
  model: Model<F, S>,
  keys: readonly K[],
): Model<Pick<F, K>, Pick<S, K>> {
  const fields = {} as Record<string, string>;
  const cells = {} as Record<string, z.ZodType>;
  for (const key of keys) {
    fields[key] = model.fields[key] as string;
    cells[key] = model.cells[key];
  }
  return defineModel(model.table, fields as Pick<F, K>, cells as Pick<S, K>);
}

export const portalClients = pickModel(clients, ['name', 'portalEmails', 'notionPortal', 'syncIssues']);
export const portalPeople = pickModel(people, ['name', 'syncIssues']);
export const portalProjects = pickModel(projects, [
  'project', 'client', 'product', 'specification', 'destinationCountry', 'targetDeliveryDate', 'phase', 'agent',
  'notionPage', 'portalSyncHash', 'syncIssues',
]);
export const portalSuppliers = pickModel(suppliers, [
  'name', 'nameZh', 'clientAlias', 'cityCluster', 'address', 'addressZh', 'contact', 'email', 'phone', 'weChat', 'taxId', 'syncIssues',
]);
export const portalDisclosures = pickModel(disclosures, ['disclosure', 'client', 'supplier', 'clientMaySee', 'supplierMaySee']);
export const portalPurchaseOrders = pickModel(purchaseOrders, [
  'poNumber', 'project', 'supplier', 'status', 'incoterm', 'namedPlace', 'shipBy', 'portOfLoading', 'portOfDischarge',
  'shippingMode', 'showSupplierToClient', 'clientApproval', 'syncIssues', 'notionPage', 'portalSyncHash',
]);
export const portalMilestones = pickModel(milestones, [
  'milestone', 'po', 'kind', 'baselineDate', 'plannedDate', 'actualDate', 'status', 'syncIssues',
]);
export const portalInspections = pickModel(inspections, [
  'inspection', 'po', 'type', 'scheduledDate', 'inspectionDate', 'lotSize', 'inspectionLevel', 'aqlCritical',
  'aqlMajor', 'aqlMinor', 'sampleSize', 'acceptCritical', 'rejectCritical', 'acceptMajor', 'rejectMajor',
  'acceptMinor', 'rejectMinor', 'criticalFound', 'majorFound', 'minorFound', 'result', 'syncIssues',
]);
export const portalUpdates = pickModel(updates, ['update', 'po', 'date', 'text', 'photos', 'visibleToClient', 'syncIssues']);
export const portalDocuments = pickModel(documents, ['name', 'kind', 'project', 'po', 'driveFile', 'version', 'agencyOnly']);
export const portalAlerts = pickModel(alerts, ['key', 'rule', 'severity', 'po', 'project', 'status']);

export type PortalClient = ModelRecord<typeof portalClients>;
export type PortalPerson = ModelRecord<typeof portalPeople>;
export type PortalProject = ModelRecord<typeof portalProjects>;
export type PortalSupplier = ModelRecord<typeof portalSuppliers>;
export type PortalPo = ModelRecord<typeof portalPurchaseOrders>;
export type PortalMilestone = ModelRecord<typeof portalMilestones>;
export type PortalInspection = ModelRecord<typeof portalInspections>;
export type PortalUpdate = ModelRecord<typeof portalUpdates>;
export type PortalDocument = ModelRecord<typeof portalDocuments>;
export type PortalAlert = ModelRecord<typeof portalAlerts>;
export type PortalDisclosure = ModelRecord<typeof portalDisclosures>;

/** Everything the portal is built from, parsed (rows with problems are left out). */
export interface PortalData {
  clients: PortalClient[];
  people: PortalPerson[];
  projects: PortalProject[];
  suppliers: PortalSupplier[];
  purchaseOrders: PortalPo[];
  milestones: PortalMilestone[];
  inspections: PortalInspection[];
  updates: PortalUpdate[];
  documents: PortalDocument[];
  alerts: PortalAlert[];
  disclosures: PortalDisclosure[];
}

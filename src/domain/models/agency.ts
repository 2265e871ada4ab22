/**
 * Agency: one row of settings for the agency itself: the exporter / seller on commercial invoices, packing lists and
 * certificates of origin when the agency's trading company exports (PO "Exporter" = Agency).
 */
import { checkbox, email, number, requiredText, text, timeZone, url } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const agency = defineModel(
  'Agency',
  {
    name: 'Name',
    legalName: 'Legal name',
    legalNameZh: 'Legal name (中文)',
    address: 'Address',
    addressZh: 'Address (中文)',
    city: 'City',
    country: 'Country',
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    taxId: 'Tax ID',
    eoriNumber: 'EORI number',
    signatory: 'Signatory',
    signatoryTitle: 'Signatory title',
    bankDetails: 'Bank details',
    invoiceDeclaration: 'Invoice declaration',
    timeZone: 'Time zone',
    driveRootFolder: 'Drive root folder',
    syncIssues: 'Sync issues',
    autoAcceptSupplierDates: 'Auto-accept supplier dates',
    supplierPromptDays: 'Supplier prompt days',
    videoRoomUrl: 'Video room URL',
  } as const,
  {
    name: requiredText(),
    legalName: text(),
    legalNameZh: text(),
    address: text(),
    addressZh: text(),
    /** Place of issue and of sale on export documents. */
    city: text(),
    country: text(),
    phone: text(),
    email: email(),
    website: url(),
    /** Unified Social Credit Code of the exporting company. */
    taxId: text(),
    eoriNumber: text(),
    /** The employee named on invoices as knowing the transaction (19 CFR 141.86). */
    signatory: text(),
    signatoryTitle: text(),
    bankDetails: text(),
    invoiceDeclaration: text(),
    timeZone: timeZone(),
    driveRootFolder: text(),
    syncIssues: text(),
    /** Apply a factory's proposed date without the agent when it keeps the ship-by date. */
    autoAcceptSupplierDates: checkbox(),
    /** Days before a milestone is due that the factory is asked to confirm it (3 when empty). */
    supplierPromptDays: number({ integer: true, min: 0 }),
    videoRoomUrl: url(),
  },
);

export type AgencyRecord = ModelRecord<typeof agency>;

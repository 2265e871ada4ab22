/** Purchase Orders: the kanban card of one order, from RFQ to Closed. */
import { CURRENCIES, INCOTERMS } from './choices.ts';
import {
  checkbox,
  date,
  dateTime,
  link,
  number,
  requiredLink,
  percent,
  requiredSelect,
  requiredText,
  select,
  text,
  attachments,
} from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const PO_STATUSES = [
  'RFQ',
  'Quoted',
  'Negotiating',
  'PO placed',
  'In production',
  'Inspection',
  'Ready to ship',
  'Shipped',
  'Delivered',
  'Closed',
  'Cancelled',
] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

/** When the balance payment falls due. */
export const BALANCE_DUE = ['Before shipment', 'Against B/L copy', 'After PSI pass'] as const;
export const SHIPPING_MODES = ['Sea', 'Air', 'Sea + Air split'] as const;
/** Who appears as seller / shipper on the export documents. */
export const EXPORTERS = ['Agency', 'Supplier'] as const;
/** Mirrored from the client's Notion page; the client owns it. */
/** The factory's answer to a PO in the supplier portal. */
export const SUPPLIER_ACKNOWLEDGEMENTS = ['Confirmed', 'Rejected'] as const;
export const CLIENT_APPROVALS = ['Approved', 'Changes requested'] as const;

export const purchaseOrders = defineModel(
  'Purchase Orders',
  {
    poNumber: 'PO number',
    project: 'Project',
    supplier: 'Supplier',
    status: 'Status',
    incoterm: 'Incoterm',
    namedPlace: 'Named place',
    currency: 'Currency',
    paymentTerms: 'Payment terms',
    deposit: 'Deposit %',
    balanceDue: 'Balance due',
    moq: 'MOQ',
    leadTimeDays: 'Lead time days',
    orderDate: 'Order date',
    shipBy: 'Ship-by date',
    portOfLoading: 'Port of loading',
    portOfDischarge: 'Port of discharge',
    shippingMode: 'Shipping mode',
    contractSigned: 'Contract signed',
    specsAndDrawings: 'Specs & drawings',
    packagingInstructions: 'Packaging instructions',
    inspectionProtocol: 'Inspection protocol',
    defectAndPenaltyClauses: 'Defect & penalty clauses',
    standbySupplier: 'Standby supplier',
    showSupplierToClient: 'Show supplier to client',
    generateDocuments: 'Generate documents',
    exporter: 'Exporter',
    clientApproval: 'Client approval',
    syncIssues: 'Sync issues',
    notionPage: 'Notion page',
    supplierAcknowledgement: 'Supplier acknowledgement',
    supplierAcknowledgedAt: 'Supplier acknowledged at',
    supplierRejectionReason: 'Supplier rejection reason',
    productionProgress: 'Production progress %',
    quantityTolerance: 'Quantity tolerance %',
    drawingReferences: 'Drawing references',
    portalSyncHash: 'Portal sync hash',
    planVerdict: 'Plan verdict',
  } as const,
  {
    poNumber: requiredText(),
    project: requiredLink(),
    supplier: requiredLink(),
    status: requiredSelect(PO_STATUSES),
    incoterm: select(INCOTERMS),
    namedPlace: text(),
    currency: select(CURRENCIES),
    paymentTerms: text(),
    /** Fraction: 0.3 = 30 % deposit. */
    deposit: percent(),
    balanceDue: select(BALANCE_DUE),
    moq: number({ integer: true, min: 0 }),
    leadTimeDays: number({ integer: true, min: 0 }),
    orderDate: date(),
    shipBy: date(),
    portOfLoading: text(),
    portOfDischarge: text(),
    shippingMode: select(SHIPPING_MODES),
    contractSigned: checkbox(),
    specsAndDrawings: attachments(),
    packagingInstructions: text(),
    inspectionProtocol: text(),
    defectAndPenaltyClauses: text(),
    standbySupplier: link(),
    showSupplierToClient: checkbox(),
    generateDocuments: checkbox(),
    exporter: select(EXPORTERS),
    clientApproval: select(CLIENT_APPROVALS),
    syncIssues: text(),
    notionPage: text(),
    /** The factory's answer in the supplier portal. */
    supplierAcknowledgement: select(SUPPLIER_ACKNOWLEDGEMENTS),
    supplierAcknowledgedAt: dateTime(),
    supplierRejectionReason: text(),
    /** Fraction: 0.6 = 60 %, as the factory last reported it. */
    productionProgress: percent(),
    /**
     * Fraction: 0.03 = the contract's ±3 % more-or-less clause. Shipped vs ordered per line item outside it blocks
     * the export pack; inside it the difference is printed on the invoice. Empty = the exact quantity.
     */
    quantityTolerance: percent(),
    /** Drawing / spec numbers with revisions, one per line: the contract lists them with the attached files. */
    drawingReferences: text(),
    /** What the PO's portal page showed when last written (kept here, not on the page the client reads). */
    portalSyncHash: text(),
    /** Written by the planner: feasibility, buffer used, conflicts and recovery options. */
    planVerdict: text(),
  },
);

export type PurchaseOrder = ModelRecord<typeof purchaseOrders>;

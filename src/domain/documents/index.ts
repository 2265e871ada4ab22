/** Export document content (pure): input shape, validation and the four document builders. */
export type * from './input.ts';
export type { PreparedShipment } from './prepared.ts';
export type { DocumentPack } from './consistency.ts';
export type { CommercialInvoiceContent } from './commercial-invoice.ts';
export type { PackingListContent } from './packing-list.ts';
export type { CertificateOfOriginContent } from './certificate-of-origin.ts';
export type { BillOfLadingDraftContent } from './bill-of-lading.ts';
export type { AirWaybillDraftContent } from './air-waybill.ts';
export { buildDocumentPack, PackInconsistencyError, type DocumentPackResult } from './document-pack.ts';
export { prepareShipment, type PrepareResult } from './prepare-shipment.ts';
export { buildCommercialInvoice } from './commercial-invoice.ts';
export { buildPackingList } from './packing-list.ts';
export { buildCertificateOfOrigin } from './certificate-of-origin.ts';
export { buildBillOfLadingDraft } from './bill-of-lading.ts';
export { buildAirWaybillDraft, chargeableGrams, volumetricGrams } from './air-waybill.ts';
export { checkPackConsistency } from './consistency.ts';
export { checkContainerNumber, containerCheckDigit } from './iso6346.ts';

import { buildAirWaybillDraft } from './air-waybill.ts';
import { buildBillOfLadingDraft } from './bill-of-lading.ts';
import { buildCertificateOfOrigin } from './certificate-of-origin.ts';
import { buildCommercialInvoice } from './commercial-invoice.ts';
import { checkPackConsistency, type DocumentPack } from './consistency.ts';
import type { ShipmentDocumentInput } from './input.ts';
import { buildPackingList } from './packing-list.ts';
import { prepareShipment } from './prepare-shipment.ts';
import type { PreparedShipment } from './prepared.ts';

export type DocumentPackResult =
  | { ok: true; pack: DocumentPack; shipment: PreparedShipment }
  | { ok: false; fixes: string[] };

/** Thrown when the builders disagree with each other: a bug in this module, never a data problem. */
export class PackInconsistencyError extends Error {
  constructor(readonly problems: string[]) {
    super(`export documents disagree: ${problems.join('; ')}`);
    this.name = 'PackInconsistencyError';
  }
}

/**
 * Builds the commercial invoice, packing list, certificate of origin and B/L draft (sea) or air waybill draft (air) of one shipment, or the list
 * of record fields to fix first. The documents are checked against each other before they are handed out.
 */
export function buildDocumentPack(input: ShipmentDocumentInput): DocumentPackResult {
  const prepared = prepareShipment(input);
  if (!prepared.ok) return prepared;
  const shipment = prepared.shipment;
  const pack: DocumentPack = {
    commercialInvoice: buildCommercialInvoice(shipment),
    packingList: buildPackingList(shipment),
    certificateOfOrigin: buildCertificateOfOrigin(shipment),
    billOfLadingDraft: buildBillOfLadingDraft(shipment),
    airWaybillDraft: buildAirWaybillDraft(shipment),
  };
  const problems = checkPackConsistency(shipment, pack);
  if (problems.length > 0) throw new PackInconsistencyError(problems);
  return { ok: true, pack, shipment };
}

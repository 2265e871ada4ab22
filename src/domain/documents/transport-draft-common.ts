/**
 * What a B/L draft and an air waybill draft state alike: the document's number (the carrier's once known, else the
 * invoice's) and dates, the three parties, and the cargo described once per item with its HS code (a transport
 * document describes the cargo, not the order: the same item on several lines is listed once).
 */
import { formatDate, partyBlock, SAME_AS_CONSIGNEE, upper, type PartyBlock } from './format.ts';
import type { PreparedShipment } from './prepared.ts';

export interface TransportDraftIdentity {
  documentNumber: string;
  documentDate: string;
  issuedOn: string;
  shipper: PartyBlock;
  consignee: PartyBlock;
  notifyParty: PartyBlock;
}

export function transportDraftIdentity(s: PreparedShipment): TransportDraftIdentity {
  return {
    documentNumber: s.transport.blNumber ?? s.invoice.number,
    documentDate: formatDate(s.documentDate),
    issuedOn: s.documentDate,
    shipper: partyBlock(s.exporter),
    consignee: partyBlock(s.consignee),
    notifyParty: s.notifyParty ? partyBlock(s.notifyParty) : SAME_AS_CONSIGNEE,
  };
}

export function cargoDescriptions(s: PreparedShipment): string[] {
  return [...new Set(s.lines.map((line) => `${upper(line.description)}  HS ${line.hsCode}`))];
}

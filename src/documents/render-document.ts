import type { AirWaybillDraftContent } from '../domain/documents/air-waybill.ts';
import type { BillOfLadingDraftContent } from '../domain/documents/bill-of-lading.ts';
import type { CertificateOfOriginContent } from '../domain/documents/certificate-of-origin.ts';
import type { CommercialInvoiceContent } from '../domain/documents/commercial-invoice.ts';
import type { PackingListContent } from '../domain/documents/packing-list.ts';
import { drawAirWaybillDraft } from './air-waybill-draft.ts';
import { drawFooters } from './blocks.ts';
import { drawBillOfLadingDraft } from './bill-of-lading-draft.ts';
import { drawCertificateOfOrigin } from './certificate-of-origin.ts';
import { drawCommercialInvoice } from './commercial-invoice.ts';
import { openPdf } from './open-pdf.ts';
import { drawPackingList } from './packing-list.ts';
import type { PageSize } from './theme.ts';

export type { PageSize };

export interface DocumentContentByKind {
  'commercial-invoice': CommercialInvoiceContent;
  'packing-list': PackingListContent;
  'certificate-of-origin': CertificateOfOriginContent;
  'bill-of-lading-draft': BillOfLadingDraftContent;
  'air-waybill-draft': AirWaybillDraftContent;
}

export type DocumentKind = keyof DocumentContentByKind;

export interface RenderOptions {
  /** A4 (default, what Chinese exporters and most brokers use) or US Letter. */
  pageSize?: PageSize;
}

function describe(kind: DocumentKind, content: DocumentContentByKind[DocumentKind]): { title: string; author: string; reference: string } {
  switch (content.kind) {
    case 'commercial-invoice':
      return { title: `Commercial invoice ${content.documentNumber}`, author: content.exporter.name, reference: `Commercial invoice No. ${content.documentNumber} · ${content.documentDate}` };
    case 'packing-list':
      return { title: `Packing list ${content.documentNumber}`, author: content.exporter.name, reference: `Packing list No. ${content.documentNumber} · ${content.documentDate}` };
    case 'certificate-of-origin':
      return {
        title: `Certificate of origin, invoice ${content.box10Invoice.number}`,
        author: content.box1Exporter.name,
        reference: `Certificate of origin${content.certificateNumber ? ` No. ${content.certificateNumber}` : ''} · invoice No. ${content.box10Invoice.number}`,
      };
    case 'bill-of-lading-draft':
      return { title: `B/L draft ${content.documentNumber}`, author: content.shipper.name, reference: `Bill of lading draft · invoice No. ${content.invoice.number} · ${content.documentDate}` };
    case 'air-waybill-draft':
      return { title: `AWB draft ${content.documentNumber}`, author: content.shipper.name, reference: `Air waybill draft · invoice No. ${content.invoice.number} · ${content.documentDate}` };
    default:
      throw new Error(`unknown document kind ${kind}`);
  }
}

/**
 * Renders one document's content to PDF bytes. Identical content gives identical bytes (dates and file ID come
 * from the content), so a content hash tells whether a stored copy is current.
 */
export async function renderDocument<K extends DocumentKind>(
  kind: K,
  content: DocumentContentByKind[K],
  options: RenderOptions = {},
): Promise<Buffer> {
  if (content.kind !== kind) throw new Error(`renderDocument: content is a ${content.kind}, not a ${kind}`);
  const meta = describe(kind, content);
  const pdf = openPdf(options.pageSize ?? 'A4', { title: meta.title, author: meta.author, subject: meta.reference, issuedOn: content.issuedOn });
  const frame = pdf.frame;
  switch (content.kind) {
    case 'commercial-invoice':
      drawCommercialInvoice(frame, content);
      break;
    case 'packing-list':
      drawPackingList(frame, content);
      break;
    case 'certificate-of-origin':
      drawCertificateOfOrigin(frame, content);
      break;
    case 'bill-of-lading-draft':
      drawBillOfLadingDraft(frame, content);
      break;
    case 'air-waybill-draft':
      drawAirWaybillDraft(frame, content);
      break;
  }
  drawFooters(frame, meta.reference);
  return pdf.finish();
}

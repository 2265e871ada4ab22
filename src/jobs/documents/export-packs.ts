/**
 * The export pack of one shipment: map its records, build the four documents (or the fixes that stop them), and
 * publish each document whose content changed into the project's "03 Export documents" folder.
 */
import { leaksIn } from '../../domain/confidentiality/policy.ts';
import type { DocumentPack } from '../../domain/documents/consistency.ts';
import { buildDocumentPack, PackInconsistencyError } from '../../domain/documents/document-pack.ts';
import { documentFileName, documentKey, DOCUMENT_KIND_LABELS, type DocumentKindId, type FolderTarget } from '../../domain/drive-layout/document-places.ts';
import { shipmentDocumentInput } from '../../domain/shipment-packs/document-input.ts';
import type { ShipmentContext } from '../../domain/shipment-packs/shipment-context.ts';
import { renderDocument, type DocumentKind, type PageSize } from '../../documents/render-document.ts';
import { contentHash } from '../../lib/content-hash.ts';
import type { FolderAccess } from './drive-folders.ts';
import { publishDocument, type PublishContext, type PublishOutcome } from './publish-document.ts';

/** Bump when a renderer's layout changes, so every stored PDF counts as outdated once. */
export const EXPORT_RENDER_VERSION = 'export-documents/2';

interface PackDocument {
  kind: DocumentKind;
  content: unknown;
  render: (pageSize: PageSize) => Promise<Buffer>;
}

/**
 * The documents of a pack with their renderers. The certificate of origin only exists for a Chinese exporter and
 * the B/L draft only for sea shipments, the air waybill draft only for air and express ones.
 */
export function packDocuments(pack: DocumentPack): PackDocument[] {
  const docs: PackDocument[] = [
    { kind: 'commercial-invoice', content: pack.commercialInvoice, render: (pageSize) => renderDocument('commercial-invoice', pack.commercialInvoice, { pageSize }) },
    { kind: 'packing-list', content: pack.packingList, render: (pageSize) => renderDocument('packing-list', pack.packingList, { pageSize }) },
  ];
  const co = pack.certificateOfOrigin;
  if (co) docs.push({ kind: 'certificate-of-origin', content: co, render: (pageSize) => renderDocument('certificate-of-origin', co, { pageSize }) });
  const bl = pack.billOfLadingDraft;
  if (bl) docs.push({ kind: 'bill-of-lading-draft', content: bl, render: (pageSize) => renderDocument('bill-of-lading-draft', bl, { pageSize }) });
  const awb = pack.airWaybillDraft;
  if (awb) docs.push({ kind: 'air-waybill-draft', content: awb, render: (pageSize) => renderDocument('air-waybill-draft', awb, { pageSize }) });
  return docs;
}


export type PackResult =
  | { ok: true; documents: Partial<Record<DocumentKindId, PublishOutcome['drive']>> }
  | { ok: false; fixes: string[] };

export interface PackPlace {
  target: FolderTarget;
  access: FolderAccess;
  /** Texts about the factory this client may not read (confidentiality policy): a document naming one is agency-only. */
  hidden?: readonly string[] | undefined;
}

export async function publishPack(ctx: PublishContext, shipment: ShipmentContext, place: PackPlace, today: string, pageSize: PageSize): Promise<PackResult> {
  const mapped = shipmentDocumentInput(shipment, today);
  if (!mapped.ok) return mapped;
  let built;
  try {
    built = buildDocumentPack(mapped.input);
  } catch (error) {
    // The builders disagreeing with each other is a bug, not bad data: say so instead of guessing.
    if (error instanceof PackInconsistencyError) return { ok: false, fixes: [`the documents disagree (please report): ${error.problems.join('; ')}`] };
    throw error;
  }
  if (!built.ok) return built;
  const pack = built.pack;
  const invoiceNumber = built.shipment.invoice.number;
  const documents: Partial<Record<DocumentKindId, PublishOutcome['drive']>> = {};
  for (const entry of packDocuments(pack)) {
    const kind = entry.kind;
    const content = entry.content;
    // The commercial invoice names the manufacturer (US customs), the certificate of origin the exporter: when the
    // policy hides that factory from this client, such a document goes to the agency-only folder, not the client's.
    const agencyOnly = leaksIn(textsOf(content).join('\n'), place.hidden ?? []).length > 0;
    const hash = contentHash({ content, pageSize, agencyOnly }, EXPORT_RENDER_VERSION);
    const outcome = await publishDocument(ctx, {
      slot: { kind, projectId: shipment.project?.id, poId: shipment.po.id, shipmentId: shipment.shipment.id },
      fileName: documentFileName(kind, { poNumber: shipment.po.poNumber, reference: invoiceNumber }),
      rowName: `${DOCUMENT_KIND_LABELS[kind]} ${invoiceNumber}`,
      key: documentKey(kind, shipment.po.id, shipment.shipment.id),
      contentHash: hash,
      target: { ...place.target, agencyOnly },
      access: place.access,
      agencyOnly,
      description: `${DOCUMENT_KIND_LABELS[kind]} of ${shipment.po.poNumber}, shipment ${shipment.shipment.bookingRef}`,
      render: () => entry.render(pageSize),
    });
    documents[kind] = outcome.drive;
  }
  return { ok: true, documents };
}

/** Every string inside a document's content (amounts are bigint-backed decimals, so no JSON.stringify). */
export function textsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) textsOf(item, out);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) textsOf(item, out);
  return out;
}

/**
 * What the checks know of the Documents table: which kinds of document each shipment has. The one rule that reads
 * documents (export-documents-missing) asks nothing else, so the checks keep a shipment's kinds instead of its rows:
 * after a first import at 10,000 POs the table holds ~20,000 rows (~12 MB as objects, with Drive links and content
 * hashes), folded in here as each page is read.
 */
import type { DocumentKind, DocumentRecord } from '../models/document.ts';

export class DocumentKindsByShipment {
  private readonly byShipment = new Map<string, Set<DocumentKind>>();

  static of(documents: readonly Pick<DocumentRecord, 'shipment' | 'kind'>[]): DocumentKindsByShipment {
    const index = new DocumentKindsByShipment();
    for (const d of documents) index.add(d);
    return index;
  }

  add(d: Pick<DocumentRecord, 'shipment' | 'kind'>): void {
    if (d.shipment === undefined) return;
    const kinds = this.byShipment.get(d.shipment);
    if (kinds) kinds.add(d.kind);
    else this.byShipment.set(d.shipment, new Set([d.kind]));
  }

  /** The kinds of document the shipment has (empty when none). */
  get(shipmentId: string): ReadonlySet<DocumentKind> {
    return this.byShipment.get(shipmentId) ?? NONE;
  }
}

const NONE: ReadonlySet<DocumentKind> = new Set();

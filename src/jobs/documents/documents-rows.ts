/**
 * The Documents table as the jobs see it: one row per document (kind + shipment, kind + PO or kind + project),
 * holding the Drive link, the version and the content hash. A row whose hash matches the freshly built content
 * and that has a Drive file is current: nothing is rendered, uploaded or written for it.
 */
import { DOCUMENT_KIND_LABELS, type DocumentKindId } from '../../domain/drive-layout/document-places.ts';
import type { DocumentRecord } from '../../domain/models/document.ts';
import type { AirtableRecordsPort, Fields } from '../../ports/airtable.ts';

export const DOCUMENTS_TABLE = 'Documents';

export interface DocumentSlot {
  kind: DocumentKindId;
  projectId?: string | undefined;
  poId?: string | undefined;
  shipmentId?: string | undefined;
}

export interface StoredDocument {
  name: string;
  link: string;
  fileId: string;
  contentHash: string;
  generatedAt: string;
  agencyOnly?: boolean;
}

function matches(row: DocumentRecord, slot: DocumentSlot): boolean {
  if (row.kind !== DOCUMENT_KIND_LABELS[slot.kind]) return false;
  if (slot.shipmentId) return row.shipment === slot.shipmentId;
  if (slot.kind === 'closure-report') return row.project === slot.projectId && row.po === undefined;
  return row.po === slot.poId && row.shipment === undefined;
}

/** The one index key a slot is looked up by; `matches` still decides. */
function slotKey(slot: DocumentSlot): string {
  if (slot.shipmentId) return `shipment:${slot.shipmentId}`;
  if (slot.kind === 'closure-report') return `project:${slot.projectId ?? ''}`;
  return `po:${slot.poId ?? ''}`;
}

/** Every key under which a row may match a slot (a superset: `matches` filters the candidates). */
function rowKeys(row: DocumentRecord): string[] {
  const keys: string[] = [];
  if (row.shipment !== undefined) keys.push(`shipment:${row.shipment}`);
  if (row.po === undefined) keys.push(`project:${row.project ?? ''}`);
  if (row.shipment === undefined) keys.push(`po:${row.po ?? ''}`);
  return keys;
}

export class DocumentsRows {
  private readonly creates: Fields[] = [];
  private readonly updates: { id: string; fields: Fields }[] = [];

  /**
   * Rows by the slot they can answer for (see slotKeys): each document asks for its row three times, so a scan of
   * every row per question was quadratic (25,000 rows × 75,000 questions at 10,000 POs).
   */
  private readonly bySlot = new Map<string, DocumentRecord[]>();

  constructor(rows: readonly DocumentRecord[]) {
    for (const row of rows) {
      for (const key of rowKeys(row)) {
        const list = this.bySlot.get(key);
        if (list) list.push(row);
        else this.bySlot.set(key, [row]);
      }
    }
  }

  /** The row of this document (the highest version when older tools left one row per version). */
  find(slot: DocumentSlot): DocumentRecord | undefined {
    const candidates = this.bySlot.get(slotKey(slot)) ?? [];
    return candidates.filter((r) => matches(r, slot)).sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
  }

  isCurrent(slot: DocumentSlot, contentHash?: string): boolean {
    const row = this.find(slot);
    if (!row?.contentHash || !row.driveFileId) return false;
    return contentHash === undefined || row.contentHash === contentHash;
  }

  /** Queues the create or update that makes the row describe `stored` (nothing when it already does). */
  record(slot: DocumentSlot, stored: StoredDocument): 'created' | 'updated' | 'unchanged' {
    const row = this.find(slot);
    const sameContent = row?.contentHash === stored.contentHash;
    const version = row ? (sameContent ? (row.version ?? 1) : (row.version ?? 0) + 1) : 1;
    const fields: Fields = {
      Name: stored.name,
      Kind: DOCUMENT_KIND_LABELS[slot.kind],
      ...(slot.projectId ? { Project: [slot.projectId] } : {}),
      ...(slot.poId ? { PO: [slot.poId] } : {}),
      ...(slot.shipmentId ? { Shipment: [slot.shipmentId] } : {}),
      'Drive file': stored.link,
      'Drive file ID': stored.fileId,
      Version: version,
      'Content hash': stored.contentHash,
      'Agency only': stored.agencyOnly === true,
    };
    if (!row) {
      this.creates.push({ ...fields, 'Generated at': stored.generatedAt });
      return 'created';
    }
    const unchanged = sameContent && row.driveFileId === stored.fileId && row.driveFile === stored.link && row.name === stored.name && row.agencyOnly === (stored.agencyOnly === true) &&
      (slot.projectId === undefined || row.project === slot.projectId) && (slot.poId === undefined || row.po === slot.poId);
    if (unchanged) return 'unchanged';
    this.updates.push({ id: row.id, fields: { ...fields, ...(sameContent ? {} : { 'Generated at': stored.generatedAt }) } });
    return 'updated';
  }

  /** Rows written by every flush so far. */
  private flushed = 0;

  get pending(): number {
    return this.creates.length + this.updates.length;
  }

  get written(): number {
    return this.flushed;
  }

  /** Writes the queued rows in batches of 10 (the adapter batches); `written` counts them. */
  async flush(records: AirtableRecordsPort): Promise<void> {
    const count = this.pending;
    const [laterCreates, creates] = partition(this.creates.splice(0), (f) => isLaterKind(f));
    const [laterUpdates, updates] = partition(this.updates.splice(0), (u) => isLaterKind(u.fields));
    if (creates.length > 0) await records.create(DOCUMENTS_TABLE, creates);
    if (updates.length > 0) await records.update(DOCUMENTS_TABLE, updates);
    // A Kind option added to the template after bases were made (the Web API cannot add options to an existing
    // select): typecast lets Airtable add the option on first write. Only these rows, whose links come from the
    // same read of the base, are sent with it.
    // https://airtable.com/developers/web/api/create-records ("typecast")
    if (laterCreates.length > 0) await records.create(DOCUMENTS_TABLE, laterCreates, { typecast: true });
    if (laterUpdates.length > 0) await records.update(DOCUMENTS_TABLE, laterUpdates, { typecast: true });
    this.flushed += count;
  }
}

/** Kind options added after the first template: an older base may not have them yet. */
const LATER_KINDS: ReadonlySet<unknown> = new Set(['Purchase contract', 'AWB draft']);

function isLaterKind(fields: Fields): boolean {
  return LATER_KINDS.has(fields['Kind']);
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

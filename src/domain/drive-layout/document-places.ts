/**
 * Where documents live in Drive and how they are found again (design/workspace-template.md, "Drive layout"):
 * `<Agency root>/<Client>/<Project>/{01 Contract, 02 Inspections, 03 Export documents, 04 Closure}`, with a
 * sub-folder per PO inside a section when the project has several POs. Every folder and file carries appProperties
 * naming its record and kind, so renaming it in Drive (or renaming the client in Airtable) never makes a copy.
 */
export const SECTIONS = {
  contract: '01 Contract',
  inspections: '02 Inspections',
  exportDocuments: '03 Export documents',
  closure: '04 Closure',
} as const;
export type Section = keyof typeof SECTIONS;

/** appProperty keys (private to this app in Drive). */
export const KEY = { kind: 'sourcingKind', record: 'sourcingRecord', shipment: 'sourcingShipment', section: 'sourcingSection' } as const;

export type DocumentKindId =
  | 'commercial-invoice'
  | 'packing-list'
  | 'certificate-of-origin'
  | 'bill-of-lading-draft'
  | 'air-waybill-draft'
  | 'production-schedule'
  | 'closure-report'
  | 'purchase-contract';

/** The Documents table's Kind choice for each document. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKindId, 'Commercial invoice' | 'Packing list' | 'Certificate of origin' | 'B/L draft' | 'AWB draft' | 'Production schedule' | 'Closure report' | 'Purchase contract'> = {
  'commercial-invoice': 'Commercial invoice',
  'packing-list': 'Packing list',
  'certificate-of-origin': 'Certificate of origin',
  'bill-of-lading-draft': 'B/L draft',
  'air-waybill-draft': 'AWB draft',
  'production-schedule': 'Production schedule',
  'closure-report': 'Closure report',
  'purchase-contract': 'Purchase contract',
};

export interface FolderStep {
  name: string;
  key: Record<string, string>;
}

export interface FolderTarget {
  client: { id: string; name: string };
  project: { id: string; name: string };
  /** Absent: the project folder itself (production schedules sit there, named by PO). */
  section?: Section | undefined;
  /** Only when the project has several POs: the section gets a sub-folder per PO. */
  po?: { id: string; poNumber: string } | undefined;
  /**
   * Documents the client may not read (they name a factory the confidentiality policy hides from this client):
   * the same client / project / section tree under "Agency only", which is never shared with the client.
   */
  agencyOnly?: boolean | undefined;
}

export const AGENCY_ONLY_FOLDER = 'Agency only (not shared with clients)';

/** The folders under the agency root, top down. */
export function folderSteps(target: FolderTarget): FolderStep[] {
  if (target.agencyOnly) {
    // Under the agency root, beside the client folders: nothing the client folder shares reaches in here.
    const inner = folderSteps({ ...target, agencyOnly: false }).map((s) => ({ name: s.name, key: { ...s.key, [KEY.kind]: `agency-only:${s.key[KEY.kind] ?? ''}` } }));
    return [{ name: AGENCY_ONLY_FOLDER, key: { [KEY.kind]: 'folder:agency-only' } }, ...inner];
  }
  const steps: FolderStep[] = [
    { name: target.client.name, key: { [KEY.kind]: 'folder:client', [KEY.record]: target.client.id } },
    { name: target.project.name, key: { [KEY.kind]: 'folder:project', [KEY.record]: target.project.id } },
  ];
  if (!target.section) return steps;
  steps.push({ name: SECTIONS[target.section], key: { [KEY.kind]: 'folder:section', [KEY.record]: target.project.id, [KEY.section]: target.section } });
  if (target.po) {
    steps.push({ name: target.po.poNumber, key: { [KEY.kind]: 'folder:po', [KEY.record]: target.po.id, [KEY.section]: target.section } });
  }
  return steps;
}

export const AGENCY_ROOT_KEY: Record<string, string> = { [KEY.kind]: 'folder:agency-root' };

/** The key of a document: its owning record (PO or project), its kind and, for export documents, the shipment. */
export function documentKey(kind: DocumentKindId, recordId: string, shipmentId?: string): Record<string, string> {
  return { [KEY.kind]: kind, [KEY.record]: recordId, ...(shipmentId ? { [KEY.shipment]: shipmentId } : {}) };
}

/** "PO-2406 HM-2406-A Commercial invoice.pdf": sorts by PO, then by invoice, in the folder. */
export function documentFileName(kind: DocumentKindId, parts: { poNumber?: string | undefined; reference?: string | undefined; project?: string | undefined }): string {
  // "B/L" would become a path separator in downloads and synced folders.
  const label = kind === 'bill-of-lading-draft' ? 'Bill of lading draft' : kind === 'air-waybill-draft' ? 'Air waybill draft' : DOCUMENT_KIND_LABELS[kind];
  const head = [parts.poNumber, parts.reference].filter((p) => p !== undefined && p !== '').join(' ');
  const name = head !== '' ? `${head} ${label}` : `${parts.project ?? ''} ${label}`.trim();
  return `${name}.pdf`;
}

/** The folder ID in a Drive folder link or a bare ID ("https://drive.google.com/drive/folders/1AbC…" → "1AbC…"). */
export function folderIdFrom(text: string | undefined): string | undefined {
  const value = (text ?? '').trim();
  if (value === '') return undefined;
  const match = /\/folders\/([A-Za-z0-9_-]+)/.exec(value);
  if (match) return match[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(value) ? value : undefined;
}

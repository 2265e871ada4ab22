/** Documents: every PDF the documents job generated, one row per version. */
import { dateTime, link, number, requiredSelect, requiredText, text, url } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const DOCUMENT_KINDS = [
  'Commercial invoice',
  'Packing list',
  'Certificate of origin',
  'B/L draft',
  'Production schedule',
  'Closure report',
  'Purchase contract',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const documents = defineModel(
  'Documents',
  {
    name: 'Name',
    kind: 'Kind',
    project: 'Project',
    po: 'PO',
    shipment: 'Shipment',
    driveFile: 'Drive file',
    driveFileId: 'Drive file ID',
    version: 'Version',
    contentHash: 'Content hash',
    generatedAt: 'Generated at',
  } as const,
  {
    name: requiredText(),
    kind: requiredSelect(DOCUMENT_KINDS),
    project: link(),
    po: link(),
    shipment: link(),
    driveFile: url(),
    driveFileId: text(),
    version: number({ integer: true, min: 1 }),
    /** Hash of the document content; unchanged content is not regenerated. */
    contentHash: text(),
    generatedAt: dateTime(),
  },
);

export type DocumentRecord = ModelRecord<typeof documents>;

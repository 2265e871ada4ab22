/** Documents: every PDF the documents job generated, one row per version. */
import { checkbox, dateTime, link, number, requiredSelect, requiredText, text, url } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const DOCUMENT_KINDS = [
  'Commercial invoice',
  'Packing list',
  'Certificate of origin',
  'B/L draft',
  'Production schedule',
  'Closure report',
  'Purchase contract',
  'AWB draft',
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
    agencyOnly: 'Agency only',
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
    /** Filed where the client cannot read it (it names a factory the confidentiality policy hides from them). */
    agencyOnly: checkbox(),
  },
);

export type DocumentRecord = ModelRecord<typeof documents>;

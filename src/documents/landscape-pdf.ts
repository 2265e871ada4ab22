import { openPdfDocument, type PdfDocument } from './open-pdf.ts';

/** A4 landscape in points (297 × 210 mm). */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;

/**
 * A one-page-wide landscape document with the same determinism as the export documents (open-pdf.ts): the info
 * dictionary and dates come from the content only, so the same chart gives the same bytes.
 */
export function openLandscapePdf(meta: { title: string; author: string; subject: string; issuedOn: string }): PdfDocument {
  return openPdfDocument({ size: 'A4', layout: 'landscape' }, meta);
}

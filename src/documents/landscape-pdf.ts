import PDFDocument from 'pdfkit';
import { documentFont, FONT_BOLD, FONT_REGULAR } from './fonts.ts';

/** A4 landscape in points (297 × 210 mm). */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;

export interface LandscapePdf {
  doc: PDFKit.PDFDocument;
  finish: () => Promise<Buffer>;
}

/**
 * A one-page-wide landscape document with the same determinism as the export documents (open-pdf.ts): the info
 * dictionary and dates come from the content only, so the same chart gives the same bytes.
 */
export function openLandscapePdf(meta: { title: string; author: string; subject: string; issuedOn: string }): LandscapePdf {
  const date = new Date(`${meta.issuedOn}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`document date "${meta.issuedOn}" is not a YYYY-MM-DD date`);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'sourcing-workspace',
      Producer: 'sourcing-workspace (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  // The parsed font shared by every document of the process (fonts.ts); PDFKit still subsets per document.
  doc.registerFont(FONT_REGULAR, documentFont(FONT_REGULAR) as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(FONT_BOLD, documentFont(FONT_BOLD) as unknown as PDFKit.Mixins.PDFFontSource);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

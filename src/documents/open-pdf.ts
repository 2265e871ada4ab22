import PDFDocument from 'pdfkit';
import { documentFont, FONT_BOLD, FONT_REGULAR } from './fonts.ts';
import { Frame } from './frame.ts';
import { batchPageContent } from './page-content.ts';
import { shareLayouts } from './shared-layouts.ts';
import type { PageSize } from './theme.ts';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  /** ISO date the content was issued; becomes CreationDate/ModDate and, through them, the file ID. */
  issuedOn: string;
}

export interface OpenPdf {
  frame: Frame;
  /** Ends the document and resolves with its bytes. */
  finish: () => Promise<Buffer>;
}

/** A document in the house layout (frame, footer, page numbers) on `pageSize`. */
export function openPdf(pageSize: PageSize, meta: PdfMeta): OpenPdf {
  const { doc, finish } = openPdfDocument({ size: pageSize }, meta);
  return { frame: new Frame(doc, pageSize), finish };
}

export interface PdfDocument {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes. */
  finish: () => Promise<Buffer>;
}

/**
 * A PDFKit document set up for deterministic output: the info dictionary holds only values derived from the
 * content (PDFKit hashes it into the trailer /ID), the dates come from the content, and fonts are subset by
 * PDFKit with tags derived from the font's registration order. Same content → same bytes. Shared by the export
 * documents (openPdf) and the landscape production schedule.
 */
export function openPdfDocument(page: { size: PageSize; layout?: 'landscape' }, meta: PdfMeta): PdfDocument {
  const date = new Date(`${meta.issuedOn}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`document date "${meta.issuedOn}" is not a YYYY-MM-DD date`);
  const doc = new PDFDocument({
    size: page.size,
    ...(page.layout ? { layout: page.layout } : {}),
    // Callers keep their own margins; PDFKit's are zero so drawing in the footer never adds a page by itself.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    // No default font: PDFKit would parse its Helvetica metrics for every document, and every text is set in Noto.
    font: null as unknown as string,
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
  // A parsed fontkit font, shared across documents (PDFKit's typings list only file sources, its code takes fonts).
  doc.registerFont(FONT_REGULAR, documentFont(FONT_REGULAR) as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(FONT_BOLD, documentFont(FONT_BOLD) as unknown as PDFKit.Mixins.PDFFontSource);
  shareLayouts(doc, [FONT_REGULAR, FONT_BOLD]);
  batchPageContent(doc);
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

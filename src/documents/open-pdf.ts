import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR, fontBytes } from './fonts.ts';
import { Frame } from './frame.ts';
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

/**
 * A PDFKit document set up for deterministic output: the info dictionary holds only values derived from the
 * content (PDFKit hashes it into the trailer /ID), the dates come from the content, and fonts are subset by
 * PDFKit with tags derived from the font's registration order. Same content → same bytes.
 */
export function openPdf(pageSize: PageSize, meta: PdfMeta): OpenPdf {
  const date = new Date(`${meta.issuedOn}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`document date "${meta.issuedOn}" is not a YYYY-MM-DD date`);
  const doc = new PDFDocument({
    size: pageSize,
    // The frame keeps its own margins; PDFKit's are zero so drawing in the footer never adds a page by itself.
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
  doc.registerFont(FONT_REGULAR, fontBytes(FONT_REGULAR));
  doc.registerFont(FONT_BOLD, fontBytes(FONT_BOLD));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    frame: new Frame(doc, pageSize),
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

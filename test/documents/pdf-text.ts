import { extractText, getDocumentProxy } from 'unpdf';

export interface PdfText {
  pages: string[];
  /** All pages, whitespace collapsed, for phrase searches that may wrap across lines. */
  flat: string;
  pageSizes: Array<[number, number]>;
  /** The document information dictionary (Title, CreationDate, …). */
  info: Record<string, unknown>;
}

/** Extracts the text layer the way a broker's software (or a copy-paste) would see it. */
export async function pdfText(bytes: Buffer): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const pageSizes: Array<[number, number]> = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const page = await pdf.getPage(i);
    const [, , width = 0, height = 0] = page.view;
    pageSizes.push([Math.round(width), Math.round(height)]);
  }
  const metadata = await pdf.getMetadata();
  await pdf.destroy();
  const info = (metadata.info ?? {}) as Record<string, unknown>;
  return { pages: text, flat: text.join('\n').replace(/\s+/g, ' '), pageSizes, info };
}

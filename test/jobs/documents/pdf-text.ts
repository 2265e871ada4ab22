import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';

/** The text of every page of a PDF, pages joined by newlines (unpdf / pdf.js). */
export async function pdfText(source: string | Buffer): Promise<string> {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

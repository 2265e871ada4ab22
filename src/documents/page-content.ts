/** The part of PDFKit's PDFReference (a page's content stream) that `batchPageContent` wraps. */
interface ContentStream {
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
}

/** Operators kept as strings before they are written to the page as bytes (a few kilobytes of content). */
const BATCH_OPERATORS = 256;

/**
 * PDFKit turns every drawing operator into its own byte array as it is written (a 200-line invoice makes tens of
 * thousands), which the collector then has to track until the document ends (pages stay buffered for the page
 * numbers). Here operators are kept as strings and written as one byte array per few hundred operators, and when
 * something else must follow them or the page ends: PDFKit encodes a string write as its latin-1 bytes followed
 * by a newline, so joining with newlines gives the same bytes. Every write to the page content goes through the
 * stream, so the order is kept whoever writes (operators, marked content).
 */
export function batchPageContent(doc: PDFKit.PDFDocument): void {
  const batch = (stream: ContentStream): void => {
    const write = stream.write.bind(stream);
    const end = stream.end.bind(stream);
    let pending: string[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      pending.push('');
      write(Buffer.from(pending.join('\n'), 'latin1'));
      pending = [];
    };
    stream.write = (chunk: unknown): void => {
      if (chunk instanceof Uint8Array) {
        flush();
        write(chunk);
        return;
      }
      // PDFKit writes anything else as its string form plus a newline.
      pending.push(String(chunk));
      if (pending.length >= BATCH_OPERATORS) flush();
    };
    stream.end = (chunk?: unknown): void => {
      if (chunk) stream.write(chunk);
      flush();
      end();
    };
  };
  const current = (): ContentStream => (doc.page as unknown as { content: ContentStream }).content;
  batch(current());
  doc.on('pageAdded', () => batch(current()));
}

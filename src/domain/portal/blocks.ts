/**
 * The body of a portal page as plain data, in Notion's block vocabulary but free of the SDK: the adapter turns these
 * into block requests. Children go one level deep only, because Notion takes at most two levels of nesting per
 * request (a page's block and its children).
 */
import { fitText, plain, type RichText } from './rich-text.ts';
import { MAX_ARRAY, MAX_CELL_TEXT } from './notion-limits.ts';

export interface HeadingBlock {
  type: 'heading';
  text: RichText;
}
export interface ParagraphBlock {
  type: 'paragraph';
  text: RichText;
}
export interface CalloutBlock {
  type: 'callout';
  text: RichText;
  emoji: string;
}
export interface ImageBlock {
  type: 'image';
  url: string;
  caption: RichText;
  /** What identifies the image for change detection (an Airtable attachment ID): its URL may rotate. */
  stableKey: string;
}
export interface TableBlock {
  type: 'table';
  /** Column titles (the first row). */
  header: string[];
  /** Cells of each further row; every row has header.length cells. */
  rows: RichText[][];
}
export type ChildBlock = ParagraphBlock | ImageBlock;
export interface BulletBlock {
  type: 'bullet';
  text: RichText;
  children?: ChildBlock[];
}

export type PortalBlock = HeadingBlock | ParagraphBlock | CalloutBlock | ImageBlock | TableBlock | BulletBlock;

/** Rows a table can carry: Notion allows 100 children per request, one of which is the header row. */
export const MAX_TABLE_ROWS = MAX_ARRAY - 1;

export function heading(text: string): HeadingBlock {
  return { type: 'heading', text: fitText(plain(text), { maxChars: MAX_CELL_TEXT }) };
}

export function paragraph(text: RichText): ParagraphBlock {
  return { type: 'paragraph', text: fitText(text) };
}

export function callout(text: RichText, emoji: string): CalloutBlock {
  return { type: 'callout', text: fitText(text), emoji };
}

export function bullet(text: RichText, children: ChildBlock[] = []): BulletBlock {
  const kept = children.slice(0, MAX_ARRAY);
  return { type: 'bullet', text: fitText(text), ...(kept.length > 0 ? { children: kept } : {}) };
}

/**
 * A table whose cells fit (one short text each). Rows past MAX_TABLE_ROWS are dropped and the last kept row says
 * so, so the table never exceeds what one request may carry.
 */
export function table(header: string[], rows: RichText[][]): TableBlock {
  const width = header.length;
  const cell = (text: RichText | undefined) => fitText(text ?? [], { maxChars: MAX_CELL_TEXT });
  let kept = rows.map((row) => Array.from({ length: width }, (_, i) => cell(row[i])));
  if (kept.length > MAX_TABLE_ROWS) {
    const hidden = kept.length - (MAX_TABLE_ROWS - 1);
    kept = kept.slice(0, MAX_TABLE_ROWS - 1);
    kept.push(Array.from({ length: width }, (_, i) => (i === 0 ? plain(`… ${hidden} more rows (truncated, see Airtable)`) : [])));
  }
  return { type: 'table', header, rows: kept };
}

/**
 * Rich text as the portal writes it: spans of plain text, optionally linked or bold. `fitText` makes any text fit
 * Notion's limits: a span over 2,000 characters is split into several items (Notion renders them as one run of
 * text), and text over the item or character budget is cut with the visible TRUNCATION_MARKER. Nothing is refused.
 */
import { MAX_ARRAY, MAX_BLOCK_TEXT, MAX_TEXT_CONTENT, TRUNCATION_MARKER } from './notion-limits.ts';

export interface TextSpan {
  text: string;
  /** An http(s) URL of at most 2,000 characters; longer links are dropped (the text stays). */
  link?: string;
  bold?: boolean;
}

export type RichText = TextSpan[];

export interface FitOptions {
  /** Rich text items allowed (Notion: 100). */
  maxItems?: number;
  /** Characters allowed over all spans before cutting (default MAX_BLOCK_TEXT). */
  maxChars?: number;
}

export function plain(text: string): RichText {
  return text === '' ? [] : [{ text }];
}

/** Splits a string into pieces of at most `size` UTF-16 units without cutting a surrogate pair in two. */
export function splitText(text: string, size = MAX_TEXT_CONTENT): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    // A budget of one unit cannot hold a surrogate pair: take the pair rather than loop forever.
    if (end <= start) end = Math.min(start + 2, text.length);
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** Cuts `text` to at most `max` characters, marker included, on a code point boundary. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - TRUNCATION_MARKER.length);
  const [head = ''] = splitText(text, Math.max(1, room));
  return `${room === 0 ? '' : head}${TRUNCATION_MARKER}`.slice(0, max);
}

function safeLink(link: string | undefined): string | undefined {
  if (link === undefined || link.length > MAX_TEXT_CONTENT || !/^https?:\/\//i.test(link)) return undefined;
  return link;
}

/** Makes spans fit Notion: items of ≤2,000 characters, at most `maxItems` items and `maxChars` characters. */
export function fitText(spans: RichText, options: FitOptions = {}): RichText {
  const maxItems = Math.min(options.maxItems ?? MAX_ARRAY, MAX_ARRAY);
  const maxChars = options.maxChars ?? MAX_BLOCK_TEXT;
  const pieces: TextSpan[] = [];
  for (const span of spans) {
    if (span.text === '') continue;
    const link = safeLink(span.link);
    for (const text of splitText(span.text)) {
      pieces.push({ text, ...(link ? { link } : {}), ...(span.bold ? { bold: true } : {}) });
    }
  }
  const total = pieces.reduce((sum, p) => sum + p.text.length, 0);
  if (pieces.length <= maxItems && total <= maxChars) return pieces;

  // Keep whole items while they fit, leaving room (one item, marker length) for the marker.
  const out: TextSpan[] = [];
  let used = 0;
  const budget = maxChars - TRUNCATION_MARKER.length;
  for (const piece of pieces) {
    if (out.length >= maxItems - 1) break;
    const room = budget - used;
    if (room <= 0) break;
    const text = piece.text.length <= room ? piece.text : (splitText(piece.text, room)[0] ?? '');
    out.push({ ...piece, text });
    used += text.length;
    if (text.length < piece.text.length) break;
  }
  out.push({ text: TRUNCATION_MARKER });
  return out;
}

/** The characters of a rich text, as a reader sees them. */
export function textOf(spans: RichText): string {
  return spans.map((s) => s.text).join('');
}

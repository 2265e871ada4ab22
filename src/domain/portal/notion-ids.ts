/** Notion IDs in URLs: `https://www.notion.so/Title-<32 hex>` (or the local viewer's `/notion/<32 hex>`). */
const TRAILING_ID = /([0-9a-f]{32})(?:[?#].*)?$/i;

/** The page ID (dashed UUID) at the end of a Notion page URL, or undefined. */
export function pageIdFromUrl(url: string | undefined): string | undefined {
  const match = url?.trim().replace(/-/g, '').match(TRAILING_ID);
  const hex = match?.[1]?.toLowerCase();
  if (!hex) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** IDs compare without dashes and case. */
export function sameNotionId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.replace(/-/g, '').toLowerCase() === b.replace(/-/g, '').toLowerCase();
}

/** An ID without dashes, lower case: the key for maps of pages. */
export function normalizeNotionId(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

/**
 * Notion's request size limits (https://developers.notion.com/reference/request-limits). Breaking one makes Notion
 * refuse the whole request with 400 validation_error, so the portal content is built to fit them: text is split
 * into several rich text items, or cut with a visible marker when even that is too long.
 */

/** Characters in one rich text item's `text.content`, and in a link URL. */
export const MAX_TEXT_CONTENT = 2000;
/** Elements in any array: rich text items, children of one append, table rows, relations. */
export const MAX_ARRAY = 100;
/** Block elements in one request (all nesting levels). */
export const MAX_BLOCKS_PER_REQUEST = 1000;
/** Bytes of one request body. */
export const MAX_PAYLOAD_BYTES = 500 * 1024;

/**
 * Our own cap for one block's text (five rich text items). A portal summarises; the full text stays in Airtable.
 * It also keeps a page's create request far below 500 KB.
 */
export const MAX_BLOCK_TEXT = 10_000;
/** A table cell or a property holds one short text. */
export const MAX_CELL_TEXT = MAX_TEXT_CONTENT;

/** Appended where text was cut, so a reader knows there is more. */
export const TRUNCATION_MARKER = '… (truncated, see Airtable)';

/**
 * Splits blocks into requests Notion accepts: at most 100 children per append, 1000 block elements and 500 KB
 * per request (https://developers.notion.com/reference/request-limits). Each block keeps its own children.
 */
import type { BlockObjectRequest } from '@notionhq/client';
import { MAX_ARRAY, MAX_BLOCKS_PER_REQUEST, MAX_PAYLOAD_BYTES } from '../../domain/portal/notion-limits.ts';

/** Room left for the rest of the request (properties, parent) below the 500 KB limit. */
const BLOCK_BYTES_BUDGET = MAX_PAYLOAD_BYTES - 40 * 1024;

function elementsOf(block: BlockObjectRequest): number {
  let n = 1;
  for (const value of Object.values(block as Record<string, unknown>)) {
    const children = typeof value === 'object' && value !== null ? (value as { children?: unknown }).children : undefined;
    if (Array.isArray(children)) n += children.reduce<number>((sum, child) => sum + elementsOf(child as BlockObjectRequest), 0);
  }
  return n;
}

export function chunkBlocks(blocks: readonly BlockObjectRequest[]): BlockObjectRequest[][] {
  const chunks: BlockObjectRequest[][] = [];
  let current: BlockObjectRequest[] = [];
  let elements = 0;
  let bytes = 0;
  for (const block of blocks) {
    const e = elementsOf(block);
    const b = Buffer.byteLength(JSON.stringify(block));
    if (current.length > 0 && (current.length >= MAX_ARRAY || elements + e > MAX_BLOCKS_PER_REQUEST || bytes + b > BLOCK_BYTES_BUDGET)) {
      chunks.push(current);
      current = [];
      elements = 0;
      bytes = 0;
    }
    current.push(block);
    elements += e;
    bytes += b;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Content hashes for change detection. A page is rewritten only when the hash of what it should show differs from
 * the one stored on the page, so a run over unchanged data makes no writes at all.
 */
import { createHash } from 'node:crypto';
import type { PortalBlock } from './blocks.ts';

/** Stable JSON: object keys sorted, undefined left out, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** 12 hex digits (48 bits) of SHA-256: plenty to tell one page's versions apart, short enough to store. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 12);
}

/**
 * The hash of a body section. Images count by their stable key, not their URL: Airtable attachment URLs are
 * re-signed and change on every read, which would otherwise rewrite every page on every run.
 */
export function blocksHash(title: string, blocks: readonly PortalBlock[]): string {
  const stable = blocks.map((block) => {
    if (block.type === 'image') return { ...block, url: undefined };
    if (block.type === 'bullet' && block.children) {
      return { ...block, children: block.children.map((c) => (c.type === 'image' ? { ...c, url: undefined } : c)) };
    }
    return block;
  });
  return hashOf({ title, blocks: stable });
}

import { createHash } from 'node:crypto';

/**
 * SHA-256 of a value's JSON (bigints as decimal strings) plus a salt. Document content is built deterministically
 * (same records → same objects, same key order), and the renderers are deterministic, so equal hashes mean equal
 * PDFs: a job compares hashes instead of rendering. Bump the salt when a renderer's layout changes.
 */
export function contentHash(value: unknown, salt: string): string {
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return createHash('sha256').update(salt).update('\n').update(json).digest('hex');
}

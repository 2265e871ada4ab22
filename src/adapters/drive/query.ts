/**
 * Builds Drive search queries (https://developers.google.com/drive/api/guides/ref-search-terms). Values go in
 * single quotes with backslash and quote escaped (the backslash first), so no record value can change the query.
 */
import type { DriveKey } from '../../ports/drive.ts';

export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Items carrying every key/value of `key` in their appProperties, not in the trash. */
export function keyQuery(key: DriveKey): string {
  const terms = Object.entries(key)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `appProperties has { key=${quote(k)} and value=${quote(v)} }`);
  if (terms.length === 0) throw new Error('a Drive key needs at least one appProperty');
  return [...terms, 'trashed = false'].join(' and ');
}

/** Drive allows 124 bytes per appProperty (key + value); a longer one would be refused with a 400. */
export function checkKey(key: DriveKey): void {
  for (const [k, v] of Object.entries(key)) {
    if (Buffer.byteLength(k + v, 'utf8') > 124) throw new Error(`appProperty ${k} is longer than Drive's 124 bytes`);
  }
}

/**
 * The "Sync hash" page property: one hash of the page's properties and one per body section, e.g.
 * `v1 p=3f9a0c1be2d4 summary=0a1b2c3d4e5f milestones=…`. Comparing it with what the page should show tells which
 * parts changed without reading the page body.
 */
export const SYNC_HASH_VERSION = 'v1';

export interface SyncHash {
  properties: string;
  /** Section key → hash. */
  sections: Record<string, string>;
}

export function encodeSyncHash(hash: SyncHash): string {
  const sections = Object.entries(hash.sections).map(([key, value]) => `${key}=${value}`);
  return [SYNC_HASH_VERSION, `p=${hash.properties}`, ...sections].join(' ');
}

/** Anything unreadable (hand-edited, older version, empty) decodes to "nothing known", so everything is rewritten. */
export function decodeSyncHash(text: string | null | undefined): SyncHash {
  const empty: SyncHash = { properties: '', sections: {} };
  const [version, ...parts] = (text ?? '').trim().split(/\s+/);
  if (version !== SYNC_HASH_VERSION) return empty;
  const out: SyncHash = { properties: '', sections: {} };
  for (const part of parts) {
    const [key, value] = part.split('=');
    if (!key || !value) return empty;
    if (key === 'p') out.properties = value;
    else out.sections[key] = value;
  }
  return out;
}

/**
 * What to do with each page of one portal database, from the pages it should hold and the pages it holds now
 * (their Airtable ID and Sync hash). Pages are matched by Airtable ID. Nothing is written for a page whose hash
 * matches; a changed page gets only what changed (properties and/or the changed sections); a page whose record
 * is gone from this portal (cancelled, deleted, moved to another client) is archived, never deleted.
 */
import { pageIdFromUrl, sameNotionId } from './notion-ids.ts';
import type { PortalProperties } from './page-values.ts';
import type { PortalPage } from './portal-page.ts';
import { decodeSyncHash, type SyncHash } from './sync-hash.ts';

export interface ExistingPage {
  pageId: string;
  url: string;
  /** The page's title as Notion has it (for reports). */
  title: string;
  airtableId: string;
  syncHash: string;
  /** The client-owned approval (PO pages). */
  clientApproval: string | null;
}

export interface PlannedPage {
  page: PortalPage;
  /** Properties with relations resolved to page IDs. */
  properties: PortalProperties;
  hash: SyncHash;
}

export type PageAction =
  | { kind: 'create'; planned: PlannedPage; restoreFrom?: string }
  | { kind: 'update'; planned: PlannedPage; existing: ExistingPage; properties: boolean; sections: string[] }
  | { kind: 'keep'; planned: PlannedPage; existing: ExistingPage }
  | { kind: 'archive'; existing: ExistingPage; reason: 'not in this portal' | 'duplicate' };

/** What differs between the stored Sync hash and the planned one. */
export function changesOf(stored: string, planned: SyncHash): { properties: boolean; sections: string[] } {
  const old = decodeSyncHash(stored);
  return {
    properties: old.properties !== planned.properties,
    sections: Object.entries(planned.sections).filter(([key, hash]) => old.sections[key] !== hash).map(([key]) => key),
  };
}

export function actionFor(planned: PlannedPage, existing: ExistingPage): PageAction {
  const changes = changesOf(existing.syncHash, planned.hash);
  if (!changes.properties && changes.sections.length === 0) return { kind: 'keep', planned, existing };
  return { kind: 'update', planned, existing, ...changes };
}

export function diffPages(planned: readonly PlannedPage[], existing: readonly ExistingPage[], held: ReadonlySet<string>): PageAction[] {
  const actions: PageAction[] = [];
  const byRecord = new Map<string, ExistingPage[]>();
  for (const page of existing) {
    // Rows without an Airtable ID were not made by the sync; they are left alone.
    if (page.airtableId === '') continue;
    byRecord.set(page.airtableId, [...(byRecord.get(page.airtableId) ?? []), page]);
  }
  const wanted = new Set<string>();
  for (const plan of planned) {
    wanted.add(plan.page.airtableId);
    const candidates = byRecord.get(plan.page.airtableId) ?? [];
    const known = pageIdFromUrl(plan.page.knownUrl);
    const keep = candidates.find((c) => sameNotionId(c.pageId, known)) ?? candidates[0];
    for (const other of candidates) if (other !== keep) actions.push({ kind: 'archive', existing: other, reason: 'duplicate' });
    if (keep) actions.push(actionFor(plan, keep));
    else actions.push({ kind: 'create', planned: plan, ...(known ? { restoreFrom: known } : {}) });
  }
  for (const [airtableId, pages] of byRecord) {
    if (wanted.has(airtableId) || held.has(airtableId)) continue;
    for (const page of pages) actions.push({ kind: 'archive', existing: page, reason: 'not in this portal' });
  }
  return actions;
}

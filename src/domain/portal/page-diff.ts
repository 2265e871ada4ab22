/**
 * What to do with each page of one portal database, from the pages it should hold and the pages it holds now
 * (the record each shows and its Portal sync hash, from page-identity.ts). Pages are matched by record ID. Nothing is written for a page whose hash
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
  /** The record the page shows ('' when unknown). */
  airtableId: string;
  /** What the page showed when last written (encoded SyncHash), '' when unknown. */
  syncHash: string;
  /** The client-owned approval (PO pages). */
  clientApproval: string | null;
  /** The page still carries the bookkeeping properties of a version before issue 10. */
  legacy?: boolean;
  /** Created by the integration, shows no known record (its record was deleted): archived. */
  orphan?: boolean;
}

export interface PlannedPage {
  page: PortalPage;
  /** Properties with relations resolved to page IDs. */
  properties: PortalProperties;
  hash: SyncHash;
}

export type PageAction =
  /** `storedHash`: the record's Portal sync hash, what the page to restore showed. */
  | { kind: 'create'; planned: PlannedPage; restoreFrom?: string; storedHash?: string }
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

export function diffPages(
  planned: readonly PlannedPage[],
  existing: readonly ExistingPage[],
  held: ReadonlySet<string>,
  storedHashOf: (recordId: string) => string | undefined = () => undefined,
): PageAction[] {
  const actions: PageAction[] = [];
  const byRecord = new Map<string, ExistingPage[]>();
  for (const page of existing) {
    // A page of a deleted record goes to the trash; a row someone added by hand is left alone.
    if (page.airtableId === '') {
      if (page.orphan) actions.push({ kind: 'archive', existing: page, reason: 'not in this portal' });
      continue;
    }
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
    else {
      const storedHash = storedHashOf(plan.page.airtableId);
      actions.push({ kind: 'create', planned: plan, ...(known ? { restoreFrom: known } : {}), ...(storedHash ? { storedHash } : {}) });
    }
  }
  for (const [airtableId, pages] of byRecord) {
    if (wanted.has(airtableId) || held.has(airtableId)) continue;
    for (const page of pages) actions.push({ kind: 'archive', existing: page, reason: 'not in this portal' });
  }
  return actions;
}

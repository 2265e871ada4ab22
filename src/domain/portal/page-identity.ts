/**
 * Which record each listed portal page shows, now that pages carry no record ID (clients read every property).
 * In order: the Airtable row that links to the page ("Notion page"), the "Airtable ID" an older version wrote on
 * the page (read once, while migrating), and the page title for a page whose link never reached Airtable (a run
 * that stopped between creating the page and writing back): a title that names exactly one planned record still
 * without a page. What the page showed when last written ("Portal sync hash") comes from the same row; while
 * migrating, the old on-page "Sync hash" stands in, so a migration rewrites nothing that did not change.
 * A page nobody can place is an orphan when the integration created it (its record was deleted): it is archived.
 * Anything else (a row someone added by hand) is left alone.
 */
import { normalizeNotionId } from './notion-ids.ts';
import type { ExistingPage } from './page-diff.ts';
import { titleText, type PortalPage } from './portal-page.ts';

/** A page as Notion lists it; `airtableId`/`syncHash` are the legacy on-page values ('' when absent). */
export interface ListedPage extends ExistingPage {
  /** Notion user ID of the page's creator. */
  createdBy?: string | undefined;
}

export interface PageRecordIndex {
  /** Normalized Notion page ID → the record whose row links to it. */
  recordOfPage: ReadonlyMap<string, string>;
  /** Record ID → its "Portal sync hash". */
  hashOfRecord: ReadonlyMap<string, string>;
  /** Record IDs whose row links to some page (anywhere). */
  linked: ReadonlySet<string>;
}

export function identifyPages(
  listed: readonly ListedPage[],
  index: PageRecordIndex,
  planned: readonly PortalPage[],
  integrationUser: string | undefined,
): ExistingPage[] {
  const byTitle = new Map<string, string[]>();
  for (const page of planned) {
    if (index.linked.has(page.airtableId)) continue;
    const title = titleText(page.properties);
    byTitle.set(title, [...(byTitle.get(title) ?? []), page.airtableId]);
  }
  const claimed = new Set<string>();
  return listed.map((page): ExistingPage => {
    const legacy = page.airtableId !== '' || page.syncHash !== '';
    const linked = index.recordOfPage.get(normalizeNotionId(page.pageId));
    let recordId = linked ?? (page.airtableId || undefined);
    if (recordId === undefined) {
      const candidates = byTitle.get(page.title) ?? [];
      const only = candidates.length === 1 ? candidates[0] : undefined;
      if (only !== undefined && !claimed.has(only)) recordId = only;
    }
    const { createdBy: _createdBy, ...rest } = page;
    if (recordId === undefined) {
      const orphan = integrationUser !== undefined && page.createdBy === integrationUser;
      return { ...rest, airtableId: '', syncHash: '', ...(legacy ? { legacy } : {}), ...(orphan ? { orphan } : {}) };
    }
    claimed.add(recordId);
    const stored = index.hashOfRecord.get(recordId) ?? '';
    // A row links to this page: its hash is the page's. Otherwise (found by title or legacy ID) only a legacy hash.
    const syncHash = linked !== undefined && stored !== '' ? stored : page.syncHash;
    return { ...rest, airtableId: recordId, syncHash, ...(legacy ? { legacy } : {}) };
  });
}

/** True when some listed page cannot be placed without knowing who created it. */
export function needsCreator(listed: readonly ListedPage[], index: PageRecordIndex): boolean {
  return listed.some((p) => p.airtableId === '' && !index.recordOfPage.has(normalizeNotionId(p.pageId)));
}

/**
 * Carries out the page actions of one portal database. Each page is its own unit: Notion refusing one page is
 * a problem in the report, and every other page goes on. The new Portal sync hash of each page that was written
 * goes back to Airtable after every page (writeback.ts), so a run that stops half-way leaves the old hash behind
 * and the page is finished on the next run. Nothing but client content is written on a page.
 */
import { actionFor, type ExistingPage, type PageAction, type PlannedPage } from '../../domain/portal/page-diff.ts';
import type { SectionLayout } from '../../domain/portal/portal-layout.ts';
import { encodeSyncHash } from '../../domain/portal/sync-hash.ts';
import { NotionRefusedError, type NotionPortalPort, type PageFieldNames } from '../../ports/notion.ts';

export interface PageChangeRecord {
  kind: 'project' | 'po';
  label: string;
  action: 'created' | 'updated' | 'archived' | 'restored';
  /** Sections rewritten (updates). */
  sections?: string[];
  properties?: boolean;
}

export interface AppliedPages {
  /** Airtable ID → the page that shows it now (kept, updated, created or restored), with the hash it now shows. */
  pages: Map<string, ExistingPage>;
  changes: PageChangeRecord[];
  /** Airtable IDs whose page was created in this run (no client could have touched it yet). */
  created: Set<string>;
  unchanged: number;
  problems: string[];
}

export interface ApplyContext {
  notion: NotionPortalPort;
  dataSourceId: string;
  names: PageFieldNames;
  layout: readonly SectionLayout[];
  kind: 'project' | 'po';
  /** "Harborline Home": for messages. */
  portal: string;
}

function refusal(error: unknown): string | undefined {
  return error instanceof NotionRefusedError ? `${error.code}: ${error.message}` : undefined;
}

export async function applyPageActions(ctx: ApplyContext, actions: readonly PageAction[]): Promise<AppliedPages> {
  const out: AppliedPages = { pages: new Map(), changes: [], created: new Set(), unchanged: 0, problems: [] };
  for (const action of actions) {
    const label = action.kind === 'archive' ? action.existing.title || 'an untitled page' : action.planned.page.label;
    try {
      await apply(ctx, action, out);
    } catch (error) {
      const reason = refusal(error);
      if (reason === undefined) throw error;
      out.problems.push(`${ctx.portal}: Notion refused the page of ${label}: ${reason}`);
    }
  }
  return out;
}

async function apply(ctx: ApplyContext, action: PageAction, out: AppliedPages): Promise<void> {
  switch (action.kind) {
    case 'keep':
      out.pages.set(action.planned.page.airtableId, { ...action.existing, syncHash: encodeSyncHash(action.planned.hash) });
      out.unchanged += 1;
      return;
    case 'archive':
      await ctx.notion.archivePage(action.existing.pageId);
      out.changes.push({ kind: ctx.kind, label: action.existing.title || 'an untitled page', action: 'archived' });
      return;
    case 'update':
      await update(ctx, action.planned, action.existing, action.properties, action.sections, out);
      return;
    case 'create': {
      if (action.restoreFrom && (await restore(ctx, action.planned, action.restoreFrom, action.storedHash ?? '', out))) return;
      const { page, properties, hash } = action.planned;
      const created = await ctx.notion.createPage(ctx.dataSourceId, {
        properties: { ...properties, ...page.seed },
        sections: page.sections,
      });
      out.pages.set(page.airtableId, { pageId: created.pageId, url: created.url, title: page.label, airtableId: page.airtableId, syncHash: encodeSyncHash(hash), clientApproval: null });
      out.created.add(page.airtableId);
      out.changes.push({ kind: page.kind, label: page.label, action: 'created' });
      return;
    }
  }
}

async function update(
  ctx: ApplyContext,
  planned: PlannedPage,
  existing: ExistingPage,
  propertiesChanged: boolean,
  sectionKeys: readonly string[],
  out: AppliedPages,
): Promise<void> {
  const { page, properties, hash } = planned;
  await ctx.notion.updatePage(existing.pageId, {
    sections: page.sections.filter((s) => sectionKeys.includes(s.key)),
    ...(propertiesChanged ? { properties } : {}),
    layout: ctx.layout,
  });
  out.pages.set(page.airtableId, { ...existing, syncHash: encodeSyncHash(hash) });
  out.changes.push({ kind: page.kind, label: page.label, action: 'updated', properties: propertiesChanged, sections: [...sectionKeys] });
}

/**
 * A record that is live again (a cancelled PO reopened) gets its archived page back rather than a new one, when
 * the page its Airtable row links to is in this database (and, on a page an older version wrote, still names this
 * record).
 */
async function restore(ctx: ApplyContext, planned: PlannedPage, pageId: string, storedHash: string, out: AppliedPages): Promise<boolean> {
  const listed = await ctx.notion.findPage(pageId, ctx.names);
  if (!listed || (listed.airtableId !== '' && listed.airtableId !== planned.page.airtableId) || listed.dataSourceId?.replace(/-/g, '') !== ctx.dataSourceId.replace(/-/g, '')) {
    return false;
  }
  const found = { ...listed, airtableId: planned.page.airtableId, syncHash: storedHash || listed.syncHash };
  if (found.inTrash) {
    await ctx.notion.restorePage(found.pageId);
    out.changes.push({ kind: planned.page.kind, label: planned.page.label, action: 'restored' });
  }
  const next = actionFor(planned, found);
  if (next.kind === 'update') await update(ctx, planned, found, next.properties, next.sections, out);
  else out.pages.set(planned.page.airtableId, { ...found, syncHash: encodeSyncHash(planned.hash) });
  return true;
}

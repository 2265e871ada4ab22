/**
 * One client's portal: make sure the portal page and its two databases exist, then bring the Projects and the
 * Purchase Orders pages in line with the plan. Only this client's pages are read and written here, so no client
 * can ever end up with another client's page.
 */
import type { CommentedPage } from '../../domain/portal/client-comments.ts';
import { diffPages, type ExistingPage, type PlannedPage } from '../../domain/portal/page-diff.ts';
import { identifyPages, needsCreator, type PageRecordIndex } from '../../domain/portal/page-identity.ts';
import { resolveRelations } from '../../domain/portal/page-values.ts';
import {
  PO_PROPS,
  PO_SECTIONS,
  PORTAL_DATABASES,
  PROJECT_SECTIONS,
  SYSTEM_PROPS,
} from '../../domain/portal/portal-layout.ts';
import type { ClientPortalPages, ClientPortalPlan } from '../../domain/portal/portal-plan.ts';
import { syncHashOf, type PortalPage } from '../../domain/portal/portal-page.ts';
import type { NotionPortalPort, PageFieldNames, PortalPageRef } from '../../ports/notion.ts';
import { applyPageActions, type PageChangeRecord } from './apply-pages.ts';

export interface PortalSummary {
  clientId: string;
  client: string;
  title: string;
  url: string;
  /** Who the portal is for (the client's Portal emails): share the page with exactly these people. */
  sharedWith: string[];
  created: string[];
  renamed: boolean;
}

export interface ClientPortalResult {
  portal: PortalSummary;
  /** Airtable ID → the page now showing it. */
  pages: Map<string, ExistingPage>;
  changes: (PageChangeRecord & { client: string })[];
  unchanged: number;
  /** PO ID → the client's approval on its page (pages that existed before this run only). */
  approvals: Map<string, string | null>;
  /** Page ID → the records it shows, for pages that may hold comments; `live` pages are read by default. */
  commentPages: Map<string, CommentedPage & { live: boolean }>;
  /** Data sources still carrying the bookkeeping properties of an older version (removed after the writeback). */
  legacyDataSources: string[];
  problems: string[];
}

export interface ClientPortalContext {
  notion: NotionPortalPort;
  rootPageId: string;
  rootChildren: readonly PortalPageRef[];
  held: ReadonlySet<string>;
  /** Project ID → its agent (person ID), for comment alerts. */
  agentOf: ReadonlyMap<string, string | undefined>;
  /** PO ID → its project ID. */
  projectOfPo: ReadonlyMap<string, string>;
  /** Which record each page shows, from the Airtable rows' "Notion page" and "Portal sync hash". */
  pageIndex: PageRecordIndex;
}

const PROJECT_NAMES = { airtableId: SYSTEM_PROPS.airtableId, syncHash: SYSTEM_PROPS.syncHash };
const PO_NAMES = { ...PROJECT_NAMES, clientApproval: PO_PROPS.clientApproval };

function planned(page: PortalPage, pageIdOf: (airtableId: string) => string | undefined): PlannedPage {
  const properties = resolveRelations(page.properties, pageIdOf);
  return { page, properties, hash: syncHashOf(properties, page.sections) };
}

/** `built`: the portal's pages, built by the caller just before (plan.pages()). */
export async function syncClientPortal(ctx: ClientPortalContext, plan: ClientPortalPlan, built: ClientPortalPages): Promise<ClientPortalResult> {
  const { notion } = ctx;
  const ensured = await notion.ensurePortal({
    rootPageId: ctx.rootPageId,
    title: plan.title,
    rootChildren: ctx.rootChildren,
    databases: PORTAL_DATABASES,
    ...(plan.client.notionPortal ? { knownUrl: plan.client.notionPortal } : {}),
  });
  const name = plan.client.name;

  const legacyDataSources: string[] = [];
  const storedHashOf = (id: string) => ctx.pageIndex.hashOfRecord.get(id);
  /** The pages of one database, each placed on its record (page-identity.ts). */
  async function existing(dataSourceId: string, names: PageFieldNames, wanted: readonly PortalPage[]): Promise<ExistingPage[]> {
    const listed = await notion.listPages(dataSourceId, names);
    const creator = needsCreator(listed, ctx.pageIndex) ? await notion.integrationUserId() : undefined;
    const pages = identifyPages(listed, ctx.pageIndex, wanted, creator);
    // An empty database of an old portal still has the old columns: only then is its schema read.
    if (pages.some((p) => p.legacy) || (pages.length === 0 && !ensured.created.length)) legacyDataSources.push(dataSourceId);
    return pages;
  }

  const projects = await applyPageActions(
    { notion, dataSourceId: ensured.dataSources.projects, names: PROJECT_NAMES, layout: PROJECT_SECTIONS, kind: 'project', portal: name },
    diffPages(built.projects.map((p) => planned(p, () => undefined)), await existing(ensured.dataSources.projects, PROJECT_NAMES, built.projects), ctx.held, storedHashOf),
  );
  const projectPageOf = (id: string) => projects.pages.get(id)?.pageId;
  const pos = await applyPageActions(
    { notion, dataSourceId: ensured.dataSources.purchaseOrders, names: PO_NAMES, layout: PO_SECTIONS, kind: 'po', portal: name },
    diffPages(built.purchaseOrders.map((p) => planned(p, projectPageOf)), await existing(ensured.dataSources.purchaseOrders, PO_NAMES, built.purchaseOrders), ctx.held, storedHashOf),
  );

  const pages = new Map([...projects.pages, ...pos.pages]);
  const commentPages = new Map<string, CommentedPage & { live: boolean }>();
  for (const page of [...built.projects, ...built.purchaseOrders]) {
    const shown = pages.get(page.airtableId);
    // A page created in this run has no comments yet.
    if (!shown || projects.created.has(page.airtableId) || pos.created.has(page.airtableId)) continue;
    const projectId = page.kind === 'project' ? page.airtableId : ctx.projectOfPo.get(page.airtableId);
    if (!projectId) continue;
    const agentId = ctx.agentOf.get(projectId);
    commentPages.set(shown.pageId, {
      live: page.watchComments,
      kind: page.kind,
      label: page.label,
      projectId,
      ...(page.kind === 'po' ? { poId: page.airtableId } : {}),
      ...(agentId ? { agentId } : {}),
    });
  }

  const approvals = new Map<string, string | null>();
  for (const [poId, page] of pos.pages) if (!pos.created.has(poId)) approvals.set(poId, page.clientApproval);

  return {
    approvals,
    portal: {
      clientId: plan.client.id,
      client: name,
      title: plan.title,
      url: ensured.url,
      sharedWith: plan.client.portalEmails,
      created: ensured.created,
      renamed: ensured.renamed,
    },
    pages,
    changes: [...projects.changes, ...pos.changes].map((c) => ({ ...c, client: name })),
    unchanged: projects.unchanged + pos.unchanged,
    commentPages,
    legacyDataSources,
    problems: [...projects.problems, ...pos.problems],
  };
}

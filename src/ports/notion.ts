/**
 * What jobs need from Notion, in client-portal terms. Implemented by src/adapters/notion over @notionhq/client;
 * jobs never see SDK types. Every list is paged through to the end; every request is counted.
 */
import type { PortalBlock } from '../domain/portal/blocks.ts';
import type { PortalComment } from '../domain/portal/client-comments.ts';
import type { ExistingPage } from '../domain/portal/page-diff.ts';
import type { ListedPage } from '../domain/portal/page-identity.ts';
import type { PortalProperties } from '../domain/portal/page-values.ts';
import type { DatabaseKey, PortalDatabaseLayout, SectionLayout } from '../domain/portal/portal-layout.ts';

/** Operations (as the adapter counts them) that change nothing on Notion; a query is a POST but reads. */
export const NOTION_READ_OPERATIONS: ReadonlySet<string> = new Set([
  'dataSources.query', 'dataSources.retrieve', 'databases.retrieve', 'pages.retrieve', 'blocks.children.list',
  'blocks.retrieve', 'comments.list', 'comments.retrieve', 'search', 'users.me', 'users.retrieve', 'rate-limited',
]);

/**
 * Notion refused a request (validation_error, object_not_found, restricted_resource…): the code and message as
 * Notion gave them; also `query_result_limit_reached` when a query could not list every page. Rate limits are not
 * refusals; the adapter waits them out.
 */
export class NotionRefusedError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'NotionRefusedError';
  }
}

/** A page directly under the root page (a client portal). */
export interface PortalPageRef {
  pageId: string;
  title: string;
}

export interface EnsurePortalInput {
  rootPageId: string;
  title: string;
  /** The portal page URL the Clients row holds ("Notion portal"), if any. */
  knownUrl?: string;
  /** The root's child pages, from listPortalPages (one read for every client). */
  rootChildren: readonly PortalPageRef[];
  databases: readonly PortalDatabaseLayout[];
}

export interface EnsuredPortal {
  pageId: string;
  url: string;
  dataSources: Record<DatabaseKey, string>;
  /** What this call created ("portal page", "Projects database", …); empty when all was there. */
  created: string[];
  /** True when the portal page's title was brought up to date. */
  renamed: boolean;
}

/**
 * Names of properties read from listed pages: the client's approval, and the bookkeeping properties of versions
 * before issue 10 (read only to migrate; '' when a page does not have them).
 */
export interface PageFieldNames {
  airtableId: string;
  syncHash: string;
  clientApproval?: string;
}

export interface SectionContent extends SectionLayout {
  blocks: PortalBlock[];
}

export interface NewPage {
  properties: PortalProperties;
  sections: SectionContent[];
}

export interface PageChange {
  /** Properties to set; written last, so a run that stops half-way leaves the old Sync hash and is redone. */
  properties?: PortalProperties;
  /** Sections to rewrite: only their blocks are replaced. */
  sections?: SectionContent[];
  /** Every section of the page in order, to find sections and place a missing one. */
  layout: readonly SectionLayout[];
}

export interface FoundPage extends ListedPage {
  inTrash: boolean;
  dataSourceId?: string;
}

export interface NotionPortalPort {
  /** A top-level page with this title, created when missing (local mode; on Notion the root is shared by hand). */
  ensureRootPage(title: string): Promise<string>;
  listPortalPages(rootPageId: string): Promise<PortalPageRef[]>;
  ensurePortal(input: EnsurePortalInput): Promise<EnsuredPortal>;
  /** Every live page of a data source (pages of 100). */
  listPages(dataSourceId: string, names: PageFieldNames): Promise<ListedPage[]>;
  /** The Notion user the integration acts as (creator of the pages it made). */
  integrationUserId(): Promise<string>;
  /** Removes these properties from a data source where present (migration); true when one was removed. */
  removeProperties(dataSourceId: string, names: readonly string[]): Promise<boolean>;
  /** One page by ID (in the trash or not), or undefined when Notion does not know it. */
  findPage(pageId: string, names: PageFieldNames): Promise<FoundPage | undefined>;
  restorePage(pageId: string): Promise<void>;
  createPage(dataSourceId: string, page: NewPage): Promise<{ pageId: string; url: string }>;
  updatePage(pageId: string, change: PageChange): Promise<{ blocksDeleted: number; blocksAppended: number }>;
  /** Moves the page to the trash (Notion keeps it 30 days; it can be restored). Never deletes. */
  archivePage(pageId: string): Promise<void>;
  listComments(pageId: string): Promise<PortalComment[]>;
  /**
   * Puts a section (its heading, then its blocks) at the top of a page unless a heading with that title is on the
   * page already: false when it was there. The heading is what makes the write findable before it is made twice.
   */
  prependSection(pageId: string, section: SectionContent): Promise<boolean>;
}

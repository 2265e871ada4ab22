/**
 * The two-way sync between the PO base (Airtable) and the client portals (Notion).
 *
 * Airtable → Notion: one portal per client (created on first sync), one page per project and per PO, written only
 * when its content hash changed and then only the parts that changed; cancelled or deleted records' pages are
 * archived, never deleted; page URLs go back to Airtable when they change.
 * Notion → Airtable: new client comments land once in Client Comments with an Alert for the agent, and the
 * client-owned "Client approval" lands on the PO when it differs.
 *
 * Cost: a run over unchanged data only reads — each table in pages of 100 on both sides, three reads per portal
 * to find its databases, one per live page for comments — and writes nothing.
 */
import { approvalAlerts, type ApprovalChange } from '../domain/portal/client-approvals.ts';
import { importComments, type CommentedPage } from '../domain/portal/client-comments.ts';
import type { ExistingPage } from '../domain/portal/page-diff.ts';
import { LEGACY_PROPERTY_NAMES } from '../domain/portal/portal-layout.ts';
import { planPortals, type PlanProblem } from '../domain/portal/portal-plan.ts';
import type { RequestCounter, RequestCounts } from '../lib/request-counter.ts';
import type { AirtableRecordsPort } from '../ports/airtable.ts';
import { NOTION_READ_OPERATIONS, NotionRefusedError, type NotionPortalPort } from '../ports/notion.ts';
import type { PageChangeRecord } from './portal-sync/apply-pages.ts';
import { readPortalBase } from './portal-sync/read-base.ts';
import { syncClientPortal, type PortalSummary } from './portal-sync/sync-client-portal.ts';
import { airtableUpdates, pageRecordIndex, withSyncIssuesReadAgain } from './portal-sync/writeback.ts';
import { startReport, type JobReport } from './report.ts';

export interface SyncPortalsDeps {
  airtable: AirtableRecordsPort;
  notion: NotionPortalPort;
  counter: RequestCounter;
  now(): Date;
}

export interface SyncPortalsInput {
  /** The Notion page the client portals live under. */
  rootPageId: string;
  /** Today (YYYY-MM-DD) for schedule health; the UTC date of now() when absent. */
  today?: string;
  /**
   * Whose comments to read: pages of live records (POs not closed or cancelled, projects not closed; the default),
   * every page, or none. Notion has no bulk comment read, so each page read costs one request.
   */
  comments?: 'live' | 'all' | 'none';
  /**
   * Read comments of these pages only (e.g. named by a comment.created webhook). Given with `commentTurn`: these
   * pages and the turn's share of the live pages.
   */
  commentPageIds?: string[];
  /**
   * Read the comments of one share of the pages per run: `{turn, of}` reads the pages whose ID falls in bucket
   * `turn % of`, so `of` runs in a row cover every page (e.g. turn = the run's quarter-hour number). Stateless.
   */
  commentTurn?: { turn: number; of: number };
}

export interface SyncPortalsDetails {
  portals: PortalSummary[];
  pages: { created: number; updated: number; archived: number; restored: number; unchanged: number };
  /** Body sections rewritten in updated pages. */
  sectionsRewritten: number;
  /** The first CHANGES_LISTED page changes by name; `pages` counts them all. */
  changes: (PageChangeRecord & { client: string })[];
  /** Page changes beyond the listed ones (a first sync of a large base creates thousands of pages). */
  changesNotListed: number;
  comments: { pagesRead: number; imported: number };
  approvalsLanded: number;
  /** Alerts raised for the agents by a client's "Changes requested" (Critical) or "Approved" (Info). */
  approvalAlerts: number;
  /** Portal databases whose old "Airtable ID" / "Sync hash" columns were removed in this run. */
  legacyColumnsRemoved: number;
  /** Records updated per Airtable table. */
  airtableUpdates: Record<string, number>;
  reads: { airtable: number; notion: number };
  writes: { airtable: number; notion: number };
}

const AIRTABLE_WRITES = new Set(['create', 'update', 'upsert', 'delete']);

/** Page changes the report names one by one; beyond these it counts (the report stays small at any base size). */
export const CHANGES_LISTED = 200;

/** Rows per update call of the writeback (a multiple of 10: Airtable's records per request). */
const WRITEBACK_SLICE = 200;

function requestDelta(before: RequestCounts, after: RequestCounts): SyncPortalsDetails['reads'] & { writes: SyncPortalsDetails['writes'] } {
  const ops = (service: string) =>
    Object.entries(after[service]?.byOperation ?? {}).map(([op, n]) => [op, n - (before[service]?.byOperation[op] ?? 0)] as const);
  const sum = (list: (readonly [string, number])[], keep: (op: string) => boolean) => list.filter(([op]) => keep(op)).reduce((s, [, n]) => s + n, 0);
  const airtable = ops('airtable');
  const notion = ops('notion');
  return {
    airtable: sum(airtable, (op) => !AIRTABLE_WRITES.has(op)),
    notion: sum(notion, (op) => NOTION_READ_OPERATIONS.has(op)),
    writes: { airtable: sum(airtable, (op) => AIRTABLE_WRITES.has(op)), notion: sum(notion, (op) => !NOTION_READ_OPERATIONS.has(op)) },
  };
}

/** Which of `of` comment turns a page belongs to: its ID's first 32 bits, so the split is stable and even. */
export function commentBucket(pageId: string, of: number): number {
  return Number.parseInt(pageId.replace(/-/g, '').slice(0, 8), 16) % Math.max(1, Math.floor(of));
}

export async function syncPortals(deps: SyncPortalsDeps, input: SyncPortalsInput): Promise<JobReport<SyncPortalsDetails>> {
  const { started, finish } = startReport('sync-portals', deps);
  const before = deps.counter.snapshot();
  const today = input.today ?? started.toISOString().slice(0, 10);

  const snapshot = await readPortalBase(deps.airtable);
  const plan = planPortals({ data: snapshot.data, today, malformed: snapshot.malformed, childrenOf: snapshot.childrenOf });
  const problems = [...snapshot.problems.map(String), ...plan.problems.map((p) => `${p.table} ${p.label || p.recordId}: ${p.message}`), ...plan.policyProblems];

  const rootChildren = await deps.notion.listPortalPages(input.rootPageId);
  const context = {
    notion: deps.notion,
    rootPageId: input.rootPageId,
    rootChildren,
    held: plan.held,
    agentOf: new Map(snapshot.data.projects.map((p) => [p.id, p.agent])),
    projectOfPo: new Map(snapshot.data.purchaseOrders.map((po) => [po.id, po.project])),
    pageIndex: pageRecordIndex(snapshot.raw),
  };
  const legacyDataSources: string[] = [];

  const portals: PortalSummary[] = [];
  const pages = new Map<string, ExistingPage>();
  const approvals = new Map<string, string | null>();
  const commentPages = new Map<string, CommentedPage & { live: boolean }>();
  const changes: SyncPortalsDetails['changes'] = [];
  const tally = { created: 0, updated: 0, archived: 0, restored: 0, unchanged: 0, sectionsRewritten: 0, notListed: 0 };
  /** Plan problems of the pages as each portal is built (Sync issues of the rows they name). */
  const pageProblems: PlanProblem[] = [];
  for (const portalPlan of plan.portals) {
    // One portal's pages (with their bodies) at a time: built here, dropped once the portal is synced.
    const built = portalPlan.pages();
    pageProblems.push(...built.problems);
    problems.push(...built.problems.map((p) => `${p.table} ${p.label || p.recordId}: ${p.message}`));
    try {
      const result = await syncClientPortal(context, portalPlan, built);
      portals.push(result.portal);
      for (const [id, page] of result.pages) pages.set(id, page);
      for (const [id, approval] of result.approvals) approvals.set(id, approval);
      for (const [id, page] of result.commentPages) commentPages.set(id, page);
      legacyDataSources.push(...result.legacyDataSources);
      for (const change of result.changes) {
        tally[change.action] += 1;
        tally.sectionsRewritten += change.sections?.length ?? 0;
        if (changes.length < CHANGES_LISTED) changes.push(change);
        else tally.notListed += 1;
      }
      tally.unchanged += result.unchanged;
      problems.push(...result.problems);
    } catch (error) {
      // One client's portal failing (a page shared away from the integration, say) leaves the others to sync.
      if (!(error instanceof NotionRefusedError)) throw error;
      problems.push(`Clients ${portalPlan.client.name}: the portal "${portalPlan.title}" was not synced: Notion said ${error.code}: ${error.message}`);
    }
  }

  const scope = input.comments ?? 'live';
  const wanted = input.commentPageIds ? new Set(input.commentPageIds.map((id) => id.replace(/-/g, '').toLowerCase())) : undefined;
  const turns = Math.max(1, Math.floor(input.commentTurn?.of ?? 1));
  const turn = (((input.commentTurn?.turn ?? 0) % turns) + turns) % turns;
  const inTurn = (pageId: string) => commentBucket(pageId, turns) === turn;
  const named = (pageId: string) => wanted?.has(pageId.replace(/-/g, '').toLowerCase()) === true;
  const toRead = [...commentPages].filter(([pageId, page]) => {
    if (scope === 'none') return false;
    // Named pages and a turn together: the named ones, plus this turn's share of the live pages (the safety net
    // that finds comments whose webhook event was lost).
    if (wanted && input.commentTurn) return named(pageId) || (page.live && inTurn(pageId));
    return (scope === 'all' || page.live) && (!wanted || named(pageId)) && inTurn(pageId);
  });
  const found = [];
  for (const [pageId] of toRead) found.push(...(await deps.notion.listComments(pageId)));
  const staff = new Set(snapshot.data.people.map((p) => p.name.trim()));
  const imported = importComments(found, commentPages, snapshot.knownCommentIds, staff, started.toISOString());
  // Alerts first: both are keyed upserts, so a run stopped in between imports the comment again without a twin.
  if (imported.alerts.length > 0) await deps.airtable.upsert('Alerts', imported.alerts, ['Key']);
  if (imported.comments.length > 0) await deps.airtable.upsert('Client Comments', imported.comments, ['Notion comment ID']);

  // The client's approval: alerts first (keyed upserts), then the approval lands on the PO, so a stop in between
  // raises the same alert again on the next run, never a second one.
  const approvalRaised = approvalAlerts(approvalChanges(snapshot, approvals), started.toISOString());
  if (approvalRaised.length > 0) await deps.airtable.upsert('Alerts', approvalRaised, ['Key']);

  const writeback = airtableUpdates({
    raw: snapshot.raw,
    problems: [...snapshot.problems, ...plan.problems, ...pageProblems],
    pages,
    portals: new Map(portals.map((p) => [p.clientId, p.url])),
    approvals,
  });
  problems.push(...writeback.problems);
  await withSyncIssuesReadAgain(deps.airtable, writeback);
  const airtableCounts: Record<string, number> = {};
  for (const [table, rows] of writeback.updates) {
    // In slices (a multiple of Airtable's 10 per request, so the same requests): each answer carries the whole
    // updated row, and a first sync updates every PO; the answers of one slice are dropped before the next.
    for (let i = 0; i < rows.length; i += WRITEBACK_SLICE) await deps.airtable.update(table, rows.slice(i, i + WRITEBACK_SLICE));
    airtableCounts[table] = rows.length;
  }
  const approvalsLanded = (writeback.updates.get('Purchase Orders') ?? []).filter((r) => 'Client approval' in r.fields).length;

  // Only now that every row holds its page link and hash may the old on-page bookkeeping go (migration).
  let legacyRemoved = 0;
  for (const dataSourceId of new Set(legacyDataSources)) {
    try {
      if (await deps.notion.removeProperties(dataSourceId, LEGACY_PROPERTY_NAMES)) legacyRemoved += 1;
    } catch (error) {
      if (!(error instanceof NotionRefusedError)) throw error;
      problems.push(`Notion refused to remove the old "Airtable ID" and "Sync hash" columns of a portal database: ${error.code}: ${error.message}`);
    }
  }

  const { writes, ...reads } = requestDelta(before, deps.counter.snapshot());
  return finish(problems, {
    portals,
    pages: { created: tally.created, updated: tally.updated, archived: tally.archived, restored: tally.restored, unchanged: tally.unchanged },
    sectionsRewritten: tally.sectionsRewritten,
    changes,
    changesNotListed: tally.notListed,
    comments: { pagesRead: toRead.length, imported: imported.comments.length },
    approvalsLanded,
    approvalAlerts: approvalRaised.length,
    legacyColumnsRemoved: legacyRemoved,
    airtableUpdates: airtableCounts,
    reads,
    writes,
  });
}

/** POs whose approval on the portal differs from the PO row, with what the alert needs to name them. */
function approvalChanges(snapshot: Awaited<ReturnType<typeof readPortalBase>>, approvals: ReadonlyMap<string, string | null>): ApprovalChange[] {
  const { data } = snapshot;
  const projects = new Map(data.projects.map((p) => [p.id, p]));
  const clients = new Map(data.clients.map((c) => [c.id, c.name]));
  const out: ApprovalChange[] = [];
  for (const po of data.purchaseOrders) {
    if (!approvals.has(po.id)) continue;
    const project = projects.get(po.project);
    out.push({
      poId: po.id,
      poNumber: po.poNumber,
      projectId: project?.id,
      agentId: project?.agent,
      client: (project?.client ? clients.get(project.client) : undefined) ?? 'The client',
      before: po.clientApproval ?? null,
      after: approvals.get(po.id) ?? null,
    });
  }
  return out;
}

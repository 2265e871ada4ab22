/**
 * Requests of the portal sync for 1,000 POs (10 clients, 100 projects; each PO with 6 milestones, an inspection,
 * a client-visible update and a document): a first sync, a resync with nothing changed, and a resync after 1% of
 * the POs changed, beside a naive per-record sync that looks every page up and rewrites it on every run, the way
 * glue tools do (implemented here only, as the comparison). Runs against the local workspace with the providers'
 * rate limits scaled by `speed`; the "at the real rate" rows convert request counts into time at Notion's 3/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlockObjectRequest, PageObjectResponse } from '@notionhq/client';
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { createNotionAdapter, isNotionRead } from '../../src/adapters/notion/index.ts';
import { chunkBlocks } from '../../src/adapters/notion/chunks.ts';
import { NotionConnection } from '../../src/adapters/notion/connection.ts';
import { sectionBlocks } from '../../src/adapters/notion/sections.ts';
import { propertyRequests } from '../../src/adapters/notion/to-notion.ts';
import { loadTemplateTables } from '../../src/cli/workspace-data.ts';
import { PORTAL_DATABASES } from '../../src/domain/portal/portal-layout.ts';
import { titleText } from '../../src/domain/portal/portal-page.ts';
import { planPortals } from '../../src/domain/portal/portal-plan.ts';
import { resolveRelations } from '../../src/domain/portal/page-values.ts';
import type { TableRows } from '../../src/jobs/load-records.ts';
import { readPortalBase } from '../../src/jobs/portal-sync/read-base.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { syncPortals, type SyncPortalsInput } from '../../src/jobs/sync-portals.ts';
import { RequestCounter, type RequestCounts } from '../../src/lib/request-counter.ts';
import { startWorkspace, type RunningWorkspace } from '../../src/local/server.ts';
import type { AirtableRecordsPort } from '../../src/ports/airtable.ts';
import { webhookPhases, type WebhookPhase } from './notion-sync-webhooks.ts';
import type { BenchResult, BenchRow } from './types.ts';

const TODAY = '2027-03-01';
const KINDS = ['Deposit paid', 'Materials ready', 'Production start', 'PSI', 'ETD', 'ETA'];
const STATUSES = ['PO placed', 'In production', 'In production', 'Inspection', 'Ready to ship', 'Shipped', 'Delivered', 'Closed', 'Closed', 'Closed'];

function day(offset: number): string {
  return new Date(Date.UTC(2027, 2, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Valid rows for the template: `pos` POs over 10 clients and 100 projects. */
export function portalLoad(pos: number): TableRows[] {
  const clients = Array.from({ length: 10 }, (_, c) => ({ ref: `c${c}`, fields: { Name: `Client ${c}`, 'Portal emails': `buyer${c}@example.com` }, links: {} }));
  const projects = Array.from({ length: 100 }, (_, p) => ({
    ref: `p${p}`,
    fields: { Project: `Project ${p}`, Phase: 'Production', 'Target delivery date': day(90) },
    links: { Client: [`c${p % 10}`], Agent: ['agent'] },
  }));
  const orders = Array.from({ length: pos }, (_, i) => ({
    ref: `po${i}`,
    fields: { 'PO number': `PO-${10000 + i}`, Status: STATUSES[i % STATUSES.length] ?? 'In production', 'Ship-by date': day(30 + (i % 40)), Incoterm: 'FOB', 'Named place': 'Ningbo' },
    links: { Project: [`p${i % 100}`], Supplier: [`s${i % 20}`] },
  }));
  const each = <T>(make: (i: number) => T) => orders.map((_, i) => make(i));
  return [
    { table: 'People', rows: [{ ref: 'agent', fields: { Name: 'Agent Smith', Role: 'Sourcing' }, links: {} }] },
    { table: 'Clients', rows: clients },
    { table: 'Projects', rows: projects },
    { table: 'Suppliers', rows: Array.from({ length: 20 }, (_, s) => ({ ref: `s${s}`, fields: { Name: `Factory ${s} Co., Ltd.`, Status: 'Approved' }, links: {} })) },
    { table: 'Purchase Orders', rows: orders },
    {
      table: 'Milestones',
      rows: orders.flatMap((po, i) =>
        KINDS.map((kind, k) => ({
          ref: `m${i}-${k}`,
          fields: { Milestone: `${po.fields['PO number']} · ${kind}`, Kind: kind, 'Baseline date': day(k * 10 - 20), 'Planned date': day(k * 10 - 20 + (i % 3)), ...(k < 2 ? { 'Actual date': day(k * 10 - 20) } : {}) },
          links: { PO: [po.ref] },
        })),
      ),
    },
    { table: 'Inspections', rows: each((i) => ({ ref: `i${i}`, fields: { Inspection: `PO-${10000 + i} · PSI`, Type: 'PSI', 'Scheduled date': day(10), 'Inspection level': 'II', 'AQL critical': '0', 'AQL major': '2.5', 'AQL minor': '4.0', 'Lot size': 3000, 'Sample size': 125, Result: 'Pending' }, links: { PO: [`po${i}`] } })) },
    { table: 'Updates', rows: each((i) => ({ ref: `u${i}`, fields: { Update: `PO-${10000 + i} · week 9`, Date: day(-3), Text: 'Production at 60%, on plan for the PSI.', 'Visible to client': true }, links: { PO: [`po${i}`] } })) },
    { table: 'Documents', rows: each((i) => ({ ref: `d${i}`, fields: { Name: `Production schedule PO-${10000 + i}`, Kind: 'Production schedule', 'Drive file': `https://drive.google.com/file/d/bench${i}/view`, Version: 1 }, links: { PO: [`po${i}`] } })) },
  ];
}

interface Phase {
  airtable: { reads: number; writes: number };
  notion: { reads: number; writes: number; commentReads: number };
}

function phaseOf(counts: RequestCounts): Phase {
  const ops = (service: string) => Object.entries(counts[service]?.byOperation ?? {});
  const sum = (list: [string, number][], keep: (op: string) => boolean) => list.filter(([op]) => keep(op)).reduce((n, [, c]) => n + c, 0);
  const airtableWrite = (op: string) => ['create', 'update', 'upsert', 'delete'].includes(op);
  return {
    airtable: { reads: sum(ops('airtable'), (op) => !airtableWrite(op)), writes: sum(ops('airtable'), airtableWrite) },
    notion: { reads: sum(ops('notion'), isNotionRead), writes: sum(ops('notion'), (op) => !isNotionRead(op)), commentReads: sum(ops('notion'), (op) => op === 'comments.list') },
  };
}

interface Setup {
  workspace: RunningWorkspace;
  dir: string;
  records: AirtableRecordsPort;
  setupCounter: RequestCounter;
}

async function loadedWorkspace(pos: number, speed: number): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'sourcing-bench-notion-'));
  const workspace = await startWorkspace({ port: 0, dir, speed });
  const setupCounter = new RequestCounter();
  const airtable = createAirtableAdapters({ endpointUrl: workspace.url, apiKey: workspace.token, counter: setupCounter, requestsPerSecond: 4.5 * speed, penaltyMs: 30_000 / speed });
  const report = await setupWorkspace(
    { meta: airtable.meta, records: airtable.records, counter: setupCounter, now: () => new Date() },
    { baseName: 'Bench portals', workspaceId: 'wspBench000000000', tables: loadTemplateTables(), rows: portalLoad(pos) },
  );
  if (!report.ok) throw new Error(`bench setup failed: ${report.problems.slice(0, 3).join('; ')}`);
  return { workspace, dir, records: airtable.records(report.details.baseId), setupCounter };
}

/** Moves the ship-by date of every 100th PO: 1% of them. */
async function changeOnePercent(records: AirtableRecordsPort, round: number): Promise<number> {
  const pos = await records.list('Purchase Orders', { fields: ['PO number'] });
  const changed = pos.filter((_, i) => i % 100 === 0).map((r) => ({ id: r.id, fields: { 'Ship-by date': day(80 + round) } }));
  await records.update('Purchase Orders', changed);
  return changed.length;
}

/**
 * The comparison: for every record on every run, find its page by a filtered query, then create it, or overwrite
 * its properties, erase its body and append the whole body again; write the page URL back one record at a time.
 */
async function naiveSync(connection: NotionConnection, records: AirtableRecordsPort, notionRoot: string, counter: RequestCounter, speed: number, url: string, token: string): Promise<void> {
  const port = createNotionAdapter({ baseUrl: url, auth: token, counter, requestsPerSecond: 2.5 * speed, penaltyMs: 1000 / speed });
  const snapshot = await readPortalBase(records);
  const plan = planPortals({ data: snapshot.data, today: TODAY, malformed: snapshot.malformed, childrenOf: snapshot.childrenOf });
  const rootChildren = await port.listPortalPages(notionRoot);
  for (const portal of plan.portals) {
    const ensured = await port.ensurePortal({ rootPageId: notionRoot, title: portal.title, rootChildren, databases: PORTAL_DATABASES, ...(portal.client.notionPortal ? { knownUrl: portal.client.notionPortal } : {}) });
    const pageOf = new Map<string, string>();
    const built = portal.pages();
    for (const [table, pages, dataSourceId] of [
      ['Projects', built.projects, ensured.dataSources.projects],
      ['Purchase Orders', built.purchaseOrders, ensured.dataSources.purchaseOrders],
    ] as const) {
      for (const page of pages) {
        // The portal databases carry no record ID column (issue 10), so the page is found the way glue tools do:
        // by its title (the PO number or project name).
        const properties = propertyRequests(resolveRelations(page.properties, (id) => pageOf.get(id)));
        const titleProperty = Object.entries(page.properties).find(([, v]) => v.type === 'title')?.[0] ?? 'Name';
        const found = await connection.call((c) =>
          c.dataSources.query({ data_source_id: dataSourceId, filter: { property: titleProperty, title: { equals: titleText(page.properties) } } }),
        );
        const existing = found.results[0] as PageObjectResponse | undefined;
        const blocks: BlockObjectRequest[] = sectionBlocks(page.sections);
        let pageUrl: string;
        if (existing) {
          await connection.call((c) => c.pages.update({ page_id: existing.id, properties, erase_content: true } as never));
          for (const chunk of chunkBlocks(blocks)) await connection.call((c) => c.blocks.children.append({ block_id: existing.id, children: chunk }));
          pageOf.set(page.airtableId, existing.id);
          pageUrl = existing.url;
        } else {
          const [first = [], ...rest] = chunkBlocks(blocks);
          const created = (await connection.call((c) => c.pages.create({ parent: { data_source_id: dataSourceId }, properties, children: first }))) as PageObjectResponse;
          for (const chunk of rest) await connection.call((c) => c.blocks.children.append({ block_id: created.id, children: chunk }));
          pageOf.set(page.airtableId, created.id);
          pageUrl = created.url;
        }
        await records.update(table, [{ id: page.airtableId, fields: { 'Notion page': pageUrl } }]);
      }
    }
  }
}

export async function benchNotionSync(options: { pos?: number; speed?: number } = {}): Promise<BenchResult> {
  const pos = options.pos ?? 1000;
  const speed = options.speed ?? 1000;
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const record = (label: string, phase: Phase, extra = '') => {
    rows.push({ label: `${label}: Notion reads / writes`, value: `${phase.notion.reads} / ${phase.notion.writes}`, unit: `requests${extra}` });
    rows.push({ label: `${label}: Airtable reads / writes`, value: `${phase.airtable.reads} / ${phase.airtable.writes}`, unit: 'requests' });
    rows.push({ label: `${label}: at Notion's 3 req/s`, value: ((phase.notion.reads + phase.notion.writes) / 3 / 60).toFixed(1), unit: 'min' });
  };

  // The sync of this project.
  let webhook: WebhookPhase[] = [];
  let livePages = 0;
  let naiveOnePercent = 0;
  const smart = await loadedWorkspace(pos, speed);
  try {
    const run = async (label: string, extra: Partial<SyncPortalsInput> = {}) => {
      const counter = new RequestCounter();
      const notion = createNotionAdapter({ baseUrl: smart.workspace.url, auth: smart.workspace.token, counter, requestsPerSecond: 2.5 * speed, penaltyMs: 1000 / speed });
      const airtable = createAirtableAdapters({ endpointUrl: smart.workspace.url, apiKey: smart.workspace.token, counter, requestsPerSecond: 4.5 * speed, penaltyMs: 30_000 / speed });
      // The root is configured (NOTION_ROOT_PAGE_ID) in real use, so finding it is not part of the run.
      const root = await createNotionAdapter({ baseUrl: smart.workspace.url, auth: smart.workspace.token, counter: new RequestCounter() }).ensureRootPage('Client portals');
      const started = performance.now();
      const report = await syncPortals({ airtable: airtable.records(smart.records.baseId), notion, counter, now: () => new Date(`${TODAY}T09:00:00Z`) }, { rootPageId: root, today: TODAY, ...extra });
      if (!report.ok) notes.push(`${label}: ${report.problems.slice(0, 3).join('; ')}`);
      const phase = phaseOf(counter.snapshot());
      record(`sync, ${label}`, phase, phase.notion.commentReads > 0 ? ` (${phase.notion.commentReads} of the reads are comment reads of live pages)` : '');
      rows.push({ label: `sync, ${label}: pages created / updated / unchanged`, value: `${report.details.pages.created} / ${report.details.pages.updated} / ${report.details.pages.unchanged}` });
      rows.push({ label: `sync, ${label}: wall time (speed ${speed})`, value: ((performance.now() - started) / 1000).toFixed(1), unit: 's' });
      livePages = Math.max(livePages, report.details.comments.pagesRead);
    };
    await run('first sync');
    await run('no-change resync');
    await run('no-change resync, comments read in 4 turns', { commentTurn: { turn: 0, of: 4 } });
    const changed = await changeOnePercent(smart.records, 1);
    await run(`resync after ${changed} POs changed (1%)`);
    // The same workspace, now with both providers' webhooks driving the runs (issue 13).
    const hooked = await webhookPhases(smart.workspace, smart.dir, smart.records, speed, () => changeOnePercent(smart.records, 2));
    rows.push(...hooked.rows);
    webhook = hooked.phases;
  } finally {
    await smart.workspace.close();
    rmSync(smart.dir, { recursive: true, force: true });
  }

  // The naive per-record strategy, on its own copy of the same data.
  const naive = await loadedWorkspace(pos, speed);
  try {
    const run = async (label: string) => {
      const counter = new RequestCounter();
      const connection = new NotionConnection({ baseUrl: naive.workspace.url, auth: naive.workspace.token, counter, requestsPerSecond: 2.5 * speed, penaltyMs: 1000 / speed });
      const airtable = createAirtableAdapters({ endpointUrl: naive.workspace.url, apiKey: naive.workspace.token, counter, requestsPerSecond: 4.5 * speed, penaltyMs: 30_000 / speed });
      const root = await createNotionAdapter({ baseUrl: naive.workspace.url, auth: naive.workspace.token, counter: new RequestCounter() }).ensureRootPage('Client portals');
      await naiveSync(connection, airtable.records(naive.records.baseId), root, counter, speed, naive.workspace.url, naive.workspace.token);
      const phase = phaseOf(counter.snapshot());
      record(`naive per-record, ${label}`, phase);
      naiveOnePercent = phase.airtable.reads + phase.airtable.writes + phase.notion.reads + phase.notion.writes;
    };
    await run('first run');
    await run('no-change rerun');
    await changeOnePercent(naive.records, 1);
    await run('rerun after 1% changed');
  } finally {
    await naive.workspace.close();
    rmSync(naive.dir, { recursive: true, force: true });
  }

  const onePercent = webhook.find((p) => p.label.includes('(1%)'));
  if (onePercent) {
    const ours = onePercent.airtable + onePercent.notion;
    const theirs = naiveOnePercent + livePages;
    rows.push({ label: 'webhooks vs naive, 1% changed, comments counted on both sides', value: `${ours} vs ${theirs}`, unit: `requests (${(theirs / Math.max(1, ours)).toFixed(0)}x fewer; naive = its ${naiveOnePercent} + ${livePages} comment reads of live pages)` });
  }
  notes.push(
    'Webhook rows: runs as `serve` starts them. A run with no Airtable payload naming a changed row and no Notion event does nothing but read the payloads. The first run after the webhook is set up reads the base in full; the next reads back the rows the sync itself wrote (page URLs), finds them unchanged and syncs nothing.',
    'Comment reads: Notion has no bulk read of comments, so the sync reads one page per live record (POs not closed or cancelled, projects not closed). They can be spread over several runs (SyncPortalsInput.commentTurn), or narrowed to the pages a comment.created webhook names (commentPageIds).',
    'Fixed reads per run besides the pages of 100: the root page\'s children, and per client portal its children and two database retrieves.',
    'The naive strategy reads comments the same way; they are left out of its numbers.',
  );
  return { name: `Notion portal sync: ${pos} POs over 10 clients and 100 projects, local workspace at speed ${speed}`, rows, notes };
}

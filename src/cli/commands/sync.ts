import type { Config } from '../../config/config.ts';
import type { JobReport } from '../../jobs/report.ts';
import { runEventSync, type EventSyncDetails } from '../../jobs/event-sync.ts';
import { ensureAirtableWebhook } from '../../jobs/webhooks/airtable-webhook.ts';
import { syncPortals, type SyncPortalsDetails } from '../../jobs/sync-portals.ts';
import { EXIT } from '../exit-codes.ts';
import { runLeased } from '../job-leases.ts';
import { printReport, requestSummary, table, type Printer } from '../output.ts';
import { createRuntime, type Runtime } from '../runtime.ts';

/** The page the local workspace keeps the portals under (on Notion: NOTION_ROOT_PAGE_ID, shared by hand). */
export const LOCAL_PORTALS_ROOT = 'Client portals';

export class SyncSetupError extends Error {}

/** The PO base to sync: the configured one, or the one provisioned under the configured name. */
async function baseIdOf(runtime: Runtime): Promise<string> {
  const target = runtime.airtableTarget;
  if (target.baseId) return target.baseId;
  const base = (await runtime.airtable.meta.listBases()).find((b) => b.name === target.baseName);
  if (!base) throw new SyncSetupError(`No base named "${target.baseName}": run \`sourcing provision\` first.`);
  return base.id;
}

async function rootPageOf(runtime: Runtime): Promise<string> {
  const { notion } = runtime.config;
  if (notion.rootPageId) return notion.rootPageId;
  if (runtime.config.mode === 'local') return runtime.notion.ensureRootPage(LOCAL_PORTALS_ROOT);
  throw new SyncSetupError('Set NOTION_ROOT_PAGE_ID: the Notion page, shared with the integration, under which client portals are created.');
}

/**
 * Why a sync runs: `event` (a webhook reported a change: nothing to do when nothing changed), `schedule` (the
 * safety net: always syncs, comments in turns when no Notion webhook is set up) or `manual` (a command).
 */
export type SyncTrigger = 'event' | 'schedule' | 'manual';

/** Runs the portal sync through an existing runtime (also used by `start`). */
export async function syncWith(runtime: Runtime, trigger: SyncTrigger = 'manual'): Promise<JobReport<SyncPortalsDetails & Partial<EventSyncDetails>>> {
  if (runtime.config.mode === 'cloud' && !runtime.config.notion.token) {
    throw new SyncSetupError('Set NOTION_TOKEN (the integration secret) to sync client portals with Notion.');
  }
  const baseId = await baseIdOf(runtime);
  const state = runtime.syncState;
  if (state) {
    // Deployed: the scheduled run keeps the base's webhook alive (refresh before 7 days; recreated when lost).
    const webhooksUrl = runtime.config.airtable.webhooksUrl;
    if (webhooksUrl && trigger === 'schedule') await ensureAirtableWebhook({ webhooks: runtime.airtable.webhooks, state, now: runtime.now }, baseId, webhooksUrl);
    const report = await runEventSync(
      {
        records: runtime.airtable.records(baseId),
        webhooks: runtime.airtable.webhooks,
        state,
        tableNames: async () => Object.fromEntries((await runtime.airtable.meta.getSchema(baseId)).map((t) => [t.id, t.name])),
        notion: runtime.notion,
        counter: runtime.counter,
        now: () => new Date(),
      },
      {
        rootPageId: await rootPageOf(runtime),
        force: trigger !== 'event',
        // Without a Notion webhook the scheduled runs read a quarter of the pages' comments each, in turn.
        ...(trigger === 'schedule' ? { commentTurn: { turn: Math.floor(Date.now() / (15 * 60_000)), of: 4 } } : {}),
      },
    );
    return { ...report, details: { ...emptySyncDetails(), ...report.details } };
  }
  return syncPortals(
    { airtable: runtime.airtable.records(baseId), notion: runtime.notion, counter: runtime.counter, now: runtime.now },
    { rootPageId: await rootPageOf(runtime) },
  );
}

/** The details of a sync that did nothing (a webhook-driven run with no change). */
function emptySyncDetails(): SyncPortalsDetails {
  return {
    portals: [],
    pages: { created: 0, updated: 0, archived: 0, restored: 0, unchanged: 0 },
    sectionsRewritten: 0,
    changes: [],
    changesNotListed: 0,
    comments: { pagesRead: 0, imported: 0 },
    approvalsLanded: 0,
    approvalAlerts: 0,
    legacyColumnsRemoved: 0,
    airtableUpdates: {},
    reads: { airtable: 0, notion: 0 },
    writes: { airtable: 0, notion: 0 },
  };
}

export function formatSyncReport(report: JobReport<SyncPortalsDetails & Partial<EventSyncDetails>>): string {
  const d = report.details;
  const read = d.airtableRead;
  const readLine = read
    ? read.read === 'full'
      ? `Airtable: full read of the base${read.reason ? ` (${read.reason})` : ''}.`
      : `Airtable: ${read.changedRecords} changed record(s) read back; the rest from the stored snapshot (webhook).`
    : undefined;
  if (d.skipped) return [`Nothing to sync: ${d.skipped}.`, ...(readLine ? [readLine] : []), `Requests: ${requestSummary(report.requests)}`].join('\n');
  const lines = [
    ...(readLine ? [readLine] : []),
    table(
      ['Portal', 'For (share with)', 'This run'],
      d.portals.map((p) => [p.title, p.sharedWith.join(', ') || '(no Portal emails)', p.created.length > 0 ? `created ${p.created.join(', ')}` : p.renamed ? 'renamed' : '']),
    ),
    '',
    `Pages: ${d.pages.created} created, ${d.pages.updated} updated (${d.sectionsRewritten} body sections rewritten), ` +
      `${d.pages.archived} archived, ${d.pages.restored} restored, ${d.pages.unchanged} unchanged.`,
    `Client comments: ${d.comments.imported} new (${d.comments.pagesRead} pages read${d.comments.mode === 'webhook' ? ', named by Notion events' : ''}); client approvals landed: ${d.approvalsLanded}.`,
    `Airtable records updated: ${Object.entries(d.airtableUpdates).map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}.`,
    `This run: reads Airtable ${d.reads.airtable}, Notion ${d.reads.notion}; writes Airtable ${d.writes.airtable}, Notion ${d.writes.notion}.`,
    `Requests: ${requestSummary(report.requests)}`,
  ];
  if (d.portals.some((p) => p.created.includes('portal page'))) {
    lines.push('', 'New portals are shared by hand: open the portal URL (Clients → "Notion portal"), Share → invite the emails above.');
  }
  if (report.problems.length > 0) lines.push('', 'Problems:', ...report.problems.map((p) => `  - ${p}`));
  return lines.join('\n');
}

/** `sourcing sync`: one two-way sync between the PO base and the client portals. */
export async function runSync(config: Config, print: Printer): Promise<number> {
  const runtime = await createRuntime(config);
  try {
    const outcome = await runLeased(runtime, await baseIdOf(runtime), 'sync', () => syncWith(runtime));
    return outcome.ran ? printReport(print, outcome.result, formatSyncReport) : printReport(print, outcome.report, () => '');
  } catch (error) {
    if (!(error instanceof SyncSetupError)) throw error;
    print.err(error.message);
    return EXIT.usage;
  } finally {
    await runtime.close();
  }
}

import type { Config } from '../../config/config.ts';
import type { JobReport } from '../../jobs/report.ts';
import { syncPortals, type SyncPortalsDetails } from '../../jobs/sync-portals.ts';
import { EXIT } from '../exit-codes.ts';
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

/** Runs the portal sync through an existing runtime (also used by `start`). */
export async function syncWith(runtime: Runtime): Promise<JobReport<SyncPortalsDetails>> {
  if (runtime.config.mode === 'cloud' && !runtime.config.notion.token) {
    throw new SyncSetupError('Set NOTION_TOKEN (the integration secret) to sync client portals with Notion.');
  }
  const baseId = await baseIdOf(runtime);
  return syncPortals(
    { airtable: runtime.airtable.records(baseId), notion: runtime.notion, counter: runtime.counter, now: runtime.now },
    { rootPageId: await rootPageOf(runtime) },
  );
}

export function formatSyncReport(report: JobReport<SyncPortalsDetails>): string {
  const d = report.details;
  const lines = [
    table(
      ['Portal', 'For (share with)', 'This run'],
      d.portals.map((p) => [p.title, p.sharedWith.join(', ') || '(no Portal emails)', p.created.length > 0 ? `created ${p.created.join(', ')}` : p.renamed ? 'renamed' : '']),
    ),
    '',
    `Pages: ${d.pages.created} created, ${d.pages.updated} updated (${d.sectionsRewritten} body sections rewritten), ` +
      `${d.pages.archived} archived, ${d.pages.restored} restored, ${d.pages.unchanged} unchanged.`,
    `Client comments: ${d.comments.imported} new (${d.comments.pagesRead} pages read); client approvals landed: ${d.approvalsLanded}.`,
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
    const report = await syncWith(runtime);
    return printReport(print, report, formatSyncReport);
  } catch (error) {
    if (!(error instanceof SyncSetupError)) throw error;
    print.err(error.message);
    return EXIT.usage;
  } finally {
    await runtime.close();
  }
}

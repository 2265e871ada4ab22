/**
 * The portal sync driven by webhooks (issue 13), on the same 1,000-PO load as the polling rows of notion-sync.ts:
 * the local workspace's Airtable webhook pings and Notion events land on the real webhook endpoint, and each run is
 * the one `serve` starts. Rows: the first run (full read, stored snapshot), the settling run that reads back the
 * sync's own write-backs, a run with nothing changed, a run after 1% of the POs changed, and one after a client
 * comment. Every request the runs make is counted, comment reads included.
 */
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { airtableMacValid } from '../../src/adapters/airtable/webhook-mac.ts';
import { createNotionAdapter } from '../../src/adapters/notion/index.ts';
import { notionSignatureValid } from '../../src/adapters/notion/webhook-signature.ts';
import { openLocalSyncState } from '../../src/cli/sync-state.ts';
import { startWebhookServer } from '../../src/cli/webhook-server.ts';
import { runEventSync } from '../../src/jobs/event-sync.ts';
import { ensureAirtableWebhook } from '../../src/jobs/webhooks/airtable-webhook.ts';
import { RequestCounter, type RequestCounts } from '../../src/lib/request-counter.ts';
import type { RunningWorkspace } from '../../src/local/server.ts';
import { STATE_KEYS } from '../../src/ports/sync-state.ts';
import type { AirtableRecordsPort } from '../../src/ports/airtable.ts';
import type { BenchRow } from './types.ts';

export interface WebhookPhase {
  label: string;
  airtable: number;
  notion: number;
  commentReads: number;
}

const total = (counts: RequestCounts, service: string) => counts[service]?.total ?? 0;

/** Waits until the deliveries of the last writes have landed (pings are coalesced within ~20 ms; events ~250 ms). */
const settle = () => new Promise((r) => setTimeout(r, 600));

export async function webhookPhases(workspace: RunningWorkspace, dir: string, records: AirtableRecordsPort, speed: number, changeOnePercent: () => Promise<number>): Promise<{ rows: BenchRow[]; phases: WebhookPhase[] }> {
  const state = openLocalSyncState(dir);
  const control = async (method: string, path: string, body?: unknown) =>
    (await (await fetch(`${workspace.url}/__workspace/notion/webhooks${path}`, { method, headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })).json()) as Record<string, unknown>;
  const server = await startWebhookServer({ state, signatures: { airtableMacValid, notionSignatureValid }, log: () => {} }, () => {}, 0);
  const rows: BenchRow[] = [];
  const phases: WebhookPhase[] = [];
  try {
    const setupCounter = new RequestCounter();
    const setup = createAirtableAdapters({ endpointUrl: workspace.url, apiKey: workspace.token, counter: setupCounter, requestsPerSecond: 4.5 * speed, penaltyMs: 30_000 / speed });
    await ensureAirtableWebhook({ webhooks: setup.webhooks, state, now: () => new Date() }, records.baseId, server.url);
    const subscription = (await control('POST', '', { url: server.url, eventTypes: ['comment.created', 'page.properties_updated'] })) as { id: string };
    while (!(await state.get(STATE_KEYS.notionToken))) await new Promise((r) => setTimeout(r, 20));
    await control('POST', `/${subscription.id}/verify`, { verification_token: await state.get(STATE_KEYS.notionToken) });
    const root = await createNotionAdapter({ baseUrl: workspace.url, auth: workspace.token, counter: new RequestCounter() }).ensureRootPage('Client portals');

    const run = async (label: string) => {
      await settle();
      const counter = new RequestCounter();
      const airtable = createAirtableAdapters({ endpointUrl: workspace.url, apiKey: workspace.token, counter, requestsPerSecond: 4.5 * speed, penaltyMs: 30_000 / speed });
      const notion = createNotionAdapter({ baseUrl: workspace.url, auth: workspace.token, counter, requestsPerSecond: 2.5 * speed, penaltyMs: 1000 / speed });
      const report = await runEventSync(
        {
          records: airtable.records(records.baseId),
          webhooks: airtable.webhooks,
          state,
          tableNames: async () => Object.fromEntries((await airtable.meta.getSchema(records.baseId)).map((t) => [t.id, t.name])),
          notion,
          counter,
          now: () => new Date(),
        },
        { rootPageId: root },
      );
      const counts = counter.snapshot();
      const phase = { label, airtable: total(counts, 'airtable'), notion: total(counts, 'notion'), commentReads: counts['notion']?.byOperation['comments.list'] ?? 0 };
      phases.push(phase);
      const what = report.details.skipped
        ? 'skipped: nothing changed'
        : `${report.details.airtableRead.read} read${report.details.airtableRead.reason ? ` (${report.details.airtableRead.reason})` : `, ${report.details.airtableRead.changedRecords} changed records`}; pages updated ${report.details.pages?.updated ?? 0}; comments imported ${report.details.comments.imported}`;
      rows.push({ label: `webhooks, ${label}: Airtable / Notion requests`, value: `${phase.airtable} / ${phase.notion}`, unit: `requests (${phase.commentReads} comment reads) — ${what}` });
      return report;
    };
    await run('first run');
    await run('settling run (reads back its own write-backs)');
    await run('no change');
    const changed = await changeOnePercent();
    await run(`after ${changed} POs changed (1%)`);
    const po = (await records.list('Purchase Orders', { fields: ['Notion page'] })).find((r) => typeof r.fields['Notion page'] === 'string');
    const pageUrl = String(po?.fields['Notion page'] ?? '');
    await fetch(`${workspace.url}/v1/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json', 'notion-version': '2025-09-03' },
      body: JSON.stringify({ parent: { page_id: pageUrl.slice(pageUrl.lastIndexOf('/') + 1) }, rich_text: [{ text: { content: 'Bench comment' } }] }),
    });
    await run('after one client comment');
  } finally {
    await server.close();
    await state.close();
  }
  return { rows, phases };
}

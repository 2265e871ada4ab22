/**
 * The portal sync as webhooks drive it (issue 13). A run starts from what the webhooks recorded (pending-changes.ts)
 * and the Airtable payloads since the stored snapshot:
 * - nothing changed on either side → no sync at all: one payload read on Airtable, nothing on Notion;
 * - otherwise the sync runs over the snapshot (only changed records read back, stored-snapshot.ts) and reads the
 *   comments of the pages Notion named, never every page's; without a verified Notion webhook it falls back to
 *   reading comments in turns (`commentTurn`, spread over the runs). With one, a scheduled run still reads a
 *   small turn of the live pages: an event Notion stopped retrying is found within `of` scheduled runs.
 * A failed run puts the Notion changes back for the next; the Airtable cursor only moves when a run succeeded, so
 * every change is synced at least once, and the sync's keys make a second time harmless.
 */
import type { AirtableRecordsPort } from '../ports/airtable.ts';
import type { NotionPortalPort } from '../ports/notion.ts';
import { STATE_KEYS, type SyncStatePort } from '../ports/sync-state.ts';
import type { AirtableWebhooksPort } from '../ports/webhooks.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { JobReport } from './report.ts';
import { CachedRecords } from './snapshot/cached-records.ts';
import { openSnapshot, type OpenedSnapshot } from './snapshot/stored-snapshot.ts';
import { syncPortals, type SyncPortalsDetails } from './sync-portals.ts';
import { hasChanges, restorePending, takePending } from './webhooks/pending-changes.ts';

export interface EventSyncDeps {
  records: AirtableRecordsPort;
  webhooks: AirtableWebhooksPort;
  state: SyncStatePort;
  tableNames(): Promise<Record<string, string>>;
  notion: NotionPortalPort;
  counter: RequestCounter;
  now(): Date;
}

export interface EventSyncInput {
  rootPageId: string;
  /** NOTION_WEBHOOK_TOKEN is set: the Notion webhook counts as set up even before a token is stored. */
  notionTokenConfigured?: boolean;
  /**
   * This run's share of the pages whose comments are read: the polling without a Notion webhook; with one, the
   * safety net for events Notion gave up delivering (read besides the pages the events named).
   */
  commentTurn?: { turn: number; of: number };
  /** Sync even when no webhook reported a change (the scheduled safety-net run). */
  force?: boolean;
}

export interface EventSyncDetails extends Partial<SyncPortalsDetails> {
  /** Why nothing was synced, when nothing was. */
  skipped?: string;
  airtableRead: { read: 'incremental' | 'full'; reason?: string; changedRecords: number };
  comments: { pagesRead: number; imported: number; mode?: 'webhook' | 'polling' };
}

/**
 * With a Notion webhook the re-read is a safety net, not the way comments arrive: each scheduled run reads a
 * quarter of what a polling run would (every 4 × `of` runs cover every live page: 4 hours at 15-minute runs).
 */
const SAFETY_NET_SPREAD = 4;

function safetyNetTurn(turn: { turn: number; of: number }): { turn: number; of: number } {
  return { turn: turn.turn, of: Math.max(1, Math.floor(turn.of)) * SAFETY_NET_SPREAD };
}

/**
 * Inside a cycle the records are the cycle's shared read (CachedRecords) already. Without an Airtable webhook there
 * is no stored snapshot to keep, and a snapshot of its own would only copy every table the sync reads a second time
 * (the whole base's milestones, inspections…): the sync reads the shared one. With a webhook the stored snapshot
 * stays in charge (it must be current up to the cursor read now, which the cycle's earlier read is not).
 */
async function sharedRead(deps: EventSyncDeps): Promise<OpenedSnapshot | undefined> {
  if (!(deps.records instanceof CachedRecords)) return undefined;
  if ((await deps.state.get(STATE_KEYS.airtableWebhook(deps.records.baseId))) !== undefined) return undefined;
  return {
    records: deps.records,
    read: 'full',
    reason: 'no Airtable webhook is set up, so every run reads the whole base',
    changedRecords: 0,
    airtableChanged: true,
    commit: async () => {},
  };
}

export async function runEventSync(deps: EventSyncDeps, input: EventSyncInput): Promise<JobReport<EventSyncDetails>> {
  const mark = deps.counter.mark();
  const started = deps.now();
  const pending = await takePending(deps.state);
  try {
    const snapshot = await sharedRead(deps) ?? await openSnapshot({ records: deps.records, webhooks: deps.webhooks, state: deps.state, tableNames: deps.tableNames });
    const notionWebhook = input.notionTokenConfigured === true || (await deps.state.get<string>(STATE_KEYS.notionToken)) !== undefined;
    const airtableRead = { read: snapshot.read, ...(snapshot.reason ? { reason: snapshot.reason } : {}), changedRecords: snapshot.changedRecords };
    const notionChanged = pending.commentPages.length > 0 || pending.propertyPages.length > 0;
    if (!input.force && notionWebhook && !snapshot.airtableChanged && !notionChanged) {
      await snapshot.commit();
      return {
        job: 'sync-portals',
        ok: true,
        startedAt: started.toISOString(),
        durationMs: deps.now().getTime() - started.getTime(),
        requests: mark(),
        problems: [],
        details: { skipped: 'nothing changed since the last run (no Airtable payloads, no Notion events)', airtableRead, comments: { pagesRead: 0, imported: 0, mode: 'webhook' } },
      };
    }
    const report = await syncPortals(
      { airtable: snapshot.records, notion: deps.notion, counter: deps.counter, now: deps.now },
      notionWebhook
        ? // Notion drops an event after its retries run out, so a turn's share of the pages is re-read as well.
          { rootPageId: input.rootPageId, comments: 'all', commentPageIds: pending.commentPages, ...(input.commentTurn ? { commentTurn: safetyNetTurn(input.commentTurn) } : {}) }
        : { rootPageId: input.rootPageId, ...(input.commentTurn ? { commentTurn: input.commentTurn } : {}) },
    );
    await snapshot.commit();
    return { ...report, requests: mark(), details: { ...report.details, airtableRead, comments: { ...report.details.comments, mode: notionWebhook ? 'webhook' : 'polling' } } };
  } catch (error) {
    if (hasChanges(pending)) await restorePending(deps.state, pending);
    throw error;
  }
}

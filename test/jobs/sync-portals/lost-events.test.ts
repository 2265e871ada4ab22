/**
 * Notion gives up on an event after its retries (https://developers.notion.com/reference/webhooks: delivery is
 * retried, then dropped). With the webhook set up, comments arrive by event; a comment whose event never came must
 * still reach Airtable: the scheduled (forced) run re-reads a turn of the live pages besides the pages named by
 * events, so each page is re-read within a bounded number of scheduled runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAirtableAdapters } from '../../../src/adapters/airtable/index.ts';
import { openLocalSyncState } from '../../../src/cli/sync-state.ts';
import { runEventSync, type EventSyncInput } from '../../../src/jobs/event-sync.ts';
import { commentBucket } from '../../../src/jobs/sync-portals.ts';
import { addPending } from '../../../src/jobs/webhooks/pending-changes.ts';
import { STATE_KEYS } from '../../../src/ports/sync-state.ts';
import { NOW, pageOfRecord, startPortalKit, type PortalKit } from './portal-kit.ts';

describe('event-driven sync: a Notion event that never arrived', () => {
  let kit: PortalKit;
  let dir: string;
  let state: ReturnType<typeof openLocalSyncState>;

  beforeEach(async () => {
    kit = await startPortalKit();
    expect((await kit.sync()).problems).toEqual([]);
    dir = mkdtempSync(join(tmpdir(), 'sourcing-lost-events-'));
    state = openLocalSyncState(dir);
    // The Notion subscription is verified: comments are expected by event, not by polling.
    await state.update<string>(STATE_KEYS.notionToken, () => 'secret_verification_token');
  }, 60_000);
  afterEach(async () => {
    await state.close();
    await kit.ws.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (input: Partial<EventSyncInput>) => {
    const airtable = createAirtableAdapters({ endpointUrl: kit.ws.url, apiKey: kit.ws.token, counter: kit.counter, requestsPerSecond: 1000, penaltyMs: 50 });
    return runEventSync(
      {
        records: kit.records,
        webhooks: airtable.webhooks,
        state,
        tableNames: async () => Object.fromEntries((await airtable.meta.getSchema(kit.baseId)).map((t) => [t.id, t.name])),
        notion: kit.notion,
        counter: kit.counter,
        now: () => NOW,
      },
      { rootPageId: kit.rootPageId, ...input },
    );
  };

  it('a scheduled run re-reads a turn of the pages, so the comment lands once its page comes up', async () => {
    const page = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2408');
    const comment = await kit.sdk.comments.create({ parent: { page_id: page.id }, rich_text: [{ text: { content: 'Is the PSI still on Thursday?' } }] });

    // Without the safety net, a forced run with no event reads no comments at all.
    const blind = await run({ force: true });
    expect(blind.details.comments).toMatchObject({ pagesRead: 0, imported: 0, mode: 'webhook' });

    // Scheduled runs pass a turn of 3; with the webhook it is spread over 4 × 3 = 12 runs.
    const bucket = commentBucket(page.id, 12);
    const elsewhere = await run({ force: true, commentTurn: { turn: bucket + 1, of: 3 } });
    expect(elsewhere.details.comments.imported).toBe(0);
    const covered = await run({ force: true, commentTurn: { turn: bucket, of: 3 } });
    expect(covered.details.comments.imported).toBe(1);
    expect(covered.details.comments.pagesRead).toBeLessThan(blind.details.pages?.unchanged ?? Number.POSITIVE_INFINITY);
    const rows = await kit.records.list('Client Comments', { matchAny: [{ field: 'Notion comment ID', equals: comment.id }] });
    expect(rows).toHaveLength(1);

    // Every page comes up within the 12 turns, and the comment is never imported twice.
    let imported = 0;
    for (let turn = 0; turn < 12; turn += 1) imported += (await run({ force: true, commentTurn: { turn, of: 3 } })).details.comments.imported;
    expect(imported).toBe(0);
    expect(await kit.records.list('Client Comments', { matchAny: [{ field: 'Notion comment ID', equals: comment.id }] })).toHaveLength(1);
  }, 60_000);

  it('pages named by events are read on top of the turn', async () => {
    const named = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2405');
    const lost = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2408');
    await kit.sdk.comments.create({ parent: { page_id: named.id }, rich_text: [{ text: { content: 'Carton marks OK.' } }] });
    await kit.sdk.comments.create({ parent: { page_id: lost.id }, rich_text: [{ text: { content: 'Need the inspection report.' } }] });
    await addPending(state, { commentPages: [named.id] });
    const report = await run({ force: true, commentTurn: { turn: commentBucket(lost.id, 12), of: 3 } });
    expect(report.details.comments.imported).toBe(2);
  }, 60_000);
});

/**
 * End to end on the local workspace, as `npm start` runs after its first cycle: the webhook endpoint is up, the base
 * has its Airtable webhook and the Notion subscription is verified, and NO scheduled run happens (empty schedule).
 * A client comment posted through the Notion API reaches Client Comments with its alert, and an ETA edited in
 * Airtable reaches the PO's Notion page, each within 10 s (polled with a deadline).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@notionhq/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionWith } from '../../src/cli/commands/provision.ts';
import { runCycle } from '../../src/cli/cycle.ts';
import { startEventRuns, type EventRuns } from '../../src/cli/event-runs.ts';
import { createRuntime, type Runtime } from '../../src/cli/runtime.ts';
import { startSchedule, type RunningSchedule } from '../../src/cli/schedule.ts';
import { loadConfig } from '../../src/config/config.ts';
import { STATE_KEYS } from '../../src/ports/sync-state.ts';

const DEADLINE_MS = 10_000;

async function within<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${DEADLINE_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('event-driven sync on the local workspace', () => {
  let dir: string;
  let runtime: Runtime;
  let baseId: string;
  let schedule: RunningSchedule;
  let events: EventRuns;
  const log: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sourcing-events-'));
    runtime = await createRuntime(loadConfig({ WORKSPACE_DIR: dir, WORKSPACE_PORT: '0', WORKSPACE_SPEED: '1000' }), { servePort: 0 });
    const setup = await provisionWith(runtime, 'new-base');
    baseId = setup.details.baseId;
    await runCycle(runtime, baseId, { only: ['sync'] });
    schedule = startSchedule(runtime, baseId, (line) => log.push(line), []);
    const started = await startEventRuns(runtime, baseId, schedule, (line) => log.push(line));
    if (!started) throw new Error('event runs did not start');
    events = started;
  }, 120_000);
  afterAll(async () => {
    await events?.stop();
    await schedule?.stop();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints where the webhooks land', () => {
    expect(events.summary).toMatch(/^Webhooks: http:\/\/127\.0\.0\.1:\d+\/webhooks \(Airtable webhook ach\w{14} created \(no webhook was set up yet\); Notion subscription [0-9a-f-]{36} verified\)/);
  });

  it('a client comment lands in Client Comments with its alert in under 10 s', async () => {
    const records = runtime.airtable.records(baseId);
    const po = (await records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2405' }] }))[0];
    const pageUrl = String(po?.fields['Notion page'] ?? '');
    const pageId = pageUrl.slice(pageUrl.lastIndexOf('/') + 1);
    expect(pageId).toMatch(/^[0-9a-f]{32}$/);
    const sdk = new Client({ auth: runtime.config.workspace.token, baseUrl: runtime.workspaceUrl, logger: () => {} });
    const posted = Date.now();
    const comment = await sdk.comments.create({
      parent: { page_id: pageId },
      rich_text: [{ text: { content: 'Please confirm the carton drop test before shipping.' } }],
      display_name: { type: 'custom', custom: { name: 'Jennifer Walsh' } },
    });
    const row = await within('the comment in Client Comments', async () =>
      (await records.list('Client Comments', { matchAny: [{ field: 'Notion comment ID', equals: comment.id }] }))[0],
    );
    expect(row.fields).toMatchObject({ Author: 'Jennifer Walsh', Text: 'Please confirm the carton drop test before shipping.' });
    const alert = await within('its alert', async () => (await records.list('Alerts', { matchAny: [{ field: 'Key', equals: `client-comment:${comment.id}` }] }))[0]);
    expect(alert.fields['Status']).toBe('Open');
    expect(Date.now() - posted).toBeLessThan(DEADLINE_MS);
    expect(log.some((l) => l.includes('sync (webhook): ok'))).toBe(true);

    // The same delivery again (Notion delivers at least once): recognised, and the comment is not imported twice.
    const token = await runtime.syncState!.get<string>(STATE_KEYS.notionToken);
    const replay = JSON.stringify({ id: randomUUID(), timestamp: new Date().toISOString(), type: 'comment.created', authors: [{ id: randomUUID(), type: 'person' }], entity: { id: comment.id, type: 'comment' }, data: { page_id: pageId, parent: { id: pageId, type: 'page' } } });
    const signature = `sha256=${createHmac('sha256', token!).update(replay).digest('hex')}`;
    const runsBefore = log.filter((l) => l.includes('sync (webhook)')).length;
    for (let i = 0; i < 2; i += 1) {
      const answer = await fetch(events.url, { method: 'POST', headers: { 'x-notion-signature': signature, 'content-type': 'application/json' }, body: replay });
      expect(answer.status).toBe(200);
    }
    await within('the run for the replayed event', async () => (log.filter((l) => l.includes('sync (webhook)')).length > runsBefore ? true : undefined));
    expect(log.at(-1)).toContain('Client comments: 0 new (1 pages read');
    expect(await records.list('Client Comments', { matchAny: [{ field: 'Notion comment ID', equals: comment.id }] })).toHaveLength(1);
  });

  it("an ETA edited in Airtable reaches the PO's Notion page in under 10 s", async () => {
    const records = runtime.airtable.records(baseId);
    const po = (await records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2405' }] }))[0]!;
    const eta = (await records.list('Milestones')).find((m) => m.fields['Kind'] === 'ETA' && (m.fields['PO'] as string[] | undefined)?.includes(po.id));
    expect(eta).toBeDefined();
    const pageUrl = String(po.fields['Notion page']);
    const pageId = pageUrl.slice(pageUrl.lastIndexOf('/') + 1);
    const sdk = new Client({ auth: runtime.config.workspace.token, baseUrl: runtime.workspaceUrl, logger: () => {} });
    await records.update('Milestones', [{ id: eta!.id, fields: { 'Planned date': '2031-05-17' } }]);
    const shown = await within('the new ETA on the Notion page', async () => {
      const page = (await sdk.pages.retrieve({ page_id: pageId })) as { properties: Record<string, { type: string; date?: { start: string } | null }> };
      const value = page.properties['ETA']?.date?.start;
      return value === '2031-05-17' ? value : undefined;
    });
    expect(shown).toBe('2031-05-17');
  });

  it('a replayed or forged delivery changes nothing', async () => {
    const forged = await fetch(events.url, { method: 'POST', headers: { 'x-notion-signature': `sha256=${'0'.repeat(64)}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'x', type: 'comment.created' }) });
    expect(forged.status).toBe(401);
  });
});

/**
 * The README's "Try it" tour, followed step by step in headless Chromium against what `npm start` builds (the
 * sample agency after one cycle, the process's clock and cycle lent to the workspace), and each step's result
 * checked through the Airtable and Notion APIs, not only on the page.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@notionhq/client';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionWith } from '../../../src/cli/commands/provision.ts';
import { CycleRecorder } from '../../../src/cli/recorded-cycle.ts';
import { createRuntime, type Runtime } from '../../../src/cli/runtime.ts';
import { Serial } from '../../../src/cli/serial.ts';
import { loadConfig } from '../../../src/config/config.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = process.env['VIEWER_SCREENSHOTS'];
const START = '2026-12-07T09:00:00+08:00';
const DAY = 86_400_000;

describe.runIf(existsSync(CHROMIUM) || process.env['CI'])('README "Try it", as each person', () => {
  let dir: string;
  let runtime: Runtime;
  let baseId: string;
  let browser: Browser;
  let page: Page;
  let url: string;
  const comment = `Can we see the PSI photos before we pay the balance? (${Date.now()})`;

  const records = (table: string) => runtime.airtable.records(baseId).list(table);
  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `try-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sourcing-try-'));
    runtime = await createRuntime(loadConfig({ WORKSPACE_DIR: dir, WORKSPACE_SPEED: '1000', SOURCING_NOW: START }), { servePort: 0 });
    baseId = (await provisionWith(runtime, 'new-base')).details.baseId;
    // What `npm start` does: one cycle, then the workspace gets the clock and "run the cycle" (src/cli/commands/start.ts).
    const recorder = new CycleRecorder(runtime, baseId, new Serial());
    await recorder.run();
    recorder.attach();
    url = runtime.workspaceUrl ?? '';
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('1. comment as a client, and set Client approval, through the Notion API', async () => {
    await page.goto(`${url}/`);
    await page.locator('nav.side').getByRole('link', { name: 'Harborline Home · Sourcing portal' }).click();
    await page.locator('aside.tree').getByRole('link', { name: 'PO-2404' }).click();
    await expect(page.locator('h1.title').textContent()).resolves.toBe('PO-2404');
    await page.locator('form.comment-form textarea').fill(comment);
    await page.getByRole('button', { name: 'Comment' }).click();
    await expect(page.locator('.flash').innerText()).resolves.toMatch(/Commented as Harborline Home[\s\S]*POST \/v1\/comments → 200/);
    await page.locator('form.client select[name=value]').selectOption('Changes requested');
    await page.getByRole('button', { name: 'Set' }).click();
    await expect(page.locator('.flash').innerText()).resolves.toMatch(/PATCH \/v1\/pages\/[0-9a-f]+ → 200/);
    await shot('1-client');

    // Through the API, as the sync will read it.
    const notion = new Client({ auth: runtime.config.workspace.token, baseUrl: url });
    const pageId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const comments = await notion.comments.list({ block_id: pageId });
    expect(comments.results.map((c) => c.rich_text.map((t) => t.plain_text).join(''))).toContain(comment);
    const po = (await notion.pages.retrieve({ page_id: pageId })) as { properties: Record<string, { select?: { name: string } | null }> };
    expect(po.properties['Client approval']?.select?.name).toBe('Changes requested');
  });

  it('2. "Next day" runs the cycle a day later: the comment and the approval reach Airtable', async () => {
    await page.getByRole('button', { name: /Next day/ }).click();
    await expect(page.locator('.flash').innerText()).resolves.toMatch(/POST \/__workspace\/clock → 200/);
    await expect(page.locator('.clockbar b').innerText()).resolves.toMatch(/08 Dec 2026/);
    expect(runtime.now().getTime() - Date.parse(START)).toBeGreaterThanOrEqual(DAY);

    const imported = (await records('Client Comments')).filter((r) => String(r.fields['Text'] ?? '').includes(comment));
    expect(imported).toHaveLength(1);
    const po = (await records('Purchase Orders')).find((r) => r.fields['PO number'] === 'PO-2404');
    expect(po?.fields['Client approval']).toBe('Changes requested');

    await page.getByRole('link', { name: 'What just happened' }).first().click();
    await expect(page.locator('main').innerText()).resolves.toMatch(/records in Client Comments/);
    await shot('2-happened');
  });

  it('3. see the alert on the overview, newest first, and on the board card', async () => {
    await page.goto(`${url}/`);
    const first = page.locator('ul.alerts li').first();
    await expect(first.innerText()).resolves.toMatch(/PO-2404[\s\S]*Harborline Home (commented on|asked for changes on) PO-2404/);
    await shot('3-overview');
    const board = await page.locator('nav.side a', { hasText: 'Purchase Orders board' }).getAttribute('href');
    await page.goto(`${url}${board ?? ''}`);
    const card = page.locator('.kcard', { hasText: 'PO-2404' });
    await expect(card.locator('[data-alerts]').count()).resolves.toBe(1);
    await expect(card.locator('[data-health]').count()).resolves.toBe(1);
    await shot('3-board');
  });

  it('4. acknowledge it: the alert is Acknowledged in Airtable', async () => {
    await page.goto(`${url}/`);
    const first = page.locator('ul.alerts li').first();
    const alertId = await first.getAttribute('data-alert');
    await first.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(page.locator('.flash').innerText()).resolves.toMatch(/Acknowledged the alert[\s\S]*PATCH \/v0\/app\w+\/tbl\w+ → 200/);
    const alert = (await records('Alerts')).find((r) => r.id === alertId);
    expect(['client-comment', 'client-changes-requested']).toContain(alert?.fields['Rule']);
    expect(alert?.fields['Status']).toBe('Acknowledged');
    await expect(page.locator(`ul.alerts li[data-alert="${alertId}"]`).count()).resolves.toBe(0);
  });

  it('5. "Next week" runs the cycle a week later (more milestones late), and the overview has the factory portals', async () => {
    const lateBefore = (await records('Alerts')).filter((r) => r.fields['Rule'] === 'late-milestone' && r.fields['Status'] === 'Open').length;
    await page.getByRole('button', { name: /Next week/ }).click();
    await expect(page.locator('.clockbar b').innerText()).resolves.toMatch(/15 Dec 2026/);
    const lateAfter = (await records('Alerts')).filter((r) => r.fields['Rule'] === 'late-milestone' && r.fields['Status'] === 'Open').length;
    expect(lateAfter).toBeGreaterThan(lateBefore);
    await page.goto(`${url}/`);
    await expect(page.locator('.panel', { hasText: 'Factory portals' }).count()).resolves.toBe(1);
    await shot('5-week-later');
  });

  it('a form posted from another site is refused: only the viewer itself may act', async () => {
    const response = await fetch(`${url}/viewer/act/clock`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'days=7' });
    expect(response.status).toBe(403);
  });
});

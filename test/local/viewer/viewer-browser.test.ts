/**
 * The viewer in a real browser (Debian's chromium driven by playwright-core): a workspace after a cycle (sample
 * agency, a Notion portal page, a Drive PDF, a sent email) is browsed the way a person would: pages load, the
 * navigation moves between tables, the board shows each PO under its status, a PDF opens as a PDF, an email
 * renders, and hostile record text never runs as script. Screenshots go to $VIEWER_SCREENSHOTS when set.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAirtableAdapters } from '../../../src/adapters/airtable/index.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { HOSTILE, seedWorkspace, type Seeded } from './seed.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = process.env['VIEWER_SCREENSHOTS'];

// Skipped only on a developer machine without chromium; in CI (.ci/run installs it) a missing browser fails.
describe.runIf(existsSync(CHROMIUM) || process.env['CI'])('local viewer in headless Chromium', () => {
  let ws: TestWorkspace;
  let seeded: Seeded;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const offMachine: string[] = [];
  let pos: { id: string; number: string; status: string }[];

  beforeAll(async () => {
    ws = await startTestWorkspace();
    seeded = await seedWorkspace(ws);
    const records = await createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter: new RequestCounter() })
      .records(seeded.baseId)
      .list('Purchase Orders');
    pos = records.map((r) => ({ id: r.id, number: String(r.fields['PO number']), status: String(r.fields['Status'] ?? '') }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // The viewer must work offline: anything not on this machine is refused and remembered.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      // chrome:// and chrome-extension:// are the browser's own PDF viewer.
      if (url.hostname === '127.0.0.1' || !url.protocol.startsWith('http')) return route.continue();
      offMachine.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await ws?.close();
  });

  async function open(path: string, shot?: string): Promise<void> {
    const response = await page.goto(`${ws.url}${path}`);
    expect(response?.status(), path).toBe(200);
    if (SHOTS && shot) await page.screenshot({ path: join(SHOTS, `${shot}.png`) });
  }

  it('opens the overview without a token and shows what the workspace holds', async () => {
    await open('/', 'overview');
    await expect(page.locator('h1').textContent()).resolves.toBe('Local workspace');
    const nav = page.locator('nav.side');
    await expect(nav.getByRole('link', { name: 'Purchase Orders', exact: true }).count()).resolves.toBe(1);
    await expect(nav.getByRole('link', { name: 'Harbor & Pine · Sourcing portal' }).count()).resolves.toBe(1);
    await expect(page.locator('.card .big').first().textContent()).resolves.toMatch(/^\d+$/);
    // The APIs behind the same port still want the bearer token.
    const api = await fetch(`${ws.url}/v0/meta/bases`);
    expect(api.status).toBe(401);
  });

  it('moves between tables from the navigation and follows a linked record', async () => {
    await open('/');
    await page.locator('nav.side').getByRole('link', { name: 'Suppliers', exact: true }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Suppliers');
    await page.locator('nav.side').getByRole('link', { name: 'Purchase Orders', exact: true }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Purchase Orders');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'po-grid.png') });
    const grid = await page.locator('table.grid tbody').innerText();
    for (const po of pos) expect(grid).toContain(po.number.slice(0, 20));
    // A link cell shows the linked record's primary value and opens that record.
    const chip = page.locator('table.grid a.link-chip').first();
    const label = (await chip.textContent()) ?? '';
    expect(label).not.toMatch(/^rec[A-Za-z0-9]{14}$/);
    await chip.click();
    await expect(page.locator('h1').textContent()).resolves.toBe(label);
    await expect(page.locator('dl.fields dt').count()).resolves.toBeGreaterThan(3);
  });

  it('shows every purchase order on the board under its status', async () => {
    await open(`/viewer/airtable/${seeded.baseId}/${await tableId('Purchase Orders')}/kanban`, 'po-kanban');
    for (const po of pos) {
      const column = page.locator(`section.col[data-status="${po.status}"]`);
      await expect(column.locator(`.kcard[data-record="${po.id}"]`).count(), `${po.number} under ${po.status}`).resolves.toBe(1);
    }
    const heads = await page.locator('section.col .col-head span:first-child').allTextContents();
    expect(heads.slice(0, 3)).toEqual(['RFQ', 'Quoted', 'Negotiating']);
  });

  it('renders a Notion portal page with its properties, blocks, tree and comments', async () => {
    await open(`/notion/${seeded.poPageId.replace(/-/g, '')}`, 'notion-po-page');
    await expect(page.locator('h1.title').textContent()).resolves.toBe('PO-2025-014');
    await expect(page.locator('.props').innerText()).resolves.toContain('In production');
    await expect(page.locator('table.nt').innerText()).resolves.toContain('Materials in');
    await expect(page.locator('.callout').first().innerText()).resolves.toContain('On track for ship-by 18 Apr.');
    await expect(page.locator('ul li').filter({ hasText: 'Cutting started on line 2.' }).count()).resolves.toBe(1);
    await expect(page.locator('.comment').innerText()).resolves.toContain('Can we add a second carton mark?');
    const photo = page.locator('figure img');
    await expect(photo.evaluate((img) => ((img as unknown as { complete: boolean }).complete ? (img as unknown as { naturalWidth: number }).naturalWidth : 0))).resolves.toBe(240);
    // The tree leads back to the portal, whose page lists the database.
    await page.locator('aside.tree').getByRole('link', { name: /Harbor & Pine · Sourcing portal/ }).click();
    await expect(page.locator('h1.title').textContent()).resolves.toBe('Harbor & Pine · Sourcing portal');
    await expect(page.locator('article table.grid').innerText()).resolves.toContain('PO-2025-014');
  });

  it('opens a Drive PDF in the browser as application/pdf', async () => {
    await open('/viewer/drive', 'drive');
    await expect(page.locator('.drive').innerText()).resolves.toContain('buyer@harborpine.example (reader)');
    const link = page.getByRole('link', { name: 'PO-2025-014 Commercial invoice.pdf' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/viewer/drive/file/${seeded.pdfId}`);
    const [response] = await Promise.all([context.waitForEvent('response', (r) => r.url().endsWith(href ?? '')), link.click()]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^inline;/);
    // The browser hands the stream to its PDF viewer; the bytes themselves are the file Drive holds.
    const bytes = await page.request.get(`${ws.url}${href ?? ''}`);
    expect((await bytes.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('renders a sent email: headers, HTML body in a sandbox, text and attachment', async () => {
    await open('/viewer/outbox');
    await page.getByRole('link', { name: 'Reminder: PSI for PO-2025-014 on 9 April' }).click();
    await expect(page.locator('.mailhead').innerText()).resolves.toContain('Li Wei <wei@factory.example>');
    const frame = page.frameLocator('iframe.mailbody');
    await expect(frame.locator('b').textContent()).resolves.toBe('PSI');
    await expect(page.locator('iframe.mailbody').getAttribute('sandbox')).resolves.toBe('');
    await expect(page.locator('pre.mailtext').textContent()).resolves.toContain('is booked for 9 April');
    await expect(page.getByRole('link', { name: /inspection-plan\.pdf/ }).count()).resolves.toBe(1);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'email.png') });
  });

  it('shows hostile record text as text: nothing runs, no element is injected', async () => {
    await open(`/viewer/airtable/${seeded.baseId}/${await tableId('Purchase Orders')}/${seeded.hostileRecordId}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`PO-X ${HOSTILE}`);
    await expect(page.locator('main img, main script').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(offMachine).toEqual([]);
  });

  it('refuses a Host header that is not this machine (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: ws.port, path: '/', headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  async function tableId(name: string): Promise<string> {
    const res = await fetch(`${ws.url}/v0/meta/bases/${seeded.baseId}/tables`, { headers: { authorization: `Bearer ${ws.token}` } });
    const body = (await res.json()) as { tables: { id: string; name: string }[] };
    const table = body.tables.find((t) => t.name === name);
    if (!table) throw new Error(`no table ${name}`);
    return table.id;
  }
});

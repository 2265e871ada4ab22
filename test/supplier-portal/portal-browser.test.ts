/**
 * The supplier portal on a phone (360×740) in Debian's chromium, in both languages, as a factory uses it: open
 * the link, confirm a new PO, mark a milestone done, propose a date with a reason, post a photo. Then the base,
 * Drive and the checks are asked through the official SDKs what happened. Screenshots go to $PORTAL_SCREENSHOTS.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/iso-date.ts';
import { alerts } from '../../src/domain/models/alert.ts';
import { milestones } from '../../src/domain/models/milestone.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { purchaseOrders } from '../../src/domain/models/purchase-order.ts';
import { updates } from '../../src/domain/models/update.ts';
import { t, type Language } from '../../src/domain/supplier-portal/portal-texts.ts';
import { runChecks } from '../../src/jobs/run-checks.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { startPortalKit, type PortalKit } from './portal-kit.ts';
import { addHongdaOrder } from './sample-orders.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = process.env['PORTAL_SCREENSHOTS'];

describe.runIf(existsSync(CHROMIUM) || process.env['CI'])('supplier portal on a phone', () => {
  let kit: PortalKit;
  let browser: Browser;
  let photo: string;

  beforeAll(async () => {
    kit = await startPortalKit();
    await addHongdaOrder(kit.records, kit.today);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    photo = join(kit.ws.dir, 'factory-photo.jpg');
    // A phone photo with its GPS position in EXIF, as factories' phones take them.
    await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#7a9' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'FactoryPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 15/1 0/1' } })
      .toFile(photo);
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await kit?.close();
  });

  async function shot(page: Page, name: string) {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  /** Opens the form whose summary says `title` and submits it after `fill`. */
  async function submit(page: Page, title: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>) {
    const details = page.locator('details', { has: page.locator('summary', { hasText: title }) }).first();
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    const form = details.locator('form');
    await fill(form);
    await Promise.all([page.waitForURL(/saved=1/), form.locator('button[type=submit]').click()]);
  }

  it.each([
    ['zh', 'Huamei', 'PO-2404', 'Tooling kickoff', 'Production start'],
    ['en', 'Hongda', 'PO-9001', 'Production start', 'Production complete'],
  ] as const)('%s: %s confirms %s, marks %s done, proposes a date for %s, posts a photo', async (lang: Language, supplier, poNumber, doneKind, proposeKind) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const offMachine: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      offMachine.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    const link = await kit.link(supplier);
    await page.goto(link);
    // Factories in China get Chinese first; the English run uses the visible switch, and the choice sticks.
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    if (lang === 'en') {
      await page.getByRole('link', { name: 'English' }).click();
      await page.goto(link);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    }
    await expect.poll(() => page.locator('.no', { hasText: poNumber }).count()).toBe(1);
    // Nothing about the end client, nothing internal.
    const listText = await page.locator('body').innerText();
    expect(listText).not.toMatch(/Brightwell|Hansa|Koala|rec[A-Za-z0-9]{14}/);
    expect(listText).toContain(t(lang, 'askAcknowledge'));
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(overflow).toBeLessThanOrEqual(360);
    await shot(page, `${lang}-1-list`);

    await page.locator('a.po', { hasText: poNumber }).click();
    await shot(page, `${lang}-2-order`);
    await submit(page, t(lang, 'confirm'), async (form) => form.locator('input[name=name]').fill(lang === 'zh' ? '陈建国' : 'Mr. Li'));
    await expect.poll(() => page.locator('.notice.ok').innerText()).toBe(t(lang, 'saved'));
    await shot(page, `${lang}-3-confirmed`);

    await submit(page, t(lang, 'markDone'), async (form) => {
      await form.locator('select[name=milestone]').selectOption(doneKind);
    });
    const proposed = addDays(kit.today, 40);
    await submit(page, t(lang, 'proposeDate'), async (form) => {
      await form.locator('select[name=milestone]').selectOption(proposeKind);
      await form.locator('input[name=date]').fill(proposed);
      await form.locator('textarea[name=reason]').fill(lang === 'zh' ? '电机供应商延迟交货两周' : 'Motor supplier delivers two weeks late');
    });
    await shot(page, `${lang}-4-proposed`);
    await submit(page, t(lang, 'postUpdate'), async (form) => {
      await form.locator('textarea[name=message]').fill(lang === 'zh' ? '模具已完成，见照片' : 'Tooling finished, see photo');
      await form.locator('input[type=file]').setInputFiles(photo);
    });
    await shot(page, `${lang}-5-photo-posted`);
    expect(await page.locator('body').innerText()).toContain(`${t(lang, 'proposed')}: ${proposed}`);
    expect(offMachine).toEqual([]);
    await context.close();

    // Airtable: the PO, the milestones and one Updates row per action, Source "Supplier portal", with who and when.
    const po = parseRecords(purchaseOrders, await kit.records.list(purchaseOrders.table, { matchAny: [{ field: 'PO number', equals: poNumber }] })).records[0]!;
    expect(po.supplierAcknowledgement).toBe('Confirmed');
    const ms = parseRecords(milestones, await kit.records.list(milestones.table, { matchAny: [{ field: 'PO', equals: poNumber }] })).records;
    const done = ms.find((m) => m.kind === doneKind)!;
    expect(done).toMatchObject({ actualDate: kit.today, updatedVia: 'Supplier portal' });
    const proposal = ms.find((m) => m.kind === proposeKind)!;
    expect(proposal).toMatchObject({ proposedDate: proposed, proposalStatus: 'Proposed' });
    expect(proposal.plannedDate).not.toBe(proposed);
    const rows = parseRecords(updates, await kit.records.list(updates.table, { matchAny: [{ field: 'PO', equals: poNumber }] })).records.filter((u) => u.source === 'Supplier portal' && u.key);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.submittedBy).toContain(supplier);
      expect(row.submittedAt).toBeTruthy();
      expect(row.visibleToClient).toBe(false);
    }
    expect(rows.find((r) => r.update.includes('确认') || r.update.includes('confirmed'))?.submittedBy).toContain(lang === 'zh' ? '陈建国' : 'Mr. Li');

    // Drive: the original (with its EXIF) and a resized copy without metadata, in the agency-only folder.
    const photoRow = rows.find((r) => r.driveFiles)!;
    expect(photoRow.driveFiles).toMatch(/original, agency only/);
    expect(photoRow.driveFiles).toMatch(/for clients/);
    const files = await driveFiles(kit, `appProperties has { key='sourcingKind' and value='supplier-upload' }`);
    const ours = files.filter((f) => f.name.startsWith(poNumber));
    expect(ours).toHaveLength(2);
    const copy = ours.find((f) => f.name.includes('for clients'))!;
    const original = ours.find((f) => !f.name.includes('for clients'))!;
    const copyMeta = await sharp(await driveBytes(kit, copy.id)).metadata();
    expect(copyMeta.exif).toBeUndefined();
    expect(Math.max(copyMeta.width, copyMeta.height)).toBeLessThanOrEqual(1600);
    expect((await sharp(await driveBytes(kit, original.id)).metadata()).exif?.toString('latin1')).toContain('FactoryPhone');
    const folder = (await driveFiles(kit, `'${original.parents[0]}' in parents`)).length;
    expect(folder).toBe(ours.length + (await driveFiles(kit, `'${original.parents[0]}' in parents and not name contains '${poNumber}'`)).length);

    // The agent's alert, with old and new dates, the reason and the effect on ship-by.
    await runChecks({ records: kit.records, counter: new RequestCounter(), now: () => new Date() });
    const alert = parseRecords(alerts, await kit.records.list(alerts.table, { matchAny: [{ field: 'Key', equals: `supplier-date-proposal:${proposal.id}` }] })).records[0];
    expect(alert?.message).toContain(`proposes ${proposed} instead of ${proposal.plannedDate}`);
    expect(alert?.message).toMatch(/reason: "/);
    expect(alert?.message).toMatch(/ship-by date/);
  }, 120_000);
});

async function driveFiles(kit: PortalKit, q: string): Promise<{ id: string; name: string; parents: string[] }[]> {
  const url = `${kit.ws.url}/drive/v3/files?q=${encodeURIComponent(q)}&fields=files(id,name,parents)&pageSize=100`;
  const body = (await (await fetch(url, { headers: { authorization: `Bearer ${kit.ws.token}` } })).json()) as { files: { id: string; name: string; parents: string[] }[] };
  return body.files;
}

async function driveBytes(kit: PortalKit, id: string): Promise<Buffer> {
  const res = await fetch(`${kit.ws.url}/drive/v3/files/${id}?alt=media`, { headers: { authorization: `Bearer ${kit.ws.token}` } });
  return Buffer.from(await res.arrayBuffer());
}

/**
 * The agency stays in control, end to end: a factory proposes a date in the portal → the checks raise an alert for
 * the agent (old and new dates, reason, ship-by effect) → the agent sets Approved in Airtable → the next run moves
 * the planned date → the portal and the client's Notion page show it. Then the prompt mails: over several runs
 * with an injected `now`, each due prompt goes out once, only in the factory's working hours.
 */
import { Client } from '@notionhq/client';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailMailAdapter } from '../../src/adapters/gmail/index.ts';
import { createNotionAdapter } from '../../src/adapters/notion/index.ts';
import { addDays } from '../../src/domain/calendar/iso-date.ts';
import { alerts } from '../../src/domain/models/alert.ts';
import { milestones } from '../../src/domain/models/milestone.ts';
import { outbox } from '../../src/domain/models/outbox.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { signLink } from '../../src/domain/supplier-portal/portal-link.ts';
import { applySupplierProposals } from '../../src/jobs/supplier-portal/apply-proposals.ts';
import { sendSupplierPrompts } from '../../src/jobs/supplier-portal/send-supplier-prompts.ts';
import { planSchedules } from '../../src/jobs/plan-schedule.ts';
import { runChecks } from '../../src/jobs/run-checks.ts';
import { syncPortals } from '../../src/jobs/sync-portals.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { gmailReader, sentMessages } from '../jobs/reminder-fixtures.ts';
import { blockText, blockTree } from '../jobs/sync-portals/portal-kit.ts';
import { startPortalKit, SECRET, type PortalKit } from './portal-kit.ts';

let kit: PortalKit;
const counter = new RequestCounter();
beforeAll(async () => {
  kit = await startPortalKit();
}, 60_000);
afterAll(() => kit?.close());

async function milestone(poNumber: string, kind: string) {
  const rows = parseRecords(milestones, await kit.records.list(milestones.table, { matchAny: [{ field: 'PO', equals: poNumber }] })).records;
  return rows.find((m) => m.kind === kind)!;
}

async function postAction(link: string, po: string, fields: Record<string, string>) {
  const html = await (await fetch(`${link}/po/${po}`)).text();
  const key = /name="key" value="([^"]+)"/.exec(html)![1]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
  return fetch(`${link}/po/${po}`, { method: 'POST', body: new URLSearchParams({ key, csrf, ...fields }), redirect: 'manual' });
}

describe('agent approval loop', () => {
  it('proposal → alert → Approved in Airtable → next run moves the date → portal and client page show it', async () => {
    const link = await kit.link('Huamei');
    const before = await milestone('PO-2405', 'Production complete');
    const proposed = addDays(before.plannedDate!, 9);
    expect((await postAction(link, 'PO-2405', { action: 'propose-date', milestone: 'Production complete', date: proposed, reason: 'Motor supplier late' })).status).toBe(303);

    await runChecks({ records: kit.records, counter, now: () => new Date() });
    const alert = parseRecords(alerts, await kit.records.list(alerts.table, { matchAny: [{ field: 'Key', equals: `supplier-date-proposal:${before.id}` }] })).records[0]!;
    expect(alert.message).toContain(`proposes ${proposed} instead of ${before.plannedDate}`);
    expect(alert.message).toContain('Motor supplier late');
    // PO-2405's ETD is 6 days after production complete and its ship-by 2 days after ETD: a 9-day slip misses it.
    expect(alert.message).toMatch(/after the ship-by date/);
    expect(alert.severity).toBe('Warning');

    // Not approved yet: the next run changes nothing.
    expect((await applySupplierProposals({ records: kit.records, counter, now: () => new Date() })).details.applied).toEqual([]);
    expect((await milestone('PO-2405', 'Production complete')).plannedDate).toBe(before.plannedDate);

    await kit.records.update(milestones.table, [{ id: before.id, fields: { 'Proposal status': 'Approved' } }]);
    const applied = await applySupplierProposals({ records: kit.records, counter, now: () => new Date() });
    expect(applied.details.applied).toEqual([{ milestone: 'PO-2405 · Production complete', from: before.plannedDate, to: proposed, how: 'approved' }]);
    const after = await milestone('PO-2405', 'Production complete');
    expect(after).toMatchObject({ plannedDate: proposed, proposalStatus: 'Applied', baselineDate: before.baselineDate, plannedBy: 'Person' });
    // The accepted date is a commitment: the next plan works around it instead of recomputing it.
    await planSchedules({ records: kit.records, counter, now: () => new Date() });
    expect((await milestone('PO-2405', 'Production complete')).plannedDate).toBe(proposed);
    // A rerun applies nothing twice.
    expect((await applySupplierProposals({ records: kit.records, counter, now: () => new Date() })).details.applied).toEqual([]);

    const page = await (await fetch(`${link}/po/PO-2405`)).text();
    expect(page).toContain(proposed);
    expect(page).not.toContain('您提出的新日期');

    const notion = createNotionAdapter({ baseUrl: kit.ws.url, auth: kit.ws.token, counter, requestsPerSecond: 1000, penaltyMs: 20 });
    const rootPageId = await notion.ensureRootPage('Client portals');
    const sync = await syncPortals({ airtable: kit.records, notion, counter, now: () => new Date() }, { rootPageId, today: kit.today });
    expect(sync.problems.filter((p) => p.includes('PO-2405'))).toEqual([]);
    const notionPage = await fetch(`${kit.ws.url}/v1/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kit.ws.token}`, 'content-type': 'application/json', 'notion-version': '2025-09-03' },
      body: JSON.stringify({ query: 'PO-2405' }),
    });
    const found = ((await notionPage.json()) as { results: { id: string; object: string }[] }).results.filter((r) => r.object === 'page');
    expect(found.length).toBeGreaterThan(0);
    const sdk = new Client({ auth: kit.ws.token, baseUrl: kit.ws.url, logger: () => {} });
    const texts: string[] = [];
    for (const p of found) texts.push(...(await blockTree(sdk, p.id)).map(blockText));
    // The client page writes dates as "6 Jan 2027".
    const shown = (iso: string) => DateTime.fromISO(iso).setLocale('en-GB').toFormat('d LLL yyyy');
    expect(texts).toContain(`Production complete | ${shown(before.baselineDate!)} | ${shown(proposed)} | — | At risk`);
  }, 120_000);
});

describe('prompt mails', () => {
  it('one per due prompt, only in working hours, never twice', async () => {
    const mail = new GmailMailAdapter({ rootUrl: `${kit.ws.url}/`, auth: { kind: 'bearer', accessToken: kit.ws.token }, counter });
    const links = async () => {
      const ids = ['Huamei', 'Hongda', 'Senya', 'Guangyao', 'Shanye', 'Jiale', 'Zhuyun', 'Yongxin'];
      const out = new Map<string, string>();
      for (const name of ids) {
        const id = await kit.supplierId(name);
        out.set(id, `${kit.portalUrl}/s/${signLink(SECRET, { supplierId: id, keyVersion: 1 }, new Date(Date.now() + 86_400_000))}`);
      }
      return out;
    };
    const run = (iso: string) => sendSupplierPrompts({ records: kit.records, mail, counter, now: () => new Date(iso), links }, { from: { name: 'Tidewater Sourcing', address: 'ops@tidewater.example' } });
    const shanghai = (day: string, hour: number) => DateTime.fromISO(`${day}T${String(hour).padStart(2, '0')}:00`, { zone: 'Asia/Shanghai' }).toUTC().toISO()!;
    let workday = addDays(kit.today, 1);
    if (DateTime.fromISO(workday).weekday === 7) workday = addDays(workday, 1);

    const gmail = gmailReader(kit.ws);
    const before = (await sentMessages(gmail)).length;
    // 23:00 in Ningbo: nobody at the factory, nothing goes out.
    expect((await run(shanghai(kit.today, 23))).details.sent).toEqual([]);
    const morning = await run(shanghai(workday, 10));
    const kinds = morning.details.sent.map((s) => s.kind).sort();
    expect(kinds).toContain('acknowledge');
    expect(kinds).toContain('weekly');
    expect(kinds).toContain('overdue');
    expect(morning.problems).toEqual([]);
    // Again the same morning and in the afternoon: nothing twice.
    expect((await run(shanghai(workday, 10))).details.sent).toEqual([]);
    expect((await run(shanghai(workday, 15))).details.sent).toEqual([]);

    const sent = (await sentMessages(gmail)).slice(before);
    expect(sent).toHaveLength(morning.details.sent.length);
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(sent.length);
    const ack = sent.find((m) => m.subject.startsWith('请确认新订单'))!;
    expect(ack.subject).toContain('Please confirm a new order · PO-2404');
    expect(ack.to).toContain('huamei');
    const rows = parseRecords(outbox, await kit.records.list(outbox.table)).records.filter((r) => r.kind === 'Supplier prompt');
    expect(rows).toHaveLength(sent.length);
    expect(rows.every((r) => r.state === 'Sent')).toBe(true);
    // The text: Chinese first, English below, each with the factory's own link; no record IDs.
    const full = await gmail.users.messages.get({ userId: 'me', id: (await gmail.users.messages.list({ userId: 'me', q: 'rfc822msgid:' + ack.messageId })).data.messages![0]!.id!, format: 'raw' });
    const raw = Buffer.from(full.data.raw!, 'base64url').toString('utf8');
    expect(raw).toContain(`${kit.portalUrl}/s/`);
  }, 120_000);
});

/**
 * Weekly client updates on the sample agency: a mail to the client's contacts and a dated section at the top of its
 * Notion portal, once per client and week, from Monday 08:00 in the client's zone; nothing about hidden factories.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GmailMailAdapter } from '../../src/adapters/gmail/index.ts';
import { agency as agencyModel } from '../../src/domain/models/agency.ts';
import { clients as clientModel } from '../../src/domain/models/client.ts';
import { milestones } from '../../src/domain/models/milestone.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { projects } from '../../src/domain/models/project.ts';
import { purchaseOrders } from '../../src/domain/models/purchase-order.ts';
import { reviews } from '../../src/domain/models/review.ts';
import { suppliers } from '../../src/domain/models/supplier.ts';
import { updates } from '../../src/domain/models/update.ts';
import { weekOfUpdate, weeklyUpdate } from '../../src/domain/weekly/weekly-update.ts';
import { readTables } from '../../src/jobs/read-tables.ts';
import { sendWeeklyUpdates } from '../../src/jobs/send-weekly-updates.ts';
import { parseMime, type MimeEntity } from '../../src/local/gmail/mime-payload.ts';
import { decodeCharset } from '../../src/local/gmail/rfc2822.ts';
import type { MailPort } from '../../src/ports/mail.ts';
import { NOW, startPortalKit, type PortalKit } from './sync-portals/portal-kit.ts';

const FROM = { name: 'Tidewater Ops', address: 'ops@tidewater.example' };

describe('weekly client updates', () => {
  let kit: PortalKit;
  let mail: MailPort;
  beforeEach(async () => {
    kit = await startPortalKit();
    await kit.sync();
    mail = new GmailMailAdapter({ rootUrl: kit.ws.url, auth: { kind: 'bearer', accessToken: kit.ws.token }, counter: kit.counter });
  });
  afterEach(async () => {
    await kit.ws.close();
  });

  const run = (at: Date) => sendWeeklyUpdates({ records: kit.records, mail, notion: kit.notion, counter: kit.counter, now: () => at }, { from: FROM });
  const mails = () => {
    const dir = join(kit.ws.dir, 'outbox');
    return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'latin1')) : [];
  };
  const portalHeadings = async (client: string) => {
    const pages = await kit.sdk.blocks.children.list({ block_id: kit.rootPageId });
    const portal = pages.results.find((b) => 'type' in b && b.type === 'child_page' && b.child_page.title.startsWith(client))!;
    const blocks = await kit.sdk.blocks.children.list({ block_id: portal.id });
    return blocks.results.flatMap((b) => ('type' in b && b.type === 'heading_2' ? [b.heading_2.rich_text.map((t) => t.plain_text).join('')] : []));
  };

  it('Monday 09:00 UTC: Berlin and Melbourne are past 08:00 and get theirs, New York (04:00) not yet; each once', async () => {
    // NOW is Monday 1 March 2027, 09:00 UTC.
    const first = await run(NOW);
    expect(first.problems).toEqual([]);
    expect(first.details.sent.map((s) => s.client).sort()).toEqual(['Küchenwerk', 'Saltbush Outdoor']);
    expect(first.details.sent.every((s) => s.weekOf === '2027-03-01' && s.notion === 'added')).toBe(true);
    expect((await portalHeadings('Küchenwerk'))[0]).toBe('Weekly update · week of 1 Mar 2027');
    expect(await portalHeadings('Harborline')).not.toContain('Weekly update · week of 1 Mar 2027');

    const again = await run(new Date(NOW.getTime() + 3_600_000));
    expect(again.details.sent).toEqual([]);
    // New York's Monday morning.
    const ny = await run(new Date('2027-03-01T14:00:00Z'));
    expect(ny.details.sent.map((s) => s.client)).toEqual(['Harborline Home']);
    expect(mails()).toHaveLength(3);
    for (const client of ['Küchenwerk', 'Saltbush', 'Harborline']) {
      expect((await portalHeadings(client)).filter((h) => h.startsWith('Weekly update'))).toEqual(['Weekly update · week of 1 Mar 2027']);
    }

    // The next week, a second section goes on top of the first.
    const next = await run(new Date('2027-03-08T09:00:00Z'));
    expect(next.details.sent.map((s) => s.weekOf)).toEqual(['2027-03-08', '2027-03-08']);
    expect((await portalHeadings('Küchenwerk')).slice(0, 2)).toEqual(['Weekly update · week of 8 Mar 2027', 'Weekly update · week of 1 Mar 2027']);
  });

  it('an update that names a factory hidden from the client stays out of the mail, said as a problem', async () => {
    const po = (await kit.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2408' }] }))[0]!;
    await kit.records.create('Updates', [
      { Update: 'PO-2408 · packing', PO: [po.id], Date: '2027-02-26', Text: 'Hongda packed the first 40 cartons', 'Visible to client': true },
      { Update: 'PO-2408 · labels', PO: [po.id], Date: '2027-02-26', Text: 'Carton labels approved by the client QA', 'Visible to client': true },
    ]);
    const report = await run(NOW);
    expect(report.details.sent.map((s) => s.client)).toContain('Saltbush Outdoor');
    expect(report.problems).toEqual([expect.stringMatching(/^Updates PO-2408 · packing: is not shown to Saltbush Outdoor .*"Hongda"/)]);
    const all = mails().join('\n');
    expect(all).toContain('Carton labels approved by the client QA');
    expect(all).not.toContain('Hongda');
  });

  it('says what the whole base says: each mail is the update made from every row, though the job keeps only the due clients\' milestones', async () => {
    const report = await run(NOW);
    expect(report.details.sent).toHaveLength(2);
    const all = await readTables(kit.records, { clients: clientModel, projects, pos: purchaseOrders, milestones, updates, reviews, suppliers }, 'model', { keepRaw: 'none' });
    const agencyName = parseRecords(agencyModel, await kit.records.list(agencyModel.table, { maxRecords: 1 })).records[0]?.name ?? FROM.name;
    const texts = plainTexts().map((t) => t.replace(/\r\n/g, '\n').trim());
    const expected = report.details.sent.map((sent) => {
      const client = all.tables.clients.find((c) => c.name === sent.client)!;
      const { weekOf, today } = weekOfUpdate(NOW, client.timeZone!);
      return weeklyUpdate({ client, weekOf, today, ...all.tables, agencyName }).text.trim();
    });
    // Saltbush's update speaks of milestones done, coming and late (Küchenwerk has no open order this week).
    for (const said of ['done on', 'planned for', 'days late']) expect(expected.join('\n')).toContain(said);
    expect(texts.sort()).toEqual(expected.sort());
  });

  const plainTexts = () => mails().map((raw) => {
    const leaves = (e: MimeEntity): MimeEntity[] => (e.parts.length === 0 ? [e] : e.parts.flatMap(leaves));
    const part = leaves(parseMime(Buffer.from(raw, 'latin1'))).find((p) => p.mimeType === 'text/plain')!;
    return decodeCharset(part.content, part.params['charset']);
  });

  it('names no factory and no record ID, in the mail or on the page', async () => {
    await run(new Date('2027-03-01T14:00:00Z'));
    const texts = mails().map((raw) => {
      const leaves = (e: MimeEntity): MimeEntity[] => (e.parts.length === 0 ? [e] : e.parts.flatMap(leaves));
      const part = leaves(parseMime(Buffer.from(raw, 'latin1'))).find((p) => p.mimeType === 'text/plain')!;
      return decodeCharset(part.content, part.params['charset']);
    });
    expect(texts).toHaveLength(3);
    expect(texts.every((t) => t.includes('What moved in the last seven days:') && t.includes('Coming in the next two weeks:'))).toBe(true);
    // The portal pages the weekly sections are on (the PO pages below them are the portal sync's).
    const portals = await kit.sdk.blocks.children.list({ block_id: kit.rootPageId });
    for (const portal of portals.results.filter((b) => 'type' in b && b.type === 'child_page')) {
      const blocks = await kit.sdk.blocks.children.list({ block_id: portal.id });
      texts.push(JSON.stringify(blocks.results));
    }
    expect(texts.filter((t) => t.includes('Weekly update · week of 1 Mar 2027'))).toHaveLength(3);
    const suppliers = (await kit.records.list('Suppliers')).flatMap((r) => [r.fields['Name'], r.fields['Name (中文)']]).filter((n): n is string => typeof n === 'string');
    expect(suppliers.length).toBeGreaterThan(5);
    for (const text of texts) {
      for (const name of suppliers) expect(text).not.toContain(name);
      expect(text).not.toMatch(/rec[A-Za-z0-9]{14}/);
    }
  });
});

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { gmail_v1 } from '@googleapis/gmail';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GmailMailAdapter } from '../../src/adapters/gmail/index.ts';
import { alerts } from '../../src/domain/models/alert.ts';
import { outbox } from '../../src/domain/models/outbox.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { sendReminders, type RemindInput } from '../../src/jobs/send-reminders.ts';
import type { AirtableRecordsPort } from '../../src/ports/airtable.ts';
import type { MailPort } from '../../src/ports/mail.ts';
import { provisionedWorkspace, type JobWorkspace } from './job-workspace.ts';
import { gmailReader, seedReminders, sentMessages, type ReminderFixture } from './reminder-fixtures.ts';

const FROM: RemindInput['from'] = { name: 'Tidewater reminders', address: 'ops@tidewater.example' };
// Monday 2 March 2026, 08:45 in Berlin (CET, UTC+1), 15:45 in Ningbo.
const MONDAY_0845_BERLIN = new Date('2026-03-02T07:45:00Z');

describe('reminder job against the local workspace', () => {
  let jw: JobWorkspace;
  let fx: ReminderFixture;
  let gmail: MailPort;
  let reader: gmail_v1.Gmail;

  beforeEach(async () => {
    jw = await provisionedWorkspace();
    fx = await seedReminders(jw.records);
    gmail = new GmailMailAdapter({ rootUrl: jw.ws.url, auth: { kind: 'bearer', accessToken: jw.ws.token }, counter: jw.counter });
    reader = gmailReader(jw.ws);
  });
  afterEach(async () => {
    await jw.close();
  });

  const run = (at: Date, deps: { records?: AirtableRecordsPort; mail?: MailPort } = {}, input: Partial<RemindInput> = {}) =>
    sendReminders(
      { records: deps.records ?? jw.records, mail: deps.mail ?? gmail, counter: jw.counter, now: () => at },
      { from: FROM, recordLinks: async () => (table, id) => `https://airtable.com/appTest/${encodeURIComponent(table)}/${id}`, ...input },
    );
  const emlFiles = () => (existsSync(join(jw.ws.dir, 'outbox')) ? readdirSync(join(jw.ws.dir, 'outbox')) : []);
  const outboxRows = async () => parseRecords(outbox, await jw.records.list(outbox.table)).records;
  const alertRows = async () => new Map(parseRecords(alerts, await jw.records.list(alerts.table)).records.map((a) => [a.id, a]));

  it('sends the digest and the critical mail at the start of working hours, as .eml in the outbox, once', async () => {
    const report = await run(MONDAY_0845_BERLIN);
    expect(report.problems).toEqual([]);
    expect(report.details.sent.map((s) => s.kind).sort()).toEqual(['Critical', 'Digest']);

    const files = emlFiles();
    expect(files).toHaveLength(2);
    const sent = await sentMessages(reader);
    const digest = sent.find((m) => m.subject.startsWith('Sourcing digest'))!;
    expect(digest).toEqual({
      to: 'Jana Vogel <jana.vogel@agency.example>',
      subject: 'Sourcing digest · Mon 2 Mar · 2 open items',
      messageId: expect.stringMatching(/^<reminder\.[0-9a-f]{32}@tidewater\.example>$/),
    });
    expect(sent.find((m) => m.subject.startsWith('Critical'))).toMatchObject({ to: 'Jana Vogel <jana.vogel@agency.example>', subject: 'Critical · 1 item · PO-2405 is booked on a vessel without a passed PSI <urgent> & blocked.' });

    // The .eml is what a mail client reads: UTF-8 subject encoded, text and HTML, links, both time zones.
    const eml = files.map((f) => readFileSync(join(jw.ws.dir, 'outbox', f), 'utf8')).find((t) => t.includes(digest.messageId))!;
    expect(eml).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(eml).toContain('Content-Type: multipart/alternative');
    expect(eml).toContain('From: Tidewater reminders <ops@tidewater.example>');
    const text = decodeQuotedPrintable(eml);
    expect(text).toContain('08:45 Berlin time (UTC+1) / 15:45 Beijing time (UTC+8)');
    expect(text).toContain(`https://www.notion.so/${'1a2b3c4d-0000-4000-8000-00000000abcd'.replace(/-/g, '')}`);
    expect(text).toContain(`https://airtable.com/appTest/Purchase%20Orders/${fx.po}`);
    expect(text).toContain(`https://airtable.com/appTest/Alerts/${fx.alerts.psiWarning}`);
    expect(text).toContain('&lt;urgent&gt; &amp; blocked'); // escaped in the HTML part
    expect(text).not.toContain('DUPRO late'); // acknowledged
    expect(text).not.toMatch(/\bCST\b/);

    const rows = await outboxRows();
    expect(rows.map((r) => [r.kind, r.state, r.to]).sort()).toEqual([
      ['Critical', 'Sent', 'jana.vogel@agency.example'],
      ['Digest', 'Sent', 'jana.vogel@agency.example'],
    ]);
    expect(rows.find((r) => r.kind === 'Digest')?.messageId).toBe(digest.messageId);
    const after = await alertRows();
    // Each message marks only what its own kind owns: the critical mail its alert, the digest nothing.
    expect(after.get(fx.alerts.bookedCritical)?.notifiedAt).toBe(MONDAY_0845_BERLIN.toISOString());
    expect(after.get(fx.alerts.psiWarning)?.notifiedAt).toBeUndefined();
    expect(after.get(fx.alerts.acknowledged)?.notifiedAt).toBeUndefined();

    // A second run the same morning sends nothing new.
    const again = await run(new Date(MONDAY_0845_BERLIN.getTime() + 3_600_000));
    expect(again.details.sent).toEqual([]);
    expect(emlFiles()).toHaveLength(2);
    expect(jw.counter.snapshot()['gmail']?.byOperation['messages.send']).toBe(2);
  });

  it('sends the criticals due for one person in one run as one mail; a rerun nothing; a new one later only that one', async () => {
    const vogel = [fx.people.vogel];
    const seen = { 'First seen': '2026-02-28T08:00:00.000Z' };
    const [audit, bank] = await jw.records.create('Alerts', [
      { ...seen, Key: 'audit-expired:PO-2405', Rule: 'audit-expired', Severity: 'Critical', Status: 'Open', Owner: vogel, PO: [fx.po], Message: 'Factory audit expired.' },
      { ...seen, Key: 'bank-changed:Huamei', Rule: 'bank-changed', Severity: 'Critical', Status: 'Open', Owner: vogel, Message: 'Supplier bank details changed.' },
    ]);
    const first = await run(MONDAY_0845_BERLIN);
    expect(first.problems).toEqual([]);
    const critical = first.details.sent.filter((s) => s.kind === 'Critical');
    expect(critical).toEqual([
      { key: expect.stringMatching(new RegExp(`^critical:${fx.people.vogel}:2026-03-02:`)), kind: 'Critical', to: 'jana.vogel@agency.example', subject: 'Critical · 3 items · PO-2405 …' },
    ]);
    const row = (await outboxRows()).find((r) => r.key === critical[0]!.key)!;
    expect(row.alerts).toEqual([fx.alerts.bookedCritical, audit!.id, bank!.id]);
    const eml = emlFiles().map((f) => decodeQuotedPrintable(readFileSync(join(jw.ws.dir, 'outbox', f), 'utf8'))).find((t) => t.includes('3 critical items'))!;
    for (const message of ['PO-2405 is booked on a vessel', 'Factory audit expired.', 'Supplier bank details changed.']) expect(eml).toContain(message);
    expect(emlFiles()).toHaveLength(2); // the digest and one critical mail

    const rerun = await run(new Date(MONDAY_0845_BERLIN.getTime() + 3_600_000));
    expect(rerun.details.sent).toEqual([]);
    expect(emlFiles()).toHaveLength(2);

    const [late] = await jw.records.create('Alerts', [
      { 'First seen': '2026-03-02T10:00:00.000Z', Key: 'qc-hold:PO-2405', Rule: 'qc-hold', Severity: 'Critical', Status: 'Open', Owner: vogel, PO: [fx.po], Message: 'Goods on QC hold.' },
    ]);
    const afternoon = await run(new Date('2026-03-02T13:00:00Z')); // 14:00 in Berlin
    expect(afternoon.details.sent).toEqual([
      { key: expect.stringMatching(new RegExp(`^critical:${fx.people.vogel}:2026-03-02:`)), kind: 'Critical', to: 'jana.vogel@agency.example', subject: 'Critical · 1 item · PO-2405 · Goods on QC hold.' },
    ]);
    expect(afternoon.details.sent[0]?.key).not.toBe(critical[0]!.key);
    expect((await outboxRows()).find((r) => r.key === afternoon.details.sent[0]?.key)?.alerts).toEqual([late!.id]);
    expect(emlFiles()).toHaveLength(3);
    expect((await run(new Date('2026-03-02T14:00:00Z'))).details.sent).toEqual([]);
  });

  it('sends a critical mail that Gmail refused with a 429 on the next run, although the digest went out', async () => {
    // The 429 comes from the local Gmail API (control-plane fault) just before the critical mail is sent.
    const faultBeforeCritical: MailPort = {
      ...bind(gmail),
      sendMail: async (mail) => {
        if (mail.subject.startsWith('Critical')) await jw.ws.control('POST', '/faults', { service: 'gmail', status: 429, count: 1 });
        return gmail.sendMail(mail);
      },
    };
    const first = await run(MONDAY_0845_BERLIN, { mail: faultBeforeCritical });
    expect(first.details.sent.map((s) => s.kind)).toEqual(['Digest']);
    expect(first.details.failed).toEqual([{ key: expect.stringMatching(/^critical:/), error: expect.stringContaining('429') }]);
    expect((await outboxRows()).map((r) => [r.kind, r.state]).sort()).toEqual([['Critical', 'Cancelled'], ['Digest', 'Sent']]);
    expect((await alertRows()).get(fx.alerts.bookedCritical)?.notifiedAt).toBeUndefined();

    const next = await run(new Date(MONDAY_0845_BERLIN.getTime() + 3_600_000));
    expect(next.problems).toEqual([]);
    expect(next.details.sent.map((s) => [s.kind, s.key])).toEqual([['Critical', first.details.failed[0]!.key]]);
    expect((await outboxRows()).map((r) => [r.kind, r.state]).sort()).toEqual([['Critical', 'Sent'], ['Digest', 'Sent']]);
    const critical = (await sentMessages(reader)).filter((m) => m.subject.startsWith('Critical'));
    expect(critical).toHaveLength(1);
    expect((await run(new Date(MONDAY_0845_BERLIN.getTime() + 7_200_000))).details.sent).toEqual([]);
  });

  it('records its Outbox rows again on their Key when Airtable\'s answer is lost: one row and one mail each, in the same run', async () => {
    await jw.ws.control('POST', '/faults', { service: 'airtable', kind: 'lost-response', count: 1, methods: ['POST', 'PATCH'], pathIncludes: '/Outbox' });
    const report = await run(MONDAY_0845_BERLIN);
    expect(report.problems).toEqual([]);
    expect(report.details.sent.map((s) => s.kind).sort()).toEqual(['Critical', 'Digest']);
    expect(report.requests['airtable']?.byOperation['retry']).toBe(1);
    expect((await outboxRows()).map((r) => [r.kind, r.state]).sort()).toEqual([['Critical', 'Sent'], ['Digest', 'Sent']]);
    expect(emlFiles()).toHaveLength(2);
  });

  it('sends no new mail in a cycle whose checks job failed, and settles interrupted ones all the same', async () => {
    const held = await run(MONDAY_0845_BERLIN, {}, { upstreamFailed: ['checks'] });
    expect(held.details.sent).toEqual([]);
    expect(held.details.held).toEqual([expect.stringContaining('The checks job failed in this cycle')]);
    expect(emlFiles()).toEqual([]);
    expect((await run(MONDAY_0845_BERLIN)).details.sent).toHaveLength(2);
  });

  it('queues the digest of a run at 3 a.m. local time for the start of working hours', async () => {
    const report = await run(new Date('2026-03-02T02:00:00Z')); // 03:00 in Berlin
    expect(report.details.sent).toEqual([]);
    expect(emlFiles()).toEqual([]);
    expect(report.details.queued).toEqual(
      expect.arrayContaining([
        { key: `digest:${fx.people.vogel}:2026-03-02`, kind: 'Digest', to: 'jana.vogel@agency.example', sendAt: '2026-03-02T07:30:00.000Z' },
      ]),
    );
    // Reed's only alert is snoozed: nothing for him.
    expect(report.details.queued.some((q) => q.to.startsWith('marcus'))).toBe(false);
  });

  it('escalates an unacknowledged warning to the manager after two working days, once', async () => {
    await run(MONDAY_0845_BERLIN);
    // First seen on Friday: Monday is one working day, Tuesday two; the Wednesday run escalates (Tuesday's would too).
    const wednesday = new Date('2026-03-04T07:45:00Z'); // 08:45 Berlin, 15:45 Ningbo
    const report = await run(wednesday);
    const escalation = report.details.sent.filter((s) => s.kind === 'Escalation');
    expect(escalation).toEqual([
      { key: expect.stringMatching(new RegExp(`^escalation:${fx.people.zhang}:`)), kind: 'Escalation', to: 'zhang.wei@agency.example', subject: 'Escalation · 2 unacknowledged items · Jana Vogel' },
    ]);
    const flags = await alertRows();
    expect(flags.get(fx.alerts.psiWarning)?.escalated).toBe(true);
    expect(flags.get(fx.alerts.snoozed)?.escalated).toBe(false);

    const later = await run(new Date('2026-03-05T07:45:00Z'));
    expect(later.details.sent.map((s) => s.kind)).toEqual(['Digest']); // Thursday's digest, no second escalation
    const toZhang = (await sentMessages(reader)).filter((m) => m.to.includes('zhang.wei'));
    expect(toZhang).toHaveLength(1);
  });

  it('does not send a duplicate after a crash between sending and recording', async () => {
    // The transport accepts the mail, then the process dies before anything is recorded.
    const crashing: MailPort = { ...bind(gmail), sendMail: async (mail) => { await gmail.sendMail(mail); throw new Error('process killed'); } };
    const first = await run(MONDAY_0845_BERLIN, { mail: crashing });
    expect(first.details.failed).toHaveLength(2);
    expect((await outboxRows()).map((r) => r.state)).toEqual(['Sending', 'Sending']);
    expect(emlFiles()).toHaveLength(2);

    const second = await run(new Date(MONDAY_0845_BERLIN.getTime() + 3_600_000));
    expect(second.details.recovered.map((r) => r.outcome)).toEqual(['confirmed sent', 'confirmed sent']);
    expect(second.details.sent).toEqual([]);
    expect(emlFiles()).toHaveLength(2);
    expect((await outboxRows()).map((r) => r.state)).toEqual(['Sent', 'Sent']);
    expect((await alertRows()).get(fx.alerts.bookedCritical)?.notifiedAt).toBe(new Date(MONDAY_0845_BERLIN.getTime() + 3_600_000).toISOString());
  });

  it('finishes the mails even when one of their alerts is deleted while they go out', async () => {
    let deleted = false;
    const racing: AirtableRecordsPort = {
      ...bind(jw.records),
      update: async (table, rows, options) => {
        if (table === 'Alerts' && !deleted) {
          deleted = true;
          await jw.records.delete('Alerts', [fx.alerts.bookedCritical]);
        }
        return jw.records.update(table, rows, options);
      },
    };
    const report = await run(MONDAY_0845_BERLIN, { records: racing });
    expect(report.problems).toEqual([`Alerts ${fx.alerts.bookedCritical}: no longer in the base; its reminder was sent, the alert not updated`]);
    expect((await outboxRows()).map((r) => r.state)).toEqual(['Sent', 'Sent']);
    expect((await alertRows()).has(fx.alerts.bookedCritical)).toBe(false);
    expect(emlFiles()).toHaveLength(2);
  });

  it('does not send a duplicate when the run dies while marking the rows Sent', async () => {
    const dying: AirtableRecordsPort = {
      ...bind(jw.records),
      update: async (table, rows, options) => {
        if (table === 'Outbox' && rows.some((r) => r.fields['State'] === 'Sent')) throw new Error('process killed');
        return jw.records.update(table, rows, options);
      },
    };
    await expect(run(MONDAY_0845_BERLIN, { records: dying })).rejects.toThrow('process killed');
    expect(emlFiles()).toHaveLength(2);
    const second = await run(MONDAY_0845_BERLIN);
    expect(second.details.sent).toEqual([]);
    expect(second.details.recovered).toHaveLength(2);
    expect(emlFiles()).toHaveLength(2);
    expect((await outboxRows()).every((r) => r.state === 'Sent')).toBe(true);
  });

  it('sends once what was recorded but never sent before a crash', async () => {
    const deadBeforeSending: MailPort = { ...bind(gmail), sendMail: async () => { throw new Error('process killed'); } };
    await run(MONDAY_0845_BERLIN, { mail: deadBeforeSending });
    expect(emlFiles()).toEqual([]);
    const second = await run(new Date(MONDAY_0845_BERLIN.getTime() + 600_000));
    expect(second.details.recovered.map((r) => r.outcome)).toEqual(['not sent', 'not sent']);
    expect(second.details.sent).toHaveLength(2);
    expect(emlFiles()).toHaveLength(2);
    expect((await outboxRows()).map((r) => r.state)).toEqual(['Sent', 'Sent']);
  });

  it('over a transport that cannot search sent mail (SMTP), marks an interrupted mail Unconfirmed and never resends it', async () => {
    const smtpLike: MailPort = { transport: 'smtp', canSearchSent: false, sendMail: async (mail) => { await gmail.sendMail(mail); throw new Error('connection dropped after DATA'); }, findSentByMessageId: async () => { throw new Error('not supported'); } };
    await run(MONDAY_0845_BERLIN, { mail: smtpLike });
    const second = await run(new Date(MONDAY_0845_BERLIN.getTime() + 600_000), { mail: smtpLike });
    expect(second.details.recovered.map((r) => r.outcome)).toEqual(['unconfirmed', 'unconfirmed']);
    expect(second.problems.some((p) => p.includes('check the sent folder'))).toBe(true);
    expect(second.details.sent).toEqual([]);
    expect(emlFiles()).toHaveLength(2);

    // A new critical the same day: a mail with only that one; the unconfirmed critical is not sent again.
    const [late] = await jw.records.create('Alerts', [
      { 'First seen': '2026-03-02T10:00:00.000Z', Key: 'qc-hold:PO-2405', Rule: 'qc-hold', Severity: 'Critical', Status: 'Open', Owner: [fx.people.vogel], PO: [fx.po], Message: 'Goods on QC hold.' },
    ]);
    const third = await run(new Date('2026-03-02T13:00:00Z'), { mail: gmail });
    expect(third.details.sent.map((s) => s.subject)).toEqual(['Critical · 1 item · PO-2405 · Goods on QC hold.']);
    expect((await outboxRows()).find((r) => r.key === third.details.sent[0]?.key)?.alerts).toEqual([late!.id]);
  });
});

function bind<T extends object>(target: T): T {
  const out = {} as T;
  for (const key of [...Object.keys(target), ...Object.getOwnPropertyNames(Object.getPrototypeOf(target))] as (keyof T)[]) {
    const value = target[key];
    (out as Record<keyof T, unknown>)[key] = typeof value === 'function' ? value.bind(target) : value;
  }
  return out;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

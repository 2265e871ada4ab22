import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GmailMailAdapter } from '../../../src/adapters/gmail/index.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import { MailSendError, type OutgoingMail } from '../../../src/ports/mail.ts';
import { takeViolations } from '../../helpers/network-guard.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { gmailReader } from '../../jobs/reminder-fixtures.ts';

const MAIL: OutgoingMail = {
  messageId: '<reminder.0123456789abcdef@tidewater.example>',
  from: { name: 'Tidewater reminders', address: 'ops@tidewater.example' },
  to: [{ name: 'Lin Mei 林梅', address: 'lin.mei@tidewater.example' }],
  subject: 'Sourcing digest · 质检 PSI · 2 open items',
  text: 'Hello Lin Mei,\n\nPSI of PO-2405 is late by 3 days.\n',
  html: '<p>Hello Lin Mei,</p><p>PSI of PO-2405 is late by 3 days.</p>',
  date: new Date('2026-03-02T01:00:00Z'),
  headers: { 'X-Sourcing-Reminder-Key': 'digest:recX:2026-03-02' },
};

describe('Gmail mail adapter against the local workspace', () => {
  let ws: TestWorkspace;
  let counter: RequestCounter;
  let adapter: GmailMailAdapter;
  beforeEach(async () => {
    ws = await startTestWorkspace();
    counter = new RequestCounter();
    adapter = new GmailMailAdapter({ rootUrl: ws.url, auth: { kind: 'bearer', accessToken: ws.token }, counter, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 50 } });
  });
  afterEach(async () => {
    await ws.close();
  });

  it('sends MailComposer MIME through users.messages.send: UTF-8 subject, our Message-ID and Date, text + HTML', async () => {
    const sent = await adapter.sendMail(MAIL);
    const reader = gmailReader(ws);
    const got = await reader.users.messages.get({ userId: 'me', id: sent.providerId, format: 'full' });
    const headers = Object.fromEntries((got.data.payload?.headers ?? []).map((h) => [h.name, h.value]));
    expect(headers).toMatchObject({
      Subject: MAIL.subject,
      'Message-ID': MAIL.messageId,
      Date: 'Mon, 02 Mar 2026 01:00:00 +0000',
      From: 'Tidewater reminders <ops@tidewater.example>',
      'X-Sourcing-Reminder-Key': 'digest:recX:2026-03-02',
    });
    expect(headers['To']).toContain('lin.mei@tidewater.example');
    expect(got.data.payload?.mimeType).toBe('multipart/alternative');
    expect(got.data.payload?.parts?.map((p) => p.mimeType)).toEqual(['text/plain', 'text/html']);
    const text = Buffer.from(got.data.payload?.parts?.[0]?.body?.data ?? '', 'base64url').toString('utf8');
    expect(text).toContain('PSI of PO-2405 is late by 3 days.');
    const raw = await reader.users.messages.get({ userId: 'me', id: sent.providerId, format: 'raw' });
    const bytes = Buffer.from(raw.data.raw ?? '', 'base64url').toString('latin1');
    expect(bytes).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(bytes.split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);
    expect(counter.snapshot()['gmail']?.byOperation).toEqual({ 'messages.send': 1 });
    expect(takeViolations()).toEqual([]);
  });

  it('finds a sent message by its Message-ID, and nothing for one never sent', async () => {
    const sent = await adapter.sendMail(MAIL);
    expect(await adapter.findSentByMessageId(MAIL.messageId)).toEqual({ providerId: sent.providerId });
    expect(await adapter.findSentByMessageId('<reminder.never@tidewater.example>')).toBeUndefined();
    expect(counter.snapshot()['gmail']?.byOperation['messages.list']).toBe(2);
  });

  it.each([
    [400, true],
    [429, true],
    [503, false],
  ])('a %i answer is a send error; definite (nothing went out): %s', async (status, definite) => {
    // A 503 is retried (after a Message-ID lookup): it stays an error only when it lasts.
    await ws.control('POST', '/faults', { service: 'gmail', status, count: status === 503 ? 20 : 1, methods: ['POST'] });
    const error = (await adapter.sendMail(MAIL).catch((e: unknown) => e)) as MailSendError;
    expect(error).toBeInstanceOf(MailSendError);
    expect(error.status).toBe(status);
    expect(error.definite).toBe(definite);
  });
});

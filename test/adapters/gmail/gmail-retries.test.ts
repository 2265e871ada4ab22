/** Gmail sends: a lost answer is checked by Message-ID before sending again; a 429 is not retried here. */
import { describe, expect, it } from 'vitest';
import { GmailMailAdapter } from '../../../src/adapters/gmail/index.ts';
import type { RequestCounter } from '../../../src/lib/request-counter.ts';
import { MailSendError, type OutgoingMail } from '../../../src/ports/mail.ts';
import type { TestWorkspace } from '../../helpers/workspace.ts';
import { workspaceResetPerTest } from '../../helpers/workspace-per-test.ts';

let ws: TestWorkspace;
let counter: RequestCounter;
let adapter: GmailMailAdapter;
workspaceResetPerTest(async (started, fresh) => {
  ws = started;
  counter = fresh;
  adapter = new GmailMailAdapter({ rootUrl: ws.url, auth: { kind: 'bearer', accessToken: ws.token }, counter, retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 100 } });
});

const mail = (id: string): OutgoingMail => ({
  messageId: `<${id}@agency.example>`,
  from: { name: 'Ops', address: 'ops@agency.example' },
  to: [{ name: 'Buyer', address: 'buyer@client.example' }],
  subject: 'PO-2414: ETA moved',
  text: 'x',
  html: '<p>x</p>',
  date: new Date('2026-12-04T01:00:00Z'),
});
const sentCount = async (id: string) => {
  const found = await adapter.findSentByMessageId(`<${id}@agency.example>`);
  const list = (await (await fetch(`${ws.url}/gmail/v1/users/me/messages?q=${encodeURIComponent(`rfc822msgid:${id}@agency.example`)}`, { headers: { authorization: `Bearer ${ws.token}` } })).json()) as { messages?: unknown[] };
  return found ? (list.messages ?? []).length : 0;
};

describe('Gmail send retries', () => {
  it('a send whose answer is lost is found by its Message-ID: the person gets one mail', async () => {
    await ws.control('POST', '/faults', { service: 'gmail', kind: 'lost-response', count: 1, methods: ['POST'] });
    const sent = await adapter.sendMail(mail('m1'));
    expect(sent.providerId).toBeTruthy();
    expect(await sentCount('m1')).toBe(1);
    expect(counter.snapshot()['gmail']?.byOperation['retry']).toBe(1);
  });

  it('a 503 (not sent) is retried after the lookup and goes out once', async () => {
    await ws.control('POST', '/faults', { service: 'gmail', status: 503, count: 1, methods: ['POST'] });
    await adapter.sendMail(mail('m2'));
    expect(await sentCount('m2')).toBe(1);
  });

  it('a 429 is reported at once (definite: nothing sent), so the mail stays due for the next run', async () => {
    await ws.control('POST', '/faults', { service: 'gmail', status: 429, count: 1, methods: ['POST'] });
    const error = await adapter.sendMail(mail('m3')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSendError);
    expect((error as MailSendError).definite).toBe(true);
    expect(await sentCount('m3')).toBe(0);
  });
});

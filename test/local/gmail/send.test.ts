import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { GaxiosError } from 'gaxios';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeViolations } from '../../helpers/network-guard.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

const SUBJECT = 'Inspection booked: 质检 PO-1001 ✓';

/** A tiny RFC 5322 message with an RFC 2047 subject, CRLF line breaks, and a UTF-8 body. */
function composeMessage(headers: Record<string, string>, body = 'Hello,\r\nthe PSI is booked for 3 March. It\'s "final".\r\n'): string {
  const lines = Object.entries({
    From: 'Agency Ops <ops@agency.example>',
    Subject: `=?UTF-8?B?${Buffer.from(SUBJECT).toString('base64')}?=`,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    ...headers,
  }).map(([k, v]) => `${k}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

const raw = (message: string | Buffer) => Buffer.from(message).toString('base64url');

describe('Gmail users.messages.send through @googleapis/gmail', () => {
  let ws: TestWorkspace;
  let client: gmail_v1.Gmail;
  let rootUrl: string;
  beforeEach(async () => {
    ws = await startTestWorkspace();
    rootUrl = `${ws.url}/`;
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: ws.token });
    // googleapis-common pins its own google-auth-library copy; see test/local/drive/drive-client.ts
    client = gmail({ version: 'v1', auth: auth as unknown as gmail_v1.Options['auth'], rootUrl });
  });
  afterEach(async () => {
    await ws.close();
  });

  it('sends a raw message, writes a .eml that parses back, and records it', async () => {
    const res = await client.users.messages.send({
      userId: 'me',
      requestBody: { raw: raw(composeMessage({ To: '"Li, Wei" <wei@factory.example>', Cc: 'qa@agency.example' })) },
    });
    expect(res.data).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), threadId: res.data.id, labelIds: ['SENT'] });

    const files = readdirSync(join(ws.dir, 'outbox'));
    expect(files).toHaveLength(1);
    const file = files[0] as string;
    expect(file).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z-${res.data.id}\\.eml$`));
    const eml = readFileSync(join(ws.dir, 'outbox', file), 'utf8');
    const [head = '', body] = eml.split('\r\n\r\n');
    const headers = Object.fromEntries(head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
    expect(headers['To']).toBe('"Li, Wei" <wei@factory.example>');
    const encoded = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/.exec(headers['Subject'] ?? '');
    expect(Buffer.from(encoded?.[1] ?? '', 'base64').toString('utf8')).toBe(SUBJECT);
    // Gmail adds the Date and Message-ID a sender left out
    expect(headers['Date']).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(headers['Message-ID']).toMatch(/^<.+@.+>$/);
    expect(body).toContain('the PSI is booked');

    const got = await client.users.messages.get({ userId: 'me', id: res.data.id as string, format: 'metadata', metadataHeaders: ['Subject', 'To'] });
    expect(got.data.payload?.headers).toEqual([
      { name: 'Subject', value: SUBJECT },
      { name: 'To', value: '"Li, Wei" <wei@factory.example>' },
    ]);
    expect(got.data.snippet).toBe('Hello, the PSI is booked for 3 March. It&#39;s &quot;final&quot;.');
    const rawBack = await client.users.messages.get({ userId: 'me', id: res.data.id as string, format: 'raw' });
    expect(Buffer.from(rawBack.data.raw as string, 'base64url').toString('utf8')).toBe(eml);

    // the record the viewer lists
    const db = new Database(join(ws.dir, 'workspace.db'), { readonly: true });
    const row = db.prepare('SELECT * FROM gmail_messages WHERE id = ?').get(res.data.id) as Record<string, unknown>;
    db.close();
    expect(row).toMatchObject({
      thread_id: res.data.threadId,
      from_header: 'Agency Ops <ops@agency.example>',
      to_header: '"Li, Wei" <wei@factory.example>',
      cc_header: 'qa@agency.example',
      subject: SUBJECT,
      date_header: headers['Date'],
      file_path: `outbox/${file}`,
    });
  });

  it('empties the outbox on a workspace reset', async () => {
    await client.users.messages.send({ userId: 'me', requestBody: { raw: raw(composeMessage({ To: 'a@x.example' })) } });
    await ws.control('POST', '/reset');
    expect(readdirSync(join(ws.dir, 'outbox'))).toEqual([]);
    const list = await client.users.messages.list({ userId: 'me' });
    expect(list.data).toEqual({ resultSizeEstimate: 0 });
  });

  it('sends through the upload endpoint (message/rfc822) when rootUrl is repeated per call', async () => {
    const res = await client.users.messages.send(
      { userId: 'me', media: { mimeType: 'message/rfc822', body: composeMessage({ To: 'buyer@client.example' }) } },
      { rootUrl },
    );
    expect(res.data.labelIds).toEqual(['SENT']);
    const list = await client.users.messages.list({ userId: 'me', labelIds: ['SENT'], q: 'to:buyer@client.example' });
    expect(list.data.messages).toEqual([{ id: res.data.id, threadId: res.data.threadId }]);
    expect(takeViolations()).toEqual([]);
  });

  it('answers Gmail’s 400 for a message without a recipient', async () => {
    const error = (await client.users.messages
      .send({ userId: 'me', requestBody: { raw: raw(composeMessage({})) } })
      .catch((e: unknown) => e)) as GaxiosError;
    expect(error).toBeInstanceOf(GaxiosError);
    expect(error.status).toBe(400);
    expect(error.response?.data).toEqual({
      error: {
        code: 400,
        message: 'Recipient address required',
        errors: [{ message: 'Recipient address required', domain: 'global', reason: 'invalidArgument' }],
        status: 'INVALID_ARGUMENT',
      },
    });
    const outbox = join(ws.dir, 'outbox');
    expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);
  });

  it.each([
    ['not base64', { raw: 'this is not base64!' }],
    ['missing raw', {}],
    ['a bad address', { raw: raw(composeMessage({ To: 'wei at factory' })) }],
  ])('answers 400 for %s', async (_label, requestBody) => {
    const error = (await client.users.messages.send({ userId: 'me', requestBody }).catch((e: unknown) => e)) as GaxiosError;
    expect(error.status).toBe(400);
    expect((error.response?.data as { error: { status: string } }).error.status).toBe('INVALID_ARGUMENT');
  });

  it('keeps a reply in its thread when the subject matches, and lists newest first', async () => {
    const first = await client.users.messages.send({ userId: 'me', requestBody: { raw: raw(composeMessage({ To: 'a@x.example' })) } });
    const reply = await client.users.messages.send({
      userId: 'me',
      requestBody: {
        threadId: first.data.threadId as string,
        raw: raw(composeMessage({ To: 'a@x.example', Subject: `Re: =?UTF-8?B?${Buffer.from(SUBJECT).toString('base64')}?=` })),
      },
    });
    expect(reply.data.threadId).toBe(first.data.threadId);
    const list = await client.users.messages.list({ userId: 'me', maxResults: 1 });
    expect(list.data.messages).toEqual([{ id: reply.data.id, threadId: first.data.threadId }]);
    expect(list.data.resultSizeEstimate).toBe(2);
    const next = await client.users.messages.list({ userId: 'me', maxResults: 1, pageToken: list.data.nextPageToken as string });
    expect(next.data.messages).toEqual([{ id: first.data.id, threadId: first.data.threadId }]);
    expect(next.data.nextPageToken).toBeUndefined();
  });

  it('returns a multipart message with its attachment in format=full', async () => {
    const pdf = Buffer.from('%PDF-1.7 fake');
    const message = [
      'From: ops@agency.example',
      'To: buyer@client.example',
      'Subject: Invoice',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Please find the invoice =E2=80=94 thanks.',
      '--b1',
      'Content-Type: application/pdf; name="invoice.pdf"',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf.toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    const sent = await client.users.messages.send({ userId: 'me', requestBody: { raw: raw(message) } });
    const full = await client.users.messages.get({ userId: 'me', id: sent.data.id as string });
    const parts = full.data.payload?.parts ?? [];
    expect(full.data.payload?.mimeType).toBe('multipart/mixed');
    expect(Buffer.from(parts[0]?.body?.data as string, 'base64url').toString('utf8')).toBe('Please find the invoice — thanks.');
    expect(parts[1]).toMatchObject({ partId: '1', filename: 'invoice.pdf', mimeType: 'application/pdf', body: { size: pdf.length } });
    const attachment = await client.users.messages.attachments.get({
      userId: 'me',
      messageId: sent.data.id as string,
      id: parts[1]?.body?.attachmentId as string,
    });
    expect(Buffer.from(attachment.data.data as string, 'base64url')).toEqual(pdf);
  });

  it('answers 404 for an unknown message', async () => {
    const error = (await client.users.messages.get({ userId: 'me', id: '0000000000000000' }).catch((e: unknown) => e)) as GaxiosError;
    expect(error.status).toBe(404);
    expect(error.message).toBe('Requested entity was not found.');
  });
});

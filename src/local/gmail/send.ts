/**
 * users.messages.send (https://developers.google.com/gmail/api/reference/rest/v1/users.messages/send):
 * `POST /gmail/v1/users/{userId}/messages/send {raw, threadId?}` or the upload variant with message/rfc822 bytes.
 * Checks what Gmail checks (a recipient, parseable address headers, decodable base64), adds the Date and Message-ID
 * headers Gmail adds when missing, writes the message to `<dir>/outbox/<ISO time>-<id>.eml` and records it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { GoogleApiError } from '../drive/google-error.ts';
import { parseMime, snippetOf } from './mime-payload.ts';
import { decodeEncodedWords, headerValue, headerValues, parseAddressList, splitMessage, type Header } from './rfc2822.ts';
import { insertMessage, nextHistoryId, outboxDir, type MessageRow } from './store.ts';

/** The address of the local account (`userId: 'me'`), the same owner the Drive emulation uses. */
export const LOCAL_MAILBOX_ADDRESS = 'owner@workspace.local';

export function gmailError(code: number, reason: string, message: string, location?: string): GoogleApiError {
  return new GoogleApiError(
    code,
    { reason, message, ...(location ? { location, locationType: 'parameter' as const } : {}) },
    { withStatus: true },
  );
}

/** Proto3 JSON `bytes`: standard or URL-safe base64, padding optional (Gmail documents base64url). */
export function decodeRaw(raw: unknown): Buffer {
  if (raw === undefined || raw === null || raw === '') {
    throw gmailError(400, 'invalidArgument', "'raw' RFC822 payload message string or uploading message via /upload/* URL required");
  }
  if (typeof raw !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(raw) || raw.replace(/=+$/, '').length % 4 === 1) {
    const shown = typeof raw === 'string' ? raw.slice(0, 40) : typeof raw;
    throw gmailError(400, 'invalid', `Invalid value at 'message.raw' (TYPE_BYTES), Base64 decoding failed for "${shown}"`);
  }
  return Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Gmail IDs are 16 hex digits that grow with time; the low bits keep two sends in one millisecond apart. */
export function gmailId(now: number): string {
  const low = BigInt(randomBytes(3).readUIntBE(0, 3) & 0xfffff);
  return ((BigInt(now) << 20n) | low).toString(16).padStart(16, '0');
}

export interface SendInput {
  mailbox: string;
  message: Buffer;
  threadId?: string;
  dir: string;
  now: number;
}

export function sendMessage(db: Database.Database, input: SendInput): MessageRow {
  const { headers, newline } = splitMessage(input.message);
  const recipients = {
    to: addressesOf(headers, 'To'),
    cc: addressesOf(headers, 'Cc'),
    bcc: addressesOf(headers, 'Bcc'),
  };
  const all = [...recipients.to, ...recipients.cc, ...recipients.bcc];
  if (all.length === 0) throw gmailError(400, 'invalidArgument', 'Recipient address required');
  const from = headerValue(headers, 'From');
  if (from !== undefined) addressesOf(headers, 'From');

  const id = gmailId(input.now);
  const subject = decodeEncodedWords(headerValue(headers, 'Subject') ?? '');
  const threadId = resolveThread(db, input, subject) ?? id;

  // Gmail fills in what a sender left out.
  const added: string[] = [];
  if (from === undefined) added.push(`From: ${input.mailbox === 'me' ? LOCAL_MAILBOX_ADDRESS : input.mailbox}`);
  if (headerValue(headers, 'Date') === undefined) added.push(`Date: ${new Date(input.now).toUTCString().replace('GMT', '+0000')}`);
  let messageIdHeader = headerValue(headers, 'Message-ID');
  if (messageIdHeader === undefined) {
    messageIdHeader = `<${id}.${randomBytes(4).toString('hex')}@workspace.local>`;
    added.push(`Message-ID: ${messageIdHeader}`);
  }
  const message = added.length === 0 ? input.message : Buffer.concat([Buffer.from(added.join(newline) + newline), input.message]);
  const final = splitMessage(message).headers;

  const stamp = new Date(input.now).toISOString().replace(/:/g, '-');
  const fileName = `${stamp}-${id}.eml`;
  const row: MessageRow = {
    id,
    thread_id: threadId,
    mailbox: input.mailbox,
    history_id: nextHistoryId(db),
    internal_ms: input.now,
    from_header: decodeEncodedWords(headerValue(final, 'From') ?? ''),
    to_header: decodeEncodedWords(headerValues(final, 'To').join(', ')),
    cc_header: decodeEncodedWords(headerValues(final, 'Cc').join(', ')),
    bcc_header: decodeEncodedWords(headerValues(final, 'Bcc').join(', ')),
    recipients: JSON.stringify([...new Set(all.map((a) => a.toLowerCase()))]),
    subject,
    date_header: headerValue(final, 'Date') ?? '',
    message_id_header: messageIdHeader,
    snippet: snippetOf(parseMime(message)),
    size: message.length,
    label_ids: JSON.stringify(['SENT']),
    file_path: `outbox/${fileName}`,
  };
  insertMessage(db, row);
  // After the insert, inside the caller's transaction: a failed write rolls the record back.
  mkdirSync(outboxDir(input.dir), { recursive: true });
  writeFileSync(join(outboxDir(input.dir), fileName), message);
  return row;
}

function addressesOf(headers: Header[], name: string): string[] {
  const out: string[] = [];
  for (const value of headerValues(headers, name)) {
    try {
      out.push(...parseAddressList(value).map((a) => a.address));
    } catch {
      throw gmailError(400, 'invalidArgument', `Invalid ${name} header`);
    }
  }
  return out;
}

/**
 * A reply joins the given thread only when the thread exists and the subjects match (after Re:/Fwd:), as Gmail
 * requires (https://developers.google.com/gmail/api/guides/threads); an unknown threadId is Gmail's 404.
 */
function resolveThread(db: Database.Database, input: SendInput, subject: string): string | undefined {
  if (input.threadId === undefined || input.threadId === '') return undefined;
  const first = db
    .prepare('SELECT subject FROM gmail_messages WHERE mailbox = ? AND thread_id = ? ORDER BY internal_ms LIMIT 1')
    .get(input.mailbox, input.threadId) as { subject: string } | undefined;
  if (!first) throw gmailError(404, 'notFound', 'Requested entity was not found.');
  const normalise = (s: string) => s.replace(/^((re|fwd?|aw|wg)\s*:\s*)+/i, '').trim().toLowerCase();
  return normalise(first.subject) === normalise(subject) ? input.threadId : undefined;
}

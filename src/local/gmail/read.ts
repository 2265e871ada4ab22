/**
 * Reading sent mail back: users.messages.get (format minimal|metadata|raw|full), users.messages.list (labelIds,
 * a small `q` subset, maxResults/pageToken), users.messages.attachments.get and users.getProfile.
 * https://developers.google.com/gmail/api/reference/rest/v1/users.messages/get, …/list, …/attachments/get
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { QueryParams } from '../drive/params.ts';
import { attachmentIdFor, decodedHeaders, findPart, messagePart, parseMime } from './mime-payload.ts';
import { gmailError, LOCAL_MAILBOX_ADDRESS } from './send.ts';
import { findMessage, type MessageRow } from './store.ts';

export const GET_PARAMS = ['format', 'metadataHeaders'];
export const LIST_PARAMS = ['includeSpamTrash', 'labelIds', 'maxResults', 'pageToken', 'q'];

const SYSTEM_LABELS = new Set([
  'INBOX', 'SENT', 'DRAFT', 'SPAM', 'TRASH', 'UNREAD', 'STARRED', 'IMPORTANT', 'CHAT', 'CATEGORY_PERSONAL',
  'CATEGORY_SOCIAL', 'CATEGORY_PROMOTIONS', 'CATEGORY_UPDATES', 'CATEGORY_FORUMS',
]);

export function requireMessage(db: Database.Database, mailbox: string, id: string): MessageRow {
  const row = findMessage(db, mailbox, id);
  if (!row) throw gmailError(404, 'notFound', 'Requested entity was not found.');
  return row;
}

function messageBytes(dir: string, row: MessageRow): Buffer {
  return readFileSync(join(dir, ...row.file_path.split('/')));
}

export function getMessage(db: Database.Database, dir: string, mailbox: string, id: string, params: QueryParams): Record<string, unknown> {
  const row = requireMessage(db, mailbox, id);
  const format = params.get('format') ?? 'full';
  if (!['minimal', 'metadata', 'raw', 'full'].includes(format)) {
    throw gmailError(400, 'invalidArgument', `Invalid value at 'format' (TYPE_ENUM), "${format}"`, 'format');
  }
  const message: Record<string, unknown> = {
    id: row.id,
    threadId: row.thread_id,
    labelIds: JSON.parse(row.label_ids) as string[],
    snippet: row.snippet,
    sizeEstimate: row.size,
    historyId: String(row.history_id),
    internalDate: String(row.internal_ms),
  };
  if (format === 'minimal') return message;
  const bytes = messageBytes(dir, row);
  if (format === 'raw') return { ...message, raw: bytes.toString('base64url') };
  const entity = parseMime(bytes);
  if (format === 'metadata') {
    const wanted = params.getAll('metadataHeaders').map((h) => h.toLowerCase());
    const headers = decodedHeaders(entity.headers).filter((h) => wanted.length === 0 || wanted.includes(h.name.toLowerCase()));
    return { ...message, payload: { mimeType: entity.mimeType, headers } };
  }
  return { ...message, payload: messagePart(entity, row.id) };
}

export function getAttachment(db: Database.Database, dir: string, mailbox: string, messageId: string, attachmentId: string): Record<string, unknown> {
  const row = requireMessage(db, mailbox, messageId);
  const partId = Buffer.from(attachmentId, 'base64url').toString('utf8').split(':')[1];
  const part = partId === undefined ? undefined : findPart(parseMime(messageBytes(dir, row)), partId);
  if (!part || attachmentIdFor(row.id, part.partId) !== attachmentId || part.filename === '') {
    throw gmailError(400, 'invalidArgument', 'Invalid attachment token');
  }
  return { attachmentId, size: part.content.length, data: part.content.toString('base64url') };
}

/**
 * The `q` terms a sender needs to find its own mail again, all ANDed: in:sent, label:sent, is:sent, to:, from:,
 * subject:, rfc822msgid:. Anything else is refused instead of being matched loosely.
 */
function compileSearch(q: string): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const terms = q.match(/(?:[^\s"]+:"[^"]*"|[^\s"]+|"[^"]*")/g) ?? [];
  for (const term of terms) {
    const match = /^([a-z0-9]+):(.*)$/i.exec(term);
    const key = match?.[1]?.toLowerCase();
    const value = (match?.[2] ?? '').replace(/^"(.*)"$/, '$1').toLowerCase();
    if ((key === 'in' || key === 'label' || key === 'is') && value === 'sent') continue;
    if (key === 'to' && value) {
      clauses.push("EXISTS (SELECT 1 FROM json_each(m.recipients) r WHERE instr(r.value, ?) > 0)");
      params.push(value);
    } else if (key === 'from' && value) {
      clauses.push('instr(lower(m.from_header), ?) > 0');
      params.push(value);
    } else if (key === 'subject' && value) {
      clauses.push('instr(lower(m.subject), ?) > 0');
      params.push(value);
    } else if (key === 'rfc822msgid' && value) {
      clauses.push("lower(trim(m.message_id_header, '<>')) = ?");
      params.push(value.replace(/^<|>$/g, ''));
    } else {
      throw gmailError(400, 'invalidArgument', `Invalid query term '${term}': the local workspace searches sent mail by in:sent, to:, from:, subject: and rfc822msgid:`, 'q');
    }
  }
  return { sql: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}

export function listMessages(db: Database.Database, mailbox: string, params: QueryParams): Record<string, unknown> {
  const labels = params.getAll('labelIds');
  for (const label of labels) {
    if (!SYSTEM_LABELS.has(label) && !/^Label_\d+$/.test(label)) throw gmailError(400, 'invalidArgument', `Invalid label: ${label}`);
  }
  const maxResults = params.int('maxResults', { min: 1, max: 500, fallback: 100 });
  const search = compileSearch(params.get('q') ?? '');
  const offset = readPageToken(params.get('pageToken'));
  // Every message here is sent mail: a label other than SENT matches nothing.
  const labelMismatch = labels.some((l) => l !== 'SENT');
  const where = `m.mailbox = ? AND ${labelMismatch ? '0' : '1'} AND (${search.sql})`;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM gmail_messages m WHERE ${where}`).get(mailbox, ...search.params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT m.id, m.thread_id FROM gmail_messages m WHERE ${where} ORDER BY m.internal_ms DESC, m.id DESC LIMIT ? OFFSET ?`)
    .all(mailbox, ...search.params, maxResults, offset) as { id: string; thread_id: string }[];
  const out: Record<string, unknown> = {};
  if (rows.length > 0) out['messages'] = rows.map((r) => ({ id: r.id, threadId: r.thread_id }));
  if (offset + rows.length < total) out['nextPageToken'] = String(offset + rows.length).padStart(20, '0');
  out['resultSizeEstimate'] = total;
  return out;
}

function readPageToken(token: string | null): number {
  if (token === null || token === '') return 0;
  if (!/^\d{20}$/.test(token)) throw gmailError(400, 'invalidArgument', 'Invalid pageToken', 'pageToken');
  return Number(token);
}

export function getProfile(db: Database.Database, mailbox: string): Record<string, unknown> {
  const stats = db
    .prepare('SELECT COUNT(*) AS messages, COUNT(DISTINCT thread_id) AS threads, MAX(history_id) AS history FROM gmail_messages WHERE mailbox = ?')
    .get(mailbox) as { messages: number; threads: number; history: number | null };
  return {
    emailAddress: mailbox === 'me' ? LOCAL_MAILBOX_ADDRESS : mailbox,
    messagesTotal: stats.messages,
    threadsTotal: stats.threads,
    historyId: String(stats.history ?? 1000),
  };
}

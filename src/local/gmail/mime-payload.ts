/**
 * A sent message as Gmail's `users.messages.get` describes it (https://developers.google.com/gmail/api/reference/rest/v1/users.messages#MessagePart):
 * a MessagePart tree with partId ("" for the top, "0", "0.1", …), decoded headers, `body.data` (base64url of the
 * transfer-decoded bytes) for inline parts and `body.attachmentId` for parts with a filename, plus the snippet.
 */
import {
  decodeCharset,
  decodeEncodedWords,
  headerValue,
  parseParameterized,
  splitMessage,
  type Header,
} from './rfc2822.ts';

export interface MimeEntity {
  partId: string;
  headers: Header[];
  mimeType: string;
  params: Record<string, string>;
  filename: string;
  /** Transfer-decoded content (empty for multipart containers). */
  content: Buffer;
  parts: MimeEntity[];
}

export function parseMime(message: Buffer, partId = ''): MimeEntity {
  const split = splitMessage(message);
  return entityFrom(split.headers, message.subarray(split.bodyStart), partId);
}

function entityFrom(headers: Header[], body: Buffer, partId: string): MimeEntity {
  const type = parseParameterized(headerValue(headers, 'content-type') ?? 'text/plain; charset=us-ascii');
  const disposition = parseParameterized(headerValue(headers, 'content-disposition'));
  const filename = decodeEncodedWords(disposition.params['filename'] ?? type.params['name'] ?? '');
  const entity: MimeEntity = {
    partId,
    headers,
    mimeType: type.value || 'text/plain',
    params: type.params,
    filename,
    content: Buffer.alloc(0),
    parts: [],
  };
  const boundary = type.params['boundary'];
  if (entity.mimeType.startsWith('multipart/') && boundary) {
    entity.parts = splitBodyParts(body, boundary).map((part, i) => {
      const split = splitMessage(part);
      return entityFrom(split.headers, part.subarray(split.bodyStart), partId === '' ? String(i) : `${partId}.${i}`);
    });
    return entity;
  }
  entity.content = decodeTransfer(body, headerValue(headers, 'content-transfer-encoding'));
  return entity;
}

function splitBodyParts(body: Buffer, boundary: string): Buffer[] {
  const delimiter = `--${boundary}`;
  const text = body.toString('latin1');
  const parts: Buffer[] = [];
  let index = text.startsWith(delimiter) ? 0 : text.indexOf(`\n${delimiter}`);
  if (index === -1) return parts;
  if (index > 0) index += 1;
  for (;;) {
    let start = index + delimiter.length;
    if (text.startsWith('--', start)) return parts;
    start = text.indexOf('\n', start);
    if (start === -1) return parts;
    start += 1;
    const next = text.indexOf(`\n${delimiter}`, start);
    if (next === -1) {
      parts.push(body.subarray(start));
      return parts;
    }
    const end = text[next - 1] === '\r' ? next - 1 : next;
    parts.push(body.subarray(start, Math.max(start, end)));
    index = next + 1;
  }
}

function decodeTransfer(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable': {
      const text = body
        .toString('latin1')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(text, 'latin1');
    }
    default:
      return body;
  }
}

/** The attachment ID Gmail hands out for a part with a filename; opaque, but stable for a message. */
export function attachmentIdFor(messageId: string, partId: string): string {
  return Buffer.from(`${messageId}:${partId}`).toString('base64url');
}

export function findPart(entity: MimeEntity, partId: string): MimeEntity | undefined {
  if (entity.partId === partId) return entity;
  for (const part of entity.parts) {
    const found = findPart(part, partId);
    if (found) return found;
  }
  return undefined;
}

export function decodedHeaders(headers: Header[]): { name: string; value: string }[] {
  return headers.map((h) => ({ name: h.name, value: decodeEncodedWords(h.value) }));
}

export function messagePart(entity: MimeEntity, messageId: string): Record<string, unknown> {
  const part: Record<string, unknown> = {
    partId: entity.partId,
    mimeType: entity.mimeType,
    filename: entity.filename,
    headers: decodedHeaders(entity.headers),
  };
  if (entity.parts.length > 0) {
    part['body'] = { size: 0 };
    part['parts'] = entity.parts.map((p) => messagePart(p, messageId));
  } else if (entity.filename !== '') {
    part['body'] = { attachmentId: attachmentIdFor(messageId, entity.partId), size: entity.content.length };
  } else {
    part['body'] = { size: entity.content.length, ...(entity.content.length > 0 ? { data: entity.content.toString('base64url') } : {}) };
  }
  return part;
}

/** About the first 200 characters of the text, whitespace collapsed and HTML-escaped, as Gmail's snippet. */
export function snippetOf(entity: MimeEntity): string {
  const text = firstText(entity, 'text/plain') ?? stripHtml(firstText(entity, 'text/html') ?? '');
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function firstText(entity: MimeEntity, type: string): string | undefined {
  if (entity.parts.length === 0) {
    return entity.mimeType === type && entity.filename === '' ? decodeCharset(entity.content, entity.params['charset']) : undefined;
  }
  for (const part of entity.parts) {
    const found = firstText(part, type);
    if (found !== undefined) return found;
  }
  return undefined;
}

function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/**
 * Bodies of Google's simple and multipart uploads (https://developers.google.com/drive/api/guides/manage-uploads),
 * shared by Drive and Gmail. googleapis-common sends `multipart/related; boundary=<uuid>` with a JSON metadata part
 * and a media part, CRLF line breaks and a closing `--boundary--`, streamed in chunks (the server has the whole body
 * by the time we parse it). `uploadType=media` carries the bytes alone, typed by Content-Type.
 */
import { GoogleApiError, invalidParameter } from './google-error.ts';
import type { LocalRequest } from '../types.ts';

export interface UploadBody {
  /** The JSON metadata part (multipart only). */
  metadata?: Record<string, unknown>;
  media: Buffer;
  /** Content-Type of the media, without parameters. */
  mediaType: string;
}

function badRequest(message: string): GoogleApiError {
  return new GoogleApiError(400, { reason: 'badRequest', message });
}

/** Reads an upload request; `resumable` is not produced by the Node client and is refused rather than half-done. */
export function readUpload(req: LocalRequest, uploadType: string | null): UploadBody {
  const contentType = req.headers['content-type'] ?? '';
  if (uploadType === 'media') {
    return { media: req.body, mediaType: baseType(contentType) || 'application/octet-stream' };
  }
  if (uploadType === 'multipart') return parseMultipart(req.body, contentType);
  if (uploadType === null) throw invalidParameter('uploadType', "Required parameter: uploadType", 'required');
  throw invalidParameter('uploadType', `Invalid value '${uploadType}': the local workspace emulates uploadType=media and multipart`);
}

export function baseType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export function parseMultipart(body: Buffer, contentType: string): UploadBody {
  if (baseType(contentType) !== 'multipart/related') {
    throw badRequest(`Bad content type. Please use multipart/related, got '${contentType}'.`);
  }
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw badRequest('Missing boundary in multipart/related content type.');
  const parts = splitParts(body, boundary);
  if (parts.length !== 2) throw badRequest(`Multipart upload must have exactly 2 parts (metadata and media), got ${parts.length}.`);
  const [meta, media] = parts as [Part, Part];
  if (baseType(meta.headers['content-type'] ?? '') !== 'application/json') {
    throw badRequest('The first part of a multipart upload must be application/json metadata.');
  }
  let metadata: unknown;
  try {
    metadata = JSON.parse(meta.body.toString('utf8') || '{}');
  } catch {
    throw badRequest('Invalid JSON in the metadata part of the multipart upload.');
  }
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw badRequest('The metadata part of a multipart upload must be a JSON object.');
  }
  return {
    metadata: metadata as Record<string, unknown>,
    media: media.body,
    mediaType: baseType(media.headers['content-type'] ?? '') || 'application/octet-stream',
  };
}

interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

function splitParts(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  if (start === -1) throw badRequest('Multipart body does not contain its boundary.');
  for (;;) {
    let cursor = start + delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts;
    cursor = skipLineBreak(body, cursor);
    const next = body.indexOf(delimiter, cursor);
    if (next === -1) throw badRequest('Multipart body is missing its closing boundary.');
    // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    let end = next;
    if (body[end - 1] === 0x0a) end -= 1;
    if (body[end - 1] === 0x0d) end -= 1;
    parts.push(parsePart(body.subarray(cursor, Math.max(cursor, end))));
    start = next;
  }
}

function skipLineBreak(body: Buffer, at: number): number {
  if (body[at] === 0x0d && body[at + 1] === 0x0a) return at + 2;
  if (body[at] === 0x0a) return at + 1;
  return at;
}

function parsePart(raw: Buffer): Part {
  if (raw[0] === 0x0d && raw[1] === 0x0a) return { headers: {}, body: raw.subarray(2) };
  let split = raw.indexOf('\r\n\r\n');
  let gap = 4;
  if (split === -1) {
    split = raw.indexOf('\n\n');
    gap = 2;
  }
  const headerText = split === -1 ? raw.toString('latin1') : raw.subarray(0, split).toString('latin1');
  const headers: Record<string, string> = {};
  for (const line of headerText.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = split === -1 ? Buffer.alloc(0) : raw.subarray(split + gap);
  // Google accepts a base64 media part; the Node client sends raw bytes.
  if (headers['content-transfer-encoding']?.toLowerCase() === 'base64') {
    return { headers, body: Buffer.from(body.toString('latin1').replace(/\s+/g, ''), 'base64') };
  }
  return { headers, body };
}

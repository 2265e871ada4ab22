/**
 * Gmail API v1, the sending side, as @googleapis/gmail 18 calls it; see ../shared/reference/wire-apis.md §D.
 *
 * Emulated:
 * - users.messages.send: `POST /gmail/v1/users/{userId}/messages/send {raw, threadId?}` and the upload variant
 *   `POST /upload/gmail/v1/users/{userId}/messages/send?uploadType=media|multipart` (message/rfc822)
 *   → `{id, threadId, labelIds:["SENT"]}`. Each message becomes `<dir>/outbox/<ISO time>-<id>.eml` plus a row in
 *   `gmail_messages` (id, threadId, from, to, cc, bcc, subject, date, snippet, file path) for the viewer.
 * - users.messages.get (format minimal|metadata|raw|full, metadataHeaders), users.messages.list (labelIds,
 *   maxResults ≤ 500, pageToken, q: in:sent to: from: subject: rfc822msgid:), users.messages.attachments.get,
 *   users.getProfile; the `fields` projection.
 * - Gmail's errors, with `status` as Gmail sends it: 400 invalidArgument "Recipient address required", "Invalid To
 *   header", the base64 decoding failure, 404 "Requested entity was not found.", 401, 429, 5xx backendError.
 *
 * Known deviations: one local account (`me` = owner@workspace.local; another userId is its own mailbox, as a
 * delegated sender's would be); the From header is not checked against send-as aliases; threading honours
 * threadId + matching subject but not References/In-Reply-To; nothing is delivered, so there is no inbox, no drafts,
 * labels or history; the `q` subset above only.
 */
import type Database from 'better-sqlite3';
import { project, parseFields, validateSelection, type ResourceSchema } from '../drive/fields.ts';
import { GoogleApiError, googleAuthError, googleErrorResponse } from '../drive/google-error.ts';
import { QueryParams } from '../drive/params.ts';
import { readUpload } from '../drive/upload-body.ts';
import { GET_PARAMS, getAttachment, getMessage, getProfile, LIST_PARAMS, listMessages } from './read.ts';
import { decodeRaw, gmailError, LOCAL_MAILBOX_ADDRESS, sendMessage } from './send.ts';
import { migrateGmail, resetGmail } from './store.ts';
import type { LocalRequest, LocalResponse, LocalService, ServiceContext } from '../types.ts';

const API_PREFIX = '/gmail/v1/users/';
const UPLOAD_PREFIX = '/upload/gmail/v1/users/';

const MESSAGE_SCHEMA: ResourceSchema = {
  fields: {
    id: 'leaf', threadId: 'leaf', labelIds: 'leaf', snippet: 'leaf', historyId: 'leaf', internalDate: 'leaf',
    sizeEstimate: 'leaf', raw: 'leaf', payload: 'map',
  },
  notEmulated: new Set(['classificationLabelValues']),
};
const LIST_SCHEMA: ResourceSchema = { fields: { messages: MESSAGE_SCHEMA, nextPageToken: 'leaf', resultSizeEstimate: 'leaf' } };
const ATTACHMENT_SCHEMA: ResourceSchema = { fields: { attachmentId: 'leaf', size: 'leaf', data: 'leaf' } };
const PROFILE_SCHEMA: ResourceSchema = {
  fields: { emailAddress: 'leaf', messagesTotal: 'leaf', threadsTotal: 'leaf', historyId: 'leaf' },
};

export function gmailErrorResponse(status: number, message?: string): LocalResponse {
  switch (status) {
    case 401:
      return googleAuthError();
    case 403:
      return gmailError(403, 'forbidden', message ?? 'Delegation denied for the requested mailbox.').toResponse();
    case 404:
      return gmailError(404, 'notFound', message ?? 'Requested entity was not found.').toResponse();
    case 413:
      return gmailError(413, 'uploadTooLarge', message ?? 'The message is too large.').toResponse();
    case 429:
      return googleErrorResponse(
        429,
        { reason: 'rateLimitExceeded', message: message ?? 'User-rate limit exceeded.', domain: 'usageLimits' },
        { withStatus: true },
      );
    default:
      if (status >= 500) {
        return gmailError(status, 'backendError', message ?? (status === 503 ? 'The service is currently unavailable.' : 'Internal error encountered.')).toResponse();
      }
      return gmailError(status, 'invalidArgument', message ?? 'Bad Request').toResponse();
  }
}

export function gmailService(): LocalService {
  return {
    name: 'gmail',
    matches: (path) => path.startsWith(API_PREFIX) || path.startsWith(UPLOAD_PREFIX),
    migrate: (db: Database.Database) => migrateGmail(db),
    reset: (ctx) => resetGmail(ctx.db, ctx.dir),
    errorResponse: gmailErrorResponse,
    rateLimitKey: (req) => req.headers.authorization ?? 'anonymous',
    rateLimitedResponse: () => gmailErrorResponse(429),
    handle: (req, ctx) => {
      try {
        return route(req, ctx);
      } catch (error) {
        if (error instanceof GoogleApiError) return error.toResponse();
        throw error;
      }
    },
  };
}

function route(req: LocalRequest, ctx: ServiceContext): LocalResponse {
  const upload = req.path.startsWith(UPLOAD_PREFIX);
  const segments = req.path.slice(upload ? UPLOAD_PREFIX.length : API_PREFIX.length).split('/').map(decodeURIComponent);
  const [userId = '', collection, id, sub, subId, extra] = segments;
  const mailbox = userId === LOCAL_MAILBOX_ADDRESS || userId === 'me' ? 'me' : userId.toLowerCase();
  const method = req.method;
  const now = ctx.now();
  const paramsOf = (allowed: string[]) => new QueryParams(req.rawQuery, allowed, { withStatus: true });

  if (collection === 'messages' && id === 'send' && sub === undefined && method === 'POST') {
    const params = paramsOf([]);
    let message: Buffer;
    let threadId: unknown;
    if (upload) {
      const content = readUpload(req, params.get('uploadType'));
      if (content.mediaType !== 'message/rfc822') {
        throw gmailError(400, 'badContent', `Media type '${content.mediaType}' is not supported. Valid media types: [message/rfc822]`);
      }
      message = content.media;
      threadId = content.metadata?.['threadId'];
    } else {
      const body = jsonBody(req);
      for (const key of Object.keys(body)) {
        if (!['raw', 'threadId', 'labelIds', 'id', 'snippet', 'historyId', 'internalDate', 'sizeEstimate', 'payload'].includes(key)) {
          throw gmailError(400, 'invalid', `Invalid JSON payload received. Unknown name "${key}" at 'message': Cannot find field.`);
        }
      }
      message = decodeRaw(body['raw']);
      threadId = body['threadId'];
    }
    if (threadId !== undefined && threadId !== null && typeof threadId !== 'string') {
      throw gmailError(400, 'invalid', "Invalid value at 'message.thread_id' (TYPE_STRING)");
    }
    const row = ctx.db.transaction(() =>
      sendMessage(ctx.db, { mailbox, message, threadId: threadId ?? undefined, dir: ctx.dir, now }),
    )();
    return ok({ id: row.id, threadId: row.thread_id, labelIds: JSON.parse(row.label_ids) as string[] }, params, MESSAGE_SCHEMA);
  }
  if (!upload && method === 'GET') {
    if (collection === 'profile' && id === undefined) return ok(getProfile(ctx.db, mailbox), paramsOf([]), PROFILE_SCHEMA);
    if (collection === 'messages' && id === undefined) {
      const params = paramsOf(LIST_PARAMS);
      return ok(listMessages(ctx.db, mailbox, params), params, LIST_SCHEMA);
    }
    if (collection === 'messages' && id !== undefined && sub === undefined) {
      const params = paramsOf(GET_PARAMS);
      return ok(getMessage(ctx.db, ctx.dir, mailbox, id, params), params, MESSAGE_SCHEMA);
    }
    if (collection === 'messages' && id !== undefined && sub === 'attachments' && subId !== undefined && extra === undefined) {
      const params = paramsOf([]);
      return ok(getAttachment(ctx.db, ctx.dir, mailbox, id, subId), params, ATTACHMENT_SCHEMA);
    }
  }
  return gmailError(404, 'notFound', `${method} ${req.path} is not a Gmail v1 method emulated by the local workspace.`).toResponse();
}

function ok(body: Record<string, unknown>, params: QueryParams, schema: ResourceSchema): LocalResponse {
  const fields = params.get('fields');
  if (fields === null || fields.trim() === '') return { status: 200, body };
  const selection = parseFields(fields);
  validateSelection(selection, schema);
  return { status: 200, body: project(body, selection) };
}

function jsonBody(req: LocalRequest): Record<string, unknown> {
  const text = req.body.toString('utf8').trim();
  let value: unknown = {};
  try {
    if (text !== '') value = JSON.parse(text);
  } catch {
    throw gmailError(400, 'parseError', 'Invalid JSON payload received.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw gmailError(400, 'invalid', 'The request body must be a JSON object.');
  return value as Record<string, unknown>;
}

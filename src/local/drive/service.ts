/**
 * Google Drive v3, as @googleapis/drive 22 (googleapis-common 8, gaxios 7) calls it; see
 * ../shared/reference/wire-apis.md §C. Served on `/drive/v3/…` and `/upload/drive/v3/…`.
 *
 * Emulated (My Drive of one local owner):
 * - files.create (metadata; uploadType=multipart|media), files.get (+alt=media), files.list (q subset of query.ts,
 *   pageSize/pageToken, orderBy name|name_natural|modifiedTime|createdTime|folder|quotaBytesUsed|starred),
 *   files.update (metadata PATCH with addParents/removeParents, trash/untrash; media via /upload), files.delete.
 * - permissions.create / list / get / delete, with inherited folder grants listed on the files inside.
 * - `fields` projection exactly as Google applies it (default File = kind,id,name,mimeType), int64 values as strings,
 *   md5/sha1/sha256 of the real bytes, `version` bumped on every change, webViewLink/webContentLink as Drive forms them.
 * - Google's error envelope with Drive's reasons (notFound, badRequest, invalid, authError, fieldNotWritable,
 *   cannotAddParent, rateLimitExceeded, backendError, …). An injected 403 fault may name its reason in `message`
 *   (e.g. "userRateLimitExceeded"); otherwise it is insufficientFilePermissions.
 * - Bytes live as real files under `<dir>/drive/<folder path>/<name>` (disk.ts); metadata in SQLite (store.ts).
 *
 * Known deviations: no shared drives (driveId → 404), no resumable uploads, no files.copy/export/generateIds,
 * revisions, comments or changes feed; no conversion to Google Docs formats; trashed items stay in place on disk;
 * a file must keep exactly one parent; "name contains" approximates Drive's word-prefix matching; the default
 * list order (no orderBy) is creation order; no check that a grantee address is a Google account.
 */
import type Database from 'better-sqlite3';
import { emptyDriveTree, readBytes } from './disk.ts';
import { parseFields, project, subSelection, validateSelection, type Selection } from './fields.ts';
import { GoogleApiError, googleAuthError, googleErrorResponse, invalidParameter } from './google-error.ts';
import { QueryParams } from './params.ts';
import { nameContains } from './query.ts';
import {
  DEFAULT_FILE_FIELDS,
  DEFAULT_FILE_LIST_FIELDS,
  DEFAULT_PERMISSION_FIELDS,
  DEFAULT_PERMISSION_LIST_FIELDS,
  FILE_LIST_SCHEMA,
  FILE_SCHEMA,
  hasBinaryContent,
  PERMISSION_LIST_SCHEMA,
  PERMISSION_SCHEMA,
} from './resources.ts';
import { FOLDER_MIME, migrateDrive, resetDrive } from './store.ts';
import { readUpload } from './upload-body.ts';
import { type DriveCtx, fileResources, requireFile } from './operations/common.ts';
import { createFile } from './operations/create-file.ts';
import { deleteFile } from './operations/delete-file.ts';
import { LIST_PARAMS, listFiles } from './operations/list-files.ts';
import {
  createPermission,
  deletePermission,
  getPermission,
  listPermissions,
  PERMISSION_CREATE_PARAMS,
  PERMISSION_READ_PARAMS,
  permissionJson,
} from './operations/permissions.ts';
import { updateFileMetadata } from './operations/update-file.ts';
import type { LocalRequest, LocalResponse, LocalService, ServiceContext } from '../types.ts';

const DRIVE_PREFIX = '/drive/v3/';
const UPLOAD_PREFIX = '/upload/drive/v3/';
const COMMON_PARAMS = ['supportsAllDrives', 'supportsTeamDrives', 'includeLabels', 'includePermissionsForView'];
const CREATE_PARAMS = [
  ...COMMON_PARAMS, 'enforceSingleParent', 'ignoreDefaultVisibility', 'keepRevisionForever', 'ocrLanguage',
  'useContentAsIndexableText',
];
const UPDATE_PARAMS = [...CREATE_PARAMS, 'addParents', 'removeParents'];
const GET_PARAMS = [...COMMON_PARAMS, 'acknowledgeAbuse'];
const DELETE_PARAMS = ['supportsAllDrives', 'supportsTeamDrives', 'enforceSingleParent'];

/** Canonical messages for reasons an injected fault may name (https://developers.google.com/drive/api/guides/handle-errors). */
const FAULT_REASONS: Record<string, string> = {
  userRateLimitExceeded: 'User rate limit exceeded.',
  rateLimitExceeded: 'Rate limit exceeded.',
  dailyLimitExceeded: 'Daily Limit Exceeded',
  sharingRateLimitExceeded: 'Rate limit exceeded. User message: "Sorry, you have exceeded your sharing quota."',
  storageQuotaExceeded: 'The user\'s Drive storage quota has been exceeded.',
  insufficientFilePermissions: 'The user does not have sufficient permissions for this file.',
  domainPolicy: 'The domain administrators have disabled Drive apps.',
  appNotAuthorizedToFile: 'The user has not granted the app access to the file.',
};

export function driveErrorResponse(status: number, message?: string): LocalResponse {
  switch (status) {
    case 401:
      return googleAuthError();
    case 403: {
      const reason = message !== undefined && FAULT_REASONS[message] !== undefined ? message : 'insufficientFilePermissions';
      const text = message !== undefined && FAULT_REASONS[message] === undefined ? message : (FAULT_REASONS[reason] as string);
      return googleErrorResponse(403, { reason, message: text, domain: reason.includes('Limit') ? 'usageLimits' : 'global' });
    }
    case 404:
      return googleErrorResponse(404, { reason: 'notFound', message: message ?? 'Not Found' });
    case 429:
      return googleErrorResponse(429, { reason: 'rateLimitExceeded', message: message ?? 'Rate Limit Exceeded', domain: 'usageLimits' });
    case 413:
      return googleErrorResponse(413, { reason: 'uploadTooLarge', message: message ?? 'The upload is too large.' });
    default:
      if (status >= 500) return googleErrorResponse(status, { reason: 'backendError', message: message ?? (status === 503 ? 'Service Unavailable' : 'Internal Error') });
      return googleErrorResponse(status, { reason: 'badRequest', message: message ?? 'Bad Request' });
  }
}

export function driveService(): LocalService {
  return {
    name: 'drive',
    matches: (path) => path.startsWith(DRIVE_PREFIX) || path.startsWith(UPLOAD_PREFIX),
    migrate: (db: Database.Database) => {
      migrateDrive(db, Date.now());
      db.function('drive_name_contains', { deterministic: true }, (name: unknown, value: unknown) =>
        nameContains(String(name), String(value)) ? 1 : 0,
      );
    },
    reset: (ctx) => {
      resetDrive(ctx.db, ctx.now());
      emptyDriveTree(ctx.dir);
    },
    errorResponse: driveErrorResponse,
    rateLimitKey: (req) => req.headers.authorization ?? 'anonymous',
    rateLimitedResponse: () => driveErrorResponse(429),
    handle: (req, ctx) => {
      try {
        return route(req, { db: ctx.db, dir: ctx.dir, now: ctx.now() }, ctx);
      } catch (error) {
        if (error instanceof GoogleApiError) return error.toResponse();
        throw error;
      }
    },
  };
}

function route(req: LocalRequest, drive: DriveCtx, ctx: ServiceContext): LocalResponse {
  const upload = req.path.startsWith(UPLOAD_PREFIX);
  const rest = req.path.slice(upload ? UPLOAD_PREFIX.length : DRIVE_PREFIX.length).split('/').map(decodeURIComponent);
  const [collection, fileId, sub, permissionId, extra] = rest;
  const method = req.method;
  const tx = <T>(fn: () => T): T => ctx.db.transaction(fn)();

  if (collection === 'files' && extra === undefined) {
    if (upload && sub === undefined) {
      if (method === 'POST' && fileId === undefined) {
        const params = new QueryParams(req.rawQuery, CREATE_PARAMS);
        const content = readUpload(req, params.get('uploadType'));
        const row = tx(() => createFile(drive, content.metadata ?? {}, content));
        return fileResponse(drive, row.id, params);
      }
      if ((method === 'PATCH' || method === 'PUT') && fileId !== undefined) {
        const params = new QueryParams(req.rawQuery, UPDATE_PARAMS);
        const content = readUpload(req, params.get('uploadType'));
        const row = tx(() =>
          updateFileMetadata(drive, fileId, content.metadata ?? {}, { add: params.list('addParents'), remove: params.list('removeParents') }, content),
        );
        return fileResponse(drive, row.id, params);
      }
    } else if (!upload && fileId === undefined) {
      if (method === 'GET') return listResponse(drive, new QueryParams(req.rawQuery, LIST_PARAMS));
      if (method === 'POST') {
        const params = new QueryParams(req.rawQuery, CREATE_PARAMS);
        const row = tx(() => createFile(drive, jsonBody(req)));
        return fileResponse(drive, row.id, params);
      }
    } else if (!upload && sub === undefined && fileId !== undefined) {
      if (method === 'GET') return getResponse(drive, fileId, new QueryParams(req.rawQuery, GET_PARAMS));
      if (method === 'PATCH') {
        const params = new QueryParams(req.rawQuery, UPDATE_PARAMS);
        const body = jsonBody(req);
        const row = tx(() => updateFileMetadata(drive, fileId, body, { add: params.list('addParents'), remove: params.list('removeParents') }));
        return fileResponse(drive, row.id, params);
      }
      if (method === 'DELETE') {
        new QueryParams(req.rawQuery, DELETE_PARAMS);
        tx(() => deleteFile(drive, fileId));
        return { status: 204 };
      }
    } else if (!upload && sub === 'permissions' && fileId !== undefined) {
      return permissionsRoute(req, drive, fileId, permissionId, tx);
    }
  }
  return googleErrorResponse(404, {
    reason: 'notFound',
    message: `${method} ${req.path} is not a Drive v3 method emulated by the local workspace.`,
  });
}

function permissionsRoute(
  req: LocalRequest,
  drive: DriveCtx,
  fileId: string,
  permissionId: string | undefined,
  tx: <T>(fn: () => T) => T,
): LocalResponse {
  if (permissionId === undefined && req.method === 'POST') {
    const params = new QueryParams(req.rawQuery, PERMISSION_CREATE_PARAMS);
    const body = jsonBody(req);
    const row = tx(() => createPermission(drive, fileId, body, params));
    return { status: 200, body: project(permissionJson(row), selection(params, DEFAULT_PERMISSION_FIELDS, PERMISSION_SCHEMA)) };
  }
  if (permissionId === undefined && req.method === 'GET') {
    const params = new QueryParams(req.rawQuery, PERMISSION_READ_PARAMS);
    const list = { kind: 'drive#permissionList', permissions: listPermissions(drive, fileId) };
    return { status: 200, body: project(list, selection(params, DEFAULT_PERMISSION_LIST_FIELDS, PERMISSION_LIST_SCHEMA)) };
  }
  if (permissionId !== undefined && req.method === 'GET') {
    const params = new QueryParams(req.rawQuery, PERMISSION_READ_PARAMS);
    return { status: 200, body: project(getPermission(drive, fileId, permissionId), selection(params, DEFAULT_PERMISSION_FIELDS, PERMISSION_SCHEMA)) };
  }
  if (permissionId !== undefined && req.method === 'DELETE') {
    new QueryParams(req.rawQuery, PERMISSION_READ_PARAMS);
    tx(() => deletePermission(drive, fileId, permissionId));
    return { status: 204 };
  }
  return googleErrorResponse(404, { reason: 'notFound', message: `${req.method} ${req.path} is not emulated by the local workspace.` });
}

function selection(params: QueryParams, fallback: string, schema: Parameters<typeof validateSelection>[1]): Selection {
  const fields = params.get('fields');
  const parsed = parseFields(fields === null || fields.trim() === '' ? fallback : fields);
  validateSelection(parsed, schema);
  return parsed;
}

function checkAlt(params: QueryParams, allowMedia: boolean): 'json' | 'media' {
  const alt = params.get('alt') ?? 'json';
  if (alt === 'json' || (alt === 'media' && allowMedia)) return alt;
  throw invalidParameter('alt', `Invalid value '${alt}' for alt.`);
}

function fileResponse(drive: DriveCtx, fileId: string, params: QueryParams): LocalResponse {
  checkAlt(params, false);
  const sel = selection(params, DEFAULT_FILE_FIELDS, FILE_SCHEMA);
  const [resource] = fileResources(drive, [requireFile(drive, fileId)], sel);
  return { status: 200, body: project(resource, sel) };
}

/** https://developers.google.com/drive/api/guides/manage-downloads: alt=media answers the raw bytes. */
function getResponse(drive: DriveCtx, fileId: string, params: QueryParams): LocalResponse {
  if (checkAlt(params, true) === 'json') return fileResponse(drive, fileId, params);
  const row = requireFile(drive, fileId);
  if (row.mime_type === FOLDER_MIME || !hasBinaryContent(row.mime_type) || row.disk_path === null) {
    throw new GoogleApiError(403, {
      reason: 'fileNotDownloadable',
      message: 'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
      location: 'alt',
      locationType: 'parameter',
    });
  }
  return { status: 200, headers: { 'content-type': row.mime_type }, body: readBytes(drive.dir, row.disk_path) };
}

function listResponse(drive: DriveCtx, params: QueryParams): LocalResponse {
  checkAlt(params, false);
  const sel = selection(params, DEFAULT_FILE_LIST_FIELDS, FILE_LIST_SCHEMA);
  const page = listFiles(drive, params);
  const filesSelection = subSelection(sel, 'files');
  const list: Record<string, unknown> = { kind: 'drive#fileList', incompleteSearch: false };
  if (page.nextPageToken !== undefined) list['nextPageToken'] = page.nextPageToken;
  list['files'] = filesSelection === undefined ? [] : fileResources(drive, page.rows, filesSelection);
  return { status: 200, body: project(list, sel) };
}

function jsonBody(req: LocalRequest): Record<string, unknown> {
  const text = req.body.toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new GoogleApiError(400, { reason: 'parseError', message: 'Parse Error' });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new GoogleApiError(400, { reason: 'badRequest', message: 'The request body must be a JSON object.' });
  }
  return value as Record<string, unknown>;
}


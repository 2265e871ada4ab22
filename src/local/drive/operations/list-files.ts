/**
 * files.list (`GET /drive/v3/files?q=&pageSize=&pageToken=&orderBy=&fields=`), My Drive only.
 * https://developers.google.com/drive/api/reference/rest/v3/files/list
 * Without `pageSize` a page holds 100 files (Drive's documented default); larger values are cut to 1000. Without a
 * `trashed` term the trash is included, as on Drive. `nextPageToken` is opaque and tied to the query it came from.
 */
import { createHash } from 'node:crypto';
import { GoogleApiError, invalidParameter } from '../google-error.ts';
import type { QueryParams } from '../params.ts';
import { compileQuery } from '../query.ts';
import { rootRow, type FileRow } from '../store.ts';
import type { DriveCtx } from './common.ts';

export const LIST_PARAMS = [
  'corpora', 'corpus', 'driveId', 'includeItemsFromAllDrives', 'includeLabels', 'includePermissionsForView',
  'includeTeamDriveItems', 'orderBy', 'pageSize', 'pageToken', 'q', 'spaces', 'supportsAllDrives',
  'supportsTeamDrives', 'teamDriveId',
];

const ORDER_KEYS: Record<string, string> = {
  name: 'f.name COLLATE NOCASE',
  name_natural: 'f.name COLLATE NOCASE',
  modifiedTime: 'f.modified_ms',
  modifiedByMeTime: 'f.modified_ms',
  createdTime: 'f.created_ms',
  quotaBytesUsed: 'COALESCE(f.size, 0)',
  starred: 'f.starred',
  // folders first
  folder: "(f.mime_type = 'application/vnd.google-apps.folder')",
};

export interface FilePage {
  rows: FileRow[];
  nextPageToken?: string;
}

export function listFiles(ctx: DriveCtx, params: QueryParams): FilePage {
  checkCorpus(params);
  const pageSize = params.int('pageSize', { min: 1, max: 1000, fallback: 100 });
  const q = params.get('q') ?? '';
  const orderBy = params.get('orderBy') ?? '';
  const where = q.trim() === '' ? { sql: '1', params: [] } : compileQuery(q, rootRow(ctx.db).id);
  const order = orderClause(orderBy);
  const queryKey = createHash('sha1').update(`${q}\n${orderBy}`).digest('hex').slice(0, 12);
  const offset = readPageToken(params.get('pageToken'), queryKey);

  const rows = ctx.db
    .prepare(`SELECT f.* FROM drive_files f WHERE f.is_root = 0 AND (${where.sql}) ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...where.params, pageSize + 1, offset) as FileRow[];
  const page: FilePage = { rows: rows.slice(0, pageSize) };
  if (rows.length > pageSize) page.nextPageToken = makePageToken(offset + pageSize, queryKey);
  return page;
}

function checkCorpus(params: QueryParams): void {
  const driveIdParam = params.get('driveId') ?? params.get('teamDriveId');
  if (driveIdParam !== null) {
    throw new GoogleApiError(404, {
      reason: 'notFound',
      message: `Shared drive not found: ${driveIdParam}`,
      location: 'driveId',
      locationType: 'parameter',
    });
  }
  const corpora = params.get('corpora');
  if (corpora !== null && !['user', 'allDrives', 'domain'].includes(corpora)) {
    throw invalidParameter('corpora', `Invalid value '${corpora}' for corpora: the local workspace has no shared drives.`);
  }
  for (const space of params.list('spaces')) {
    if (space !== 'drive') throw invalidParameter('spaces', `The space '${space}' is not emulated by the local workspace.`);
  }
}

/** `orderBy=folder,modifiedTime desc,name`; ties are broken by ID so pages never overlap. */
function orderClause(orderBy: string): string {
  const parts: string[] = [];
  for (const item of orderBy.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [key = '', direction, extra] = item.split(/\s+/);
    const column = ORDER_KEYS[key];
    if (column === undefined || extra !== undefined || (direction !== undefined && direction.toLowerCase() !== 'desc')) {
      throw invalidParameter('orderBy', `Invalid Value: orderBy '${item}' is not supported.`);
    }
    const descending = direction !== undefined;
    // folder sorts folders first when ascending
    const dir = key === 'folder' ? (descending ? 'ASC' : 'DESC') : descending ? 'DESC' : 'ASC';
    parts.push(`${column} ${dir}`);
  }
  if (parts.length === 0) parts.push('f.created_ms ASC');
  parts.push('f.id ASC');
  return parts.join(', ');
}

function makePageToken(offset: number, queryKey: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: queryKey })).toString('base64url');
}

function readPageToken(token: string | null, queryKey: string): number {
  if (token === null || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; k?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.k === queryKey) return parsed.o;
  } catch {
    // fall through to Drive's answer for a token it did not issue
  }
  throw invalidParameter('pageToken');
}

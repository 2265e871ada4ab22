/**
 * Cloud Storage JSON API, the few object calls the state store makes (https://cloud.google.com/storage/docs/json_api/v1/objects),
 * with generation preconditions as Cloud Storage applies them (https://cloud.google.com/storage/docs/request-preconditions):
 * - objects.insert, simple upload: `POST /upload/storage/v1/b/{bucket}/o?uploadType=media&name=…[&ifGenerationMatch=g]`
 *   → the object resource; `ifGenerationMatch=0` requires that no live object exists; a failed precondition is
 *   412 conditionNotMet.
 * - objects.get: `GET /storage/v1/b/{bucket}/o/{object}[?generation=g]` → the resource; `alt=media` → the bytes.
 * - objects.delete: `DELETE …/o/{object}[?ifGenerationMatch=g]` → 204; 404 / 412.
 * - objects.list: `GET /storage/v1/b/{bucket}/o?prefix=&pageToken=&maxResults=` → `{kind, items, nextPageToken}`.
 * Every bucket exists (buckets are created outside the app). Generations grow strictly, as Cloud Storage's do.
 *
 * Known deviations: no metageneration preconditions, no resumable or multipart uploads, no versioned (non-current)
 * objects, no `fields` projection (the full resource is always answered), no IAM.
 */
import type Database from 'better-sqlite3';
import { googleAuthError, googleErrorResponse } from '../drive/google-error.ts';
import type { LocalRequest, LocalResponse, LocalService, ServiceContext } from '../types.ts';

const API = '/storage/v1/b/';
const UPLOAD = '/upload/storage/v1/b/';

interface ObjectRow {
  bucket: string;
  name: string;
  generation: number;
  content_type: string;
  data: Buffer;
  updated: string;
}

function storageError(code: number, reason: string, message: string): LocalResponse {
  return googleErrorResponse(code, { reason, message });
}

const conditionNotMet = () => storageError(412, 'conditionNotMet', 'At least one of the pre-conditions you specified did not hold.');
const notFound = (name: string) => storageError(404, 'notFound', `No such object: ${name}`);

function resource(row: ObjectRow): Record<string, unknown> {
  return {
    kind: 'storage#object',
    id: `${row.bucket}/${row.name}/${row.generation}`,
    name: row.name,
    bucket: row.bucket,
    generation: String(row.generation),
    metageneration: '1',
    contentType: row.content_type,
    size: String(row.data.length),
    updated: row.updated,
  };
}

export function storageService(): LocalService {
  return {
    name: 'storage',
    matches: (path) => path.startsWith(API) || path.startsWith(UPLOAD),
    migrate(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS storage_objects (
        bucket TEXT NOT NULL, name TEXT NOT NULL, generation INTEGER NOT NULL, content_type TEXT NOT NULL,
        data BLOB NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (bucket, name)
      )`);
    },
    reset(ctx) {
      ctx.db.exec('DELETE FROM storage_objects');
    },
    errorResponse(status, message) {
      if (status === 401) return googleAuthError();
      if (status === 429) return storageError(429, 'rateLimitExceeded', message ?? 'The rate of change requests to the object is too high.');
      return storageError(status, status >= 500 ? 'backendError' : 'invalid', message ?? (status >= 500 ? 'Backend Error' : 'Invalid request'));
    },
    rateLimitKey: () => undefined,
    rateLimitedResponse: (retryAfterMs) => ({
      ...storageError(429, 'rateLimitExceeded', 'The rate of change requests to the object is too high.'),
      headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
    }),
    handle: (req, ctx) => handle(req, ctx),
  };
}

function handle(req: LocalRequest, ctx: ServiceContext): LocalResponse {
  const query = new URLSearchParams(req.rawQuery);
  const upload = req.path.startsWith(UPLOAD);
  const rest = req.path.slice(upload ? UPLOAD.length : API.length);
  const match = /^([^/]+)\/o(?:\/(.+))?$/.exec(rest);
  if (!match) return storageError(404, 'notFound', `Not Found: ${req.path}`);
  const bucket = decodeURIComponent(match[1]!);
  const objectName = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  const db = ctx.db;
  const find = (name: string) =>
    db.prepare<[string, string], ObjectRow>('SELECT * FROM storage_objects WHERE bucket = ? AND name = ?').get(bucket, name);
  const precondition = query.get('ifGenerationMatch');

  if (upload && req.method === 'POST' && objectName === undefined) {
    if (query.get('uploadType') !== 'media') return storageError(400, 'invalid', 'Only uploadType=media is emulated.');
    const name = query.get('name');
    if (!name) return storageError(400, 'required', 'Required parameter: name');
    return db.transaction((): LocalResponse => {
      const current = find(name);
      if (precondition !== null) {
        const expected = Number(precondition);
        if (expected === 0 ? current !== undefined : current?.generation !== expected) return conditionNotMet();
      }
      const row: ObjectRow = {
        bucket,
        name,
        generation: nextGeneration(db, ctx),
        content_type: String(req.headers['content-type'] ?? 'application/octet-stream'),
        data: req.body,
        updated: new Date(ctx.now()).toISOString(),
      };
      db.prepare(
        'INSERT INTO storage_objects (bucket, name, generation, content_type, data, updated) VALUES (@bucket, @name, @generation, @content_type, @data, @updated) ' +
          'ON CONFLICT (bucket, name) DO UPDATE SET generation = excluded.generation, content_type = excluded.content_type, data = excluded.data, updated = excluded.updated',
      ).run(row);
      return { status: 200, body: resource(row) };
    })();
  }
  if (upload) return storageError(405, 'invalid', `${req.method} is not emulated on uploads`);

  if (objectName === undefined) {
    if (req.method !== 'GET') return storageError(405, 'invalid', `${req.method} on a bucket's objects is not emulated`);
    const prefix = query.get('prefix') ?? '';
    const max = Math.min(Number(query.get('maxResults') ?? 1000) || 1000, 1000);
    const after = query.get('pageToken') ?? '';
    const rows = db
      .prepare<[string, string, string, string, number], ObjectRow>(
        'SELECT * FROM storage_objects WHERE bucket = ? AND substr(name, 1, length(?)) = ? AND name > ? ORDER BY name LIMIT ?',
      )
      .all(bucket, prefix, prefix, after, max + 1);
    const page = rows.slice(0, max);
    return {
      status: 200,
      body: { kind: 'storage#objects', items: page.map(resource), ...(rows.length > max ? { nextPageToken: page[page.length - 1]!.name } : {}) },
    };
  }

  const current = find(objectName);
  if (req.method === 'GET') {
    const generation = query.get('generation');
    if (!current || (generation !== null && String(current.generation) !== generation)) return notFound(objectName);
    if (query.get('alt') === 'media') {
      return { status: 200, headers: { 'content-type': current.content_type, 'x-goog-generation': String(current.generation) }, body: current.data };
    }
    return { status: 200, body: resource(current) };
  }
  if (req.method === 'DELETE') {
    if (!current) return notFound(objectName);
    if (precondition !== null && String(current.generation) !== precondition) return conditionNotMet();
    db.prepare('DELETE FROM storage_objects WHERE bucket = ? AND name = ?').run(bucket, objectName);
    return { status: 204 };
  }
  return storageError(405, 'invalid', `${req.method} on an object is not emulated`);
}

/** Cloud Storage generations are microsecond timestamps; strictly growing here even within one microsecond. */
function nextGeneration(db: Database.Database, ctx: ServiceContext): number {
  const last = db.prepare<[], { g: number | null }>('SELECT max(generation) AS g FROM storage_objects').get()?.g ?? 0;
  return Math.max(ctx.now() * 1000, last + 1);
}

/**
 * The state store on Cloud Storage, over its JSON API through fetch and google-auth-library (already a dependency;
 * @google-cloud/storage would add its whole client for five calls). One object per key under `prefix`; an
 * object's generation is the document's version, and every write carries a generation precondition
 * (https://cloud.google.com/storage/docs/request-preconditions): `ifGenerationMatch=0` creates only,
 * `ifGenerationMatch=<g>` replaces only that generation; Cloud Storage answers 412 when it does not hold. Those are
 * atomic per object, which is all leases and cursors need.
 *
 * Retries follow Cloud Storage's strategy (https://cloud.google.com/storage/docs/retry-strategy): 408, 429, 5xx
 * and dropped connections, with exponential backoff; conditional writes are idempotent, so they are retried too.
 * A conditional write whose answer was lost and whose retry then meets 412 is checked by reading the object back:
 * when it holds exactly what we wrote, our write is the one that landed.
 */
import { isDeepStrictEqual } from 'node:util';
import { GoogleAuth } from 'google-auth-library';
import type { RequestCounter } from '../../lib/request-counter.ts';
import { DEFAULT_RETRY, isNetworkError, withRetries, type RetryPolicy } from '../../lib/retry.ts';
import { checkStateKey, type PutResult, type StateStore, type StoredDocument, type WriteCondition } from '../../ports/state-store.ts';

const SCOPE = 'https://www.googleapis.com/auth/devstorage.read_write';

export interface GcsStateStoreOptions {
  bucket: string;
  /** Object-name prefix, e.g. `sourcing-state/`. */
  prefix: string;
  /** https://storage.googleapis.com, or the local workspace. */
  apiUrl?: string;
  counter?: RequestCounter;
  /** A fixed bearer token (the local workspace's); by default Application Default Credentials. */
  bearerToken?: string;
  retry?: RetryPolicy;
  timeoutMs?: number;
}

export class GcsError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GcsError';
  }
}

interface ObjectResource {
  name: string;
  generation: string;
}

export function createGcsStateStore(options: GcsStateStoreOptions): StateStore {
  const api = (options.apiUrl ?? 'https://storage.googleapis.com').replace(/\/+$/, '');
  const bucket = encodeURIComponent(options.bucket);
  let auth: GoogleAuth | undefined;

  async function headers(extra: Record<string, string> = {}): Promise<Headers> {
    const h = new Headers(extra);
    if (options.bearerToken !== undefined) h.set('authorization', `Bearer ${options.bearerToken}`);
    else {
      auth ??= new GoogleAuth({ scopes: [SCOPE] });
      for (const [k, v] of await auth.getRequestHeaders()) h.set(k, v);
    }
    return h;
  }

  /** One request, retried on what Cloud Storage calls transient; answers the response for 2xx, 404 and 412. */
  async function request(operation: string, method: string, url: string, body?: string, retried?: () => void): Promise<Response> {
    return withRetries(
      async () => {
        options.counter?.add('storage', operation);
        const response = await fetch(url, {
          method,
          headers: await headers(body === undefined ? {} : { 'content-type': 'application/json' }),
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
        if (response.ok || response.status === 404 || response.status === 412) return response;
        const text = await response.text();
        throw new GcsError(`Cloud Storage ${operation} failed: HTTP ${response.status} ${googleMessage(text)}`, response.status);
      },
      {
        policy: options.retry ?? DEFAULT_RETRY,
        retryable: (e) => isNetworkError(e) || (e instanceof GcsError && (e.status === 408 || e.status === 429 || e.status >= 500)),
        onRetry: () => {
          options.counter?.add('storage', 'retry');
          retried?.();
        },
      },
    );
  }

  const objectUrl = (key: string) => `${api}/storage/v1/b/${bucket}/o/${encodeURIComponent(options.prefix + key)}`;

  async function read<T>(key: string): Promise<StoredDocument<T> | undefined> {
    // https://cloud.google.com/storage/docs/json_api/v1/objects/get: metadata for the generation, then that
    // generation's bytes, so value and version always belong together.
    const meta = await request('get', 'GET', objectUrl(key));
    if (meta.status === 404) return undefined;
    const { generation } = (await meta.json()) as ObjectResource;
    const media = await request('download', 'GET', `${objectUrl(key)}?alt=media&generation=${encodeURIComponent(generation)}`);
    if (media.status === 404) return read(key); // replaced between the two calls: read the new one
    return { key, value: JSON.parse(await media.text()) as T, version: String(generation) };
  }

  return {
    async get<T>(key: string) {
      checkStateKey(key);
      return read<T>(key);
    },

    async put<T>(key: string, value: T, condition?: WriteCondition): Promise<PutResult> {
      checkStateKey(key);
      const json = JSON.stringify(value);
      if (json === undefined) throw new Error(`state "${key}": the value is not JSON`);
      // https://cloud.google.com/storage/docs/json_api/v1/objects/insert (simple upload)
      const query = new URLSearchParams({ uploadType: 'media', name: options.prefix + key });
      if (condition) query.set('ifGenerationMatch', 'mustNotExist' in condition ? '0' : condition.version);
      let retried = false;
      const response = await request('insert', 'POST', `${api}/upload/storage/v1/b/${bucket}/o?${query}`, json, () => {
        retried = true;
      });
      if (response.status === 412) {
        if (!retried) return { ok: false, reason: 'conflict' };
        // Our own earlier attempt may have landed with its answer lost: then the object holds exactly our value.
        const current = await read(key);
        if (current && isDeepStrictEqual(current.value, JSON.parse(json))) return { ok: true, version: current.version };
        return { ok: false, reason: 'conflict' };
      }
      if (response.status === 404) throw new GcsError(`Cloud Storage bucket "${options.bucket}" was not found`, 404);
      const object = (await response.json()) as ObjectResource;
      return { ok: true, version: String(object.generation) };
    },

    async delete(key, condition) {
      checkStateKey(key);
      // https://cloud.google.com/storage/docs/json_api/v1/objects/delete
      const url = condition ? `${objectUrl(key)}?ifGenerationMatch=${encodeURIComponent(condition.version)}` : objectUrl(key);
      const response = await request('delete', 'DELETE', url);
      return response.ok;
    },

    async list<T>(prefix: string) {
      // https://cloud.google.com/storage/docs/json_api/v1/objects/list (names and generations, paged)
      const names: string[] = [];
      let pageToken: string | undefined;
      do {
        const query = new URLSearchParams({ prefix: options.prefix + prefix, fields: 'items(name,generation),nextPageToken' });
        if (pageToken) query.set('pageToken', pageToken);
        const response = await request('list', 'GET', `${api}/storage/v1/b/${bucket}/o?${query}`);
        if (response.status === 404) throw new GcsError(`Cloud Storage bucket "${options.bucket}" was not found`, 404);
        const page = (await response.json()) as { items?: ObjectResource[]; nextPageToken?: string };
        names.push(...(page.items ?? []).map((i) => i.name));
        pageToken = page.nextPageToken;
      } while (pageToken);
      const docs: StoredDocument<T>[] = [];
      for (const name of names.sort()) {
        const doc = await read<T>(name.slice(options.prefix.length));
        if (doc) docs.push(doc);
      }
      return docs;
    },

    async close() {},
  };
}

/** The `error.message` of a Google error body (https://cloud.google.com/storage/docs/json_api/v1/status-codes). */
function googleMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON
  }
  return text.slice(0, 200);
}

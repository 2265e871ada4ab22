/**
 * The deployment's durable state: small JSON documents by key, with atomic conditional writes. Leases (one run
 * per base and job kind, src/lib/leases.ts) are documents; so are the webhook helper's cursors, MAC secrets,
 * processed event IDs and base snapshot. Implemented by src/adapters/state: SQLite in the local workspace's data
 * dir (`<WORKSPACE_DIR>/state.db`, shared by every process on the machine) and Cloud Storage objects with
 * generation preconditions in the cloud.
 *
 * Versions are opaque strings (a GCS generation, a SQLite counter): compare them for equality only.
 */
export interface StoredDocument<T = unknown> {
  key: string;
  value: T;
  version: string;
}

/**
 * When a write may happen: `{ mustNotExist: true }` creates only; `{ version }` replaces only that version;
 * none writes whatever is there (last writer wins: use it only for state nobody else writes).
 */
export type WriteCondition = { mustNotExist: true } | { version: string };

export type PutResult =
  | { ok: true; version: string }
  /** The condition did not hold: someone else wrote (or deleted) the key first. Read it again and decide. */
  | { ok: false; reason: 'conflict' };

export interface StateStore {
  /** The document at `key`, or undefined when there is none. */
  get<T = unknown>(key: string): Promise<StoredDocument<T> | undefined>;
  /** Writes `value` (JSON-serialisable) at `key` if `condition` holds, atomically. */
  put<T = unknown>(key: string, value: T, condition?: WriteCondition): Promise<PutResult>;
  /** Deletes `key` (only that version, when given). Answers false when it was not there or the version moved on. */
  delete(key: string, condition?: { version: string }): Promise<boolean>;
  /** Every document whose key starts with `prefix`, in key order (for small sets: cursors, leases, event IDs). */
  list<T = unknown>(prefix: string): Promise<StoredDocument<T>[]>;
  /** Releases files/connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** Keys are path-like (`lease/app123/plan`, `webhook/app123/cursor`): letters, digits and `-_.:/@`, at most 512. */
export const STATE_KEY = /^[A-Za-z0-9._:@-][A-Za-z0-9._:@/-]{0,511}$/;

export function checkStateKey(key: string): void {
  if (!STATE_KEY.test(key) || key.includes('//') || key.includes('..')) throw new Error(`invalid state key "${key}"`);
}

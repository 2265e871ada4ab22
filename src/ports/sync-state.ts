/**
 * Where the event-driven sync keeps what must outlive one run (issue 13): the Airtable webhook (ID, MAC secret,
 * payload cursor), the Notion verification token, processed Notion event IDs, the changes waiting for the next run
 * and the base snapshot. Locally a SQLite file in the workspace data dir (src/adapters/state); in the cloud the
 * deployment's managed store. Kept to the few operations the sync needs so that it maps onto the shared state-store
 * port (issue 14a) one to one.
 */
export interface SyncStatePort {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Replaces the value with `change(current)` atomically (no lost update when two runs or webhooks race). */
  update<T>(key: string, change: (current: T | undefined) => T): Promise<T>;
  /** Stores `key` if it is not there yet: true the first time only (event deduplication). */
  claim(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** The state keys, in one place. */
export const STATE_KEYS = {
  airtableWebhook: (baseId: string) => `airtable-webhook/${baseId}`,
  notionToken: 'notion-webhook/verification-token',
  notionEvent: (eventId: string) => `notion-event/${eventId}`,
  /** One deployment serves one base, so the changes waiting for a run are kept per deployment. */
  pending: 'pending-changes',
  snapshot: (baseId: string) => `base-snapshot/${baseId}`,
} as const;

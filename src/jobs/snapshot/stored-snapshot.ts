/**
 * The base snapshot kept between runs when the Airtable webhook is in place: the tables the sync read, and the
 * webhook cursor they are current up to. A run lists the payloads since that cursor and reads back only the records
 * they name (and the records linked to them, whose rollups and lookups may have moved); the rest comes from the
 * snapshot. A full read happens on the first run, when the webhook is missing, was replaced or is gone, and after a
 * schema change; the run's report says which (`reason`).
 */
import type { AirtableRecord, AirtableRecordsPort } from '../../ports/airtable.ts';
import { STATE_KEYS, type SyncStatePort } from '../../ports/sync-state.ts';
import { WebhookGoneError, type AirtableWebhooksPort, type WebhookPayload } from '../../ports/webhooks.ts';
import type { StoredAirtableWebhook } from '../webhooks/receive-webhook.ts';
import { CachedRecords } from './cached-records.ts';

interface SnapshotMeta {
  webhookId: string;
  cursor: number;
  /** Table ID → name, as payloads name tables by ID. */
  tableNames: Record<string, string>;
  tables: string[];
}

export interface OpenedSnapshot {
  records: CachedRecords;
  read: 'incremental' | 'full';
  /** Why the run read everything (full) — for the report. */
  reason?: string;
  /** Records named by the payloads (incremental). */
  changedRecords: number;
  /** False when the payloads named nothing: the Airtable side has not changed since the snapshot. */
  airtableChanged: boolean;
  /** Stores the tables now held, current up to the cursor read at the start. */
  commit(): Promise<void>;
}

export interface SnapshotDeps {
  records: AirtableRecordsPort;
  webhooks: AirtableWebhooksPort;
  state: SyncStatePort;
  /** Table ID → name (the base schema; one meta request, only on a full read). */
  tableNames(): Promise<Record<string, string>>;
}

/** Table names have spaces, which state keys do not allow. */
const tableKey = (baseId: string, table: string) => `${STATE_KEYS.snapshot(baseId)}/${Buffer.from(table).toString('base64url')}`;

export async function openSnapshot(deps: SnapshotDeps): Promise<OpenedSnapshot> {
  const baseId = deps.records.baseId;
  const hook = await deps.state.get<StoredAirtableWebhook>(STATE_KEYS.airtableWebhook(baseId));
  if (!hook) return full(deps, undefined, 'no Airtable webhook is set up, so every run reads the whole base');
  const meta = await deps.state.get<SnapshotMeta>(STATE_KEYS.snapshot(baseId));
  if (!meta) return full(deps, hook, 'first run with the Airtable webhook: no stored snapshot yet');
  if (meta.webhookId !== hook.id) return full(deps, hook, 'the Airtable webhook was replaced (lost or expired): changes made in between are unknown');

  let cursor = meta.cursor;
  const payloads: WebhookPayload[] = [];
  try {
    for (;;) {
      // https://airtable.com/developers/web/api/list-webhook-payloads
      const page = await deps.webhooks.payloads(baseId, hook.id, cursor);
      payloads.push(...page.payloads);
      cursor = page.cursor;
      if (!page.mightHaveMore) break;
    }
  } catch (error) {
    if (!(error instanceof WebhookGoneError)) throw error;
    await deps.state.delete(STATE_KEYS.airtableWebhook(baseId));
    return full(deps, undefined, 'the Airtable webhook is gone (deleted or expired); it is created again on the next keep-alive');
  }
  if (payloads.some(schemaChanged)) return full(deps, { ...hook, cursor }, 'the base schema changed (fields or tables added, removed or renamed)');

  // One stored table at a time: each is compacted before the next is parsed.
  const records = new CachedRecords(deps.records);
  for (const table of meta.tables) records.hold(table, (await deps.state.get<AirtableRecord[]>(tableKey(baseId, table))) ?? []);
  const changed = new Map<string, Set<string>>();
  const destroyed = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, table: string, id: string) => map.set(table, (map.get(table) ?? new Set()).add(id));
  for (const payload of payloads) {
    for (const [tableId, changes] of Object.entries(payload.changedTablesById ?? {})) {
      const name = meta.tableNames[tableId];
      if (!name) continue;
      for (const id of [...Object.keys(changes.createdRecordsById ?? {}), ...Object.keys(changes.changedRecordsById ?? {})]) add(changed, name, id);
      for (const id of changes.destroyedRecordIds ?? []) add(destroyed, name, id);
    }
  }
  // Records linked to one that really changed, before and after: their counts, rollups and lookups follow it.
  const before = new Map<string, AirtableRecord>();
  for (const [table, ids] of changed) if (records.has(table)) for (const r of await records.list(table, { recordIds: [...ids] })) before.set(r.id, r);
  for (const [table, ids] of destroyed) if (records.has(table)) for (const r of await records.list(table, { recordIds: [...ids] })) before.set(r.id, r);
  const differ = new Set<string>();
  // Tables the snapshot does not hold are skipped: whoever lists one first reads it in full.
  for (const [table, ids] of changed) for (const id of await records.refresh(table, [...ids], [...(destroyed.get(table) ?? [])])) differ.add(id);
  for (const [table, ids] of destroyed) if (!changed.has(table)) for (const id of await records.refresh(table, [], [...ids])) differ.add(id);
  const linked = new Set<string>();
  for (const id of differ) {
    for (const link of before.get(id) ? linksOf(before.get(id)!) : []) linked.add(link);
    const table = records.tableOf(id);
    const now = table ? (await records.list(table, { recordIds: [id] }))[0] : undefined;
    for (const link of now ? linksOf(now) : []) linked.add(link);
  }
  const neighbours = new Map<string, string[]>();
  for (const id of linked) {
    const table = records.tableOf(id);
    if (table && !differ.has(id)) neighbours.set(table, [...(neighbours.get(table) ?? []), id]);
  }
  for (const [table, ids] of neighbours) await records.refresh(table, ids, []);

  return {
    records,
    read: 'incremental',
    changedRecords: differ.size,
    airtableChanged: differ.size > 0,
    commit: () => save(deps, records, { webhookId: hook.id, cursor, tableNames: meta.tableNames }),
  };
}

async function full(deps: SnapshotDeps, hook: StoredAirtableWebhook | undefined, reason: string): Promise<OpenedSnapshot> {
  const records = new CachedRecords(deps.records);
  let commit = async () => {};
  if (hook) {
    // Changes up to now are in the full read; later ones come as payloads from this cursor on.
    const listed = (await deps.webhooks.list(deps.records.baseId)).find((h) => h.id === hook.id);
    const cursor = listed?.cursorForNextPayload ?? hook.cursor;
    const tableNames = await deps.tableNames();
    commit = () => save(deps, records, { webhookId: hook.id, cursor, tableNames });
  }
  return { records, read: 'full', reason, changedRecords: 0, airtableChanged: true, commit };
}

async function save(deps: SnapshotDeps, records: CachedRecords, meta: Omit<SnapshotMeta, 'tables'>): Promise<void> {
  const baseId = deps.records.baseId;
  const tables = records.heldTables();
  for (const table of tables) if (records.changedTables.has(table)) await deps.state.set(tableKey(baseId, table), records.rowsOf(table));
  await deps.state.set(STATE_KEYS.snapshot(baseId), { ...meta, tables } satisfies SnapshotMeta);
}

function schemaChanged(payload: WebhookPayload): boolean {
  if (payload.error || (payload.destroyedTableIds?.length ?? 0) > 0 || Object.keys(payload.createdTablesById ?? {}).length > 0) return true;
  return Object.values(payload.changedTablesById ?? {}).some(
    (t) =>
      Object.keys(t.createdFieldsById ?? {}).length > 0 ||
      (t.destroyedFieldIds?.length ?? 0) > 0 ||
      Object.values(t.changedFieldsById ?? {}).some((f) => f?.current?.name !== undefined || f?.current?.type !== undefined),
  );
}

function linksOf(record: AirtableRecord): string[] {
  const out: string[] = [];
  for (const value of Object.values(record.fields)) {
    if (Array.isArray(value)) for (const item of value) if (typeof item === 'string' && /^rec[A-Za-z0-9]{14}$/.test(item)) out.push(item);
  }
  return out;
}

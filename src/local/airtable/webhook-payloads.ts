/**
 * Turns the change log of one request (one Airtable transaction) into one payload per webhook of the base whose
 * specification it matches (https://airtable.com/developers/web/api/model/webhooks-payload): changedTablesById with
 * createdRecordsById / changedRecordsById / destroyedRecordIds for `tableData`, createdFieldsById /
 * changedFieldsById / destroyedFieldIds for `tableFields`, createdTablesById for `tableMetadata`. Cell values are in
 * the webhooks' V2 format (selects as `{id, name, color}`, links as `{id, name}`).
 */
import type Database from 'better-sqlite3';
import { apiCells } from './computed.ts';
import { choicesOf } from './field-values.ts';
import { getRecord, type Cells } from './record-store.ts';
import { loadTables, type FieldDef, type TableDef } from './store.ts';
import { appendPayload, nextTransactionNumber, takeChanges, webhooksOf, type ChangeRow, type WebhookRow } from './webhook-store.ts';

interface RecordChange {
  tableId: string;
  created: boolean;
  destroyed: boolean;
  before: Cells | undefined;
  after: Cells | undefined;
}

/** Who made the change, as payloads report a change made through the API with a token. */
const ACTION_METADATA = {
  source: 'publicApi',
  sourceMetadata: { user: { id: 'usrLocalWorkspace', email: 'agent@local.workspace', permissionLevel: 'create', name: 'Local workspace' } },
};

/** Writes the payloads of the request's changes; answers the webhooks that got one (to ping). */
export function flushWebhookPayloads(db: Database.Database, nowMs: number): WebhookRow[] {
  const changes = takeChanges(db);
  if (changes.length === 0) return [];
  const byBase = new Map<string, ChangeRow[]>();
  for (const change of changes) byBase.set(change.baseId, [...(byBase.get(change.baseId) ?? []), change]);
  const notified: WebhookRow[] = [];
  for (const [baseId, rows] of byBase) {
    const hooks = webhooksOf(db, baseId).filter((h) => h.expiresAt > nowMs);
    if (hooks.length === 0) continue;
    const tables = loadTables(db, baseId);
    const transaction = nextTransactionNumber(db, baseId);
    const records = mergeRecordChanges(rows);
    for (const hook of hooks) {
      const changed = changedTables(hook, tables, records, rows, db);
      if (!changed) continue;
      appendPayload(db, hook.id, {
        timestamp: new Date(nowMs).toISOString(),
        baseTransactionNumber: transaction,
        actionMetadata: ACTION_METADATA,
        payloadFormat: 'v0',
        ...changed,
      }, nowMs);
      notified.push(hook);
    }
  }
  return notified;
}

/** One entry per record: a record created then linked in the same request is one creation with its final cells. */
function mergeRecordChanges(rows: ChangeRow[]): Map<string, RecordChange> {
  const out = new Map<string, RecordChange>();
  for (const row of rows) {
    if (!row.kind.startsWith('record-')) continue;
    const cells = (text: string | null) => (text === null ? undefined : (JSON.parse(text) as Cells));
    const seen = out.get(row.itemId);
    if (!seen) {
      out.set(row.itemId, {
        tableId: row.tableId,
        created: row.kind === 'record-create',
        destroyed: row.kind === 'record-delete',
        before: cells(row.oldValue),
        after: cells(row.newValue),
      });
      continue;
    }
    if (row.kind === 'record-delete') {
      seen.destroyed = true;
      seen.after = undefined;
    } else seen.after = cells(row.newValue);
  }
  return out;
}

type TableChanges = Record<string, unknown>;

function changedTables(hook: WebhookRow, tables: TableDef[], records: Map<string, RecordChange>, rows: ChangeRow[], db: Database.Database): Record<string, unknown> | undefined {
  const { filters, includes } = hook.specification.options;
  const types = new Set(filters.dataTypes);
  const changeTypes = new Set(filters.changeTypes ?? ['add', 'remove', 'update']);
  const scope = filters.recordChangeScope;
  const watched = filters.watchDataInFieldIds ? new Set(filters.watchDataInFieldIds) : undefined;
  const byTable: Record<string, TableChanges> = {};
  const entry = (tableId: string): TableChanges => (byTable[tableId] ??= {});
  const tableOf = (id: string) => tables.find((t) => t.id === id);

  if (types.has('tableData')) {
    for (const [recordId, change] of records) {
      const table = tableOf(change.tableId);
      if (!table || (scope && scope !== table.id)) continue;
      if (change.created && change.destroyed) continue;
      if (change.destroyed) {
        if (!changeTypes.has('remove')) continue;
        ((entry(table.id)['destroyedRecordIds'] ??= []) as string[]).push(recordId);
      } else if (change.created) {
        if (!changeTypes.has('add')) continue;
        const created = (entry(table.id)['createdRecordsById'] ??= {}) as Record<string, unknown>;
        const row = getRecord(db, table.id, recordId);
        created[recordId] = { createdTime: row?.createdTime, cellValuesByFieldId: v2Cells(db, tables, table, recordId, change.after ?? {}, undefined) };
      } else {
        if (!changeTypes.has('update')) continue;
        const fieldIds = diffFieldIds(change.before ?? {}, change.after ?? {});
        if (watched && !fieldIds.some((id) => watched.has(id))) continue;
        if (fieldIds.length === 0) continue;
        const only = new Set(fieldIds);
        const changed: Record<string, unknown> = { current: { cellValuesByFieldId: v2Cells(db, tables, table, recordId, change.after ?? {}, only) } };
        if (includes?.includePreviousCellValues) changed['previous'] = { cellValuesByFieldId: v2Cells(db, tables, table, recordId, change.before ?? {}, only) };
        const wanted = includes?.includeCellValuesInFieldIds;
        if (wanted) {
          const keep = new Set(wanted === 'all' ? table.fields.map((f) => f.id) : wanted);
          for (const id of fieldIds) keep.delete(id);
          changed['unchanged'] = { cellValuesByFieldId: v2Cells(db, tables, table, recordId, change.after ?? {}, keep) };
        }
        ((entry(table.id)['changedRecordsById'] ??= {}) as Record<string, unknown>)[recordId] = changed;
      }
    }
  }
  const createdTablesById: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.kind === 'table-create' && types.has('tableMetadata')) {
      createdTablesById[row.tableId] = { metadata: JSON.parse(row.newValue ?? '{}') as unknown, fieldsById: {}, recordsById: {} };
      continue;
    }
    if (!row.kind.startsWith('field-') || !types.has('tableFields')) continue;
    if (filters.watchSchemasOfFieldIds && !filters.watchSchemasOfFieldIds.includes(row.itemId)) continue;
    if (createdTablesById[row.tableId]) continue;
    const table = entry(row.tableId);
    if (row.kind === 'field-create') ((table['createdFieldsById'] ??= {}) as Record<string, unknown>)[row.itemId] = JSON.parse(row.newValue ?? '{}') as unknown;
    else if (row.kind === 'field-delete') ((table['destroyedFieldIds'] ??= []) as string[]).push(row.itemId);
    else {
      // Only what changed of the field's name and type (an options-only change, such as a new choice, leaves both out).
      const before = JSON.parse(row.oldValue ?? '{}') as Record<string, unknown>;
      const after = JSON.parse(row.newValue ?? '{}') as Record<string, unknown>;
      const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
      const changed: Record<string, unknown> = { current: Object.fromEntries(keys.map((k) => [k, after[k]])) };
      if (includes?.includePreviousFieldDefinitions) changed['previous'] = Object.fromEntries(keys.map((k) => [k, before[k]]));
      ((table['changedFieldsById'] ??= {}) as Record<string, unknown>)[row.itemId] = changed;
    }
  }
  const hasTables = Object.keys(byTable).length > 0;
  const hasCreated = Object.keys(createdTablesById).length > 0;
  if (!hasTables && !hasCreated) return undefined;
  return { changedTablesById: byTable, ...(hasCreated ? { createdTablesById } : {}) };
}

function diffFieldIds(before: Cells, after: Cells): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
}

/** The V2 cell values of the given stored cells, only for `only` field IDs when given (empty cells as null). */
function v2Cells(db: Database.Database, tables: TableDef[], table: TableDef, recordId: string, cells: Cells, only: Set<string> | undefined): Record<string, unknown> {
  const row = { id: recordId, tableId: table.id, createdTime: '', modifiedTime: '', autoNumber: 0, cells };
  const ctx = { db, tables, formulas: new Map(), primaryNames: new Map() };
  const values = apiCells(table, row, ctx);
  const out: Record<string, unknown> = {};
  for (const field of table.fields) {
    if (only ? !only.has(field.id) : !(field.id in values)) continue;
    out[field.id] = v2Value(db, tables, field, values[field.id], cells[field.id]);
  }
  return out;
}

function v2Value(db: Database.Database, tables: TableDef[], field: FieldDef, value: unknown, stored: unknown): unknown {
  if (value === undefined) return null;
  if (field.type === 'singleSelect' || field.type === 'multipleSelects') {
    const choices = choicesOf(field);
    const ids = Array.isArray(stored) ? (stored as string[]) : [stored as string];
    const objects = ids.map((id) => {
      const choice = choices.find((c) => c.id === id);
      return { id, name: choice?.name ?? '', ...(choice?.color ? { color: choice.color } : {}) };
    });
    return field.type === 'singleSelect' ? objects[0] ?? null : objects;
  }
  if (field.type === 'multipleRecordLinks' && Array.isArray(value)) {
    const linked = tables.find((t) => t.id === (field.options?.['linkedTableId'] as string | undefined));
    return (value as string[]).map((id) => ({ id, name: linked ? primaryName(db, tables, linked, id) : '' }));
  }
  return value;
}

function primaryName(db: Database.Database, tables: TableDef[], table: TableDef, recordId: string): string {
  const row = getRecord(db, table.id, recordId);
  if (!row) return '';
  const value = apiCells(table, row, { db, tables, formulas: new Map(), primaryNames: new Map() })[table.primaryFieldId];
  return value === undefined || value === null ? '' : String(value);
}

/**
 * What goes back to Airtable after the Notion side is done, per record, only where a value differs: the page URL
 * ("Notion page" / "Notion portal") when it names another page (Notion's URL slug follows the title, the local
 * viewer's host follows its port; the page ID is what counts), the client-owned "Client approval", and the sync's
 * own lines in "Sync issues" (set for rows with problems, cleared when the row is fine again). Fields of one record
 * go in one update.
 */
import { modelOf } from '../../domain/models/all-models.ts';
import type { RecordProblem } from '../../domain/models/parse-records.ts';
import { CLIENT_APPROVALS } from '../../domain/models/purchase-order.ts';
import { pageIdFromUrl, sameNotionId } from '../../domain/portal/notion-ids.ts';
import type { ExistingPage } from '../../domain/portal/page-diff.ts';
import type { PageRecordIndex } from '../../domain/portal/page-identity.ts';
import { normalizeNotionId } from '../../domain/portal/notion-ids.ts';
import type { PlanProblem } from '../../domain/portal/portal-plan.ts';
import { heldCell, heldCellUpdate, READ_AGAIN, syncIssuesUpdate, type HeldCell } from '../../domain/models/sync-issue-lines.ts';
import { SYNC_ISSUE_PREFIX } from '../../domain/portal/sync-issues.ts';
import type { AirtableRecord, AirtableRecordsPort, Fields } from '../../ports/airtable.ts';

export interface WritebackInput {
  raw: ReadonlyMap<string, AirtableRecord[]>;
  problems: readonly (RecordProblem | PlanProblem)[];
  /** Airtable ID → its page (projects and POs of every portal). */
  pages: ReadonlyMap<string, ExistingPage>;
  /** Client ID → portal page URL. */
  portals: ReadonlyMap<string, string>;
  /** PO ID → the approval on its page. */
  approvals: ReadonlyMap<string, string | null>;
}

export type TableUpdates = Map<string, { id: string; fields: Fields }[]>;

export interface Writeback {
  updates: TableUpdates;
  /**
   * Rows whose Sync issues were held as OTHER_JOBS_ONLY and now get lines of the sync: their text is read again
   * before it is written (`withSyncIssuesReadAgain`). Per table, the record and the sync's lines for it.
   */
  readAgain: Map<string, { id: string; messages: string[] }[]>;
  /** Values that cannot land (an approval option the PO base does not have). */
  problems: string[];
}

const URL_FIELD: Record<string, string> = { Clients: 'Notion portal', Projects: 'Notion page', 'Purchase Orders': 'Notion page' };
const APPROVAL_FIELD = 'Client approval';
const HASH_FIELD = 'Portal sync hash';
/** Tables whose rows have a page of their own in a portal database. */
const PAGE_TABLES = ['Projects', 'Purchase Orders'];
const SYNC_ISSUES = 'Sync issues';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The fields of each page table's rows that the writeback reads; "PO number" names a PO in problems. */
const KEPT_FIELDS: Record<string, readonly string[]> = {
  Clients: ['Notion portal', SYNC_ISSUES],
  Projects: ['Notion page', HASH_FIELD, SYNC_ISSUES],
  'Purchase Orders': ['Notion page', HASH_FIELD, APPROVAL_FIELD, 'PO number', SYNC_ISSUES],
};

/**
 * A row as read, cut down to what the writeback compares against: a page table's row keeps its link, hash,
 * approval and Sync issues; a row of any other table is kept only when it carries Sync issues (a row without them
 * and without problems needs no write, and one with problems is written from the problem alone). Sync issues are
 * kept as a HeldCell: a cell with only other jobs' lines (the documents job's contract fixes on every PO after a
 * first import) is kept as a mark, not as its text.
 */
export function writebackRow(table: string, record: AirtableRecord): AirtableRecord | undefined {
  const keep = KEPT_FIELDS[table];
  const issues = heldCell(text(record.fields[SYNC_ISSUES]), SYNC_ISSUE_PREFIX);
  if (!keep) return issues === undefined ? undefined : { id: record.id, createdTime: '', fields: { [SYNC_ISSUES]: issues } };
  const fields: Fields = {};
  for (const name of keep) if (record.fields[name] !== undefined) fields[name] = name === SYNC_ISSUES ? issues : record.fields[name];
  return { id: record.id, createdTime: '', fields };
}

export function airtableUpdates(input: WritebackInput): Writeback {
  const problems: string[] = [];
  const messages = new Map<string, string[]>();
  for (const p of input.problems) messages.set(p.recordId, [...(messages.get(p.recordId) ?? []), p.message]);
  // Rows of other tables named by a problem but not kept (they carried no Sync issues): empty cells.
  const kept = new Set<string>();
  for (const records of input.raw.values()) for (const r of records) kept.add(r.id);
  const named = new Map<string, AirtableRecord[]>();
  for (const p of input.problems) {
    if (kept.has(p.recordId) || !input.raw.has(p.table)) continue;
    kept.add(p.recordId);
    const list = named.get(p.table) ?? [];
    list.push({ id: p.recordId, createdTime: '', fields: {} });
    named.set(p.table, list);
  }

  const out: TableUpdates = new Map();
  const readAgain: Writeback['readAgain'] = new Map();
  for (const [table, records] of input.raw) {
    const model = modelOf(table);
    const hasSyncIssues = model !== undefined && Object.values(model.fields).includes(SYNC_ISSUES);
    const urlField = URL_FIELD[table];
    const rows: { id: string; fields: Fields }[] = [];
    for (const record of [...records, ...(named.get(table) ?? [])]) {
      const fields: Fields = {};
      if (hasSyncIssues) {
        const ours = messages.get(record.id) ?? [];
        const next = heldCellUpdate(record.fields[SYNC_ISSUES] as HeldCell, ours, SYNC_ISSUE_PREFIX);
        if (next === READ_AGAIN) {
          const list = readAgain.get(table);
          if (list) list.push({ id: record.id, messages: ours });
          else readAgain.set(table, [{ id: record.id, messages: ours }]);
        } else if (next !== undefined) fields[SYNC_ISSUES] = next;
      }
      if (urlField) {
        const url = table === 'Clients' ? input.portals.get(record.id) : input.pages.get(record.id)?.url;
        if (url !== undefined && !sameNotionId(pageIdFromUrl(url), pageIdFromUrl(text(record.fields[urlField])))) fields[urlField] = url;
      }
      const hash = PAGE_TABLES.includes(table) ? input.pages.get(record.id)?.syncHash : undefined;
      if (hash !== undefined && hash !== '' && hash !== (text(record.fields[HASH_FIELD]) ?? '')) fields[HASH_FIELD] = hash;
      if (table === 'Purchase Orders' && input.approvals.has(record.id)) {
        const approval = input.approvals.get(record.id) ?? null;
        if (approval !== null && !(CLIENT_APPROVALS as readonly string[]).includes(approval)) {
          problems.push(`Purchase Orders ${text(record.fields['PO number']) ?? record.id}: the client chose "${approval}" as Client approval on Notion, which is not an option in Airtable (${CLIENT_APPROVALS.join(', ')})`);
        } else if (approval !== (text(record.fields[APPROVAL_FIELD]) ?? null)) fields[APPROVAL_FIELD] = approval;
      }
      if (Object.keys(fields).length > 0) rows.push({ id: record.id, fields });
    }
    if (rows.length > 0) out.set(table, rows);
  }
  return { updates: out, readAgain, problems };
}

/** Record IDs per read: the filter formula names each (Airtable's URL limit is 16,000 characters). */
const READ_AGAIN_IDS = 100;

/**
 * Reads the Sync issues of `writeback.readAgain`'s rows again and adds the sync's lines to them, in the same update
 * as the row's other fields. Read just before the write, so another job's lines written since the sync's read are
 * kept too.
 */
export async function withSyncIssuesReadAgain(records: AirtableRecordsPort, writeback: Writeback): Promise<void> {
  for (const [table, rows] of writeback.readAgain) {
    const updates = writeback.updates.get(table) ?? [];
    const byId = new Map(updates.map((u) => [u.id, u]));
    for (let i = 0; i < rows.length; i += READ_AGAIN_IDS) {
      const slice = rows.slice(i, i + READ_AGAIN_IDS);
      // https://airtable.com/developers/web/api/list-records (filterByFormula on RECORD_ID(), one field)
      const current = new Map((await records.list(table, { recordIds: slice.map((r) => r.id), fields: [SYNC_ISSUES] })).map((r) => [r.id, text(r.fields[SYNC_ISSUES])]));
      for (const row of slice) {
        // A row deleted since the read is not written (the update would fail on it).
        if (!current.has(row.id)) continue;
        const next = syncIssuesUpdate(current.get(row.id), row.messages, SYNC_ISSUE_PREFIX);
        if (next === undefined) continue;
        const update = byId.get(row.id);
        if (update) update.fields[SYNC_ISSUES] = next;
        else {
          const added = { id: row.id, fields: { [SYNC_ISSUES]: next } };
          updates.push(added);
          byId.set(row.id, added);
        }
      }
    }
    if (updates.length > 0) writeback.updates.set(table, updates);
  }
  writeback.readAgain.clear();
}

/** Which record each page shows and what it showed, from the rows as read (malformed rows included). */
export function pageRecordIndex(raw: ReadonlyMap<string, AirtableRecord[]>): PageRecordIndex {
  const recordOfPage = new Map<string, string>();
  const hashOfRecord = new Map<string, string>();
  const linked = new Set<string>();
  for (const table of PAGE_TABLES) {
    for (const record of raw.get(table) ?? []) {
      const pageId = pageIdFromUrl(text(record.fields[URL_FIELD[table] ?? '']));
      if (pageId) {
        recordOfPage.set(normalizeNotionId(pageId), record.id);
        linked.add(record.id);
      }
      const hash = text(record.fields[HASH_FIELD]);
      if (hash) hashOfRecord.set(record.id, hash);
    }
  }
  return { recordOfPage, hashOfRecord, linked };
}

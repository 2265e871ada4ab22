/**
 * The "Sync issues" cell of rows that failed validation: one line per problem, cleared when the row is valid
 * again. Other jobs may write their own lines there (a Notion error, say), so only lines in the models' own
 * format (`"<field of this table>" …`) are replaced; anything else in the cell is kept.
 */
import type { RecordProblem, TableModel } from '../models/parse-records.ts';

export interface RawRow {
  id: string;
  fields: Record<string, unknown>;
}

export const SYNC_ISSUES_FIELD = 'Sync issues';
const RECORD_LINE = 'The record is not a valid Airtable record.';

const ownLineTests = new WeakMap<TableModel, (line: string) => boolean>();

/**
 * Whether a Sync issues line is one the checks write for this table (a bad cell of one of its fields). Made once
 * per model: the read asks it of every row that has Sync issues.
 */
function ownLine(model: TableModel): (line: string) => boolean {
  const known = ownLineTests.get(model);
  if (known) return known;
  const names = new Set(Object.values(model.fields));
  const test = (line: string) => {
    const match = /^"([^"]+)" /.exec(line);
    return (match !== null && names.has(match[1]!)) || line === RECORD_LINE;
  };
  ownLineTests.set(model, test);
  return test;
}

/**
 * Whether a row's Sync issues text holds lines the checks wrote: only such rows (and rows that fail validation now)
 * can need a patch, so the job keeps the text of no other row (other jobs' lines can be long: a first import's
 * contract fixes are ~2 KB per PO).
 */
export function hasOwnLines(model: TableModel, text: string): boolean {
  return text.split('\n').some(ownLine(model));
}

/** Patches of the Sync issues field for one table; none for a table without that field. */
export function syncIssuePatches(model: TableModel, rows: readonly RawRow[], problems: readonly RecordProblem[]): { id: string; fields: Record<string, unknown> }[] {
  if (!Object.values(model.fields).includes(SYNC_ISSUES_FIELD)) return [];
  const ours = ownLine(model);
  const byRecord = new Map<string, string[]>();
  for (const p of problems) {
    if (p.table !== model.table) continue;
    const list = byRecord.get(p.recordId) ?? [];
    list.push(p.field === '(record)' ? RECORD_LINE : p.message);
    byRecord.set(p.recordId, list);
  }
  const out: { id: string; fields: Record<string, unknown> }[] = [];
  for (const row of rows) {
    const raw = row.fields[SYNC_ISSUES_FIELD];
    const current = typeof raw === 'string' ? raw : '';
    const kept = current.split('\n').filter((line) => line.trim() !== '' && !ours(line));
    const next = [...kept, ...(byRecord.get(row.id) ?? [])].join('\n');
    if (next !== current) out.push({ id: row.id, fields: { [SYNC_ISSUES_FIELD]: next === '' ? null : next } });
  }
  return out;
}

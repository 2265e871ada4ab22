/**
 * Loads rows that refer to each other by local refs (the sample agency, benchmark data) into a base.
 * Rows whose primary field value already exists are left alone (never rewritten), so a second run adds only
 * what is missing. Tables are loaded in order, so a link to an earlier table is written with the record itself;
 * links to rows not created yet (self links such as People.Manager) are patched at the end.
 *
 * `resume` finishes a load an earlier run left half-done (killed between the rows and the link patches): rows
 * that exist get the links they should have and do not, so the base ends as one uninterrupted load leaves it.
 */
import type { AirtableRecordsPort, Fields, TableSchema } from '../ports/airtable.ts';

export interface RefRow {
  ref: string;
  fields: Fields;
  /** Link field name → refs of the linked rows. */
  links: Record<string, string[]>;
}

export interface TableRows {
  table: string;
  rows: RefRow[];
}

export interface LoadResult {
  perTable: Record<string, { created: number; existing: number }>;
  linksPatched: number;
  problems: string[];
}

export async function loadRecords(records: AirtableRecordsPort, schema: TableSchema[], tables: TableRows[], options: { resume?: boolean } = {}): Promise<LoadResult> {
  const result: LoadResult = { perTable: {}, linksPatched: 0, problems: [] };
  const idOfRef = new Map<string, string>();
  const deferred: { table: string; id: string; ref: string; links: Record<string, string[]> }[] = [];

  for (const { table, rows } of tables) {
    const tableSchema = schema.find((t) => t.name === table);
    const primary = tableSchema?.fields.find((f) => f.id === tableSchema.primaryFieldId)?.name;
    if (!tableSchema || !primary) {
      result.problems.push(`${table}: not in the base; ${rows.length} rows not loaded`);
      continue;
    }
    const existing = new Map<string, string>();
    /** Record ID → link fields that are empty on it (read only when resuming). */
    const emptyLinks = new Map<string, Set<string>>();
    const linkFields = options.resume ? [...new Set(rows.flatMap((r) => Object.keys(r.links)))] : [];
    if (rows.length > 0) {
      for (const record of await records.list(table, { fields: [primary, ...linkFields] })) {
        const key = record.fields[primary];
        if (typeof key === 'string' || typeof key === 'number') existing.set(String(key), record.id);
        const empty = linkFields.filter((f) => !Array.isArray(record.fields[f]) || (record.fields[f] as unknown[]).length === 0);
        if (empty.length > 0) emptyLinks.set(record.id, new Set(empty));
      }
    }
    const toCreate: { row: RefRow; fields: Fields; later: Record<string, string[]> }[] = [];
    let existingCount = 0;
    for (const row of rows) {
      const key = row.fields[primary];
      const existingId = key === undefined ? undefined : existing.get(String(key));
      if (existingId) {
        idOfRef.set(row.ref, existingId);
        existingCount += 1;
        const missing = Object.entries(row.links).filter(([field, refs]) => refs.length > 0 && emptyLinks.get(existingId)?.has(field));
        if (missing.length > 0) deferred.push({ table, id: existingId, ref: row.ref, links: Object.fromEntries(missing) });
        continue;
      }
      const fields: Fields = { ...row.fields };
      const later: Record<string, string[]> = {};
      for (const [field, refs] of Object.entries(row.links)) {
        if (refs.every((r) => idOfRef.has(r))) fields[field] = refs.map((r) => idOfRef.get(r));
        else later[field] = refs;
      }
      toCreate.push({ row, fields, later });
    }
    const created = await records.create(table, toCreate.map((c) => c.fields));
    created.forEach((record, i) => {
      const item = toCreate[i];
      if (!item) return;
      idOfRef.set(item.row.ref, record.id);
      if (Object.keys(item.later).length > 0) deferred.push({ table, id: record.id, ref: item.row.ref, links: item.later });
    });
    result.perTable[table] = { created: created.length, existing: existingCount };
  }

  const patchesByTable = new Map<string, { id: string; fields: Fields }[]>();
  for (const item of deferred) {
    const fields: Fields = {};
    for (const [field, refs] of Object.entries(item.links)) {
      const ids = refs.map((r) => idOfRef.get(r));
      if (ids.some((id) => id === undefined)) {
        result.problems.push(`${item.table} ${item.ref}: "${field}" refers to a row that was not loaded (${refs.join(', ')})`);
        continue;
      }
      fields[field] = ids;
    }
    if (Object.keys(fields).length === 0) continue;
    const list = patchesByTable.get(item.table) ?? [];
    list.push({ id: item.id, fields });
    patchesByTable.set(item.table, list);
  }
  for (const [table, patches] of patchesByTable) {
    await records.update(table, patches);
    result.linksPatched += patches.length;
  }
  return result;
}

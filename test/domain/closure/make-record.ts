import { parseRecords, type ModelRecord, type TableModel } from '../../../src/domain/models/parse-records.ts';

let counter = 0;

/** A record ID as Airtable makes them (rec + 14 alphanumerics), derived from a short name. */
export function recId(name: string): string {
  return `rec${name.replace(/[^A-Za-z0-9]/g, '').padEnd(14, '0').slice(0, 14)}`;
}

/** One typed record from Airtable-style fields (field names as users see them); throws on invalid cells. */
export function makeRecord<M extends TableModel>(model: M, fields: Record<string, unknown>, id = recId(`x${(counter += 1)}`)): ModelRecord<M> {
  const parsed = parseRecords(model, [{ id, createdTime: '2026-01-01T00:00:00.000Z', fields }]);
  const record = parsed.records[0];
  if (!record) throw new Error(parsed.problems.map(String).join('; '));
  return record;
}

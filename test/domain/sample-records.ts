/**
 * Test helper: the resolved sample agency as Airtable API records (refs replaced by fake record IDs, as the record
 * loader would do), and parsed by the domain models.
 */
import { ALL_MODELS } from '../../src/domain/models/all-models.ts';
import { parseRecords, type ParsedRecords } from '../../src/domain/models/parse-records.ts';
import { resolveSampleAgency } from '../../src/domain/sample/resolve-sample.ts';
import { readSampleAgency } from '../../src/domain/sample/sample-file.ts';

export interface RawRecord {
  id: string;
  createdTime: string;
  fields: Record<string, unknown>;
}

/** A valid-looking, deterministic Airtable record ID for the n-th row. */
export const fakeRecordId = (n: number) => `rec${n.toString(36).padStart(14, '0')}`;

export function sampleAsAirtableRecords(today: string): { records: Map<string, RawRecord[]>; idOfRef: Map<string, string> } {
  const tables = resolveSampleAgency(readSampleAgency(), today);
  const idOfRef = new Map<string, string>();
  let n = 1;
  for (const t of tables) for (const row of t.rows) idOfRef.set(row.ref, fakeRecordId(n++));
  const records = new Map<string, RawRecord[]>();
  for (const t of tables) {
    records.set(
      t.table,
      t.rows.map((row) => {
        const links = Object.fromEntries(Object.entries(row.links).map(([f, refs]) => [f, refs.map((r) => idOfRef.get(r))]));
        return { id: idOfRef.get(row.ref) ?? '', createdTime: `${today}T00:00:00.000Z`, fields: { ...row.fields, ...links } };
      }),
    );
  }
  return { records, idOfRef };
}

/** Every table of the sample parsed by its model. */
export function parsedSample(today: string) {
  const { records, idOfRef } = sampleAsAirtableRecords(today);
  const parsed = new Map<string, ParsedRecords<unknown>>();
  for (const model of ALL_MODELS) parsed.set(model.table, parseRecords(model, records.get(model.table) ?? []));
  return { records, parsed, idOfRef };
}

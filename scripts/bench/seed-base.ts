/**
 * Seeds a provisioned base of the local workspace straight into its SQLite file, for benchmarks at a scale the API
 * would take too long to load (10,000 POs are ~240,000 records: 24,000 create requests). The cells go through the
 * emulator's own conversion (`toStoredValue`: select choices by ID, dates checked), links are stored on both sides
 * as the emulator keeps them, computed fields are left to the emulator; everything in one transaction. Rows keep
 * the record IDs they were generated with. The workspace must not be running while this writes.
 */
import { newChoice } from '../../src/local/airtable/field-options.ts';
import { choicesOf, toStoredValue, type WriteContext } from '../../src/local/airtable/field-values.ts';
import { insertRecord, type Cells } from '../../src/local/airtable/record-store.ts';
import { loadTables, updateFieldOptions, type FieldDef, type TableDef } from '../../src/local/airtable/store.ts';
import { COMPUTED_TYPES } from '../../src/local/airtable/field-options.ts';
import { openStore } from '../../src/local/store.ts';

export interface SeedRow {
  id: string;
  createdTime: string;
  fields: Record<string, unknown>;
}

/** Table name → rows, in Airtable's wire shape (field names as keys). Computed and unknown fields are skipped. */
export type SeedTables = Map<string, readonly SeedRow[]>;

export function seedBase(dir: string, baseId: string, seed: SeedTables): { records: number; skippedFields: string[] } {
  const db = openStore(dir);
  try {
    const tables = loadTables(db, baseId);
    const skipped = new Set<string>();
    const cellsOf = new Map<string, { table: TableDef; row: SeedRow; cells: Cells }>();
    const addChoice = (field: FieldDef, name: string) => {
      const choice = newChoice(name, choicesOf(field).length);
      field.options = { ...field.options, choices: [...choicesOf(field), choice] };
      updateFieldOptions(db, field.id, field.options);
      return choice.id;
    };
    const write = db.transaction(() => {
      for (const [name, rows] of seed) {
        const table = tables.find((t) => t.name === name);
        if (!table) throw new Error(`seed: no table "${name}" in base ${baseId}`);
        const byName = new Map(table.fields.map((f) => [f.name, f]));
        for (const row of rows) {
          const ctx: WriteContext = { typecast: true, where: `${name} ${row.id}`, addChoice, resolveLinks: (_f, ids) => ids, currentAttachments: () => [] };
          const cells: Cells = {};
          for (const [key, value] of Object.entries(row.fields)) {
            const field = byName.get(key);
            if (!field || COMPUTED_TYPES.has(field.type)) {
              skipped.add(`${name}.${key}`);
              continue;
            }
            const stored = toStoredValue(field, value, ctx);
            if (stored !== undefined) cells[field.id] = stored;
          }
          cellsOf.set(row.id, { table, row, cells });
        }
      }
      // Both sides of every link, as Airtable keeps them (links.ts does this one write at a time).
      for (const { table, row, cells } of cellsOf.values()) {
        for (const field of table.fields) {
          const inverse = field.options?.['inverseLinkFieldId'];
          if (field.type !== 'multipleRecordLinks' || typeof inverse !== 'string') continue;
          for (const target of (cells[field.id] as string[] | undefined) ?? []) {
            const other = cellsOf.get(target);
            if (!other) throw new Error(`seed: ${table.name} ${row.id} links to ${target}, which is not seeded`);
            const list = (other.cells[inverse] as string[] | undefined) ?? [];
            // Each link cell holds a record once (toStoredValue dedupes), so each pair arrives here once.
            list.push(row.id);
            other.cells[inverse] = list;
          }
        }
      }
      for (const { table, row, cells } of cellsOf.values()) {
        insertRecord(db, { id: row.id, tableId: table.id, createdTime: row.createdTime, modifiedTime: row.createdTime, cells });
      }
    });
    write();
    return { records: cellsOf.size, skippedFields: [...skipped].sort() };
  } finally {
    db.close();
  }
}

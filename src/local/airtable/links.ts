/**
 * Linked records as Airtable keeps them: a link field has an inverse field in the linked table (created with it,
 * named after the source table), and both sides always list each other.
 * https://airtable.com/developers/web/api/field-model#foreignkey
 */
import type Database from 'better-sqlite3';
import { airtableId } from '../ids.ts';
import { apiValue } from './cell-output.ts';
import { rowDoesNotExist } from './errors.ts';
import { TEXT_TYPES } from './field-options.ts';
import { allRecords, getRecord, insertRecord, saveCells, type Cells, type RecordRow } from './record-store.ts';
import { insertField, updateFieldOptions, type FieldDef, type TableDef } from './store.ts';

function linkedTableOf(field: FieldDef, tables: TableDef[]): TableDef | undefined {
  return tables.find((t) => t.id === field.options?.['linkedTableId']);
}

/**
 * Creates the inverse of a new link field in the linked table (none for a link to the same table), named after
 * the source table with " 2", " 3"… when that name is taken, and points both fields at each other.
 */
export function createInverseField(db: Database.Database, source: TableDef, field: FieldDef, tables: TableDef[]): FieldDef | undefined {
  const target = linkedTableOf(field, tables);
  if (!target || target.id === source.id) return undefined;
  const taken = new Set(target.fields.map((f) => f.name.toLowerCase()));
  let name = source.name;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${source.name} ${n}`;
  const inverse = insertField(db, {
    id: airtableId('fld'),
    tableId: target.id,
    name,
    type: 'multipleRecordLinks',
    options: { linkedTableId: source.id, isReversed: false, prefersSingleRecordLink: false, inverseLinkFieldId: field.id },
  });
  target.fields.push(inverse);
  field.options = { ...field.options, inverseLinkFieldId: inverse.id };
  updateFieldOptions(db, field.id, field.options);
  return inverse;
}

/**
 * Record IDs for a written link cell. Unknown IDs fail with ROW_DOES_NOT_EXIST; with typecast an entry that is
 * not a record ID is matched against the linked table's primary field, and a record is created if none matches.
 */
export function resolveLinkIds(
  db: Database.Database,
  tables: TableDef[],
  field: FieldDef,
  entries: string[],
  options: { typecast: boolean; now: string },
): string[] {
  const target = linkedTableOf(field, tables);
  if (!target) return [];
  return entries
    .filter((e) => e !== '')
    .map((entry) => {
      if (getRecord(db, target.id, entry)) return entry;
      if (!options.typecast) throw rowDoesNotExist(entry, target.name);
      const primary = target.fields.find((f) => f.id === target.primaryFieldId);
      if (!primary || !TEXT_TYPES.has(primary.type)) throw rowDoesNotExist(entry, target.name);
      const match = allRecords(db, target.id).find((r) => apiValue(primary, r.cells[primary.id]) === entry);
      if (match) return match.id;
      return insertRecord(db, { id: airtableId('rec'), tableId: target.id, createdTime: options.now, modifiedTime: options.now, cells: { [primary.id]: entry } }).id;
    });
}

/** After a record's cells changed from `before` to `after`, adds/removes it in the inverse cells of linked records. */
export function syncInverseLinks(
  db: Database.Database,
  tables: TableDef[],
  table: TableDef,
  recordId: string,
  before: Cells,
  after: Cells,
  now: string,
): void {
  for (const field of table.fields) {
    const inverseId = field.options?.['inverseLinkFieldId'];
    const target = linkedTableOf(field, tables);
    if (field.type !== 'multipleRecordLinks' || typeof inverseId !== 'string' || !target) continue;
    const old = new Set((before[field.id] as string[] | undefined) ?? []);
    const current = new Set((after[field.id] as string[] | undefined) ?? []);
    for (const id of current) if (!old.has(id)) editLinkCell(db, target.id, id, inverseId, recordId, 'add', now);
    for (const id of old) if (!current.has(id)) editLinkCell(db, target.id, id, inverseId, recordId, 'remove', now);
  }
}

/** Before a record is deleted: takes it out of every link cell that lists it. */
export function unlinkDeletedRecord(db: Database.Database, tables: TableDef[], table: TableDef, row: RecordRow, now: string): void {
  syncInverseLinks(db, tables, table, row.id, row.cells, {}, now);
  // Links to the same table have no inverse field: scan the table's own link cells.
  for (const field of table.fields) {
    if (field.type !== 'multipleRecordLinks' || field.options?.['linkedTableId'] !== table.id) continue;
    for (const other of allRecords(db, table.id)) {
      if (other.id !== row.id) editLinkCell(db, table.id, other.id, field.id, row.id, 'remove', now);
    }
  }
}

function editLinkCell(db: Database.Database, tableId: string, recordId: string, fieldId: string, linkId: string, op: 'add' | 'remove', now: string): void {
  const record = getRecord(db, tableId, recordId);
  if (!record) return;
  const ids = (record.cells[fieldId] as string[] | undefined) ?? [];
  const next = op === 'add' ? (ids.includes(linkId) ? ids : [...ids, linkId]) : ids.filter((id) => id !== linkId);
  if (next.length === ids.length && next.every((id, i) => id === ids[i])) return;
  const cells = { ...record.cells };
  if (next.length === 0) delete cells[fieldId];
  else cells[fieldId] = next;
  saveCells(db, record.id, cells, now);
}

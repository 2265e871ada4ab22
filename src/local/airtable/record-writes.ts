/**
 * One record write: validates the given `fields` against the table, merges (PATCH) or replaces (PUT) the cells,
 * stores the record and keeps the linked records' inverse cells in step. Called inside the request's transaction,
 * so a failure on the 7th record of a batch leaves nothing written.
 */
import { airtableId } from '../ids.ts';
import { invalidRequest, notFound, unknownFieldName } from './errors.ts';
import { newChoice } from './field-options.ts';
import { choicesOf, toStoredValue, type StoredAttachment, type WriteContext } from './field-values.ts';
import { resolveLinkIds, syncInverseLinks, unlinkDeletedRecord } from './links.ts';
import { deleteRecordRow, getRecord, insertRecord, saveCells, type Cells, type RecordRow } from './record-store.ts';
import { updateFieldOptions, type FieldDef } from './store.ts';
import { fieldByKey, type TableScope } from './table-scope.ts';

export interface WriteOptions {
  typecast: boolean;
  /** Names the record in error messages. */
  where: string;
}

/** The stored form of every given field, keyed by field ID (undefined = clear). Unknown names fail. */
export function convertFields(scope: TableScope, input: unknown, existing: RecordRow | undefined, options: WriteOptions): Map<string, unknown> {
  if (input === undefined) return new Map();
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalidRequest(`${options.where}: "fields" must be an object.`);
  const ctx: WriteContext = {
    typecast: options.typecast,
    where: options.where,
    addChoice: (field, name) => addChoice(scope, field, name),
    resolveLinks: (field, entries) => resolveLinkIds(scope.db, scope.tables, field, entries, { typecast: options.typecast, now: scope.now }),
    currentAttachments: (field) => (existing?.cells[field.id] as StoredAttachment[] | undefined) ?? [],
  };
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const field = fieldByKey(scope.table, key);
    if (!field) throw unknownFieldName(key);
    out.set(field.id, toStoredValue(field, value, ctx));
  }
  return out;
}

function addChoice(scope: TableScope, field: FieldDef, name: string): string {
  const choices = choicesOf(field);
  const choice = newChoice(name, choices.length);
  field.options = { ...field.options, choices: [...choices, choice] };
  updateFieldOptions(scope.db, field.id, field.options);
  return choice.id;
}

function applyValues(base: Cells, values: Map<string, unknown>): Cells {
  const cells = { ...base };
  for (const [fieldId, value] of values) {
    if (value === undefined) delete cells[fieldId];
    else cells[fieldId] = value;
  }
  return cells;
}

export function createRecord(scope: TableScope, fields: unknown, options: WriteOptions): RecordRow {
  const values = convertFields(scope, fields, undefined, options);
  const record = insertRecord(scope.db, {
    id: airtableId('rec'),
    tableId: scope.table.id,
    createdTime: scope.now,
    modifiedTime: scope.now,
    cells: applyValues({}, values),
  });
  syncInverseLinks(scope.db, scope.tables, scope.table, record.id, {}, record.cells, scope.now);
  return record;
}

/** PATCH merges the given fields into the record; PUT (`replace`) clears every field not given. */
export function updateRecord(scope: TableScope, existing: RecordRow, fields: unknown, replace: boolean, options: WriteOptions): RecordRow {
  const values = convertFields(scope, fields, existing, options);
  const cells = applyValues(replace ? {} : existing.cells, values);
  saveCells(scope.db, existing.id, cells, scope.now);
  syncInverseLinks(scope.db, scope.tables, scope.table, existing.id, existing.cells, cells, scope.now);
  return { ...existing, cells, modifiedTime: scope.now };
}

export function deleteRecord(scope: TableScope, recordId: string): void {
  const row = getRecord(scope.db, scope.table.id, recordId);
  if (!row) throw notFound(`Could not find record ${recordId} in table "${scope.table.name}"`);
  unlinkDeletedRecord(scope.db, scope.tables, scope.table, row, scope.now);
  deleteRecordRow(scope.db, recordId);
}

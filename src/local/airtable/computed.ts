/**
 * Computed fields (formula, count, lookup, created/last-modified time, autonumber): their cell values on read.
 *
 * The real API cannot create these fields (people make them in the Airtable UI), so the meta API here refuses
 * them too; `seedComputedField` adds one straight to the store, the way a base made in the UI would have it, for
 * tests and for mirroring a real base's schema locally.
 * https://airtable.com/developers/web/api/field-model#formula, #count, #lookup, #createdtime, #autonumber
 */
import type Database from 'better-sqlite3';
import { airtableId } from '../ids.ts';
import { apiValue, isEmptyValue } from './cell-output.ts';
import { invalidRequest } from './errors.ts';
import { COMPUTED_TYPES } from './field-options.ts';
import { compileFormula, type CompiledFormula, type CompileOptions } from './formula/index.ts';
import { getRecord, type RecordRow } from './record-store.ts';
import { insertField, tableById, type FieldDef, type TableDef } from './store.ts';

export interface ComputeContext {
  db: Database.Database;
  tables: TableDef[];
  /** Compiled formula fields (or the compile error), per field ID, shared by one request. */
  formulas: Map<string, CompiledFormula | Error>;
  /** Primary-field text of linked records (`tableId/recordId`), shared by one request. */
  primaryNames: Map<string, string>;
}

/**
 * Formulas see a link cell as the linked records' primary-field values, as in Airtable (`{Supplier} = 'Acme'`).
 */
export function linkNamesFor(table: TableDef, ctx: ComputeContext): NonNullable<CompileOptions['linkNames']> {
  return (fieldId, recordIds) => {
    const field = table.fields.find((f) => f.id === fieldId);
    const linked = ctx.tables.find((t) => t.id === field?.options?.['linkedTableId']);
    const primary = linked?.fields.find((f) => f.id === linked.primaryFieldId);
    return recordIds.map((id) => {
      const key = `${linked?.id}/${id}`;
      let name = ctx.primaryNames.get(key);
      if (name === undefined) {
        const row = linked && primary ? getRecord(ctx.db, linked.id, id) : undefined;
        const value = row && primary && !COMPUTED_TYPES.has(primary.type) ? apiValue(primary, row.cells[primary.id]) : undefined;
        name = value === undefined ? '' : String(value);
        ctx.primaryNames.set(key, name);
      }
      return name;
    });
  };
}

/** Every JSON cell value of a record, computed ones included, keyed by field ID; empty values left out. */
export function apiCells(table: TableDef, row: RecordRow, ctx: ComputeContext): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const field of table.fields) {
    if (COMPUTED_TYPES.has(field.type)) continue;
    const value = apiValue(field, row.cells[field.id]);
    if (!isEmptyValue(value)) cells[field.id] = value;
  }
  for (const field of table.fields) {
    if (!COMPUTED_TYPES.has(field.type)) continue;
    const value = computeValue(field, table, row, cells, ctx);
    if (!isEmptyValue(value)) cells[field.id] = value;
  }
  return cells;
}

function computeValue(field: FieldDef, table: TableDef, row: RecordRow, cells: Record<string, unknown>, ctx: ComputeContext): unknown {
  const options = field.options ?? {};
  switch (field.type) {
    case 'createdTime':
      return row.createdTime;
    case 'lastModifiedTime':
      return row.modifiedTime;
    case 'autoNumber':
      return row.autoNumber;
    case 'count': {
      const links = row.cells[String(options['recordLinkFieldId'])];
      return Array.isArray(links) ? links.length : 0;
    }
    case 'multipleLookupValues':
    case 'lookup':
      return lookupValues(table, row, options, ctx);
    case 'formula':
      return formulaValue(field, table, row, cells, ctx);
    default:
      // Rollups, buttons and collaborator fields have no local value.
      return undefined;
  }
}

function lookupValues(table: TableDef, row: RecordRow, options: Record<string, unknown>, ctx: ComputeContext): unknown[] {
  const link = table.fields.find((f) => f.id === options['recordLinkFieldId']);
  const linkedTable = ctx.tables.find((t) => t.id === link?.options?.['linkedTableId']);
  const target = linkedTable?.fields.find((f) => f.id === options['fieldIdInLinkedTable']);
  const ids = row.cells[link?.id ?? ''];
  if (!linkedTable || !target || !Array.isArray(ids)) return [];
  const out: unknown[] = [];
  for (const id of ids as string[]) {
    const linked = getRecord(ctx.db, linkedTable.id, id);
    const value = linked ? apiValue(target, linked.cells[target.id]) : undefined;
    if (Array.isArray(value)) out.push(...(value as unknown[]));
    else if (!isEmptyValue(value)) out.push(value);
  }
  return out;
}

function formulaValue(field: FieldDef, table: TableDef, row: RecordRow, cells: Record<string, unknown>, ctx: ComputeContext): unknown {
  let compiled = ctx.formulas.get(field.id);
  if (compiled === undefined) {
    try {
      const fields = table.fields.map(({ id, name, type }) => ({ id, name, type }));
      compiled = compileFormula(String(field.options?.['formula'] ?? ''), fields, { linkNames: linkNamesFor(table, ctx) });
    } catch (error) {
      compiled = error instanceof Error ? error : new Error(String(error));
    }
    ctx.formulas.set(field.id, compiled);
  }
  if (compiled instanceof Error) return { error: '#ERROR!' };
  try {
    const value = compiled.evaluate({ id: row.id, createdTime: row.createdTime, cells });
    // The API shows formula errors and non-finite numbers as objects (https://airtable.com/developers/web/api/field-model#formula).
    if (typeof value === 'number' && !Number.isFinite(value)) return { specialValue: Number.isNaN(value) ? 'NaN' : 'Infinity' };
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { error: '#ERROR!' };
    return value;
  } catch {
    return { error: '#ERROR!' };
  }
}

/**
 * Adds a computed field to a table as if it had been made in the Airtable UI. Options use the read format:
 * formula `{formula}`, count `{recordLinkFieldId}`, lookup `{recordLinkFieldId, fieldIdInLinkedTable}`.
 */
export function seedComputedField(
  db: Database.Database,
  tableId: string,
  spec: { name: string; type: string; options?: Record<string, unknown>; description?: string },
): FieldDef {
  if (!COMPUTED_TYPES.has(spec.type)) throw new Error(`${spec.type} is not a computed field type`);
  const table = tableById(db, tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  if (table.fields.some((f) => f.name.toLowerCase() === spec.name.toLowerCase())) throw invalidRequest(`Field "${spec.name}" already exists.`);
  const options = { ...(spec.options ?? {}) };
  if (spec.type === 'formula') options['isValid'] = true;
  const field: Omit<FieldDef, 'position'> = { id: airtableId('fld'), tableId, name: spec.name, type: spec.type, options };
  if (spec.description) field.description = spec.description;
  return db.transaction(() => insertField(db, field))();
}

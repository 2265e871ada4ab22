/**
 * The meta API: list and create bases, read a base's schema, create and rename tables and fields.
 * https://airtable.com/developers/web/api/list-bases, /create-base, /get-base-schema, /create-table, /update-table,
 * /create-field, /update-field
 *
 * Tables get a "Grid view"; the first field is the primary field; names are unique ignoring case; a new link
 * field gets its inverse in the linked table (links.ts). Computed field types cannot be created, as on Airtable.
 */
import type Database from 'better-sqlite3';
import { airtableId } from '../ids.ts';
import type { LocalResponse } from '../types.ts';
import { AirtableApiError, invalidRequest, notFound } from './errors.ts';
import { PRIMARY_TYPES, readFieldSpec } from './field-options.ts';
import { createInverseField } from './links.ts';
import { parseQuery } from './query-params.ts';
import { baseExists, insertBase, insertField, insertTable, insertView, listBases, loadTables, updateFieldMeta, updateTableMeta } from './store.ts';
import type { FieldDef, TableDef } from './store.ts';
import { allowKeys } from './table-scope.ts';

const BASES_PAGE_SIZE = 1000;

export function fieldJson(field: FieldDef): Record<string, unknown> {
  const json: Record<string, unknown> = { type: field.type, id: field.id, name: field.name };
  if (field.description) json['description'] = field.description;
  if (field.options) json['options'] = field.options;
  return json;
}

export function tableJson(table: TableDef): Record<string, unknown> {
  const json: Record<string, unknown> = { id: table.id, name: table.name, primaryFieldId: table.primaryFieldId };
  if (table.description) json['description'] = table.description;
  json['fields'] = table.fields.map(fieldJson);
  json['views'] = table.views.map((v) => ({ id: v.id, name: v.name, type: v.type }));
  return json;
}

/** GET /v0/meta/bases[?offset=] */
export function listBasesRoute(db: Database.Database, rawQuery: string): LocalResponse {
  const query = parseQuery(rawQuery);
  allowKeys(query, ['offset'], 'The query');
  const offset = typeof query['offset'] === 'string' && query['offset'] !== '' ? query['offset'] : undefined;
  if (offset !== undefined && !baseExists(db, offset)) throw new AirtableApiError(422, 'INVALID_OFFSET_VALUE', `Invalid offset "${offset}"`);
  const page = listBases(db, offset, BASES_PAGE_SIZE + 1);
  const bases = page.slice(0, BASES_PAGE_SIZE).map((b) => ({ id: b.id, name: b.name, permissionLevel: 'create' }));
  const last = bases[bases.length - 1];
  return { status: 200, body: page.length > BASES_PAGE_SIZE && last ? { bases, offset: last.id } : { bases } };
}

/** POST /v0/meta/bases `{name, workspaceId, tables}` → `{id, tables}` */
export function createBaseRoute(db: Database.Database, body: Record<string, unknown>): LocalResponse {
  allowKeys(body, ['name', 'workspaceId', 'tables']);
  const { name, workspaceId, tables } = body;
  if (typeof name !== 'string' || name.trim() === '') throw invalidRequest('"name" must be a non-empty string.');
  if (typeof workspaceId !== 'string' || !/^wsp[A-Za-z0-9]{14}$/.test(workspaceId)) {
    throw invalidRequest('"workspaceId" is required and must be a workspace ID (wsp…).');
  }
  if (!Array.isArray(tables) || tables.length === 0) throw invalidRequest('"tables" must list at least one table.');
  const baseId = airtableId('app');
  insertBase(db, { id: baseId, name: name.trim(), workspaceId });
  tables.forEach((table: unknown, i) => createTable(db, baseId, table, `tables[${i}]`));
  return { status: 200, body: { id: baseId, tables: loadTables(db, baseId).map(tableJson) } };
}

/** GET /v0/meta/bases/{baseId}/tables */
export function baseSchemaRoute(db: Database.Database, baseId: string, rawQuery: string): LocalResponse {
  const query = parseQuery(rawQuery);
  // `include[]=visibleFieldIds` asks for per-view field lists; the local views show every field.
  allowKeys(query, ['include'], 'The query');
  requireBase(db, baseId);
  return { status: 200, body: { tables: loadTables(db, baseId).map(tableJson) } };
}

/** POST /v0/meta/bases/{baseId}/tables `{name, description?, fields}` → Table */
export function createTableRoute(db: Database.Database, baseId: string, body: Record<string, unknown>): LocalResponse {
  requireBase(db, baseId);
  const table = createTable(db, baseId, body, 'The table');
  return { status: 200, body: tableJson(table) };
}

/** PATCH /v0/meta/bases/{baseId}/tables/{tableIdOrName} `{name?, description?}` → Table */
export function updateTableRoute(db: Database.Database, baseId: string, tableKey: string, body: Record<string, unknown>): LocalResponse {
  const tables = requireBase(db, baseId);
  const table = requireTable(tables, tableKey, baseId);
  allowKeys(body, ['name', 'description']);
  const patch: { name?: string; description?: string } = {};
  if (body['name'] !== undefined) {
    const name = checkName(body['name'], 'name');
    if (tables.some((t) => t.id !== table.id && t.name.toLowerCase() === name.toLowerCase())) throw duplicateTable(name);
    patch.name = name;
  }
  if (body['description'] !== undefined) patch.description = checkDescription(body['description']);
  updateTableMeta(db, table.id, patch);
  return { status: 200, body: tableJson(requireTable(loadTables(db, baseId), table.id, baseId)) };
}

/** POST /v0/meta/bases/{baseId}/tables/{tableId}/fields `{name, type, description?, options?}` → Field */
export function createFieldRoute(db: Database.Database, baseId: string, tableKey: string, body: Record<string, unknown>): LocalResponse {
  const tables = requireBase(db, baseId);
  const table = requireTable(tables, tableKey, baseId);
  const spec = readFieldSpec(body, 'The field', tables);
  if (table.fields.some((f) => f.name.toLowerCase() === spec.name.toLowerCase())) throw duplicateField(spec.name, table.name);
  const field = insertField(db, { id: airtableId('fld'), tableId: table.id, ...spec });
  table.fields.push(field);
  if (field.type === 'multipleRecordLinks') createInverseField(db, table, field, tables);
  return { status: 200, body: fieldJson(field) };
}

/** PATCH /v0/meta/bases/{baseId}/tables/{tableId}/fields/{fieldId} `{name?, description?}` → Field */
export function updateFieldRoute(
  db: Database.Database,
  baseId: string,
  tableKey: string,
  fieldId: string,
  body: Record<string, unknown>,
): LocalResponse {
  const table = requireTable(requireBase(db, baseId), tableKey, baseId);
  const field = table.fields.find((f) => f.id === fieldId);
  if (!field) throw notFound(`Could not find field ${fieldId} in table "${table.name}"`);
  if ('type' in body || 'options' in body) throw invalidRequest('Only a field\'s name and description can be updated; its type and options cannot.');
  allowKeys(body, ['name', 'description']);
  const patch: { name?: string; description?: string } = {};
  if (body['name'] !== undefined) {
    const name = checkName(body['name'], 'name');
    if (table.fields.some((f) => f.id !== field.id && f.name.toLowerCase() === name.toLowerCase())) throw duplicateField(name, table.name);
    patch.name = name;
  }
  if (body['description'] !== undefined) patch.description = checkDescription(body['description']);
  updateFieldMeta(db, field.id, patch);
  const updated = requireTable(loadTables(db, baseId), table.id, baseId).fields.find((f) => f.id === field.id);
  return { status: 200, body: updated ? fieldJson(updated) : {} };
}

function createTable(db: Database.Database, baseId: string, input: unknown, where: string): TableDef {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalidRequest(`${where} must be an object.`);
  const body = input as Record<string, unknown>;
  allowKeys(body, ['name', 'description', 'fields'], where);
  const tables = loadTables(db, baseId);
  const name = checkName(body['name'], `${where}.name`);
  if (tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) throw duplicateTable(name);
  const description = body['description'] === undefined ? undefined : checkDescription(body['description']);
  const fieldsInput = body['fields'];
  if (!Array.isArray(fieldsInput) || fieldsInput.length === 0) throw invalidRequest(`${where} ("${name}") must have at least one field.`);
  const specs = fieldsInput.map((f: unknown, i) => readFieldSpec(f, `${where}.fields[${i}]`, tables));
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.name.toLowerCase())) throw duplicateField(spec.name, name);
    seen.add(spec.name.toLowerCase());
  }
  const primary = specs[0];
  if (!primary || !PRIMARY_TYPES.has(primary.type)) {
    throw invalidRequest(`${where} ("${name}"): the first field is the primary field and cannot have type ${primary?.type}.`);
  }
  const tableId = airtableId('tbl');
  const fieldIds = specs.map(() => airtableId('fld'));
  insertTable(db, { id: tableId, baseId, name, ...(description ? { description } : {}), primaryFieldId: fieldIds[0] ?? '' });
  const table: TableDef = { id: tableId, baseId, name, primaryFieldId: fieldIds[0] ?? '', fields: [], views: [] };
  specs.forEach((spec, i) => table.fields.push(insertField(db, { id: fieldIds[i] ?? airtableId('fld'), tableId, ...spec })));
  insertView(db, { id: airtableId('viw'), tableId, name: 'Grid view', type: 'grid' });
  const all = [...tables, table];
  for (const field of table.fields) if (field.type === 'multipleRecordLinks') createInverseField(db, table, field, all);
  return requireTable(loadTables(db, baseId), tableId, baseId);
}

function requireBase(db: Database.Database, baseId: string): TableDef[] {
  if (!baseExists(db, baseId)) throw notFound(`Could not find base ${baseId}`);
  return loadTables(db, baseId);
}

function requireTable(tables: TableDef[], key: string, baseId: string): TableDef {
  const table = tables.find((t) => t.id === key) ?? tables.find((t) => t.name === key);
  if (!table) throw notFound(`Could not find table ${key} in application ${baseId}`);
  return table;
}

function checkName(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidRequest(`${where} must be a non-empty string.`);
  return value.trim();
}

function checkDescription(value: unknown): string {
  if (typeof value !== 'string' || value.length > 20_000) throw invalidRequest('description must be a string of at most 20,000 characters.');
  return value;
}

function duplicateTable(name: string): AirtableApiError {
  return new AirtableApiError(422, 'DUPLICATE_TABLE_NAME', `A table named "${name}" already exists in this base (names are compared ignoring case)`);
}

function duplicateField(name: string, table: string): AirtableApiError {
  return new AirtableApiError(422, 'DUPLICATE_OR_EMPTY_FIELD_NAME', `Table "${table}" already has a field named "${name}" (names are compared ignoring case)`);
}

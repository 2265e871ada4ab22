/**
 * Record routes other than listing: get, create, update/replace (batch and single, with upsert) and delete.
 * https://airtable.com/developers/web/api/get-record, /create-records, /update-multiple-records, /update-record,
 * /delete-multiple-records, /delete-record
 */
import type { LocalResponse } from '../types.ts';
import { AirtableApiError, invalidRecords, invalidRequest, notFound, rowDoesNotExist, unknownFieldName } from './errors.ts';
import { bodyBool, optionalStringArray, parseQuery } from './query-params.ts';
import { checkCellFormat, renderRecord, renderScope, type RecordJson, type RenderOptions } from './record-json.ts';
import { allRecords, getRecord, type RecordRow } from './record-store.ts';
import { convertFields, createRecord, deleteRecord, updateRecord } from './record-writes.ts';
import { allowKeys, fieldByKey, type TableScope } from './table-scope.ts';

const MAX_BATCH = 10;
const RECORD_ID = /^rec[A-Za-z0-9]{14}$/;

function ok(body: unknown): LocalResponse {
  return { status: 200, body };
}

function writeRenderOptions(body: Record<string, unknown>): RenderOptions {
  return { returnFieldsByFieldId: bodyBool(body['returnFieldsByFieldId'], 'returnFieldsByFieldId'), cellFormat: 'json' };
}

function render(scope: TableScope, rows: RecordRow[], options: RenderOptions): RecordJson[] {
  const rs = renderScope(scope.db, scope.tables);
  // Re-read each row: later records of a batch may have changed earlier ones' link cells.
  return rows.map((row) => renderRecord(scope.table, getRecord(scope.db, scope.table.id, row.id) ?? row, options, rs));
}

function findRecordOr404(scope: TableScope, recordId: string): RecordRow {
  const row = RECORD_ID.test(recordId) ? getRecord(scope.db, scope.table.id, recordId) : undefined;
  if (!row) throw notFound(`Could not find record ${recordId} in table "${scope.table.name}"`);
  return row;
}

/** Reads `records` of a batch body: a list of 1 to 10 objects. */
function batchRecords(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw invalidRecords('"records" is not a list');
  if (value.length === 0 || value.length > MAX_BATCH) throw invalidRecords(`got ${value.length} records`);
  return value.map((item: unknown, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw invalidRecords(`records[${i}] is not an object`);
    return item as Record<string, unknown>;
  });
}

/** GET /v0/{baseId}/{table}/{recordId} */
export function getRecordRoute(scope: TableScope, recordId: string, rawQuery: string): LocalResponse {
  const query = parseQuery(rawQuery);
  allowKeys(query, ['cellFormat', 'returnFieldsByFieldId', 'timeZone', 'userLocale'], 'The query');
  const cellFormat = query['cellFormat'] ?? 'json';
  if (cellFormat !== 'json' && cellFormat !== 'string') throw invalidRequest('cellFormat must be "json" or "string".');
  const options: RenderOptions = { returnFieldsByFieldId: bodyBool(query['returnFieldsByFieldId'], 'returnFieldsByFieldId'), cellFormat };
  if (typeof query['timeZone'] === 'string') options.timeZone = query['timeZone'];
  if (typeof query['userLocale'] === 'string') options.userLocale = query['userLocale'];
  checkCellFormat(options);
  const row = findRecordOr404(scope, recordId);
  return ok(renderRecord(scope.table, row, options, renderScope(scope.db, scope.tables)));
}

/** POST /v0/{baseId}/{table}: `{records:[{fields}]}` (up to 10) or `{fields}`. */
export function createRecordsRoute(scope: TableScope, body: Record<string, unknown>): LocalResponse {
  allowKeys(body, ['records', 'fields', 'typecast', 'returnFieldsByFieldId']);
  const typecast = bodyBool(body['typecast'], 'typecast');
  const options = writeRenderOptions(body);
  if (body['records'] !== undefined) {
    const rows = batchRecords(body['records']).map((item, i) => {
      allowKeys(item, ['fields'], `records[${i}]`);
      return createRecord(scope, item['fields'] ?? {}, { typecast, where: `records[${i}]` });
    });
    return ok({ records: render(scope, rows, options) });
  }
  if (body['fields'] === undefined) throw invalidRequest('Provide "records" (a list of {fields}) or "fields".');
  const row = createRecord(scope, body['fields'], { typecast, where: 'the new record' });
  const [json] = render(scope, [row], options);
  return ok(json);
}

/** PATCH|PUT /v0/{baseId}/{table}: batch update or replace, or upsert with `performUpsert`. */
export function updateRecordsRoute(scope: TableScope, body: Record<string, unknown>, replace: boolean): LocalResponse {
  allowKeys(body, ['records', 'typecast', 'returnFieldsByFieldId', 'performUpsert']);
  const typecast = bodyBool(body['typecast'], 'typecast');
  const options = writeRenderOptions(body);
  const items = batchRecords(body['records']);
  const mergeOn = body['performUpsert'] === undefined ? undefined : upsertFields(scope, body['performUpsert']);
  const created: string[] = [];
  const updated: string[] = [];
  const rows = items.map((item, i) => {
    allowKeys(item, ['id', 'fields'], `records[${i}]`);
    const id = item['id'];
    if (id !== undefined) {
      if (typeof id !== 'string') throw invalidRecords(`records[${i}].id is not a string`);
      const existing = RECORD_ID.test(id) ? getRecord(scope.db, scope.table.id, id) : undefined;
      if (!existing) throw rowDoesNotExist(id, scope.table.name);
      updated.push(id);
      return updateRecord(scope, existing, item['fields'], replace, { typecast, where: `record ${id}` });
    }
    if (!mergeOn) throw invalidRecords(`records[${i}] has no "id"`);
    const where = `records[${i}]`;
    const match = upsertMatch(scope, mergeOn, item['fields'], typecast, where);
    if (match) {
      updated.push(match.id);
      return updateRecord(scope, match, item['fields'], replace, { typecast, where: `${where} (record ${match.id})` });
    }
    const row = createRecord(scope, item['fields'] ?? {}, { typecast, where });
    created.push(row.id);
    return row;
  });
  const records = render(scope, rows, options);
  return ok(mergeOn ? { records, createdRecords: created, updatedRecords: updated } : { records });
}

/** Types a `fieldsToMergeOn` field may have (https://airtable.com/developers/web/api/update-multiple-records). */
const MERGEABLE_TYPES = new Set([
  'singleLineText',
  'multilineText',
  'email',
  'url',
  'phoneNumber',
  'number',
  'currency',
  'percent',
  'singleSelect',
  'multipleSelects',
  'date',
  'dateTime',
]);

function upsertFields(scope: TableScope, value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('performUpsert must be {fieldsToMergeOn: [...]}.');
  allowKeys(value as Record<string, unknown>, ['fieldsToMergeOn'], 'performUpsert');
  const keys = optionalStringArray((value as Record<string, unknown>)['fieldsToMergeOn'], 'performUpsert.fieldsToMergeOn');
  if (!keys || keys.length < 1 || keys.length > 3) throw invalidRequest('performUpsert.fieldsToMergeOn must name 1 to 3 fields.');
  return keys.map((key) => {
    const field = fieldByKey(scope.table, key);
    if (!field) throw unknownFieldName(key);
    if (!MERGEABLE_TYPES.has(field.type)) {
      throw invalidRequest(`performUpsert.fieldsToMergeOn: field "${field.name}" has type ${field.type}, which cannot be merged on.`);
    }
    return field.id;
  });
}

/** The one record whose merge fields equal the given ones; none → create; several → the request fails. */
function upsertMatch(scope: TableScope, mergeOn: string[], fields: unknown, typecast: boolean, where: string): RecordRow | undefined {
  // Only the merge fields are converted here, so typecast side effects (new options, linked records) happen once.
  const mergeInput =
    fields && typeof fields === 'object' && !Array.isArray(fields)
      ? Object.fromEntries(Object.entries(fields).filter(([k]) => mergeOn.includes(fieldByKey(scope.table, k)?.id ?? '')))
      : fields;
  const given = convertFields(scope, mergeInput, undefined, { typecast, where });
  const key = (cells: Record<string, unknown>): string => JSON.stringify(mergeOn.map((id) => cells[id] ?? null));
  const wanted = JSON.stringify(mergeOn.map((id) => given.get(id) ?? null));
  const matches = allRecords(scope.db, scope.table.id).filter((r) => key(r.cells) === wanted);
  if (matches.length > 1) {
    const names = mergeOn.map((id) => scope.table.fields.find((f) => f.id === id)?.name).join(', ');
    throw new AirtableApiError(
      422,
      'INVALID_VALUE_FOR_COLUMN',
      `Cannot upsert ${where}: ${matches.length} records (${matches.map((m) => m.id).join(', ')}) match on ${names}; at most one may match`,
    );
  }
  return matches[0];
}

/** PATCH|PUT /v0/{baseId}/{table}/{recordId}: `{fields, typecast?}`. */
export function updateOneRoute(scope: TableScope, recordId: string, body: Record<string, unknown>, replace: boolean): LocalResponse {
  allowKeys(body, ['fields', 'typecast', 'returnFieldsByFieldId']);
  const existing = findRecordOr404(scope, recordId);
  const row = updateRecord(scope, existing, body['fields'] ?? {}, replace, { typecast: bodyBool(body['typecast'], 'typecast'), where: `record ${recordId}` });
  const [json] = render(scope, [row], writeRenderOptions(body));
  return ok(json);
}

/** DELETE /v0/{baseId}/{table}?records[]=rec1&records[]=rec2 (up to 10). */
export function deleteRecordsRoute(scope: TableScope, rawQuery: string): LocalResponse {
  const query = parseQuery(rawQuery);
  allowKeys(query, ['records'], 'The query');
  const raw = query['records'];
  const ids = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
  if (!ids || ids.length === 0 || ids.length > MAX_BATCH) throw invalidRecords(`got ${ids?.length ?? 0} record IDs`);
  for (const id of ids) {
    if (typeof id !== 'string' || !RECORD_ID.test(id)) throw invalidRecords(`${JSON.stringify(id)} is not a record ID`);
  }
  const records = (ids as string[]).map((id) => {
    deleteRecord(scope, id);
    return { id, deleted: true };
  });
  return ok({ records });
}

/** DELETE /v0/{baseId}/{table}/{recordId} */
export function deleteOneRoute(scope: TableScope, recordId: string): LocalResponse {
  findRecordOr404(scope, recordId);
  deleteRecord(scope, recordId);
  return ok({ id: recordId, deleted: true });
}

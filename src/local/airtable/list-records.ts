/**
 * List records (GET /v0/{baseId}/{table} and POST …/listRecords): view, filterByFormula, sort, maxRecords and
 * paging through an opaque `itr…/rec…` offset. The first page snapshots the matching record IDs in an iterator, so
 * later pages neither skip nor repeat records while others write; an unknown or expired iterator answers 422
 * LIST_RECORDS_ITERATOR_NOT_AVAILABLE.
 * https://airtable.com/developers/web/api/list-records
 */
import { airtableId } from '../ids.ts';
import type { LocalResponse } from '../types.ts';
import { apiCells, linkNamesFor } from './computed.ts';
import { AirtableApiError, invalidFormula, iteratorNotAvailable, unknownFieldName } from './errors.ts';
import { choicesOf } from './field-values.ts';
import { compileFormula, FormulaError, isTruthy } from './formula/index.ts';
import type { ListParams, SortSpec } from './query-params.ts';
import { checkCellFormat, renderRecord, renderScope, type RenderOptions, type RenderScope } from './record-json.ts';
import { allRecords, getRecord, loadIterator, saveIterator, touchIterator, type RecordRow } from './record-store.ts';
import type { FieldDef } from './store.ts';
import { fieldByKey, type TableScope } from './table-scope.ts';

export function listRecordsRoute(scope: TableScope, params: ListParams): LocalResponse {
  const options: RenderOptions = {
    returnFieldsByFieldId: params.returnFieldsByFieldId,
    cellFormat: params.cellFormat,
    commentCount: params.recordMetadata.includes('commentCount'),
  };
  if (params.timeZone) options.timeZone = params.timeZone;
  if (params.userLocale) options.userLocale = params.userLocale;
  checkCellFormat(options);
  if (params.fields) {
    options.onlyFieldIds = new Set(
      params.fields.map((key) => {
        const field = fieldByKey(scope.table, key);
        if (!field) throw unknownFieldName(key);
        return field.id;
      }),
    );
  }
  if (params.view && !scope.table.views.some((v) => v.id === params.view || v.name === params.view)) {
    throw new AirtableApiError(422, 'VIEW_NAME_NOT_FOUND', `Could not find view "${params.view}" in table "${scope.table.name}"`);
  }
  const sorters = params.sort.map((spec) => sorter(scope, spec));
  const rs = renderScope(scope.db, scope.tables);

  let ids: string[];
  let start: number;
  let iteratorId: string;
  if (params.offset) {
    const [itr = '', next = ''] = params.offset.split('/');
    const snapshot = loadIterator(scope.db, itr, scope.table.id, scope.nowMs);
    start = snapshot ? snapshot.indexOf(next) : -1;
    if (!snapshot || start < 0) throw iteratorNotAvailable();
    touchIterator(scope.db, itr, scope.nowMs);
    ids = snapshot;
    iteratorId = itr;
  } else {
    ids = matchingIds(scope, params, sorters, rs);
    start = 0;
    iteratorId = airtableId('itr');
    if (ids.length > params.pageSize) saveIterator(scope.db, iteratorId, scope.table.id, ids, scope.nowMs);
  }
  const pageIds = ids.slice(start, start + params.pageSize);
  const records = pageIds
    .map((id) => getRecord(scope.db, scope.table.id, id))
    .filter((row): row is RecordRow => row !== undefined)
    .map((row) => renderRecord(scope.table, row, options, rs));
  const nextId = ids[start + params.pageSize];
  return { status: 200, body: nextId === undefined ? { records } : { records, offset: `${iteratorId}/${nextId}` } };
}

type Sorter = { field: FieldDef; direction: 1 | -1 };

function sorter(scope: TableScope, spec: SortSpec): Sorter {
  const field = fieldByKey(scope.table, spec.field);
  if (!field) throw unknownFieldName(spec.field);
  return { field, direction: spec.direction === 'desc' ? -1 : 1 };
}

/** IDs of the records the query selects, in order, capped at maxRecords. */
function matchingIds(scope: TableScope, params: ListParams, sorters: Sorter[], rs: RenderScope): string[] {
  const rows = allRecords(scope.db, scope.table.id).map((row) => ({ row, cells: apiCells(scope.table, row, rs) }));
  let kept = rows;
  if (params.filterByFormula) {
    let formula: ReturnType<typeof compileFormula>;
    try {
      const fields = scope.table.fields.map(({ id, name, type }) => ({ id, name, type }));
      formula = compileFormula(params.filterByFormula, fields, { linkNames: linkNamesFor(scope.table, rs) });
    } catch (error) {
      if (error instanceof FormulaError) throw invalidFormula(error.message);
      throw error;
    }
    kept = rows.filter(({ row, cells }) => {
      try {
        return isTruthy(formula.evaluate({ id: row.id, createdTime: row.createdTime, cells }));
      } catch {
        // A formula that errors on a record (#ERROR!) does not keep it.
        return false;
      }
    });
  }
  if (sorters.length > 0) {
    // Array.prototype.sort is stable, so ties keep creation order.
    kept = [...kept].sort((a, b) => {
      for (const { field, direction } of sorters) {
        const c = compareCells(field, a.cells[field.id], b.cells[field.id]);
        if (c !== 0) return c * direction;
      }
      return 0;
    });
  }
  const ids = kept.map(({ row }) => row.id);
  return params.maxRecords === undefined ? ids : ids.slice(0, params.maxRecords);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Airtable's sort order for one field: empty first, numbers numerically, selects in option order, text by collation. */
function compareCells(field: FieldDef, a: unknown, b: unknown): number {
  const emptyA = a === undefined;
  const emptyB = b === undefined;
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? -1 : 1;
  if (field.type === 'singleSelect' || field.type === 'multipleSelects') {
    const order = choicesOf(field).map((c) => c.name);
    const rank = (v: unknown): number[] => (Array.isArray(v) ? v : [v]).map((name) => order.indexOf(String(name)));
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < Math.min(ra.length, rb.length); i += 1) {
      const d = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (d !== 0) return d;
    }
    return ra.length - rb.length;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a === true) - Number(b === true);
  return collator.compare(sortText(a), sortText(b));
}

function sortText(value: unknown): string {
  if (Array.isArray(value)) return value.map(sortText).join(', ');
  if (value && typeof value === 'object') return String((value as { filename?: unknown }).filename ?? JSON.stringify(value));
  return String(value);
}

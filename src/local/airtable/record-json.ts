/**
 * A record as the API returns it: `{id, createdTime, fields, commentCount?}`, fields keyed by name (or by field ID
 * with `returnFieldsByFieldId`), empty values left out, in `json` or `string` cell format.
 * https://airtable.com/developers/web/api/get-record
 */
import type Database from 'better-sqlite3';
import { stringValue, type StringContext } from './cell-output.ts';
import { apiCells, type ComputeContext } from './computed.ts';
import { invalidRequest } from './errors.ts';
import { getRecord, type RecordRow } from './record-store.ts';
import type { TableDef } from './store.ts';

export interface RenderOptions {
  returnFieldsByFieldId: boolean;
  cellFormat: 'json' | 'string';
  timeZone?: string;
  userLocale?: string;
  /** Only these field IDs (the `fields[]` parameter). */
  onlyFieldIds?: Set<string>;
  commentCount?: boolean;
}

export interface RecordJson {
  id: string;
  createdTime: string;
  fields: Record<string, unknown>;
  commentCount?: number;
}

/** The per-request state rendering needs: the base schema and caches for formulas and linked names. */
export interface RenderScope extends ComputeContext {
  linkedNames: Map<string, string>;
}

export function renderScope(db: Database.Database, tables: TableDef[]): RenderScope {
  return { db, tables, formulas: new Map(), primaryNames: new Map(), linkedNames: new Map() };
}

/** `cellFormat=string` needs both `timeZone` and `userLocale`, as on Airtable. */
export function checkCellFormat(options: Pick<RenderOptions, 'cellFormat' | 'timeZone' | 'userLocale'>): void {
  if (options.cellFormat !== 'string') return;
  if (!options.timeZone || !options.userLocale) {
    throw invalidRequest('cellFormat "string" requires the timeZone and userLocale parameters.');
  }
  try {
    new Intl.NumberFormat(options.userLocale);
  } catch {
    throw invalidRequest(`userLocale "${options.userLocale}" is not a valid locale.`);
  }
}

export function renderRecord(table: TableDef, row: RecordRow, options: RenderOptions, scope: RenderScope): RecordJson {
  const cells = apiCells(table, row, scope);
  const fields: Record<string, unknown> = {};
  const strings = options.cellFormat === 'string' ? stringContext(options, scope) : undefined;
  for (const field of table.fields) {
    if (!(field.id in cells)) continue;
    if (options.onlyFieldIds && !options.onlyFieldIds.has(field.id)) continue;
    const value = cells[field.id];
    fields[options.returnFieldsByFieldId ? field.id : field.name] = strings ? stringValue(field, value, strings) : value;
  }
  const json: RecordJson = { id: row.id, createdTime: row.createdTime, fields };
  if (options.commentCount) json.commentCount = 0;
  return json;
}

function stringContext(options: RenderOptions, scope: RenderScope): StringContext {
  return {
    timeZone: options.timeZone ?? 'utc',
    userLocale: options.userLocale ?? 'en-US',
    linkedName(tableId, recordId) {
      const key = `${tableId}/${recordId}`;
      let name = scope.linkedNames.get(key);
      if (name === undefined) {
        const table = scope.tables.find((t) => t.id === tableId);
        const row = table ? getRecord(scope.db, tableId, recordId) : undefined;
        const primary = table?.fields.find((f) => f.id === table.primaryFieldId);
        const value = table && row && primary ? apiCells(table, row, scope)[primary.id] : undefined;
        if (!row || !primary) name = recordId;
        else if (value === undefined) name = 'Unnamed record';
        else name = stringValue(primary, value, { ...this, linkedName: (_t, id) => id });
        scope.linkedNames.set(key, name);
      }
      return name;
    },
  };
}

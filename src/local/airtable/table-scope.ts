/**
 * What a record handler works on: the base's schema loaded once per request, the addressed table and the
 * request's clock. Also the JSON body reader shared by every write route.
 */
import type Database from 'better-sqlite3';
import { AirtableApiError, invalidRequest } from './errors.ts';
import type { FieldDef, TableDef } from './store.ts';

export interface TableScope {
  db: Database.Database;
  tables: TableDef[];
  table: TableDef;
  nowMs: number;
  /** The request time as Airtable writes it (`2022-09-12T21:03:48.000Z`). */
  now: string;
}

/** A field by ID or exact name, as `fields`, `sort`, `fieldsToMergeOn` and write bodies accept both. */
export function fieldByKey(table: TableDef, key: string): FieldDef | undefined {
  return table.fields.find((f) => f.id === key) ?? table.fields.find((f) => f.name === key);
}

/** The JSON object of a request body; an empty body reads as `{}`, anything unparseable is Airtable's 400. */
export function jsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AirtableApiError(400, 'INVALID_REQUEST_UNKNOWN', `Invalid request: the request body is not valid JSON (${(error as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('The request body must be a JSON object.');
  return value as Record<string, unknown>;
}

/** Rejects body keys an endpoint does not take, as Airtable's parameter validation does. */
export function allowKeys(body: Record<string, unknown>, allowed: string[], where = 'The request body'): void {
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw invalidRequest(`${where} has unknown keys: ${extra.join(', ')}.`);
}

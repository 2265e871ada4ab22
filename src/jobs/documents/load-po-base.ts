/**
 * Reads the tables the documents and closure jobs need (pages of 100) and parses them with the domain models.
 * Rows that fail validation are left out and reported; the rest of the run goes on.
 */
import { PO_BASE_TABLES } from '../../domain/models/table-sets.ts';
import type { PoBase } from '../../domain/snapshot/po-base.ts';
import type { AirtableRecordsPort } from '../../ports/airtable.ts';
import { readTables } from '../read-tables.ts';

export interface LoadedPoBase {
  base: PoBase;
  /** "<Table> <record>: <message>" per bad cell. */
  problems: string[];
}

export async function loadPoBase(records: AirtableRecordsPort): Promise<LoadedPoBase> {
  const { tables, problems } = await readTables(records, PO_BASE_TABLES, 'model', { keepRaw: 'none' });
  return { base: tables, problems: problems.map(String) };
}

/**
 * Read-only access to the Airtable store for the viewer: tables of a base, records with every cell as the API
 * would answer it (computed fields included), and the primary-field text that stands for a linked record.
 */
import type Database from 'better-sqlite3';
import { stringValue } from '../airtable/cell-output.ts';
import { apiCells } from '../airtable/computed.ts';
import { renderScope, type RenderScope } from '../airtable/record-json.ts';
import { allRecords, getRecord, type RecordRow } from '../airtable/record-store.ts';
import { getBase, loadTables, tableById, type BaseRow, type FieldDef, type TableDef } from '../airtable/store.ts';

export interface ViewRecord {
  id: string;
  createdTime: string;
  /** JSON cell values keyed by field ID, empty ones left out. */
  cells: Record<string, unknown>;
}

/** What rendering a base needs: its schema and the caches computed fields and link names share. */
export class BaseView {
  readonly tables: TableDef[];
  private readonly scope: RenderScope;
  private readonly names = new Map<string, string>();

  private constructor(
    private readonly db: Database.Database,
    readonly base: BaseRow,
  ) {
    this.tables = loadTables(db, base.id);
    this.scope = renderScope(db, this.tables);
  }

  static open(db: Database.Database, baseId: string): BaseView | undefined {
    const base = getBase(db, baseId);
    return base ? new BaseView(db, base) : undefined;
  }

  /** The base a table belongs to, for links that only know the table. */
  static ofTable(db: Database.Database, tableId: string): BaseView | undefined {
    const table = tableById(db, tableId);
    return table ? BaseView.open(db, table.baseId) : undefined;
  }

  table(tableId: string): TableDef | undefined {
    return this.tables.find((t) => t.id === tableId);
  }

  records(table: TableDef): ViewRecord[] {
    return allRecords(this.db, table.id).map((row) => this.view(table, row));
  }

  record(table: TableDef, recordId: string): ViewRecord | undefined {
    const row = getRecord(this.db, table.id, recordId);
    return row ? this.view(table, row) : undefined;
  }

  primaryField(table: TableDef): FieldDef | undefined {
    return table.fields.find((f) => f.id === table.primaryFieldId);
  }

  /** The text a record is known by: its primary field as the Airtable UI shows it. */
  primaryText(table: TableDef, record: ViewRecord): string {
    const primary = this.primaryField(table);
    const value = primary ? record.cells[primary.id] : undefined;
    if (!primary || value === undefined) return 'Unnamed record';
    return this.display(primary, value);
  }

  /** The primary text of a linked record (cached per page: grids repeat the same links many times). */
  linkedName(tableId: string, recordId: string): string {
    const key = `${tableId}/${recordId}`;
    let name = this.names.get(key);
    if (name === undefined) {
      const table = this.table(tableId);
      const record = table ? this.record(table, recordId) : undefined;
      name = table && record ? this.primaryText(table, record) : recordId;
      this.names.set(key, name);
    }
    return name;
  }

  /** A cell value as text, the way the Airtable UI prints it (dates, numbers, percent, currency). */
  display(field: FieldDef, value: unknown): string {
    return stringValue(field, value, {
      timeZone: 'UTC',
      userLocale: 'en-GB',
      linkedName: (tableId, recordId) => this.linkedName(tableId, recordId),
    });
  }

  private view(table: TableDef, row: RecordRow): ViewRecord {
    return { id: row.id, createdTime: row.createdTime, cells: apiCells(table, row, this.scope) };
  }
}

/** The single select a board groups by: one named Status, else the first single select. */
export function kanbanField(table: TableDef): FieldDef | undefined {
  const selects = table.fields.filter((f) => f.type === 'singleSelect');
  return selects.find((f) => f.name === 'Status') ?? selects[0];
}

export function recordHref(baseId: string, tableId: string, recordId: string): string {
  return `/viewer/airtable/${baseId}/${tableId}/${recordId}`;
}

/**
 * A table as a kanban board grouped by its status field (the Purchase Orders board agents work from): one column
 * per choice in the field's order, a card per record with its links, dates and any sync issue.
 */
import type Database from 'better-sqlite3';
import type { LocalResponse } from '../types.ts';
import type { FieldDef, TableDef } from '../airtable/store.ts';
import { cellHtml } from './airtable-cells.ts';
import { BaseView, kanbanField, recordHref, type ViewRecord } from './airtable-data.ts';
import { colorClass, html, type SafeHtml } from './html.ts';
import { boardBadges, type CardBadges } from './board-badges.ts';
import { notFoundPage, pageHeader, renderPage } from './layout.ts';

/** Up to two links and two dates: what an agent scans a card for (project, supplier, order and ship-by dates). */
function cardFields(table: TableDef, group: FieldDef, record: ViewRecord): FieldDef[] {
  const filled = table.fields.filter((f) => f.id !== table.primaryFieldId && f.id !== group.id && record.cells[f.id] !== undefined);
  const links = filled.filter((f) => f.type === 'multipleRecordLinks').slice(0, 2);
  const dates = filled.filter((f) => f.type === 'date' || f.type === 'dateTime').slice(-2);
  return [...links, ...dates];
}

export function tabsFor(view: BaseView, table: TableDef, on: 'grid' | 'kanban'): SafeHtml {
  if (!kanbanField(table)) return html``;
  const base = `/viewer/airtable/${view.base.id}/${table.id}`;
  return html`<div class="tabs"><a href="${base}" class="${on === 'grid' ? 'on' : ''}">Grid</a><a href="${base}/kanban" class="${on === 'kanban' ? 'on' : ''}">Kanban by ${kanbanField(table)?.name}</a></div>`;
}

function card(view: BaseView, table: TableDef, group: FieldDef, record: ViewRecord, badges: CardBadges): SafeHtml {
  const issues = table.fields.find((f) => f.name === 'Sync issues');
  const issue = issues && record.cells[issues.id] !== undefined ? html`<div class="row">${cellHtml(view, issues, record.cells[issues.id], 'grid')}</div>` : '';
  return html`<div class="kcard" data-record="${record.id}"><a class="title" href="${recordHref(view.base.id, table.id, record.id)}">${view.primaryText(table, record)}</a>${badges(record.id)}${cardFields(table, group, record).map(
    (f) => html`<div class="row"><b>${f.name}</b> ${cellHtml(view, f, record.cells[f.id], 'grid')}</div>`,
  )}${issue}</div>`;
}

export function kanbanPage(db: Database.Database, baseId: string, tableId: string): LocalResponse {
  const view = BaseView.open(db, baseId);
  const table = view?.table(tableId);
  const group = table ? kanbanField(table) : undefined;
  if (!view || !table || !group) return notFoundPage(db, `No table ${tableId} with a single select to group by in base ${baseId}.`);
  const records = view.records(table);
  const choices = ((group.options?.['choices'] as { name: string; color?: string }[] | undefined) ?? []).map((c) => ({ name: c.name, color: c.color }));
  const columns: { name: string; color: string | undefined; records: ViewRecord[] }[] = choices.map((c) => ({
    ...c,
    records: records.filter((r) => r.cells[group.id] === c.name),
  }));
  const badges = boardBadges(view, table);
  const ungrouped = records.filter((r) => r.cells[group.id] === undefined);
  if (ungrouped.length > 0) columns.unshift({ name: `No ${group.name.toLowerCase()}`, color: undefined, records: ungrouped });
  const board = columns.map(
    (col) => html`<section class="col ${colorClass('at', col.color)}" data-status="${col.name}"><div class="col-head"><span>${col.name}</span><span>${col.records.length}</span></div>${col.records.map((r) => card(view, table, group, r, badges))}</section>`,
  );
  return renderPage(db, {
    title: `${table.name} board`,
    active: `/viewer/airtable/${baseId}/${table.id}/kanban`,
    body: html`${pageHeader(`${table.name} board`, {
      crumbs: [html`<a href="/viewer/airtable/${baseId}">${view.base.name}</a>`],
      sub: `${records.length} records by ${group.name}`,
    })}${tabsFor(view, table, 'kanban')}<div class="board">${board}</div>`,
  });
}

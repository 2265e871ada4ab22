/**
 * Airtable pages: a base's tables, a table as a grid (every field, sticky header and primary column), and one
 * record expanded with every field in full, as Airtable's "expand record" shows it.
 */
import type Database from 'better-sqlite3';
import type { LocalResponse } from '../types.ts';
import type { TableDef } from '../airtable/store.ts';
import { cellHtml, typeMark } from './airtable-cells.ts';
import { BaseView, recordHref } from './airtable-data.ts';
import { html, type SafeHtml } from './html.ts';
import { tabsFor } from './kanban.ts';
import { notFoundPage, pageHeader, renderPage } from './layout.ts';
import { alertButtons } from './alerts-panel.ts';
import { recordForm } from './record-form.ts';
import { gridFilter } from './grid-filters.ts';

const MAX_GRID_ROWS = 500;

export function basePage(db: Database.Database, baseId: string): LocalResponse {
  const view = BaseView.open(db, baseId);
  if (!view) return notFoundPage(db, `No base ${baseId} in this workspace.`);
  const rows = view.tables.map((t) => {
    const n = (db.prepare('SELECT COUNT(*) AS n FROM airtable_records WHERE table_id = ?').get(t.id) as { n: number }).n;
    return html`<tr><td><a href="/viewer/airtable/${view.base.id}/${t.id}">${t.name}</a></td><td>${n}</td><td>${t.fields.length}</td><td class="snip">${t.description ?? ''}</td></tr>`;
  });
  return renderPage(db, {
    title: view.base.name,
    active: `/viewer/airtable/${baseId}`,
    body: html`${pageHeader(view.base.name, { sub: `${view.tables.length} tables · ${baseId}` })}
<table class="list"><thead><tr><th>Table</th><th>Records</th><th>Fields</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`,
  });
}

export function gridPage(db: Database.Database, baseId: string, tableId: string, query = new URLSearchParams()): LocalResponse {
  const view = BaseView.open(db, baseId);
  const table = view?.table(tableId);
  if (!view || !table) return notFoundPage(db, `No table ${tableId} in base ${baseId}.`);
  const everything = view.records(table);
  const filter = gridFilter(view, table, query, everything);
  const all = filter ? filter.apply(everything) : everything;
  // A grid of thousands of rows helps no one reading it; the count says how many there are.
  const records = all.slice(0, MAX_GRID_ROWS);
  const primary = view.primaryField(table);
  const others = table.fields.filter((f) => f.id !== table.primaryFieldId);
  const head = html`<tr><th class="rownum"></th><th class="primary"><span class="ftype">${primary ? typeMark(primary) : ''}</span>${primary?.name ?? ''}</th>${others.map(
    (f) => html`<th title="${f.description ?? f.type}"><span class="ftype">${typeMark(f)}</span>${f.name}</th>`,
  )}</tr>`;
  const body = records.map(
    (r, i) => html`<tr id="${r.id}"><td class="rownum">${i + 1}</td><td class="primary"><a href="${recordHref(baseId, table.id, r.id)}">${view.primaryText(table, r)}</a></td>${others.map(
      (f) => html`<td>${cellHtml(view, f, r.cells[f.id], 'grid')}</td>`,
    )}</tr>`,
  );
  const grid =
    records.length === 0
      ? html`<p class="empty">No records yet.</p>`
      : html`<div class="gridwrap"><table class="grid"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
  return renderPage(db, {
    title: table.name,
    active: `/viewer/airtable/${baseId}/${table.id}`,
    body: html`${pageHeader(table.name, {
      crumbs: [html`<a href="/viewer/airtable/${baseId}">${view.base.name}</a>`],
      sub: `${all.length} records${all.length < everything.length ? ` of ${everything.length}` : ''}${all.length > records.length ? ` (first ${records.length} shown)` : ''} · ${table.fields.length} fields`,
    })}${tabsFor(view, table, 'grid')}${filter?.form ?? ''}${grid}`,
  });
}

export function recordPage(db: Database.Database, baseId: string, tableId: string, recordId: string): LocalResponse {
  const view = BaseView.open(db, baseId);
  const table = view?.table(tableId);
  const record = table ? view?.record(table, recordId) : undefined;
  if (!view || !table || !record) return notFoundPage(db, `No record ${recordId} in table ${tableId}.`);
  const href = recordHref(baseId, table.id, record.id);
  const status = table.fields.find((f) => f.name === 'Status');
  const alertBar =
    table.name === 'Alerts' && status
      ? html`<div class="panel alertbar">Status: <b>${String(record.cells[status.id] ?? '—')}</b> ${alertButtons(baseId, table.id, record.id, href)}</div>`
      : '';
  return renderPage(db, {
    title: view.primaryText(table, record),
    active: `/viewer/airtable/${baseId}/${table.id}`,
    body: html`${pageHeader(view.primaryText(table, record), {
      crumbs: [html`<a href="/viewer/airtable/${baseId}">${view.base.name}</a>`, html`<a href="/viewer/airtable/${baseId}/${table.id}#${record.id}">${table.name}</a>`],
      sub: `${record.id} · created ${record.createdTime.slice(0, 16).replace('T', ' ')} UTC`,
    })}${alertBar}${recordForm(view, table, record, href)}`,
  });
}

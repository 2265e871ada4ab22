/**
 * Filters for long grids (Milestones has 12 rows per PO): by the linked purchase order and by the status field,
 * as a plain GET form (`?po=<record>&status=<choice>`), so a filtered grid is a link one can share.
 */
import type { FieldDef, TableDef } from '../airtable/store.ts';
import { kanbanField, type BaseView, type ViewRecord } from './airtable-data.ts';
import { html, type SafeHtml } from './html.ts';

export interface GridFilter {
  form: SafeHtml;
  apply(records: ViewRecord[]): ViewRecord[];
}

export function gridFilter(view: BaseView, table: TableDef, query: URLSearchParams, records: ViewRecord[]): GridFilter | undefined {
  const poTable = view.tables.find((t) => t.name === 'Purchase Orders');
  const po: FieldDef | undefined = poTable && poTable.id !== table.id
    ? table.fields.find((f) => f.type === 'multipleRecordLinks' && f.options?.['linkedTableId'] === poTable.id)
    : undefined;
  const status = kanbanField(table);
  if ((!po && !status) || records.length < 20) return undefined;
  const wantedPo = query.get('po') ?? '';
  const wantedStatus = query.get('status') ?? '';
  const poIds = po ? [...new Set(records.flatMap((r) => (r.cells[po.id] as string[] | undefined) ?? []))] : [];
  const poOptions = poTable
    ? poIds.map((id) => ({ id, name: view.linkedName(poTable.id, id) })).sort((a, b) => a.name.localeCompare(b.name))
    : [];
  const choices = ((status?.options?.['choices'] as { name: string }[] | undefined) ?? []).map((c) => c.name);
  const form = html`<form class="filters" method="get"><b>Filter</b>${
    po ? html`<label>${po.name} <select name="po"><option value="">all</option>${poOptions.map((o) => html`<option value="${o.id}" ${o.id === wantedPo ? html`selected` : ''}>${o.name}</option>`)}</select></label>` : ''
  }${
    status ? html`<label>${status.name} <select name="status"><option value="">all</option>${choices.map((c) => html`<option ${c === wantedStatus ? html`selected` : ''}>${c}</option>`)}</select></label>` : ''
  }<button type="submit">Show</button>${wantedPo || wantedStatus ? html`<a href="?">clear</a>` : ''}</form>`;
  return {
    form,
    apply: (rows) =>
      rows.filter(
        (r) =>
          (!po || !wantedPo || ((r.cells[po.id] as string[] | undefined) ?? []).includes(wantedPo)) &&
          (!status || !wantedStatus || r.cells[status.id] === wantedStatus),
      ),
  };
}

/**
 * A record's fields as a form, the way an agent edits in Airtable's expanded record: text, numbers, dates,
 * checkboxes and single selects are inputs; links, files and computed fields are shown as they are. Saving
 * PATCHes only the changed fields through the Airtable API (actions.ts).
 */
import type { FieldDef, TableDef } from '../airtable/store.ts';
import { EDITABLE_TYPES } from './actions.ts';
import { cellHtml, typeMark } from './airtable-cells.ts';
import type { BaseView, ViewRecord } from './airtable-data.ts';
import { html, type SafeHtml } from './html.ts';

function input(field: FieldDef, value: unknown): SafeHtml {
  const name = `f.${field.id}`;
  const present = html`<input type="hidden" name="present.${field.id}" value="1">`;
  const text = value === undefined || value === null ? '' : String(value);
  switch (field.type) {
    case 'multilineText':
      return html`${present}<textarea name="${name}" rows="${Math.min(8, Math.max(2, text.split('\n').length))}">${text}</textarea>`;
    case 'number':
    case 'currency':
      return html`${present}<input type="number" step="any" name="${name}" value="${text}">`;
    case 'percent':
      return html`${present}<input type="number" step="any" name="${name}" value="${text}"> <span class="muted">as a fraction: 0.3 = 30%</span>`;
    case 'date':
      return html`${present}<input type="date" name="${name}" value="${text}">`;
    case 'dateTime':
      return html`${present}<input type="datetime-local" name="${name}" value="${text.slice(0, 16)}"> <span class="muted">UTC</span>`;
    case 'checkbox':
      return html`${present}<input type="checkbox" name="${name}" value="1" ${value === true ? html`checked` : ''}>`;
    case 'singleSelect': {
      const choices = ((field.options?.['choices'] as { name: string }[] | undefined) ?? []).map((c) => c.name);
      return html`${present}<select name="${name}"><option value=""></option>${choices.map((c) => html`<option ${c === text ? html`selected` : ''}>${c}</option>`)}</select>`;
    }
    case 'email':
      return html`${present}<input type="email" name="${name}" value="${text}">`;
    case 'url':
      return html`${present}<input type="url" name="${name}" value="${text}">`;
    default:
      return html`${present}<input type="text" name="${name}" value="${text}">`;
  }
}

export function recordForm(view: BaseView, table: TableDef, record: ViewRecord, back: string): SafeHtml {
  const rows = table.fields.map((f) => {
    const value = record.cells[f.id];
    const shown = EDITABLE_TYPES.has(f.type)
      ? input(f, value)
      : value === undefined
        ? html`<span class="muted">—</span>`
        : cellHtml(view, f, value, 'full');
    return html`<dt><label><span class="muted">${typeMark(f)}</span> ${f.name}</label></dt><dd data-field="${f.name}">${shown}</dd>`;
  });
  return html`<form class="record" method="post" action="/viewer/act/record/${view.base.id}/${table.id}/${record.id}"><input type="hidden" name="back" value="${back}">
<div class="panel"><dl class="fields">${rows}</dl><p class="formbar"><button type="submit">Save changes</button> <span class="muted">as the agency: one PATCH of the changed fields through the Airtable API, as an edit in Airtable would be</span></p></div></form>`;
}

/**
 * Open alerts as the agency works them: most severe first (the order of the Severity field's choices, read from
 * the base, last = most severe), each with Acknowledge and Snooze buttons that PATCH the alert through the Airtable
 * API (actions.ts). Also the per-PO counts the board cards show as badges.
 */
import type Database from 'better-sqlite3';
import { listBases, type FieldDef, type TableDef } from '../airtable/store.ts';
import { BaseView, recordHref, type ViewRecord } from './airtable-data.ts';
import { html, type SafeHtml } from './html.ts';

export interface AlertsView {
  view: BaseView;
  table: TableDef;
  open: ViewRecord[];
  severity?: FieldDef;
  /** Severity names, least to most severe, as the base orders them. */
  levels: string[];
}

/** The Alerts table of a base (a table named Alerts with a Status field), with its open alerts most severe first. */
export function openAlerts(view: BaseView): AlertsView | undefined {
  const table = view.tables.find((t) => t.name === 'Alerts');
  const status = table?.fields.find((f) => f.name === 'Status');
  if (!table || !status) return undefined;
  const severity = table.fields.find((f) => f.name === 'Severity');
  const levels = ((severity?.options?.['choices'] as { name: string }[] | undefined) ?? []).map((c) => c.name);
  const rank = (r: ViewRecord) => levels.indexOf(String(severity ? (r.cells[severity.id] ?? '') : ''));
  const open = view
    .records(table)
    .filter((r) => r.cells[status.id] === 'Open')
    .sort((a, b) => rank(b) - rank(a));
  return { view, table, open, severity, levels };
}

export function alertButtons(baseId: string, tableId: string, recordId: string, back: string): SafeHtml {
  const action = `/viewer/act/alert/${baseId}/${tableId}/${recordId}`;
  return html`<span class="actions"><form method="post" action="${action}"><input type="hidden" name="do" value="acknowledge"><input type="hidden" name="back" value="${back}"><button type="submit">Acknowledge</button></form><form method="post" action="${action}"><input type="hidden" name="do" value="snooze"><input type="hidden" name="back" value="${back}"><button type="submit" class="secondary">Snooze 1 day</button></form></span>`;
}

/** The overview's panel: the first `limit` open alerts of each base, with their buttons. */
export function openAlertsPanel(db: Database.Database, limit = 8): SafeHtml[] {
  // The overview answers "what is new?": newest first (a client's comment after the last cycle is on top), and
  // the most severe first among alerts seen at the same moment.
  return listBases(db, undefined, 1000).flatMap((base) => {
    const view = BaseView.open(db, base.id);
    const alerts = view ? openAlerts(view) : undefined;
    if (!view || !alerts) return [];
    const { table, severity } = alerts;
    const firstSeen = table.fields.find((f) => f.name === 'First seen');
    const seen = (r: ViewRecord) => String(firstSeen ? (r.cells[firstSeen.id] ?? '') : '');
    const open = [...alerts.open].sort((a, b) => seen(b).localeCompare(seen(a)));
    const message = table.fields.find((f) => f.name === 'Message');
    const po = table.fields.find((f) => f.name === 'PO');
    const rows = open.slice(0, limit).map((r) => {
      const level = severity ? String(r.cells[severity.id] ?? '') : '';
      const links = po ? ((r.cells[po.id] as string[] | undefined) ?? []) : [];
      const poNames = links.map((id) => (po?.options?.['linkedTableId'] ? view.linkedName(String(po.options['linkedTableId']), id) : id));
      return html`<li class="alert" data-alert="${r.id}"><span class="sev sev-${level.toLowerCase()}">${level}</span> ${poNames.length > 0 ? html`<b>${poNames.join(', ')}</b> ` : ''}<a href="${recordHref(base.id, table.id, r.id)}">${message ? String(r.cells[message.id] ?? '').split('\n')[0] : view.primaryText(table, r)}</a>${alertButtons(base.id, table.id, r.id, '/')}</li>`;
    });
    return [
      html`<div class="panel"><h3><a href="/viewer/airtable/${base.id}/${table.id}">Open alerts</a> <span class="muted">${base.name} · ${open.length} open, newest first${open.length > limit ? ` (${limit} shown; all in the Alerts table)` : ''}</span></h3>${
        rows.length === 0 ? html`<p class="empty">No open alert.</p>` : html`<ul class="alerts">${rows}</ul>`
      }</div>`,
    ];
  });
}

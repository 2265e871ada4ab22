/**
 * The overview at `/`: what the workspace holds right now, with a way into each part: the bases with their
 * record counts, the purchase orders by status, the Notion portals, Drive and the latest mail.
 */
import type Database from 'better-sqlite3';
import type { LocalResponse } from '../types.ts';
import { listBases } from '../airtable/store.ts';
import type { MessageRow } from '../gmail/store.ts';
import { NotionStore } from '../notion/store.ts';
import { portalLinks } from '../portal-links.ts';
import { dashless } from '../notion/ids.ts';
import { BaseView, kanbanField } from './airtable-data.ts';
import { colorClass, html, type SafeHtml } from './html.ts';
import { pageHeader, renderPage } from './layout.ts';
import { titleOf } from './notion-blocks.ts';
import { openAlertsPanel } from './alerts-panel.ts';
import type { ViewerContext } from './context.ts';
import { happenedSummary } from './happened.ts';

function count(db: Database.Database, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n;
}

/** Each board's records per status, as chips linking to the board. */
function pipelines(db: Database.Database): SafeHtml[] {
  return listBases(db, undefined, 1000).flatMap((base) => {
    const view = BaseView.open(db, base.id);
    if (!view) return [];
    return view.tables
      .filter((t) => /order/i.test(t.name) && kanbanField(t))
      .map((table) => {
        const field = kanbanField(table);
        if (!field) return html``;
        const records = view.records(table);
        const choices = (field.options?.['choices'] as { name: string; color?: string }[] | undefined) ?? [];
        const counts = choices
          .map((c) => ({ ...c, n: records.filter((r) => r.cells[field.id] === c.name).length }))
          .filter((c) => c.n > 0);
        return html`<div class="panel"><h3><a href="/viewer/airtable/${base.id}/${table.id}/kanban">${table.name} by ${field.name}</a> <span class="muted">${base.name} · ${records.length}</span></h3><div class="pipeline">${counts.map(
          (c) => html`<span class="chip ${colorClass('at', c.color)}">${c.name} · ${c.n}</span>`,
        )}</div></div>`;
      });
  });
}

/** The factories' own portals, when the process running the jobs lends their links (see hooks.ts). */
function supplierPortals(ctx: ViewerContext): SafeHtml {
  // The hook of the process running the jobs, else the links the CLI last handed over (PUT /__workspace/portal-links).
  const hooked = ctx.hooks.supplierLinks?.() ?? [];
  const links = hooked.length > 0 ? hooked : portalLinks(ctx.db);
  if (links.length === 0) {
    return html`<div class="panel"><h3>Factory portals</h3><p class="muted">Each factory gets its own portal page for its milestones. The links appear here when <code>npm start</code> runs the jobs (or print them with <code>npx sourcing supplier-links</code>).</p></div>`;
  }
  return html`<div class="panel"><h3>Factory portals</h3><p class="muted">Open one as that factory would: it sees only its own orders.</p><ul>${links.map((l) => html`<li><a class="factory" href="${l.url}" rel="noreferrer">${l.supplier}</a></li>`)}</ul></div>`;
}

export function homePage(ctx: ViewerContext): LocalResponse {
  const db = ctx.db;
  const bases = listBases(db, undefined, 1000);
  const records = count(db, 'SELECT COUNT(*) AS n FROM airtable_records');
  const store = new NotionStore(db);
  // Portals are the pages directly under a top-level page ("Client portals" → "<Client> · Sourcing portal");
  // a top-level page with no sub-pages is shown itself.
  const live = store.allPages().filter((p) => !p.in_trash);
  const portals = live
    .filter((p) => p.parent.type === 'workspace')
    .flatMap((top) => {
      const children = live.filter((p) => p.parent.type === 'page_id' && p.parent.page_id === top.id);
      return children.length > 0 ? children : [top];
    });
  const pages = count(db, 'SELECT COUNT(*) AS n FROM notion_pages');
  const files = count(db, "SELECT COUNT(*) AS n FROM drive_files WHERE is_root = 0 AND trashed = 0 AND mime_type <> 'application/vnd.google-apps.folder'");
  const mails = db.prepare('SELECT * FROM gmail_messages ORDER BY internal_ms DESC LIMIT 5').all() as MessageRow[];
  const mailCount = count(db, 'SELECT COUNT(*) AS n FROM gmail_messages');
  const card = (href: string, big: number, label: string, note: SafeHtml | string) =>
    html`<a class="card" href="${href}"><div class="big">${big}</div><div class="label">${label}</div><div class="muted">${note}</div></a>`;
  const firstBase = bases[0];
  const empty =
    bases.length === 0
      ? html`<div class="panel hint"><h3>This workspace is empty</h3><p>Load the sample agency (3 clients, 8 factories, 12 purchase orders) with <code>npx sourcing provision --sample</code>, then run the jobs once with <code>npm start</code>, which does both in one go.</p></div>`
      : '';
  const body = html`${pageHeader('Local workspace', { sub: 'Airtable, Notion, Drive and Gmail as the jobs left them' })}${empty}
<div class="cards">
${card(firstBase ? `/viewer/airtable/${firstBase.id}` : '/', records, 'Airtable records', `${bases.length} base${bases.length === 1 ? '' : 's'}`)}
${card('/viewer/notion', pages, 'Notion pages', `${portals.length} portal${portals.length === 1 ? '' : 's'}`)}
${card('/viewer/drive', files, 'Drive files', 'PDFs open in the browser')}
${card('/viewer/outbox', mailCount, 'Emails sent', 'reminders and digests')}
</div>
${pipelines(db)}
${happenedSummary(ctx)}
${openAlertsPanel(db)}
${bases.length > 0 ? supplierPortals(ctx) : ''}
${portals.length > 0 ? html`<div class="panel"><h3>Client portals</h3><ul>${portals.map((p) => html`<li><a href="/notion/${dashless(p.id)}">${titleOf(store, p.id)}</a></li>`)}</ul></div>` : ''}
${mails.length > 0 ? html`<div class="panel"><h3>Latest mail</h3><ul>${mails.map((m) => html`<li><a href="/viewer/outbox/${m.id}">${m.subject || '(no subject)'}</a> <span class="muted">to ${m.to_header}</span></li>`)}</ul></div>` : ''}`;
  return renderPage(db, { title: 'Overview', active: '/', body });
}

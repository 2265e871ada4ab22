/**
 * The page frame of the viewer: a left navigation over everything the workspace holds (Airtable bases and
 * tables, Notion portals, Drive, the outbox) and the page body. Responses carry a strict CSP (no script at all, the
 * stylesheet from this server only) so even a mistake in escaping could not run code; forms may post only here.
 */
import type Database from 'better-sqlite3';
import type { LocalResponse } from '../types.ts';
import { listBases, loadTables } from '../airtable/store.ts';
import { NotionStore } from '../notion/store.ts';
import { plainText } from '../notion/rich-text.ts';
import { dashless } from '../notion/ids.ts';
import { html, type HtmlValue, type SafeHtml } from './html.ts';
import { kanbanField } from './airtable-data.ts';

export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data: http: https:; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export interface PageSpec {
  title: string;
  /** The path whose nav link is highlighted. */
  active: string;
  body: SafeHtml;
  status?: number;
}

export function renderPage(db: Database.Database, spec: PageSpec): LocalResponse {
  const doc = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${spec.title} · Local workspace</title><link rel="stylesheet" href="/viewer/assets/viewer.css"></head>
<body>${navigation(db, spec.active)}<main>${spec.body}</main></body></html>`;
  return { status: spec.status ?? 200, headers: PAGE_HEADERS, body: Buffer.from(doc.value, 'utf8') };
}

export function notFoundPage(db: Database.Database, what: string): LocalResponse {
  return renderPage(db, {
    title: 'Not found',
    active: '',
    status: 404,
    body: html`<header class="page"><h1>Not found</h1></header><p class="empty">${what}</p><p><a href="/">Back to the overview</a></p>`,
  });
}

/** A page header with optional breadcrumbs and a subtitle. */
export function pageHeader(title: HtmlValue, options: { crumbs?: SafeHtml[]; sub?: HtmlValue } = {}): SafeHtml {
  const crumbs = options.crumbs && options.crumbs.length > 0 ? html`<div class="crumbs">${options.crumbs.map((c, i) => html`${i > 0 ? ' / ' : ''}${c}`)}</div>` : '';
  return html`${crumbs}<header class="page"><h1>${title}</h1>${options.sub === undefined ? '' : html`<span class="sub">${options.sub}</span>`}</header>`;
}

function navLink(href: string, label: HtmlValue, active: string, options: { top?: boolean; count?: number } = {}): SafeHtml {
  const classes = [options.top ? 'top' : '', active === href ? 'active' : ''].filter(Boolean).join(' ');
  // The count is decoration: screen readers (and tests) know the link by its label alone.
  const count = options.count === undefined ? '' : html`<span class="count" aria-hidden="true">${options.count}</span>`;
  return html`<a href="${href}" class="${classes}">${count}${label}</a>`;
}

function navigation(db: Database.Database, active: string): SafeHtml {
  const bases = listBases(db, undefined, 1000);
  const counts = new Map(
    (db.prepare('SELECT table_id AS id, COUNT(*) AS n FROM airtable_records GROUP BY table_id').all() as { id: string; n: number }[]).map((r) => [r.id, r.n]),
  );
  const airtable = bases.map((base) => {
    const tables = loadTables(db, base.id);
    const boards = tables.filter((t) => kanbanField(t) !== undefined && /order/i.test(t.name));
    return html`<h3>${base.name}</h3>
${boards.map((t) => navLink(`/viewer/airtable/${base.id}/${t.id}/kanban`, html`▦ ${t.name} board`, active))}
${tables.map((t) => navLink(`/viewer/airtable/${base.id}/${t.id}`, t.name, active, { count: counts.get(t.id) ?? 0 }))}`;
  });
  const store = new NotionStore(db);
  const titled = (id: string) => {
    const title = store.getPage(id)?.properties['title']?.['title'];
    return Array.isArray(title) && title.length > 0 ? plainText(title) : 'Untitled';
  };
  // Top-level pages and the pages right under them: the portals, whether they sit at the top or under a
  // "Client portals" page.
  const portals = store
    .allPages()
    .filter((p) => p.parent.type === 'workspace' && !p.in_trash)
    .map((p) => {
      const children = store.childrenOf(p.id).filter((b) => b.type === 'child_page');
      return html`${navLink(`/notion/${dashless(p.id)}`, titled(p.id), active)}${children.map((c) => navLink(`/notion/${dashless(c.id)}`, html`<span class="sub">${titled(c.id)}</span>`, active))}`;
    });
  const files = (db.prepare("SELECT COUNT(*) AS n FROM drive_files WHERE is_root = 0 AND trashed = 0 AND mime_type <> 'application/vnd.google-apps.folder'").get() as { n: number }).n;
  const mails = (db.prepare('SELECT COUNT(*) AS n FROM gmail_messages').get() as { n: number }).n;
  const chats = (db.prepare('SELECT COUNT(*) AS n FROM chat_messages').get() as { n: number }).n;
  return html`<nav class="side"><a class="brand" href="/">Local workspace<small>the jobs' data; act in it</small></a>
${navLink('/', 'Overview', active, { top: true })}
<h2>Airtable</h2>${airtable.length > 0 ? airtable : html`<a class="top muted">No base yet</a>`}
<h2>Notion</h2>${navLink('/viewer/notion', 'All portals', active, { top: true })}${portals}
<h2>Google</h2>${navLink('/viewer/drive', 'Drive', active, { top: true, count: files })}${navLink('/viewer/outbox', 'Outbox', active, { top: true, count: mails })}
<h2>Chat</h2>${navLink('/viewer/chat', 'WeCom and Slack', active, { top: true, count: chats })}
</nav>`;
}

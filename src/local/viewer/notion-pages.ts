/**
 * Notion pages as a client would see their portal: the list of top-level pages, a page with its properties,
 * content and comments next to the page tree of its portal, and databases as tables of their rows.
 * `/notion/<id>` is the URL the local Notion API hands out for pages, databases and data sources.
 */
import type Database from 'better-sqlite3';
import type { LocalResponse } from '../types.ts';
import { dashless, normalizeId } from '../notion/ids.ts';
import type { PropertySchema } from '../notion/property-schema.ts';
import { renderValue } from '../notion/property-values.ts';
import type { Json } from '../notion/request-body.ts';
import { plainText } from '../notion/rich-text.ts';
import { NotionStore, type DataSourceRow, type PageRow } from '../notion/store.ts';
import { colorClass, html, type SafeHtml } from './html.ts';
import { notFoundPage, pageHeader, renderPage } from './layout.ts';
import { localHref, renderBlocks, richText, titleOf, type BlockContext } from './notion-blocks.ts';
import { approvalForms, commentForm } from './client-forms.ts';

const MAX_ROWS = 200;

export function portalsPage(db: Database.Database): LocalResponse {
  const store = new NotionStore(db);
  const top = store.allPages().filter((p) => p.parent.type === 'workspace' && !p.in_trash);
  const rows = top.map((p) => {
    const children = store.childrenOf(p.id).filter((b) => b.type === 'child_page' || b.type === 'child_database').length;
    return html`<tr><td><a href="/notion/${dashless(p.id)}">${iconText(p.icon)} ${titleOf(store, p.id)}</a></td><td>${children}</td><td class="snip">${p.last_edited_time.slice(0, 16).replace('T', ' ')}</td></tr>`;
  });
  return renderPage(db, {
    title: 'Notion portals',
    active: '/viewer/notion',
    body: html`${pageHeader('Notion portals', { sub: 'top-level pages shared with the integration' })}${
      top.length === 0
        ? html`<p class="empty">No Notion page yet: the sync job creates one portal per client.</p>`
        : html`<table class="list"><thead><tr><th>Page</th><th>Sub-pages and databases</th><th>Last edited (UTC)</th></tr></thead><tbody>${rows}</tbody></table>`
    }`,
  });
}

/** `/notion/<id>`: a page, a database or a data source. */
export function notionObjectPage(db: Database.Database, rawId: string): LocalResponse {
  const store = new NotionStore(db);
  const id = normalizeId(rawId);
  if (!id) return notFoundPage(db, `"${rawId}" is not a Notion ID.`);
  const page = store.getPage(id);
  if (page) return pageView(db, store, page);
  const databaseId = store.getDatabase(id)?.id ?? store.getDataSource(id)?.database_id;
  if (databaseId) return databaseView(db, store, databaseId);
  return notFoundPage(db, `No Notion page or database ${id} in this workspace.`);
}

function iconText(icon: Json | null): string {
  return icon && typeof icon['emoji'] === 'string' ? icon['emoji'] : '📄';
}

/** The chain of pages and databases above an object, top first. */
function ancestors(store: NotionStore, page: PageRow): { id: string; title: string }[] {
  const chain: { id: string; title: string }[] = [];
  let parent: Json | undefined = page.parent as Json;
  for (let guard = 0; parent && guard < 32; guard += 1) {
    let nextId: string | undefined;
    if (parent['type'] === 'page_id') nextId = String(parent['page_id']);
    else if (parent['type'] === 'data_source_id') nextId = String(parent['database_id']);
    if (!nextId) break;
    chain.unshift({ id: nextId, title: titleOf(store, nextId) });
    parent = (store.getPage(nextId)?.parent ?? store.getDatabase(nextId)?.parent) as Json | undefined;
  }
  return chain;
}

function blockContext(store: NotionStore): BlockContext {
  return { store, database: (id) => inlineDatabase(store, id) };
}

function pageView(db: Database.Database, store: NotionStore, page: PageRow): LocalResponse {
  const chain = ancestors(store, page);
  const title = titleOf(store, page.id);
  const dataSource = page.data_source_id ? store.getDataSource(page.data_source_id) : undefined;
  const properties = dataSource ? propertiesHtml(store, page, dataSource) : html``;
  const rootId = chain[0]?.id ?? page.id;
  // The portal's client, from "<Client> · Sourcing portal" above the page: the name a comment is signed with.
  const clientName = [...chain.map((c) => c.title), title].find((t) => t.includes(' · '))?.split(' · ')[0] ?? 'Client';
  const facts = { created_time: page.created_time, last_edited_time: page.last_edited_time, botId: '' };
  const selected = (p: PropertySchema) => String(((renderValue(p, page.properties[p.id], facts)['select'] as Json | null) ?? {})['name'] ?? '');
  const clientActions = approvalForms(page, dataSource, selected);
  const trashed = page.in_trash ? html`<p class="issue">This page is in the trash.</p>` : '';
  const body = html`<div class="layout2"><aside class="tree">${tree(store, rootId, page.id)}</aside>
<article class="notion"><div class="crumbs">${chain.map((c, i) => html`${i > 0 ? ' / ' : ''}<a href="/notion/${dashless(c.id)}">${c.title}</a>`)}</div>
<div class="icon">${iconText(page.icon)}</div><h1 class="title">${title}</h1>${trashed}${properties}
${clientActions}
${renderBlocks(blockContext(store), page.id)}${comments(store, page.id)}${commentForm(page, clientName)}</article></div>`;
  // The navigation lists top-level pages and the pages right under them: highlight the deepest of those above.
  const path = [...chain.map((c) => c.id), page.id];
  const navId = path[1] !== undefined && store.getPage(path[1]) && !store.getPage(path[1])?.data_source_id ? path[1] : path[0];
  return renderPage(db, { title, active: `/notion/${dashless(navId ?? page.id)}`, body });
}

function propertiesHtml(store: NotionStore, page: PageRow, dataSource: DataSourceRow): SafeHtml {
  const facts = { created_time: page.created_time, last_edited_time: page.last_edited_time, botId: '' };
  const rows = dataSource.properties
    .filter((p) => p.type !== 'title')
    .map((p) => html`<div class="pn">${p.name}</div><div>${propertyValue(store, p, renderValue(p, page.properties[p.id], facts))}</div>`);
  return html`<div class="props">${rows}</div>`;
}

function chip(option: unknown): SafeHtml {
  const o = (option ?? {}) as Json;
  return html`<span class="chip ${colorClass('nt', o['color'])}">${String(o['name'] ?? '')}</span>`;
}

/** One property value (response form) as HTML. */
export function propertyValue(store: NotionStore, property: PropertySchema, value: Json): SafeHtml {
  const v = value[property.type];
  if (v === null || v === undefined) return html``;
  switch (property.type) {
    case 'title':
    case 'rich_text':
      return richText(v);
    case 'select':
    case 'status':
      return chip(v);
    case 'multi_select':
      return html`${(v as unknown[]).map(chip)}`;
    case 'checkbox':
      return v === true ? html`<span class="check">✓</span>` : html``;
    case 'date': {
      const d = v as Json;
      return html`${String(d['start'] ?? '')}${d['end'] ? html` → ${String(d['end'])}` : ''}`;
    }
    case 'url':
    case 'email':
    case 'phone_number': {
      const href = property.type === 'url' ? localHref(v) : property.type === 'email' ? localHref(`mailto:${String(v)}`) : undefined;
      return href ? html`<a href="${href}">${String(v)}</a>` : html`${String(v)}`;
    }
    case 'relation':
      return html`${(v as Json[]).map((r) => html`<a class="link-chip" href="/notion/${dashless(String(r['id']))}">${titleOf(store, String(r['id']))}</a>`)}`;
    case 'files':
      return html`${(v as Json[]).map((f) => {
        const href = localHref((f['external'] as Json | undefined)?.['url']);
        return href ? html`<a class="attach" href="${href}">📎 ${String(f['name'] ?? 'file')}</a>` : html`<span class="attach">📎 ${String(f['name'] ?? 'file')}</span>`;
      })}`;
    case 'unique_id': {
      const u = v as Json;
      return u['number'] === null ? html`` : html`${u['prefix'] ? `${String(u['prefix'])}-` : ''}${String(u['number'])}`;
    }
    case 'people':
      return html`${(v as unknown[]).map(() => html`<span class="chip nt-gray">person</span>`)}`;
    case 'created_time':
    case 'last_edited_time':
      return html`${String(v).slice(0, 16).replace('T', ' ')}`;
    case 'created_by':
    case 'last_edited_by':
      return html`<span class="muted">integration</span>`;
    default:
      return html`${typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
  }
}

/** Comments on the page and on its blocks, oldest first, as the Notion comment sidebar lists them. */
function comments(store: NotionStore, pageId: string): SafeHtml {
  const targets = [pageId, ...store.childrenOf(pageId).map((b) => b.id)];
  const all = targets.flatMap((id) => store.commentsOf(id)).sort((a, b) => a.seq - b.seq);
  if (all.length === 0) return html``;
  return html`<section class="comments"><h3>Comments (${all.length})</h3>${all.map(
    (c) => html`<div class="comment"><span class="who">${String((c.display_name as Json)['resolved_name'] ?? 'Someone')}</span><span class="when">${c.created_time.slice(0, 16).replace('T', ' ')} UTC</span><div>${richText(c.rich_text)}</div></div>`,
  )}</section>`;
}

/** The page tree of a portal: child pages and databases (with their rows) under the top page. */
function tree(store: NotionStore, rootId: string, currentId: string, depth = 0): SafeHtml {
  const link = (id: string, label: string, icon: string) =>
    html`<a href="/notion/${dashless(id)}" class="${id === currentId ? 'here' : ''}">${icon} ${label}</a>`;
  if (depth > 5) return html``;
  const rootPage = store.getPage(rootId);
  const own = depth === 0 ? link(rootId, titleOf(store, rootId), rootPage ? iconText(rootPage.icon) : '🗂') : html``;
  const items = store.childrenOf(rootId)
    .filter((b) => b.type === 'child_page' || b.type === 'child_database')
    .map((b) => {
      if (b.type === 'child_page') return html`<li>${link(b.id, titleOf(store, b.id), '📄')}${tree(store, b.id, currentId, depth + 1)}</li>`;
      const rows = store.dataSourcesOf(b.id).flatMap((ds) => store.pagesOf(ds.id).filter((p) => !p.in_trash)).slice(0, MAX_ROWS);
      return html`<li>${link(b.id, titleOf(store, b.id), '🗂')}<ul>${rows.map((r) => html`<li>${link(r.id, titleOf(store, r.id), iconText(r.icon))}</li>`)}</ul></li>`;
    });
  return depth === 0 ? html`${own}<ul>${items}</ul>` : items.length > 0 ? html`<ul>${items}</ul>` : html``;
}

function rowsTable(store: NotionStore, ds: DataSourceRow): SafeHtml {
  const pages = store.pagesOf(ds.id).filter((p) => !p.in_trash);
  const titleProp = ds.properties.find((p) => p.type === 'title');
  const others = ds.properties.filter((p) => p.type !== 'title' && !/^(Airtable ID|Sync hash)$/.test(p.name));
  const head = html`<tr><th>${titleProp?.name ?? 'Name'}</th>${others.map((p) => html`<th>${p.name}</th>`)}</tr>`;
  const rows = pages.slice(0, MAX_ROWS).map((page) => {
    const facts = { created_time: page.created_time, last_edited_time: page.last_edited_time, botId: '' };
    return html`<tr><td><a href="/notion/${dashless(page.id)}">${iconText(page.icon)} ${titleOf(store, page.id)}</a></td>${others.map(
      (p) => html`<td>${propertyValue(store, p, renderValue(p, page.properties[p.id], facts))}</td>`,
    )}</tr>`;
  });
  return pages.length === 0 ? html`<p class="empty">No rows.</p>` : html`<div class="gridwrap"><table class="grid"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

function inlineDatabase(store: NotionStore, databaseId: string): SafeHtml {
  const sources = store.dataSourcesOf(databaseId);
  return html`<h3><a href="/notion/${dashless(databaseId)}">🗂 ${titleOf(store, databaseId)}</a></h3>${sources.map((ds) => rowsTable(store, ds))}`;
}

function databaseView(db: Database.Database, store: NotionStore, databaseId: string): LocalResponse {
  const database = store.getDatabase(databaseId);
  const title = titleOf(store, databaseId);
  const parent = database?.parent.type === 'page_id' ? database.parent.page_id : undefined;
  const crumbs = parent ? [html`<a href="/notion/${dashless(parent)}">${titleOf(store, parent)}</a>`] : [];
  const sources = store.dataSourcesOf(databaseId);
  const description = database ? plainText(database.description) : '';
  return renderPage(db, {
    title,
    active: '/viewer/notion',
    body: html`${pageHeader(html`🗂 ${title}`, { crumbs, sub: description || undefined })}${sources.map(
      (ds) => html`${sources.length > 1 ? html`<h3>${plainText(ds.title)}</h3>` : ''}${rowsTable(store, ds)}`,
    )}`,
  });
}

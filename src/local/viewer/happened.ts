/**
 * "What just happened": the last cycle the jobs ran (each job's one-line report) and every write it made, read
 * from the request log between the cycle's first and last request, with table and page names instead of IDs.
 */
import type { LoggedRequest } from '../request-log.ts';
import { tableById } from '../airtable/store.ts';
import { NotionStore } from '../notion/store.ts';
import type { LocalResponse } from '../types.ts';
import type { ViewerContext } from './context.ts';
import { html, type SafeHtml } from './html.ts';
import { pageHeader, renderPage } from './layout.ts';
import { titleOf } from './notion-blocks.ts';

/** Reads, including Notion's POST searches and queries (they change nothing). */
const isRead = (r: LoggedRequest) => r.method === 'GET' || r.method === 'HEAD' || /^\/v1\/(search|data_sources\/[^/]+\/query)$/.test(r.path);

export function happenedPage(ctx: ViewerContext): LocalResponse {
  const cycle = ctx.hooks.lastCycle?.();
  if (!cycle) {
    return renderPage(ctx.db, {
      title: 'What just happened',
      active: '/viewer/happened',
      body: html`${pageHeader('What just happened')}<p class="empty">No cycle has run in this process yet. Run <code>npm start</code>, then come back here (or press "Next day").</p>`,
    });
  }
  const writes = ctx.requestLog
    .list({ sinceSeq: cycle.firstSeq })
    .filter((r) => r.seq <= cycle.lastSeq && !isRead(r) && r.service !== 'control' && r.service !== 'viewer');
  const reads = ctx.requestLog.list({ sinceSeq: cycle.firstSeq }).filter((r) => r.seq <= cycle.lastSeq && isRead(r) && r.service !== 'viewer' && r.service !== 'control').length;
  const store = new NotionStore(ctx.db);
  const grouped = new Map<string, { what: string; service: string; n: number; failed: number }>();
  for (const w of writes) {
    const what = describe(ctx, store, w);
    const entry = grouped.get(what) ?? { what, service: w.service, n: 0, failed: 0 };
    entry.n += 1;
    if (w.status >= 400) entry.failed += 1;
    grouped.set(what, entry);
  }
  const steps = cycle.steps.map(
    (s) => html`<tr><td>${s.title}</td><td>${s.ok ? html`<span class="chip at-greenLight2">ok</span>` : html`<span class="chip at-redLight2">${s.problems} problem(s)</span>`}</td><td class="snip">${s.headline}</td></tr>`,
  );
  const changes = [...grouped.values()].map(
    (g) => html`<tr><td>${g.service}</td><td>${g.what}</td><td>${g.n}</td><td>${g.failed > 0 ? html`<span class="issue">${g.failed} refused</span>` : ''}</td></tr>`,
  );
  const body = html`${pageHeader('What just happened', { sub: `the last cycle, run as of ${cycle.asOf.slice(0, 16).replace('T', ' ')} UTC` })}
${cycle.error ? html`<p class="issue">The cycle stopped: ${cycle.error}</p>` : ''}
<div class="panel"><h3>Jobs</h3><table class="list"><thead><tr><th>Job</th><th>Result</th><th>Report</th></tr></thead><tbody>${steps}</tbody></table></div>
<div class="panel"><h3>Changes (${writes.length} write request${writes.length === 1 ? '' : 's'}, ${reads} reads)</h3>${
    changes.length === 0
      ? html`<p class="empty">Nothing was written: the data already matched.</p>`
      : html`<table class="list"><thead><tr><th>Service</th><th>What</th><th>Requests</th><th></th></tr></thead><tbody>${changes}</tbody></table>`
  }<p class="muted">From the request log (<code>GET /__workspace/requests?since=${cycle.firstSeq - 1}</code>).</p></div>`;
  return renderPage(ctx.db, { title: 'What just happened', active: '/viewer/happened', body });
}

/** A write request in people's words: "update records in Alerts", "send a mail", "update page PO-2404". */
function describe(ctx: ViewerContext, store: NotionStore, r: LoggedRequest): string {
  const parts = r.path.split('/').filter(Boolean);
  switch (r.service) {
    case 'airtable': {
      if (parts[1] === 'meta') return `${verb(r.method)} the base schema`;
      // The table is named by ID or by name (airtable.js sends names URL-encoded); PATCH may be an upsert.
      const segment = safeDecode(parts[2] ?? '');
      const table = segment.startsWith('tbl') ? tableById(ctx.db, segment) : undefined;
      return `${r.method === 'PATCH' ? 'update (or upsert)' : verb(r.method)} records in ${table?.name ?? (segment || 'a table')}`;
    }
    case 'notion': {
      if (parts[1] === 'pages' && parts[2]) return `${verb(r.method)} page “${titleOf(store, parts[2])}”`;
      if (parts[1] === 'pages') return 'create portal pages';
      if (parts[1] === 'blocks') return 'rewrite page sections';
      if (parts[1] === 'comments') return 'add comments';
      return `${verb(r.method)} ${parts[1] ?? ''}`;
    }
    case 'gmail':
      return /send/.test(r.path) ? 'send mail' : `${verb(r.method)} mail`;
    case 'drive':
      return r.path.startsWith('/upload') ? 'upload files' : /permissions/.test(r.path) ? 'share folders' : `${verb(r.method)} files and folders`;
    default:
      return `${r.method} ${r.path}`;
  }
}

function verb(method: string): string {
  return method === 'POST' ? 'create' : method === 'PATCH' || method === 'PUT' ? 'update' : method === 'DELETE' ? 'delete' : method;
}

/** The same summary, short, for the overview: one line per job of the last cycle. */
export function happenedSummary(ctx: ViewerContext): SafeHtml {
  const cycle = ctx.hooks.lastCycle?.();
  if (!cycle) return html``;
  return html`<div class="panel"><h3><a href="/viewer/happened">What just happened</a> <span class="muted">last cycle, as of ${cycle.asOf.slice(0, 16).replace('T', ' ')} UTC</span></h3><ul>${cycle.steps.map(
    (s) => html`<li>${s.ok ? '' : html`<span class="issue">⚠ </span>`}<b>${s.title}:</b> ${s.headline}</li>`,
  )}</ul></div>`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

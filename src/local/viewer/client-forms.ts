/**
 * What a client can do on a portal page in Notion, as forms: comment on the page (POST /v1/comments) and, on a
 * purchase-order page, set "Client approval" (PATCH /v1/pages/{id}); both go through the local Notion API
 * (actions.ts), so the portal sync brings them back exactly as it would from Notion.
 */
import type { PropertySchema } from '../notion/property-schema.ts';
import type { DataSourceRow, PageRow } from '../notion/store.ts';
import { dashless } from '../notion/ids.ts';
import { html, type SafeHtml } from './html.ts';

/** Properties the client owns on a portal row: select properties named "… approval" (read from the schema). */
function clientSelects(dataSource: DataSourceRow | undefined): PropertySchema[] {
  return (dataSource?.properties ?? []).filter((p) => p.type === 'select' && /approval$/i.test(p.name));
}

export function approvalForms(page: PageRow, dataSource: DataSourceRow | undefined, current: (p: PropertySchema) => string): SafeHtml[] {
  const back = `/notion/${dashless(page.id)}`;
  return clientSelects(dataSource).map((p) => {
    const options = (Array.isArray(p.config['options']) ? (p.config['options'] as { name?: unknown }[]) : []).map((o) => String(o.name ?? ''));
    const value = current(p);
    return html`<form class="client" method="post" action="/viewer/act/approval/${dashless(page.id)}"><input type="hidden" name="back" value="${back}"><input type="hidden" name="property" value="${p.name}"><label>As the client, ${p.name}: <select name="value"><option value=""></option>${options.map((o) => html`<option ${o === value ? html`selected` : ''}>${o}</option>`)}</select></label> <button type="submit">Set</button></form>`;
  });
}

export function commentForm(page: PageRow, clientName: string): SafeHtml {
  const back = `/notion/${dashless(page.id)}`;
  return html`<form class="client comment-form" method="post" action="/viewer/act/comment/${dashless(page.id)}"><input type="hidden" name="back" value="${back}"><h3>Comment as the client</h3><label>Name <input type="text" name="name" value="${clientName}"></label><textarea name="text" rows="3" placeholder="e.g. Can we see the PSI photos before the balance payment?"></textarea><button type="submit">Comment</button></form>`;
}

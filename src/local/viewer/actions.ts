/**
 * The viewer's actions: a person acting as the agency (edit a record, acknowledge or snooze an alert), as a client
 * (comment on a portal page, set Client approval) or moving the clock. Each one is an ordinary request to this
 * server's own provider API (Airtable, Notion) or control plane, with the workspace token, so the jobs see exactly
 * what a real edit in Airtable or Notion would leave; the page the person lands on shows the request and the answer.
 *
 * Forms post here (no script runs in the viewer). A write needs an Origin header naming this server: a web page
 * elsewhere cannot make the browser post to it (the GET pages are harmless, these are not).
 */
import { loadTables, type FieldDef } from '../airtable/store.ts';
import type { LocalRequest, LocalResponse } from '../types.ts';
import { BaseView } from './airtable-data.ts';
import type { ViewerContext } from './context.ts';

const NOTION_VERSION = '2025-09-03';
const DAY_MS = 86_400_000;

/** Field types the record form edits (the rest are computed, links or files: shown, not edited). */
export const EDITABLE_TYPES = new Set(['singleLineText', 'multilineText', 'email', 'url', 'phoneNumber', 'number', 'percent', 'currency', 'date', 'dateTime', 'checkbox', 'singleSelect']);

export function isViewerAction(req: LocalRequest): boolean {
  return req.method === 'POST' && req.path.startsWith('/viewer/act/');
}

export async function handleViewerAction(req: LocalRequest, ctx: ViewerContext): Promise<LocalResponse> {
  if (!sameOrigin(req)) return text(403, 'Viewer actions are accepted only from the viewer itself (the Origin header must be this server).');
  const form = new URLSearchParams(req.body.toString('utf8'));
  const back = localPath(form.get('back'));
  const parts = req.path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const [, , kind, a, b, c] = parts;
  let done: { label: string; method: string; path: string; body?: unknown } | string;
  switch (kind) {
    case 'record':
      done = a && b && c ? recordEdit(ctx, a, b, c, form) : 'No such record.';
      break;
    case 'alert':
      done = a && b && c ? alertAction(ctx, a, b, c, form.get('do') ?? '') : 'No such alert.';
      break;
    case 'comment':
      done = a ? comment(a, form) : 'No such page.';
      break;
    case 'approval':
      done = a ? approval(a, form) : 'No such page.';
      break;
    case 'clock': {
      const days = Number(form.get('days'));
      done = Number.isInteger(days) && days > 0 && days <= 31
        ? { label: `Moved the clock ${days === 1 ? 'a day' : days === 7 ? 'a week' : `${days} days`} forward and ran the cycle`, method: 'POST', path: '/__workspace/clock', body: { advanceDays: days } }
        : 'The clock moves 1 to 31 days forward.';
      break;
    }
    default:
      done = `No viewer action ${req.path}.`;
  }
  if (typeof done === 'string') return text(400, done);
  if (done.label === '') return redirect(back, undefined);
  const answer = await callSelf(ctx, done.method, done.path, done.body);
  const action = ctx.actions.add({ ...done, status: answer.status, answer: answer.status >= 300 ? answer.text.slice(0, 600) : undefined });
  return redirect(back, action.id);
}

type Planned = { label: string; method: string; path: string; body?: unknown } | string;

/** PATCH the fields the person changed (by name, as a script or the Airtable UI would), nothing else. */
function recordEdit(ctx: ViewerContext, baseId: string, tableId: string, recordId: string, form: URLSearchParams): Planned {
  const view = BaseView.open(ctx.db, baseId);
  const table = view?.table(tableId);
  const record = table ? view?.record(table, recordId) : undefined;
  if (!view || !table || !record) return `No record ${recordId} in table ${tableId}.`;
  const fields: Record<string, unknown> = {};
  for (const field of table.fields.filter((f) => EDITABLE_TYPES.has(f.type) && form.has(`present.${f.id}`))) {
    const value = formValue(field, form.get(`f.${field.id}`));
    if (value === 'invalid') return `"${form.get(`f.${field.id}`) ?? ''}" is not a number (field "${field.name}").`;
    const current = record.cells[field.id] ?? (field.type === 'checkbox' ? false : null);
    if (JSON.stringify(current) !== JSON.stringify(value)) fields[field.name] = value;
  }
  const names = Object.keys(fields);
  // Nothing changed: no request at all (the same rule the jobs follow).
  if (names.length === 0) return { label: '', method: '', path: '' };
  return {
    label: `Edited ${names.map((n) => `"${n}"`).join(', ')} of ${view.primaryText(table, record)} (${table.name})`,
    method: 'PATCH',
    path: `/v0/${baseId}/${tableId}`,
    body: { records: [{ id: recordId, fields }] },
  };
}

function formValue(field: FieldDef, raw: string | null): unknown {
  if (field.type === 'checkbox') return raw !== null;
  const value = (raw ?? '').trim();
  if (value === '') return null;
  switch (field.type) {
    case 'number':
    case 'percent':
    case 'currency': {
      const n = Number(value);
      return Number.isFinite(n) ? n : 'invalid';
    }
    case 'dateTime':
      // <input type="datetime-local"> has no zone; the viewer shows times in UTC, so they are read as UTC.
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00.000Z` : value;
    case 'multilineText':
      return value.replace(/\r\n/g, '\n');
    default:
      return value;
  }
}

/** Acknowledge: Status = Acknowledged. Snooze: Status = Snoozed until a day later on the jobs' clock. */
function alertAction(ctx: ViewerContext, baseId: string, tableId: string, recordId: string, what: string): Planned {
  const table = loadTables(ctx.db, baseId).find((t) => t.id === tableId);
  if (!table) return `No table ${tableId}.`;
  if (what === 'acknowledge') {
    return { label: 'Acknowledged the alert', method: 'PATCH', path: `/v0/${baseId}/${tableId}`, body: { records: [{ id: recordId, fields: { Status: 'Acknowledged' } }] } };
  }
  if (what === 'snooze') {
    const now = ctx.hooks.clock ? Date.parse(ctx.hooks.clock().now) : Date.now();
    const until = new Date(now + DAY_MS).toISOString();
    return { label: `Snoozed the alert until ${until.slice(0, 16).replace('T', ' ')} UTC`, method: 'PATCH', path: `/v0/${baseId}/${tableId}`, body: { records: [{ id: recordId, fields: { Status: 'Snoozed', 'Snoozed until': until } }] } };
  }
  return `Unknown alert action "${what}".`;
}

/** A client's comment on a portal page (POST /v1/comments), under the name they give. */
function comment(pageId: string, form: URLSearchParams): Planned {
  const text = (form.get('text') ?? '').trim();
  const name = (form.get('name') ?? '').trim() || 'Client';
  if (text === '') return 'Write a comment first.';
  return {
    label: `Commented as ${name}`,
    method: 'POST',
    path: '/v1/comments',
    body: { parent: { page_id: pageId }, rich_text: [{ type: 'text', text: { content: text.slice(0, 2000) } }], display_name: { type: 'custom', custom: { name } } },
  };
}

/** The client's "Client approval" on a PO page (PATCH /v1/pages/{id}); empty clears it. */
function approval(pageId: string, form: URLSearchParams): Planned {
  const value = (form.get('value') ?? '').trim();
  const property = (form.get('property') ?? 'Client approval').trim();
  return {
    label: value ? `Set ${property} to "${value}" as the client` : `Cleared ${property} as the client`,
    method: 'PATCH',
    path: `/v1/pages/${pageId}`,
    body: { properties: { [property]: { select: value ? { name: value } : null } } },
  };
}

async function callSelf(ctx: ViewerContext, method: string, path: string, body: unknown): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(`${ctx.origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json', 'notion-version': NOTION_VERSION },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 599, text: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The browser says the form came from this server: its Origin names it, or (the viewer sends no referrer, so
 * Chromium posts `Origin: null`) its Fetch Metadata says same-origin. Anything else is another site's page.
 */
function sameOrigin(req: LocalRequest): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (typeof origin === 'string' && typeof host === 'string' && origin === `http://${host}`) return true;
  return req.headers['sec-fetch-site'] === 'same-origin';
}

/** Where to go back to: a path on this server only (never an open redirect). */
function localPath(raw: string | null): string {
  return raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.includes('\\') ? raw.replace(/#.*$/, '') : '/';
}

function redirect(path: string, actionId: number | undefined): LocalResponse {
  if (actionId === undefined) return { status: 303, headers: { location: path } };
  return { status: 303, headers: { location: `${path}${path.includes('?') ? '&' : '?'}done=${actionId}` } };
}

function text(status: number, body: string): LocalResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(body, 'utf8') };
}

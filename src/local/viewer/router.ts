/**
 * Routes of the viewer: `/`, `/viewer/…` and `/notion/<id>` (the page URLs the local Notion API hands out). No
 * bearer token: the server listens on 127.0.0.1 only and pages only read (writes are the form posts of
 * actions.ts, which go through the APIs). The Host header must name this machine, so a web page cannot read the
 * viewer through DNS rebinding.
 */
import type { LocalRequest, LocalResponse } from '../types.ts';
import { actionFlash, clockBar } from './clock-bar.ts';
import type { ViewerContext } from './context.ts';
import { happenedPage } from './happened.ts';
import { basePage, gridPage, recordPage } from './airtable-pages.ts';
import { chatPage } from './chat-pages.ts';
import { driveFile, drivePage } from './drive-pages.ts';
import { homePage } from './home.ts';
import { kanbanPage } from './kanban.ts';
import { notFoundPage } from './layout.ts';
import { notionObjectPage, portalsPage } from './notion-pages.ts';
import { messageHtml, messagePage, messagePart, outboxPage } from './outbox-pages.ts';
import { VIEWER_CSS } from './styles.ts';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isViewerPath(path: string): boolean {
  return path === '/' || path === '/favicon.ico' || path.startsWith('/viewer/') || path === '/viewer' || path.startsWith('/notion/');
}

function text(status: number, body: string, headers: Record<string, string> = {}): LocalResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: Buffer.from(body, 'utf8') };
}

function segments(path: string): string[] | undefined {
  try {
    return path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/** Answers a viewer request; a page that fails to render is a 500 page, never a dropped connection. */
export function handleViewer(req: LocalRequest, ctx: ViewerContext): LocalResponse {
  try {
    return decorate(route(req, ctx), req, ctx);
  } catch (error) {
    console.error(`[workspace] viewer ${req.path} failed:`, error);
    return text(500, `The viewer could not render ${req.path}; the workspace log has the details.`);
  }
}

/** Every HTML page gets the clock strip, and after an action the request it made (`?done=<action>`). */
function decorate(response: LocalResponse, req: LocalRequest, ctx: ViewerContext): LocalResponse {
  if (!Buffer.isBuffer(response.body) || !String(response.headers?.['content-type'] ?? '').startsWith('text/html')) return response;
  const done = Number(new URLSearchParams(req.rawQuery).get('done'));
  const action = Number.isInteger(done) && done > 0 ? ctx.actions.get(done) : undefined;
  const query = new URLSearchParams(req.rawQuery);
  query.delete('done');
  const back = query.size > 0 ? `${req.path}?${query.toString()}` : req.path;
  const strip = `${clockBar(ctx, back).value}${action ? actionFlash(action).value : ''}`;
  return { ...response, body: Buffer.from(response.body.toString('utf8').replace('<main>', `<main>${strip}`), 'utf8') };
}

function route(req: LocalRequest, ctx: ViewerContext): LocalResponse {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!LOCAL_HOSTS.has(host)) return text(403, 'The viewer answers only on 127.0.0.1 or localhost.');
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'Viewer pages only read; actions post to /viewer/act/….', { allow: 'GET, HEAD' });
  const parts = segments(req.path);
  if (!parts) return notFoundPage(ctx.db, 'Malformed path.');
  const [first, second, third, fourth, fifth] = parts;
  if (parts.length === 0 || (parts.length === 1 && first === 'viewer')) return homePage(ctx);
  if (first === 'favicon.ico') return { status: 204 };
  if (first === 'notion') return second && parts.length === 2 ? notionObjectPage(ctx.db, second) : notFoundPage(ctx.db, 'No such Notion page.');
  switch (second) {
    case 'assets':
      return third === 'viewer.css'
        ? { status: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }, body: Buffer.from(VIEWER_CSS, 'utf8') }
        : notFoundPage(ctx.db, 'No such asset.');
    case 'airtable':
      if (third && !fourth) return basePage(ctx.db, third);
      if (third && fourth && fifth === 'kanban' && parts.length === 5) return kanbanPage(ctx.db, third, fourth);
      if (third && fourth && fifth && parts.length === 5) return recordPage(ctx.db, third, fourth, fifth);
      if (third && fourth && parts.length === 4) return gridPage(ctx.db, third, fourth, new URLSearchParams(req.rawQuery));
      break;
    case 'happened':
      if (parts.length === 2) return happenedPage(ctx);
      break;
    case 'notion':
      if (parts.length === 2) return portalsPage(ctx.db);
      break;
    case 'drive':
      if (parts.length === 2) return drivePage(ctx.db);
      if (third === 'file' && fourth && parts.length === 4) return driveFile(ctx.db, ctx.dir, fourth);
      break;
    case 'chat':
      if (parts.length === 2) return chatPage(ctx.db);
      break;
    case 'outbox':
      if (parts.length === 2) return outboxPage(ctx.db);
      if (third && parts.length === 3) return messagePage(ctx.db, ctx.dir, third);
      if (third && fourth === 'html' && parts.length === 4) return messageHtml(ctx.db, ctx.dir, third);
      if (third && fourth === 'part' && fifth !== undefined && parts.length === 5) return messagePart(ctx.db, ctx.dir, third, fifth);
      break;
    default:
      break;
  }
  return notFoundPage(ctx.db, `Nothing at ${req.path}.`);
}

/**
 * Drive as a folder tree (folders open two levels deep, files with size, date, the app properties the jobs find
 * them by, and who each folder is shared with) and the bytes of a file: PDFs and images open in the browser,
 * anything that could run script (HTML, SVG, …) is only offered as a download.
 */
import type Database from 'better-sqlite3';
import type { LocalResponse } from '../types.ts';
import { readBytes } from '../drive/disk.ts';
import { FOLDER_MIME, findFile, loadPermissions, loadProperties, rootRow, type FileRow, type PermissionRow } from '../drive/store.ts';
import { html, humanSize, type SafeHtml } from './html.ts';
import { notFoundPage, pageHeader, renderPage } from './layout.ts';

/** Types the browser may show inline; everything else downloads. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain', 'text/csv', 'application/json']);
const OPEN_LEVELS = 2;
const MAX_ITEMS_OPEN = 300;

function icon(row: FileRow): string {
  if (row.mime_type === FOLDER_MIME) return '📁';
  if (row.mime_type === 'application/pdf') return '📕';
  if (row.mime_type.startsWith('image/')) return '🖼';
  if (row.mime_type.startsWith('application/vnd.google-apps.')) return '📝';
  return '📄';
}

interface Tree {
  children: Map<string, FileRow[]>;
  app: Map<string, Record<string, string>>;
  shares: Map<string, PermissionRow[]>;
}

function loadTree(db: Database.Database): Tree {
  const rows = db.prepare('SELECT * FROM drive_files WHERE is_root = 0 AND trashed = 0 ORDER BY mime_type <> ?, name COLLATE NOCASE').all(FOLDER_MIME) as FileRow[];
  const children = new Map<string, FileRow[]>();
  for (const row of rows) children.set(row.parent_id ?? '', [...(children.get(row.parent_id ?? '') ?? []), row]);
  const ids = rows.map((r) => r.id);
  return { children, app: loadProperties(db, ids, 'app'), shares: loadPermissions(db, ids) };
}

function sharedWith(perms: PermissionRow[] | undefined): SafeHtml {
  if (!perms || perms.length === 0) return html``;
  const who = perms.map((p) => `${p.email_address ?? p.domain ?? p.type} (${p.role})`).join(', ');
  return html`<span class="shared" title="shared with">👥 ${who}</span>`;
}

/** The document kind the jobs filed a file under, as one readable tag; every key is in the tooltip. */
function kindTag(props: Record<string, string> | undefined): SafeHtml {
  const kind = props ? Object.entries(props).find(([k]) => /kind$/i.test(k))?.[1] : undefined;
  return kind ? html`<span class="tag">${kind}</span>` : html``;
}

/** App properties as a tooltip: folders carry the jobs' keys too, but people look for names and sharing. */
function keysTitle(props: Record<string, string> | undefined): string {
  return props ? Object.entries(props).map(([k, v]) => `${k}: ${v}`).join(' · ') : '';
}

function node(tree: Tree, row: FileRow, depth: number, openLevels: number): SafeHtml {
  if (row.mime_type === FOLDER_MIME) {
    const kids = tree.children.get(row.id) ?? [];
    const list = kids.length === 0 ? html`<ul><li class="muted">empty</li></ul>` : html`<ul>${kids.map((k) => node(tree, k, depth + 1, openLevels))}</ul>`;
    const count = `${kids.length} item${kids.length === 1 ? '' : 's'}`;
    return html`<li id="${row.id}"><details${depth < openLevels ? html` open` : ''}><summary><span title="${keysTitle(tree.app.get(row.id))}">📁 ${row.name}</span><span class="meta">${count}</span>${sharedWith(tree.shares.get(row.id))}</summary>${list}</details></li>`;
  }
  const hasBytes = row.disk_path !== null && row.size !== null;
  const keys = keysTitle(tree.app.get(row.id));
  const name = hasBytes ? html`<a href="/viewer/drive/file/${row.id}" target="_blank" title="${keys}">${row.name}</a>` : html`<span title="${keys}">${row.name}</span>`;
  const when = new Date(row.modified_ms).toISOString().slice(0, 16).replace('T', ' ');
  return html`<li id="${row.id}">${icon(row)} ${name}<span class="meta">${humanSize(row.size)} · ${when} UTC · v${row.version}</span>${kindTag(tree.app.get(row.id))}${sharedWith(tree.shares.get(row.id))}</li>`;
}

export function drivePage(db: Database.Database): LocalResponse {
  const tree = loadTree(db);
  const root = rootRow(db);
  const top = tree.children.get(root.id) ?? [];
  const all = [...tree.children.values()].flat();
  const files = all.filter((r) => r.mime_type !== FOLDER_MIME).length;
  // A small tree opens whole (every PDF in sight); a big one opens its first levels.
  const openLevels = all.length <= MAX_ITEMS_OPEN ? Number.POSITIVE_INFINITY : OPEN_LEVELS;
  return renderPage(db, {
    title: 'Drive',
    active: '/viewer/drive',
    body: html`${pageHeader('My Drive', { sub: `${files} files · also on disk under <workspace>/drive/` })}<div class="panel drive">${
      top.length === 0 ? html`<p class="empty">Drive is empty: the documents job files PDFs here.</p>` : html`<ul>${top.map((r) => node(tree, r, 0, openLevels))}</ul>`
    }</div>`,
  });
}

/** GET /viewer/drive/file/<id>: the file's bytes, shown inline when that is safe. */
export function driveFile(db: Database.Database, dir: string, id: string): LocalResponse {
  const row = findFile(db, id);
  if (!row || row.trashed || row.mime_type === FOLDER_MIME || row.disk_path === null) return notFoundPage(db, `No Drive file ${id} with content.`);
  let bytes: Buffer;
  try {
    bytes = readBytes(dir, row.disk_path);
  } catch {
    return notFoundPage(db, `The bytes of ${row.name} are missing from the workspace folder.`);
  }
  const type = row.mime_type.split(';')[0]?.trim().toLowerCase() ?? '';
  const inline = INLINE_TYPES.has(type);
  const filename = encodeURIComponent(row.name);
  return {
    status: 200,
    headers: {
      'content-type': inline ? (type.startsWith('text/') || type === 'application/json' ? 'text/plain; charset=utf-8' : type) : 'application/octet-stream',
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${filename}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
    body: bytes,
  };
}

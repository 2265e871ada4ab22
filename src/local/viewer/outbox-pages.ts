/**
 * The outbox: every message sent through the local Gmail API, newest first, and each message with its headers,
 * its text, its HTML (in a sandboxed frame whose own CSP allows no script and no remote fetch, so a hostile
 * message cannot run code or call home) and its attachments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { LocalResponse } from '../types.ts';
import { findPart, parseMime, type MimeEntity } from '../gmail/mime-payload.ts';
import { decodeCharset, decodeEncodedWords } from '../gmail/rfc2822.ts';
import type { MessageRow } from '../gmail/store.ts';
import { html, humanSize, type SafeHtml } from './html.ts';
import { notFoundPage, pageHeader, renderPage } from './layout.ts';

const HTML_BODY_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

function messageById(db: Database.Database, id: string): MessageRow | undefined {
  return db.prepare('SELECT * FROM gmail_messages WHERE id = ?').get(id) as MessageRow | undefined;
}

/** Gmail snippets are stored HTML-escaped (as the API answers them); undo that before escaping for the page. */
function unescapeSnippet(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
}

function when(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function outboxPage(db: Database.Database): LocalResponse {
  const rows = db.prepare('SELECT * FROM gmail_messages ORDER BY internal_ms DESC, id DESC').all() as MessageRow[];
  const list = rows.map(
    (m) => html`<tr><td class="snip">${when(m.internal_ms)}</td><td>${m.to_header}</td><td><a href="/viewer/outbox/${m.id}">${m.subject || '(no subject)'}</a><div class="snip">${unescapeSnippet(m.snippet)}</div></td><td class="snip">${m.from_header}</td></tr>`,
  );
  return renderPage(db, {
    title: 'Outbox',
    active: '/viewer/outbox',
    body: html`${pageHeader('Outbox', { sub: `${rows.length} sent · also as .eml under <workspace>/outbox/` })}${
      rows.length === 0
        ? html`<p class="empty">Nothing sent yet: reminders and digests land here.</p>`
        : html`<table class="list"><thead><tr><th>Sent (UTC)</th><th>To</th><th>Subject</th><th>From</th></tr></thead><tbody>${list}</tbody></table>`
    }`,
  });
}

function loadMessage(dir: string, row: MessageRow): MimeEntity | undefined {
  try {
    return parseMime(readFileSync(join(dir, row.file_path)));
  } catch {
    return undefined;
  }
}

function leaves(entity: MimeEntity): MimeEntity[] {
  return entity.parts.length === 0 ? [entity] : entity.parts.flatMap(leaves);
}

function textOf(part: MimeEntity): string {
  return decodeCharset(part.content, part.params['charset']);
}

export function messagePage(db: Database.Database, dir: string, id: string): LocalResponse {
  const row = messageById(db, id);
  if (!row) return notFoundPage(db, `No sent message ${id}.`);
  const entity = loadMessage(dir, row);
  const parts = entity ? leaves(entity) : [];
  const text = parts.find((p) => p.mimeType === 'text/plain' && p.filename === '');
  const htmlPart = parts.find((p) => p.mimeType === 'text/html' && p.filename === '');
  const attachments = parts.filter((p) => p.filename !== '');
  const head = (k: string, v: string): SafeHtml => (v ? html`<div class="k">${k}</div><div>${v}</div>` : html``);
  const body: SafeHtml[] = [];
  if (htmlPart) body.push(html`<iframe class="mailbody" sandbox="" src="/viewer/outbox/${row.id}/html" title="HTML body"></iframe>`);
  if (text) body.push(htmlPart ? html`<details><summary>Plain-text version</summary><pre class="mailtext">${textOf(text)}</pre></details>` : html`<pre class="mailtext">${textOf(text)}</pre>`);
  if (!entity) body.push(html`<p class="issue">The .eml file ${row.file_path} is missing.</p>`);
  const files = attachments.map(
    (a) => html`<li><a href="/viewer/outbox/${row.id}/part/${a.partId}" target="_blank">📎 ${decodeEncodedWords(a.filename)}</a> <span class="muted">${a.mimeType} · ${humanSize(a.content.length)}</span></li>`,
  );
  return renderPage(db, {
    title: row.subject || '(no subject)',
    active: '/viewer/outbox',
    body: html`${pageHeader(row.subject || '(no subject)', { crumbs: [html`<a href="/viewer/outbox">Outbox</a>`] })}
<div class="panel"><div class="mailhead">${head('From', row.from_header)}${head('To', row.to_header)}${head('Cc', row.cc_header)}${head('Bcc', row.bcc_header)}${head('Date', row.date_header)}${head('Mailbox', row.mailbox)}${head('Message-ID', row.message_id_header)}</div>
${body}${files.length > 0 ? html`<h3>Attachments</h3><ul>${files}</ul>` : ''}</div>`,
  });
}

/** The HTML body on its own, for the sandboxed frame of the message page. */
export function messageHtml(db: Database.Database, dir: string, id: string): LocalResponse {
  const row = messageById(db, id);
  const entity = row ? loadMessage(dir, row) : undefined;
  const part = entity ? leaves(entity).find((p) => p.mimeType === 'text/html' && p.filename === '') : undefined;
  if (!part) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('No HTML body.') };
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': HTML_BODY_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
    body: Buffer.from(textOf(part), 'utf8'),
  };
}

/** An attachment: PDFs and images inline, everything else as a download. */
export function messagePart(db: Database.Database, dir: string, id: string, partId: string): LocalResponse {
  const row = messageById(db, id);
  const entity = row ? loadMessage(dir, row) : undefined;
  const part = entity ? findPart(entity, partId) : undefined;
  if (!part || part.parts.length > 0) return notFoundPage(db, `No part ${partId} in message ${id}.`);
  const inline = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif'].includes(part.mimeType);
  return {
    status: 200,
    headers: {
      'content-type': inline ? part.mimeType : 'application/octet-stream',
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(decodeEncodedWords(part.filename) || 'part')}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
    body: part.content,
  };
}

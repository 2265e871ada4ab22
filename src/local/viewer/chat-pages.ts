/**
 * Chat messages the local WeCom robots and Slack webhooks received, newest first, next to the mail outbox: the
 * text people would read in the group (markdown shown as sent) and the raw JSON payload.
 */
import type Database from 'better-sqlite3';
import { chatMessages, type ChatMessageRow } from '../chat/service.ts';
import type { LocalResponse } from '../types.ts';
import { html, type SafeHtml } from './html.ts';
import { pageHeader, renderPage } from './layout.ts';

const SERVICE_LABEL = { wecom: 'WeCom robot', slack: 'Slack webhook' } as const;

/** What a person sees in the chat: WeCom's text or markdown content, Slack's blocks' text (or the fallback text). */
function shownText(row: ChatMessageRow): string {
  const body = JSON.parse(row.body) as Record<string, unknown>;
  if (row.service === 'wecom') {
    const part = body[String(body['msgtype'])] as { content?: unknown } | undefined;
    return typeof part?.content === 'string' ? part.content : '';
  }
  const blocks = Array.isArray(body['blocks']) ? (body['blocks'] as { text?: { text?: unknown } }[]) : [];
  const texts = blocks.map((b) => b.text?.text).filter((t): t is string => typeof t === 'string');
  return texts.length > 0 ? texts.join('\n\n') : String(body['text'] ?? '');
}

function messageCard(row: ChatMessageRow): SafeHtml {
  const at = new Date(row.received_ms).toISOString().slice(0, 16).replace('T', ' ');
  return html`<article class="chatmsg"><div class="muted">${at} UTC · ${SERVICE_LABEL[row.service]} ${row.hook} · ${row.file_path}</div>
<pre class="mailtext">${shownText(row)}</pre><details><summary>Payload</summary><pre class="mailtext">${row.body}</pre></details></article>`;
}

export function chatPage(db: Database.Database): LocalResponse {
  const rows = chatMessages(db);
  return renderPage(db, {
    title: 'Chat',
    active: '/viewer/chat',
    body: html`${pageHeader('Chat', { sub: `${rows.length} posted · also as .json under <workspace>/chat/` })}${
      rows.length === 0 ? html`<p class="empty">Nothing posted yet: critical alerts go to the WeCom and Slack channels set up in Chat Channels.</p>` : rows.map(messageCard)
    }`,
  });
}

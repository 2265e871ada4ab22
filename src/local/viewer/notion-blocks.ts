/**
 * Notion content as HTML: rich text with its annotations and links, and the block types portal pages use
 * (headings, paragraphs, lists, to-dos, toggles, callouts, quotes, code, tables, images, files, bookmarks, child
 * pages and inline databases). Consecutive list items are grouped into one list, as Notion shows them.
 */
import type { Json } from '../notion/request-body.ts';
import type { BlockRow, NotionStore } from '../notion/store.ts';
import { dashless } from '../notion/ids.ts';
import { plainText } from '../notion/rich-text.ts';
import { localDriveHref, localViewerPath } from './airtable-cells.ts';
import { colorClass, html, safeUrl, type SafeHtml } from './html.ts';

const MAX_DEPTH = 8;

/** Links written against this machine (any port: the workspace may have restarted) open in this viewer. */
export function localHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return localDriveHref(url) ?? localViewerPath(url) ?? safeUrl(url);
}

export function richText(items: unknown): SafeHtml {
  if (!Array.isArray(items)) return html``;
  return html`${items.map((raw) => {
    const item = raw as Json;
    const a = (item['annotations'] ?? {}) as Record<string, unknown>;
    let out = html`${typeof item['plain_text'] === 'string' ? item['plain_text'] : ''}`;
    if (a['code']) out = html`<code>${out}</code>`;
    if (a['bold']) out = html`<strong>${out}</strong>`;
    if (a['italic']) out = html`<em>${out}</em>`;
    if (a['strikethrough']) out = html`<s>${out}</s>`;
    if (a['underline']) out = html`<u>${out}</u>`;
    if (typeof a['color'] === 'string' && a['color'] !== 'default') out = html`<span class="${colorClass('nc', a['color'])}">${out}</span>`;
    const mention = item['mention'] as Json | undefined;
    const mentioned = mention && (mention['page'] ?? mention['database']);
    const href = mentioned ? `/notion/${dashless(String((mentioned as Json)['id']))}` : localHref(item['href']);
    return href ? html`<a href="${href}">${out}</a>` : out;
  })}`;
}

function caption(content: Json): SafeHtml {
  const text = richText(content['caption']);
  return text.value === '' ? html`` : html`<figcaption>${text}</figcaption>`;
}

function mediaUrl(content: Json): string | undefined {
  const source = (content['external'] ?? content['file']) as Json | undefined;
  return source ? localHref(source['url']) : undefined;
}

export interface BlockContext {
  store: NotionStore;
  /** Renders an inline database (child_database block), given its ID. */
  database(id: string): SafeHtml;
}

export function renderBlocks(ctx: BlockContext, parentId: string, depth = 0): SafeHtml {
  if (depth > MAX_DEPTH) return html``;
  const blocks = ctx.store.childrenOf(parentId);
  const out: SafeHtml[] = [];
  for (let i = 0; i < blocks.length; ) {
    const type = blocks[i]?.type;
    if (type === 'bulleted_list_item' || type === 'numbered_list_item') {
      const items: BlockRow[] = [];
      while (blocks[i]?.type === type) items.push(blocks[i++] as BlockRow);
      const lis = items.map((b) => html`<li>${richText(b.content['rich_text'])}${renderBlocks(ctx, b.id, depth + 1)}</li>`);
      out.push(type === 'bulleted_list_item' ? html`<ul>${lis}</ul>` : html`<ol>${lis}</ol>`);
      continue;
    }
    out.push(renderBlock(ctx, blocks[i] as BlockRow, depth));
    i += 1;
  }
  return html`${out}`;
}

function renderBlock(ctx: BlockContext, block: BlockRow, depth: number): SafeHtml {
  const c = block.content;
  const color = typeof c['color'] === 'string' && c['color'] !== 'default' ? colorClass('nc', c['color']) : '';
  const children = (): SafeHtml => renderBlocks(ctx, block.id, depth + 1);
  const text = richText(c['rich_text']);
  switch (block.type) {
    case 'paragraph':
      return html`<p class="${color}">${text}</p>${children()}`;
    case 'heading_1':
    case 'heading_2':
    case 'heading_3': {
      const level = Number(block.type.slice(-1)) + 1;
      const heading = level === 2 ? html`<h2 class="${color}">${text}</h2>` : level === 3 ? html`<h3 class="${color}">${text}</h3>` : html`<h4 class="${color}">${text}</h4>`;
      return c['is_toggleable'] === true ? html`<details><summary>${heading}</summary>${children()}</details>` : heading;
    }
    case 'to_do':
      return html`<div class="todo ${c['checked'] === true ? 'done' : ''}"><span>${c['checked'] === true ? '☑' : '☐'}</span><span>${text}</span></div>${children()}`;
    case 'toggle':
      return html`<details><summary>${text}</summary>${children()}</details>`;
    case 'quote':
      return html`<blockquote class="${color}">${text}${children()}</blockquote>`;
    case 'callout': {
      const icon = c['icon'] as Json | null | undefined;
      const glyph = icon && typeof icon['emoji'] === 'string' ? icon['emoji'] : '💡';
      const bg = typeof c['color'] === 'string' && c['color'] !== 'default' ? colorClass('nc', c['color']) : '';
      // Notion keeps the line breaks inside a callout's text (the portal's "next steps" are one line each).
      return html`<div class="callout ${bg}"><span class="ci">${glyph}</span><div><div class="lines">${text}</div>${children()}</div></div>`;
    }
    case 'code':
      return html`<pre><code>${plainText(Array.isArray(c['rich_text']) ? c['rich_text'] : [])}</code></pre>`;
    case 'equation':
      return html`<p><code>${String(c['expression'] ?? '')}</code></p>`;
    case 'divider':
      return html`<hr>`;
    case 'image': {
      const url = mediaUrl(c);
      const alt = plainText(Array.isArray(c['caption']) ? c['caption'] : []) || 'image';
      return url ? html`<figure><img src="${url}" alt="${alt}" loading="lazy">${caption(c)}</figure>` : html``;
    }
    case 'video':
    case 'audio':
    case 'pdf':
    case 'file': {
      const url = mediaUrl(c);
      const name = typeof c['name'] === 'string' ? c['name'] : (url?.split('/').pop() ?? block.type);
      const label = html`${block.type === 'pdf' ? '📄' : '📎'} ${name}`;
      return html`<figure>${url ? html`<a class="bookmark" href="${url}">${label}</a>` : label}${caption(c)}</figure>`;
    }
    case 'bookmark':
    case 'embed': {
      const url = localHref(c['url']);
      const title = plainText(Array.isArray(c['caption']) ? c['caption'] : []) || String(c['url'] ?? '');
      return url ? html`<a class="bookmark" href="${url}"><div>🔖 ${title}</div><div class="u">${String(c['url'])}</div></a>` : html`<p class="muted">${title}</p>`;
    }
    case 'link_to_page': {
      const id = String(c['page_id'] ?? c['database_id'] ?? '');
      return html`<a class="pagelink" href="/notion/${dashless(id)}">↗ ${titleOf(ctx.store, id)}</a>`;
    }
    case 'child_page':
      return html`<a class="pagelink" href="/notion/${dashless(block.id)}">📄 ${titleOf(ctx.store, block.id)}</a>`;
    case 'child_database':
      return ctx.database(block.id);
    case 'table':
      return table(ctx, block);
    case 'table_of_contents':
    case 'breadcrumb':
      return html``;
    default:
      return html`<p class="muted">(${block.type} block)</p>`;
  }
}

function table(ctx: BlockContext, block: BlockRow): SafeHtml {
  const rows = ctx.store.childrenOf(block.id).filter((r) => r.type === 'table_row');
  const colHeader = block.content['has_column_header'] === true;
  const rowHeader = block.content['has_row_header'] === true;
  return html`<table class="nt">${rows.map((row, r) => {
    const cells = Array.isArray(row.content['cells']) ? row.content['cells'] : [];
    return html`<tr>${cells.map((cell, i) => ((colHeader && r === 0) || (rowHeader && i === 0) ? html`<th>${richText(cell)}</th>` : html`<td>${richText(cell)}</td>`))}</tr>`;
  })}</table>`;
}

/** The title of a page or database, for links. */
export function titleOf(store: NotionStore, id: string): string {
  const page = store.getPage(id);
  if (page) {
    const schema = page.data_source_id ? store.getDataSource(page.data_source_id)?.properties : undefined;
    const titleId = schema?.find((p) => p.type === 'title')?.id ?? 'title';
    const value = page.properties[titleId]?.['title'];
    return (Array.isArray(value) ? plainText(value) : '') || 'Untitled';
  }
  const database = store.getDatabase(id);
  return (database ? plainText(database.title) : '') || 'Untitled';
}

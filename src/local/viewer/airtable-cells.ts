/**
 * One Airtable cell as HTML, by field type: select chips in the choice's colour, linked records as links to the
 * record, attachments as file links, long text clipped in the grid (and whole on the record page).
 */
import type { StoredAttachment } from '../airtable/field-values.ts';
import type { FieldDef } from '../airtable/store.ts';
import { recordHref, type BaseView } from './airtable-data.ts';
import { clip, colorClass, html, safeUrl, type SafeHtml } from './html.ts';

export type CellMode = 'grid' | 'full';

/** Where a Drive link made by the jobs (`https://drive.google.com/file/d/<id>/…`) opens locally. */
export function localDriveHref(url: string): string | undefined {
  const match = /^https:\/\/(?:drive|docs)\.google\.com\/(?:file\/d|drive\/folders|document\/d|spreadsheets\/d)\/([A-Za-z0-9_-]+)/.exec(url);
  if (!match) return undefined;
  return url.includes('/drive/folders/') ? `/viewer/drive#${match[1]}` : `/viewer/drive/file/${match[1]}`;
}

export function choiceColor(field: FieldDef, name: string): string | undefined {
  const choices = field.options?.['choices'];
  if (!Array.isArray(choices)) return undefined;
  const found = choices.find((c) => (c as { name?: unknown }).name === name) as { color?: string } | undefined;
  return found?.color;
}

export function selectChip(field: FieldDef, name: string): SafeHtml {
  return html`<span class="chip ${colorClass('at', choiceColor(field, name))}">${name}</span>`;
}

/** Links to this machine's viewer (any port: the workspace may have restarted) stay in the viewer. */
export function localViewerPath(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return ['127.0.0.1', 'localhost'].includes(parsed.hostname) && /^\/(notion|viewer)\//.test(parsed.pathname) ? parsed.pathname : undefined;
  } catch {
    return undefined;
  }
}

function linkOut(url: string, label: string): SafeHtml {
  const local = localDriveHref(url) ?? localViewerPath(url);
  const href = local ?? safeUrl(url);
  if (!href) return html`${label}`;
  return local ? html`<a href="${href}">${label}</a>` : html`<a href="${href}" rel="noreferrer noopener" target="_blank">${label}</a>`;
}

export function cellHtml(view: BaseView, field: FieldDef, value: unknown, mode: CellMode): SafeHtml {
  if (value === undefined || value === null) return html``;
  const grid = mode === 'grid';
  switch (field.type) {
    case 'singleSelect':
      return selectChip(field, String(value));
    case 'multipleSelects':
      return html`${(value as unknown[]).map((v) => selectChip(field, String(v)))}`;
    case 'multipleRecordLinks': {
      const tableId = String(field.options?.['linkedTableId'] ?? '');
      const ids = (value as unknown[]).map(String);
      const shown = grid ? ids.slice(0, 3) : ids;
      const more = ids.length - shown.length;
      return html`${shown.map(
        (id) => html`<a class="link-chip" href="${recordHref(view.base.id, tableId, id)}">${view.linkedName(tableId, id)}</a>`,
      )}${more > 0 ? html`<span class="muted">+${more}</span>` : ''}`;
    }
    case 'multipleAttachments':
      return html`${(value as StoredAttachment[]).map((a) => html`<span class="attach">📎 ${linkOut(a.url, clip(a.filename || a.url, grid ? 28 : 120))}</span>`)}`;
    case 'checkbox':
      return value === true ? html`<span class="check" title="checked">✓</span>` : html``;
    case 'url':
      return linkOut(String(value), grid ? clip(String(value).replace(/^https?:\/\//, ''), 40) : String(value));
    case 'email':
      return html`<a href="${safeUrl(`mailto:${String(value)}`) ?? ''}">${String(value)}</a>`;
    case 'phoneNumber':
      return html`${String(value)}`;
    case 'rating': {
      const max = typeof field.options?.['max'] === 'number' ? field.options['max'] : 5;
      const n = Math.max(0, Math.min(max, Number(value)));
      return html`<span class="stars" title="${n} of ${max}">${'★'.repeat(n)}<span class="muted">${'☆'.repeat(max - n)}</span></span>`;
    }
    case 'multilineText':
    case 'richText': {
      const text = String(value);
      if (field.name === 'Sync issues') return html`<span class="issue" title="${text}">⚠ ${grid ? clip(text, 60) : text}</span>`;
      return grid ? html`<span class="clip" title="${clip(text, 600)}">${clip(text.replace(/\s+/g, ' '), 90)}</span>` : html`${text}`;
    }
    case 'singleLineText': {
      const text = String(value);
      // The jobs keep links in text fields ("Notion page", "Drive folder"): make them open, here or on the web.
      if (/^https?:\/\/\S+$/.test(text)) return linkOut(text, grid ? clip(text.replace(/^https?:\/\//, ''), 40) : text);
      return grid && text.length > 50 ? html`<span class="clip" title="${text}">${clip(text, 50)}</span>` : html`${text}`;
    }
    default: {
      const text = view.display(field, value);
      return grid ? html`<span class="clip" title="${text}">${clip(text, 60)}</span>` : html`${text}`;
    }
  }
}

/** A short marker of the field type for grid headers (as Airtable's column icons). */
export function typeMark(field: FieldDef): string {
  const marks: Record<string, string> = {
    singleLineText: 'Aa', multilineText: '¶', richText: '¶', number: '#', percent: '%', currency: '$', date: '◫', dateTime: '◷',
    checkbox: '☑', singleSelect: '◉', multipleSelects: '☰', multipleRecordLinks: '↗', multipleAttachments: '⎘', url: '⛓',
    email: '@', phoneNumber: '☏', rating: '★', formula: 'ƒ', lookup: '⤷', count: 'Σ', rollup: 'Σ', autoNumber: '#',
    createdTime: '◷', lastModifiedTime: '◷',
  };
  return marks[field.type] ?? '·';
}

/**
 * Safe HTML building for the viewer. Every value shown comes from user data (record cells, page text, mail), so
 * nothing is concatenated by hand: `html\`…\`` escapes each interpolated value unless it is already `SafeHtml`
 * (the output of another `html` call), and URLs go through `safeUrl` so `javascript:` never reaches an `href`.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are trusted markup, interpolations are escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Joins fragments with a separator (escaped like any value). */
export function join(parts: HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}

/**
 * A URL that may go into `href`/`src`: http(s) and mailto/tel links, and paths on this server. Anything else
 * (`javascript:`, `data:`, protocol-relative `//host`) gives undefined, and the caller shows plain text instead.
 */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  try {
    const parsed = new URL(trimmed);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Long text shortened for a grid cell, on a character boundary (the full text is on the record page). */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** A stable, CSS-safe class suffix for a colour name such as `blueLight2` or `orange_background`. */
export function colorClass(prefix: string, color: unknown): string {
  return typeof color === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(color) ? `${prefix}-${color}` : `${prefix}-default`;
}

/** Byte counts as people read them (1.2 MB). */
export function humanSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

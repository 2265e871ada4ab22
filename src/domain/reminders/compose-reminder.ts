/**
 * The text of one reminder email: plain text and a simple HTML version of the same content, grouped by PO,
 * with links to the Airtable records and the client's Notion page when known, dates in the reader's zone and
 * China time, and this week's call window with the factories. Pure: every value comes in.
 */
import type { WorkingHoursProfile } from '../calendar/working-hours.ts';
import type { Alert } from '../models/alert.ts';
import { firstSeenOf } from './alert-status.ts';
import { bestCallWindow } from './call-window.ts';
import { fill, type EmailText, type EmailTexts } from './email-texts.ts';
import type { ReminderIntent } from './plan-reminders.ts';
import type { Recipient } from './recipients.ts';
import { dayLabel, isChinaZone, readerAndChinaTime, spanInZone, CHINA_ZONE } from './time-labels.ts';

export interface PoInfo {
  poNumber: string;
  /** Notion page ID of the PO in the client portal. */
  notionPage?: string;
}

export interface ComposeContext {
  now: Date;
  texts: EmailTexts;
  recipients: ReadonlyMap<string, Recipient>;
  alerts: ReadonlyMap<string, Alert>;
  pos: ReadonlyMap<string, PoInfo>;
  factory: WorkingHoursProfile;
  escalateAfterWorkingDays: number;
  /** Link to a record in the Airtable UI, when the base URL is known. */
  recordUrl?: (table: string, recordId: string) => string | undefined;
}

export interface ComposedEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
}

interface Group {
  title: string;
  links: Link[];
  items: { line: string; links: Link[] }[];
}

interface Link {
  label: string;
  url: string;
}

const DAY_MS = 86_400_000;

export function composeReminder(intent: ReminderIntent, ctx: ComposeContext): ComposedEmail {
  const to = ctx.recipients.get(intent.recipientId);
  if (!to) throw new RangeError(`Reminder ${intent.key}: recipient ${intent.recipientId} is not a known person`);
  const text = ctx.texts[intent.kind];
  const zone = to.profile.timeZone;
  const alerts = intent.alertIds.map((id) => {
    const alert = ctx.alerts.get(id);
    if (!alert) throw new RangeError(`Reminder ${intent.key}: alert ${id} is not loaded`);
    return alert;
  });
  const owners = [...new Set(alerts.map((a) => (a.owner ? ctx.recipients.get(a.owner)?.name ?? a.owner : '?')))];
  const poNumbers = [...new Set(alerts.map((a) => (a.po ? ctx.pos.get(a.po)?.poNumber : undefined)))];
  const firstPo = poNumbers.find((n) => n !== undefined);
  const title = firstLine(alerts[0]?.message ?? alerts[0]?.rule ?? '', 80);
  const values: Record<string, string | number> = {
    name: to.name,
    date: dayLabel(ctx.now, zone),
    time: readerAndChinaTime(ctx.now, zone),
    count: alerts.length,
    items: alerts.length === 1 ? 'item' : 'items',
    critical: alerts.filter((a) => a.severity === 'Critical').length,
    owners: owners.join(', '),
    days: ctx.escalateAfterWorkingDays,
    po: firstPo ?? 'no PO',
    title,
    about: about(alerts.length, title, firstPo, poNumbers.length, text),
    window: '',
  };

  const groups = groupByPo(alerts, text, ctx, zone);
  const windowLine = callWindowLine(ctx, to, text);
  const subject = fill(text.subject, values);
  return {
    to: { name: to.name, address: to.email },
    subject,
    text: renderText(text, values, groups, windowLine),
    html: renderHtml(text, values, groups, windowLine, subject),
  };
}

function groupByPo(alerts: Alert[], text: EmailText, ctx: ComposeContext, zone: string): Group[] {
  const groups = new Map<string, Group>();
  for (const alert of alerts) {
    const po = alert.po ? ctx.pos.get(alert.po) : undefined;
    const id = po ? alert.po! : '';
    let group = groups.get(id);
    if (!group) {
      const links: Link[] = [];
      const poUrl = po ? ctx.recordUrl?.('Purchase Orders', id) : undefined;
      if (poUrl) links.push({ label: text.openInAirtable, url: poUrl });
      if (po?.notionPage) links.push({ label: text.openInNotion, url: notionUrl(po.notionPage) });
      group = { title: po?.poNumber ?? text.otherGroup, links, items: [] };
      groups.set(id, group);
    }
    const seen = firstSeenOf(alert);
    const line = fill(text.item, {
      severity: alert.severity,
      message: alert.message ?? alert.rule,
      rule: alert.rule,
      owner: alert.owner ? ctx.recipients.get(alert.owner)?.name ?? alert.owner : '?',
      age: age(seen, ctx.now),
      since: dayLabel(seen, zone),
    });
    const alertUrl = ctx.recordUrl?.('Alerts', alert.id);
    group.items.push({ line, links: alertUrl ? [{ label: text.openInAirtable, url: alertUrl }] : [] });
  }
  // PO groups first in order of urgency, the rest last.
  return [...groups.entries()].sort(([a], [b]) => Number(a === '') - Number(b === '')).map(([, g]) => g);
}

function callWindowLine(ctx: ComposeContext, to: Recipient, text: EmailText): string | undefined {
  if (isChinaZone(to.profile.timeZone)) return undefined;
  const window = bestCallWindow(ctx.now, to.profile, ctx.factory);
  if (!window) return undefined;
  const zone = to.profile.timeZone;
  const label = `${dayLabel(window.start, zone)}, ${spanInZone(window.start, window.end, zone)} = ${spanInZone(window.start, window.end, CHINA_ZONE)}`;
  return fill(window.overlap ? text.callWindow : text.noOverlap, { window: label });
}

function renderText(text: EmailText, values: Record<string, string | number>, groups: Group[], windowLine: string | undefined): string {
  const out = [fill(text.greeting, values), '', fill(text.intro, values), ''];
  for (const group of groups) {
    out.push(group.title);
    for (const link of group.links) out.push(`  ${link.label}: ${link.url}`);
    for (const item of group.items) {
      const [first = '', ...rest] = item.line.split(/\r?\n/);
      out.push(`  - ${first}`, ...rest.map((l) => `    ${l}`));
      for (const link of item.links) out.push(`    ${link.label}: ${link.url}`);
    }
    out.push('');
  }
  if (windowLine) out.push(windowLine, '');
  out.push(fill(text.closing, values), '', '-- ', fill(text.signature, values), '');
  return out.join('\n');
}

function renderHtml(text: EmailText, values: Record<string, string | number>, groups: Group[], windowLine: string | undefined, subject: string): string {
  const p = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const a = (l: Link) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`;
  const body = [p(fill(text.greeting, values)), p(fill(text.intro, values))];
  for (const group of groups) {
    const links = group.links.length > 0 ? ` <small>${group.links.map(a).join(' · ')}</small>` : '';
    body.push(`<h3 style="margin:16px 0 4px">${escapeHtml(group.title)}${links}</h3>`, '<ul>');
    for (const item of group.items) {
      const links = item.links.length > 0 ? `<br>${item.links.map(a).join(' · ')}` : '';
      body.push(`<li>${escapeHtml(item.line).replace(/\n/g, '<br>')}${links}</li>`);
    }
    body.push('</ul>');
  }
  if (windowLine) body.push(p(windowLine));
  body.push(p(fill(text.closing, values)), `<p style="color:#666">${escapeHtml(fill(text.signature, values))}</p>`);
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4">',
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}

/**
 * What a mail is about in a few words, for the subject: one finding → its first line (with its PO in front
 * unless the line names it already); several → the first PO, "…" when other POs (or findings without one) follow.
 */
function about(count: number, title: string, firstPo: string | undefined, groups: number, text: EmailText): string {
  if (count === 1) return firstPo && !title.includes(firstPo) ? `${firstPo} · ${title}` : title;
  const lead = firstPo ?? text.otherGroup;
  return groups > 1 ? `${lead} …` : lead;
}

function age(since: Date, now: Date): string {
  const days = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
  if (days < 1) return 'less than a day';
  return days === 1 ? '1 day' : `${days} days`;
}

function firstLine(text: string, max: number): string {
  const line = text.split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The PO's "Notion page" holds the page URL the sync wrote; a bare page ID becomes a notion.so URL. */
function notionUrl(page: string): string {
  return /^https?:\/\//.test(page) ? page : `https://www.notion.so/${page.replace(/-/g, '')}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A client's weekly update, in plain words and only what a client may read: what moved last week (milestones done,
 * updates the agent marked "Visible to client"), what comes in the next two weeks, what is late, and the next review.
 * POs are named by number and product; factories are never named (the portal's supplier aliases live elsewhere).
 * The same content becomes a mail and a dated section on the client's Notion portal.
 */
import { DateTime } from 'luxon';
import { addDays } from '../calendar/iso-date.ts';
import type { Client } from '../models/client.ts';
import type { Milestone } from '../models/milestone.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { Review } from '../models/review.ts';
import type { Update } from '../models/update.ts';
import { bullet, paragraph, type PortalBlock } from '../portal/blocks.ts';
import { plain } from '../portal/rich-text.ts';

export interface WeeklyInput {
  client: Client;
  /** The Monday (client's calendar) of the week the update is for: its title. */
  weekOf: string;
  /** The client's today: the update looks back seven days and ahead two weeks from it (it may go out after Monday). */
  today: string;
  projects: readonly Project[];
  pos: readonly PurchaseOrder[];
  milestones: readonly Milestone[];
  updates: readonly Update[];
  reviews: readonly Review[];
  agencyName: string;
}

export interface WeeklyUpdate {
  title: string;
  subject: string;
  text: string;
  html: string;
  /** The Notion section: its heading is `title`. */
  blocks: PortalBlock[];
}

const OPEN = new Set(['PO placed', 'In production', 'Inspection', 'Ready to ship', 'Shipped']);

/** The POs an update speaks of (open ones); a reader may keep only their milestones. */
export function reportsOn(po: PurchaseOrder): boolean {
  return OPEN.has(po.status);
}

export function weeklyUpdate(input: WeeklyInput): WeeklyUpdate {
  const { client, weekOf, today } = input;
  const zone = client.timeZone ?? 'UTC';
  const lastWeek = addDays(today, -7);
  const horizon = addDays(today, 14);
  const projectIds = new Set(input.projects.filter((p) => p.client === client.id).map((p) => p.id));
  const product = new Map(input.projects.map((p) => [p.id, p.product ?? p.project]));
  const pos = input.pos.filter((p) => projectIds.has(p.project) && reportsOn(p));
  const poById = new Map(pos.map((p) => [p.id, p]));
  const label = (poId: string) => {
    const po = poById.get(poId)!;
    return `${po.poNumber} (${product.get(po.project) ?? ''})`.replace(' ()', '');
  };
  const mine = input.milestones.filter((m) => poById.has(m.po));
  const day = (iso: string) => DateTime.fromISO(iso).toFormat('ccc d LLL');

  const moved = [
    ...mine.filter((m) => m.actualDate && m.actualDate >= lastWeek && m.actualDate < today).map((m) => ({ at: m.actualDate!, line: `${label(m.po)}: ${m.kind} done on ${day(m.actualDate!)}` })),
    ...input.updates
      .filter((u) => u.visibleToClient && poById.has(u.po) && u.date >= lastWeek && u.date < today)
      .map((u) => ({ at: u.date, line: `${label(u.po)}, ${day(u.date)}: ${(u.text ?? u.update).trim()}${u.photos.length > 0 ? ` (${u.photos.length} photo${u.photos.length === 1 ? '' : 's'} on the PO page)` : ''}` })),
  ].sort((a, b) => a.at.localeCompare(b.at)).map((x) => x.line);

  const planned = (m: Milestone) => m.plannedDate ?? m.baselineDate;
  const next = mine
    .filter((m) => !m.actualDate && planned(m) && planned(m)! >= today && planned(m)! < horizon)
    .sort((a, b) => planned(a)!.localeCompare(planned(b)!))
    .map((m) => `${label(m.po)}: ${m.kind} planned for ${day(planned(m)!)}`);

  const risks = mine
    .filter((m) => !m.actualDate && planned(m) && planned(m)! < today)
    .sort((a, b) => planned(a)!.localeCompare(planned(b)!))
    .map((m) => {
      const days = Math.round(DateTime.fromISO(today).diff(DateTime.fromISO(planned(m)!), 'days').days);
      return `${label(m.po)}: ${m.kind} is ${days} day${days === 1 ? '' : 's'} late (planned for ${day(planned(m)!)}); we are on it and will tell you the new date`;
    });

  const review = input.reviews
    .filter((r) => r.state === 'Invited' && r.startsAt && r.startsAt.slice(0, 10) >= today && r.project.some((p) => projectIds.has(p)))
    .sort((a, b) => a.startsAt!.localeCompare(b.startsAt!))[0];
  const reviewLine = review
    ? `${review.title ?? 'Review'}: ${DateTime.fromISO(review.startsAt!, { zone }).toFormat('ccc d LLL, HH:mm')} your time (the invite is in your calendar)`
    : undefined;

  const title = `Weekly update · week of ${DateTime.fromISO(weekOf).toFormat('d LLL yyyy')}`;
  const sections: [string, string[], string][] = [
    ['What moved in the last seven days', moved, 'Nothing was completed in the last seven days.'],
    ['Coming in the next two weeks', next, 'No milestones are planned in the next two weeks.'],
    ['Risks', risks, 'Nothing is late.'],
  ];
  const blocks: PortalBlock[] = [];
  const text: string[] = [`Dear ${client.contactName ?? client.name},`, '', `here is your weekly update from ${input.agencyName} (${pos.length} open order${pos.length === 1 ? '' : 's'}).`];
  for (const [name, lines, none] of sections) {
    blocks.push(paragraph(plain(`${name}:`)), ...(lines.length > 0 ? lines.map((l) => bullet(plain(l))) : [paragraph(plain(none))]));
    text.push('', `${name}:`, ...(lines.length > 0 ? lines.map((l) => `  • ${l}`) : [`  ${none}`]));
  }
  if (reviewLine) {
    blocks.push(paragraph(plain(`Next review: ${reviewLine}`)));
    text.push('', `Next review: ${reviewLine}`);
  }
  text.push('', `Kind regards,`, input.agencyName);
  return {
    title,
    subject: `${title} · ${client.name}`,
    text: text.join('\n'),
    html: `<div style="font-family:sans-serif;line-height:1.5">${text.map((l) => (l === '' ? '<br>' : `<div>${escapeHtml(l)}</div>`)).join('')}</div>`,
    blocks,
  };
}

/**
 * The Monday of the week `now` falls in on the client's calendar, the client's today, and whether this week's
 * update is due (from Monday 08:00; a workspace that was not running then still sends it later in the week).
 */
export function weekOfUpdate(now: Date, timeZone: string): { weekOf: string; today: string; due: boolean } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const monday = local.startOf('week');
  return { weekOf: monday.toISODate()!, today: local.toISODate()!, due: local >= monday.plus({ hours: 8 }) };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

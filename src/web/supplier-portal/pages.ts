/**
 * The portal's pages, server-rendered HTML with no script (WeChat's in-app browser, old Android phones): the list
 * of the factory's open orders and one order with its forms. Forms expand with <details>; every form carries a
 * fresh idempotency key and its CSRF token. Names only: PO numbers, milestone kinds, inspection labels.
 */
import { milestoneName, inspectionName, t, type Language } from '../../domain/supplier-portal/portal-texts.ts';
import type { Ask, MilestoneView, PoView } from '../../domain/supplier-portal/supplier-view.ts';
import { html, raw, type SafeHtml } from './html.ts';

export interface PageContext {
  lang: Language;
  /** Who the factory works for, as it may see it (agency only). */
  buyer: string;
  supplierName: string;
  /** `<base>/s/<token>`: every link of the page starts here. */
  home: string;
  cssHref: string;
  today: string;
  /** A new idempotency key and its CSRF token, for each form on the page. */
  formTokens: () => { key: string; csrf: string };
}

export function layout(ctx: { lang: Language; title: string; cssHref: string; header: SafeHtml; body: SafeHtml }): string {
  return `<!doctype html>${html`<html lang="${ctx.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex,nofollow"><title>${ctx.title}</title><link rel="stylesheet" href="${ctx.cssHref}"></head><body>${ctx.header}<main>${ctx.body}</main></body></html>`.value}`;
}

function header(ctx: PageContext, switchHref: string): SafeHtml {
  return html`<header><div class="row"><div><h1>${ctx.supplierName}</h1><div class="sub">${t(ctx.lang, 'forFactory', { agency: ctx.buyer })}</div></div><a class="lang" href="${switchHref}">${t(ctx.lang, 'switchTo')}</a></div></header>`;
}

const other = (lang: Language): Language => (lang === 'zh' ? 'en' : 'zh');

function statusLabel(po: PoView, lang: Language): string {
  switch (po.status) {
    case 'PO placed':
      return t(lang, 'statusNew');
    case 'In production':
      return t(lang, 'statusProduction');
    case 'Inspection':
      return t(lang, 'statusInspection');
    default:
      return t(lang, 'statusReady');
  }
}

function askText(ask: Ask, lang: Language): string {
  switch (ask.kind) {
    case 'acknowledge':
      return t(lang, 'askAcknowledge');
    case 'milestone-due':
      return t(lang, 'askMilestone', { milestone: milestoneName(ask.milestone, lang), date: ask.date });
    case 'milestone-overdue':
      return t(lang, 'askOverdue', { milestone: milestoneName(ask.milestone, lang), date: ask.date });
    case 'goods-ready':
      return t(lang, 'askReady', { inspection: inspectionName(ask.type, lang) });
  }
}

function progressBar(fraction: number | undefined): SafeHtml {
  const tens = Math.max(0, Math.min(10, Math.round((fraction ?? 0) * 10)));
  return html`<div class="bar"><span class="p${tens * 10}"></span></div>`;
}

export function listPage(ctx: PageContext, pos: readonly PoView[], notice?: string): string {
  const cards = pos.map((po) => {
    const asks = po.asks.map((a) => html`<li class="${a.kind === 'milestone-overdue' ? 'overdue' : ''}">${askText(a, ctx.lang)}</li>`);
    return html`<div class="card"><a class="po" href="${ctx.home}/po/${encodeURIComponent(po.poNumber)}"><div class="po-head"><span class="no">${po.poNumber}</span><span class="chip">${statusLabel(po, ctx.lang)}</span></div>
<div class="muted">${t(ctx.lang, 'shipBy')}: ${po.shipBy ?? '—'} · ${t(ctx.lang, 'progress')}: ${po.progress === undefined ? '—' : `${Math.round(po.progress * 100)}%`}</div>${progressBar(po.progress)}
${asks.length > 0 ? html`<ul class="asks">${asks}</ul>` : ''}</a></div>`;
  });
  const body = html`${notice ? html`<div class="notice ok">${notice}</div>` : ''}<div class="card"><h2>${t(ctx.lang, 'openOrders')} (${pos.length})</h2>${pos.length === 0 ? html`<p class="muted">${t(ctx.lang, 'noOrders')}</p>` : ''}</div>${cards}<p class="hint">${t(ctx.lang, 'hint')}</p>`;
  return layout({ lang: ctx.lang, title: `${t(ctx.lang, 'title')} · ${ctx.supplierName}`, cssHref: ctx.cssHref, header: header(ctx, `${ctx.home}?lang=${other(ctx.lang)}`), body });
}

function hidden(ctx: PageContext, action: string): SafeHtml {
  const { key, csrf } = ctx.formTokens();
  return html`<input type="hidden" name="action" value="${action}"><input type="hidden" name="key" value="${key}"><input type="hidden" name="csrf" value="${csrf}">`;
}

function form(ctx: PageContext, po: PoView, action: string, title: string, fields: SafeHtml, options: { open?: boolean; multipart?: boolean; button?: string } = {}): SafeHtml {
  const target = `${ctx.home}/po/${encodeURIComponent(po.poNumber)}`;
  return html`<details${options.open ? raw(' open') : ''}><summary>${title}</summary><form method="post" action="${target}"${options.multipart ? raw(' enctype="multipart/form-data"') : ''}>${hidden(ctx, action)}${fields}<button type="submit">${options.button ?? t(ctx.lang, 'send')}</button></form></details>`;
}

function milestoneRow(ctx: PageContext, m: MilestoneView): SafeHtml {
  const late = !m.actualDate && m.plannedDate !== undefined && m.plannedDate < ctx.today;
  const proposal =
    m.proposalStatus === 'Proposed' && m.proposedDate
      ? html`<div class="muted">${t(ctx.lang, 'proposed')}: ${m.proposedDate} · ${t(ctx.lang, 'waiting', { agency: ctx.buyer })}</div>`
      : m.proposalStatus === 'Declined' && m.proposedDate
        ? html`<div class="muted">${t(ctx.lang, 'proposed')}: ${m.proposedDate} · ${t(ctx.lang, 'declined', { agency: ctx.buyer })}</div>`
        : '';
  return html`<tr><td>${milestoneName(m.kind, ctx.lang)}${proposal}</td><td class="${late ? 'ms-late' : ''}">${m.plannedDate ?? '—'}</td><td class="ms-done">${m.actualDate ? `✓ ${m.actualDate}` : ''}</td></tr>`;
}

export function poPage(ctx: PageContext, po: PoView, notice?: { ok: boolean; text: string }): string {
  const L = ctx.lang;
  const open = po.milestones.filter((m) => m.factoryOwned && !m.actualDate);
  const milestoneOptions = (list: readonly MilestoneView[]) => list.map((m) => html`<option value="${m.kind}">${milestoneName(m.kind, L)}${m.plannedDate ? ` (${m.plannedDate})` : ''}</option>`);
  const dateInput = (name: string, value?: string) => html`<input type="date" name="${name}" value="${value ?? ''}" required>`;

  const todo: SafeHtml[] = [];
  if (po.asks.length > 0) todo.push(html`<ul class="asks">${po.asks.map((a) => html`<li class="${a.kind === 'milestone-overdue' ? 'overdue' : ''}">${askText(a, L)}</li>`)}</ul>`);
  else todo.push(html`<p class="muted">${t(L, 'askNothing')}</p>`);

  if (po.status === 'PO placed' && !po.acknowledgement) {
    todo.push(form(ctx, po, 'acknowledge', t(L, 'confirm'), html`<input type="hidden" name="decision" value="confirm"><label>${t(L, 'yourName')}</label><input name="name" maxlength="80" autocomplete="name">`, { open: true, button: t(L, 'confirm') }));
    todo.push(form(ctx, po, 'acknowledge', t(L, 'reject'), html`<input type="hidden" name="decision" value="reject"><label>${t(L, 'rejectReason')}</label><textarea name="reason" required maxlength="1000"></textarea><label>${t(L, 'yourName')}</label><input name="name" maxlength="80">`, { button: t(L, 'reject') }));
  } else if (po.acknowledgement) {
    todo.push(html`<p class="muted">${t(L, po.acknowledgement === 'Confirmed' ? 'acknowledged' : 'rejected', { date: (po.acknowledgedAt ?? '').slice(0, 10) })}</p>`);
  }
  if (open.length > 0) {
    todo.push(form(ctx, po, 'milestone-done', t(L, 'markDone'), html`<label>${t(L, 'milestones')}</label><select name="milestone">${milestoneOptions(open)}</select><label>${t(L, 'doneOn')}</label>${dateInput('date', ctx.today)}`));
    todo.push(form(ctx, po, 'propose-date', t(L, 'proposeDate'), html`<label>${t(L, 'milestones')}</label><select name="milestone">${milestoneOptions(open)}</select><label>${t(L, 'newDate')}</label>${dateInput('date')}<label>${t(L, 'reason')}</label><textarea name="reason" required minlength="3" maxlength="1000"></textarea>`));
  }
  todo.push(form(ctx, po, 'progress', t(L, 'setProgress'), html`<label>${t(L, 'percent')}</label><input type="number" name="percent" min="0" max="100" step="1" inputmode="numeric" value="${po.progress === undefined ? '' : String(Math.round(po.progress * 100))}" required>`));
  const pendingInspections = po.inspections.filter((i) => !i.result || i.result === 'Pending');
  if (pendingInspections.length > 0) {
    todo.push(form(ctx, po, 'goods-ready', t(L, 'readyFor'), html`<label>${t(L, 'inspections')}</label><select name="inspection">${pendingInspections.map((i) => html`<option value="${i.label}">${inspectionName(i.type, L)}${i.scheduledDate ? ` (${i.scheduledDate})` : ''}</option>`)}</select><label>${t(L, 'goodsReady')}</label>${dateInput('date')}`));
  }
  const about = [
    html`<option value="po">${t(L, 'wholeOrder')}</option>`,
    ...po.milestones.filter((m) => m.factoryOwned).map((m) => html`<option value="milestone:${m.kind}">${milestoneName(m.kind, L)}</option>`),
    ...po.inspections.map((i) => html`<option value="inspection:${i.label}">${inspectionName(i.type, L)}</option>`),
  ];
  todo.push(
    form(
      ctx,
      po,
      'post-update',
      t(L, 'postUpdate'),
      html`<label>${t(L, 'about')}</label><select name="about">${about}</select><label>${t(L, 'message')}</label><textarea name="message" maxlength="4000"></textarea><label>${t(L, 'files')}</label><input type="file" name="files" accept="image/jpeg,image/png,image/webp,image/heic,video/mp4,video/quicktime" multiple><label>${t(L, 'yourName')}</label><input name="name" maxlength="80">`,
      { multipart: true },
    ),
  );

  const lines = po.lines.map(
    (l) => html`<tr><td><b>${l.sku}</b><div>${L === 'zh' ? (l.descriptionZh ?? l.description ?? '') : (l.description ?? l.descriptionZh ?? '')}</div>${l.carton ? html`<div class="muted">${t(L, 'cartonSize')}: ${l.carton}${l.unitsPerCarton ? ` · ${l.unitsPerCarton} ${t(L, 'perCarton')}` : ''}</div>` : ''}${l.marks ? html`<div class="muted pre">${t(L, 'marks')}: ${l.marks}</div>` : ''}</td><td>${l.quantity === undefined ? '—' : l.quantity.toLocaleString('en-US')} ${l.unit ?? ''}</td></tr>`,
  );
  const inspections = po.inspections.map(
    (i) => html`<tr><td>${inspectionName(i.type, L)}</td><td>${i.scheduledDate ?? t(L, 'notBooked')}</td><td>${i.goodsReadyDate ? `${t(L, 'goodsReady')}: ${i.goodsReadyDate}` : ''}${i.result && i.result !== 'Pending' ? html` <span class="chip ${i.result === 'Fail' ? 'bad' : 'ok'}">${i.result}</span>` : ''}</td></tr>`,
  );

  const body = html`<a class="back" href="${ctx.home}">‹ ${t(L, 'back')}</a>
${notice ? html`<div class="notice ${notice.ok ? 'ok' : 'err'}">${notice.text}</div>` : ''}
<div class="card"><div class="po-head"><span class="no">${po.poNumber}</span><span class="chip">${statusLabel(po, L)}</span></div>
<div class="muted">${t(L, 'orderDate')}: ${po.orderDate ?? '—'} · ${t(L, 'shipBy')}: ${po.shipBy ?? '—'}</div>
<div class="muted">${t(L, 'progress')}: ${po.progress === undefined ? '—' : `${Math.round(po.progress * 100)}%`}</div>${progressBar(po.progress)}</div>
<div class="card"><h2>${t(L, 'toDo')}</h2>${todo}</div>
<div class="card"><h2>${t(L, 'milestones')}</h2><table><tr><th></th><th>${t(L, 'planned')}</th><th>${t(L, 'actual')}</th></tr>${po.milestones.map((m) => milestoneRow(ctx, m))}</table></div>
${po.inspections.length > 0 ? html`<div class="card"><h2>${t(L, 'inspections')}</h2><table>${inspections}</table></div>` : ''}
<div class="card"><h2>${t(L, 'lines')}</h2><table><tr><th></th><th>${t(L, 'qty')}</th></tr>${lines}</table>
${po.packaging ? html`<h3>${t(L, 'packaging')}</h3><div class="pre">${po.packaging}</div>` : ''}
${po.inspectionProtocol ? html`<h3>${t(L, 'inspectionProtocol')}</h3><div class="pre">${po.inspectionProtocol}</div>` : ''}</div>
<p class="hint">${t(L, 'hint')}</p>`;
  return layout({ lang: L, title: `${po.poNumber} · ${ctx.supplierName}`, cssHref: ctx.cssHref, header: header(ctx, `${ctx.home}/po/${encodeURIComponent(po.poNumber)}?lang=${other(L)}`), body });
}

/** A page for a link that cannot be used, saying how to get a new one. */
export function linkProblemPage(lang: Language, cssHref: string, title: string, how: string, status: string): string {
  return layout({ lang, title, cssHref, header: html`<header><h1>${t(lang, 'title')}</h1></header>`, body: html`<div class="card"><h2>${title}</h2><p>${how}</p><p class="muted">${status}</p></div>` });
}

export function messagePage(lang: Language, cssHref: string, title: string, text: string, back?: string): string {
  return layout({ lang, title, cssHref, header: html`<header><h1>${t(lang, 'title')}</h1></header>`, body: html`<div class="card"><h2>${title}</h2><p>${text}</p>${back ? html`<a class="back" href="${back}">‹ ${t(lang, 'back')}</a>` : ''}</div>` });
}

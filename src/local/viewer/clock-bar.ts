/**
 * The strip at the top of every viewer page: the jobs' clock with "next day" / "next week" (they post to the
 * control plane, which asks the process running the jobs to move its clock and run the cycle), and, after an
 * action, the request it made and the API's answer.
 */
import type { ViewerAction } from './action-log.ts';
import type { ViewerContext } from './context.ts';
import { html, type SafeHtml } from './html.ts';

export function clockBar(ctx: ViewerContext, back: string): SafeHtml {
  const clock = ctx.hooks.clock?.();
  if (!clock || !ctx.hooks.advance) {
    return html`<div class="clockbar"><span class="muted">Clock: real time. To move time forward from here, run <code>npm start</code> (or <code>npm start -- --now 2027-01-20T09:00+08:00</code>): the process that runs the jobs lends the viewer its clock.</span></div>`;
  }
  const when = new Date(clock.now);
  const shown = `${when.toUTCString().slice(0, 22)} UTC`;
  const button = (days: number, label: string) =>
    html`<form method="post" action="/viewer/act/clock"><input type="hidden" name="days" value="${days}"><input type="hidden" name="back" value="${back}"><button type="submit">${label}</button></form>`;
  return html`<div class="clockbar" data-clock="${clock.now}"><span>Jobs' clock: <b>${shown}</b>${clock.real ? html` <span class="muted">(real time)</span>` : html` <span class="muted">(set with --now or moved here)</span>`}</span>${button(1, 'Next day ▸')}${button(7, 'Next week ▸▸')}<a href="/viewer/happened">What just happened</a></div>`;
}

export function actionFlash(action: ViewerAction): SafeHtml {
  const ok = action.status < 300;
  const body = action.body === undefined ? '' : JSON.stringify(action.body, null, 2);
  return html`<div class="flash ${ok ? 'ok' : 'bad'}" role="status"><b>${action.label}</b> ${ok ? '' : html`<span class="issue">— refused</span>`}
<div class="req">Request made: <code>${action.method} ${action.path}</code> → <b>${action.status}</b>${action.path === '/__workspace/clock' && ok ? html` · <a href="/viewer/happened">see what the cycle changed</a>` : ''}</div>
${body ? html`<pre class="reqbody">${body}</pre>` : ''}${action.answer ? html`<pre class="reqbody">${action.answer}</pre>` : ''}</div>`;
}

/**
 * A prompt mail to a factory: Chinese first, English below, each with the factory's own portal link. Plain words,
 * PO numbers and milestone names only: no record IDs, nothing about the end client.
 */
import type { MilestoneKind } from '../models/milestone.ts';
import { milestoneName } from './portal-texts.ts';
import type { PromptIntent, PromptItem } from './plan-prompts.ts';

export interface PromptMail {
  subject: string;
  text: string;
  html: string;
}

const SUBJECT: Record<PromptIntent['kind'], [string, string]> = {
  acknowledge: ['请确认新订单', 'Please confirm a new order'],
  due: ['请确认即将到期的节点', 'Please confirm an upcoming milestone'],
  overdue: ['节点已逾期，请回复', 'Milestone overdue: please answer'],
  weekly: ['本周订单汇总', 'Weekly summary of your open orders'],
};

function line(item: PromptItem, lang: 'zh' | 'en'): string {
  switch (item.what) {
    case 'acknowledge':
      return lang === 'zh' ? `${item.poNumber}：新订单，请在门户中确认或拒绝。` : `${item.poNumber}: new order, please confirm or reject it in the portal.`;
    case 'due':
      return lang === 'zh'
        ? `${item.poNumber}：${milestoneName(item.milestone as MilestoneKind, 'zh')} 计划于 ${item.date}，完成后请标记，如需改期请提出新日期。`
        : `${item.poNumber}: ${item.milestone} is planned for ${item.date}. Mark it done when it is, or propose a new date.`;
    case 'overdue':
      return lang === 'zh'
        ? `${item.poNumber}：${milestoneName(item.milestone as MilestoneKind, 'zh')} 计划于 ${item.date}，已逾期 48 小时仍未回复。请标记完成或提出新日期。`
        : `${item.poNumber}: ${item.milestone} was planned for ${item.date} and is 48 hours overdue with no answer. Please mark it done or propose a new date.`;
    case 'open':
      return lang === 'zh' ? `${item.poNumber}：${item.asks} 项待办` : `${item.poNumber}: ${item.asks} open request${item.asks === 1 ? '' : 's'}`;
  }
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function composePromptMail(intent: PromptIntent, input: { supplierName: string; supplierNameZh?: string | undefined; contact?: string | undefined; agency: string; link: string }): PromptMail {
  const [zhSubject, enSubject] = SUBJECT[intent.kind];
  const numbers = intent.poNumbers.length <= 3 ? intent.poNumbers.join(', ') : `${intent.poNumbers.length} POs`;
  const subject = `${zhSubject} / ${enSubject} · ${numbers}`;
  const who = input.contact?.split(',')[0]?.trim();
  const zh = [
    `${input.supplierNameZh ?? input.supplierName}${who ? ` ${who}` : ''}，您好：`,
    '',
    ...intent.items.map((i) => `• ${line(i, 'zh')}`),
    '',
    `请打开您的供应商门户（手机可用，无需登录）：${input.link}`,
    `此链接为贵司专用，请勿转发。——${input.agency}`,
  ];
  const en = [
    `Dear ${who ?? input.supplierName},`,
    '',
    ...intent.items.map((i) => `• ${line(i, 'en')}`),
    '',
    `Open your supplier portal (works on a phone, no login): ${input.link}`,
    `This link is for your company only; please do not forward it. — ${input.agency}`,
  ];
  const text = [...zh, '', '————————', '', ...en].join('\n');
  const para = (lines: string[]) => lines.map((l) => (l === '' ? '<br>' : `<p style="margin:4px 0">${escape(l)}</p>`)).join('\n');
  const button = (label: string) => `<p><a href="${escape(input.link)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;border-radius:6px;text-decoration:none">${label}</a></p>`;
  const html = `<div style="font-family:sans-serif;font-size:15px;line-height:1.5">${para(zh.slice(0, -2))}${button('打开供应商门户')}<p style="color:#666">${escape(zh[zh.length - 1] ?? '')}</p><hr>${para(en.slice(0, -2))}${button('Open the supplier portal')}<p style="color:#666">${escape(en[en.length - 1] ?? '')}</p></div>`;
  return { subject, text, html };
}

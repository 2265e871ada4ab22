/**
 * The text of one urgent-alert chat message, in each service's documented format:
 * - WeCom group robot (https://developer.work.weixin.qq.com/document/path/91770): `{"msgtype":"markdown",
 *   "markdown":{"content":…}}`, content at most 4096 bytes of UTF-8; WeCom's markdown knows headings, bold, links
 *   `[text](url)`, quotes and `<font color="warning">`.
 * - Slack incoming webhook (https://api.slack.com/messaging/webhooks, https://api.slack.com/reference/surfaces/formatting):
 *   `{"text": fallback, "blocks":[…]}`, a section's mrkdwn text at most 3000 characters, links `<url|text>`, with
 *   `&`, `<` and `>` escaped.
 * Several criticals go in one message, most urgent PO first; what does not fit is counted ("and 3 more").
 * Chinese channels read a Chinese line first and the English message below it.
 */
import { RULE_LABELS_ZH } from './rule-labels.ts';

export interface ChatItem {
  /** The PO number (or supplier / project name) the alert is about, as people know it. */
  subject: string;
  rule: string;
  /** The alert's message, for people. */
  message: string;
  /** A link to the record (Airtable), when the base's address is known. */
  url?: string;
}

export type ChatPayload =
  | { service: 'wecom'; body: { msgtype: 'markdown'; markdown: { content: string } } }
  | { service: 'slack'; body: { text: string; blocks: SlackBlock[] } };

export interface SlackBlock {
  type: 'header' | 'section' | 'context';
  text?: { type: 'plain_text' | 'mrkdwn'; text: string };
  elements?: { type: 'mrkdwn'; text: string }[];
}

export const WECOM_MARKDOWN_BYTES = 4096;
export const SLACK_SECTION_CHARS = 3000;
/** One alert's line is cut here, so one long message cannot crowd out the others. */
const MAX_MESSAGE_CHARS = 160;

export function composeChat(service: 'wecom' | 'slack', chinese: boolean, agencyName: string, items: readonly ChatItem[]): ChatPayload {
  if (items.length === 0) throw new RangeError('A chat message needs at least one alert');
  return service === 'wecom' ? wecomMessage(chinese, agencyName, items) : slackMessage(chinese, agencyName, items);
}

function wecomMessage(chinese: boolean, agencyName: string, items: readonly ChatItem[]): ChatPayload {
  const title = chinese
    ? `## <font color="warning">紧急 · ${items.length} 项严重问题</font>\n${items.length} critical alert${items.length === 1 ? '' : 's'} · ${agencyName}`
    : `## <font color="warning">${items.length} critical alert${items.length === 1 ? '' : 's'}</font> · ${agencyName}`;
  const lines = items.map((item) => {
    const label = chinese ? RULE_LABELS_ZH[item.rule] : undefined;
    const head = `**${wecomText(item.subject)}**${label ? ` · ${label}` : ''}`;
    const link = item.url ? ` [${chinese ? '打开 Open' : 'Open'}](${item.url})` : '';
    return `> ${head}\n> ${wecomText(clip(item.message))}${link}`;
  });
  const content = fit(title, lines, (n) => (chinese ? `另有 ${n} 项 · and ${n} more` : `and ${n} more`), (s) => Buffer.byteLength(s, 'utf8') <= WECOM_MARKDOWN_BYTES);
  return { service: 'wecom', body: { msgtype: 'markdown', markdown: { content } } };
}

function slackMessage(chinese: boolean, agencyName: string, items: readonly ChatItem[]): ChatPayload {
  const count = `${items.length} critical alert${items.length === 1 ? '' : 's'}`;
  const header = chinese ? `紧急 · ${items.length} 项严重问题 / ${count}` : `${count} · ${agencyName}`;
  const lines = items.map((item) => {
    const label = chinese ? RULE_LABELS_ZH[item.rule] : undefined;
    const subject = item.url ? `<${item.url}|${slackText(item.subject)}>` : `*${slackText(item.subject)}*`;
    return `• ${subject}${label ? ` · ${label}` : ''}: ${slackText(clip(item.message))}`;
  });
  const section = fit('', lines, (n) => `_and ${n} more_`, (s) => s.length <= SLACK_SECTION_CHARS).trimStart();
  return {
    service: 'slack',
    body: {
      // The fallback shown in notifications and by clients that cannot draw blocks.
      text: `${count}: ${items.map((i) => i.subject).join(', ')}`.slice(0, 300),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: header.slice(0, 150) } },
        { type: 'section', text: { type: 'mrkdwn', text: section } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: slackText(`${agencyName} · sourcing workspace`) }] },
      ],
    },
  };
}

/** The title and as many whole lines as fit, then a count of the rest. */
function fit(title: string, lines: readonly string[], more: (n: number) => string, fits: (text: string) => boolean): string {
  let text = title;
  for (let i = 0; i < lines.length; i += 1) {
    const candidate = `${text}\n${lines[i]}`;
    const left = lines.length - i - 1;
    if (!fits(left > 0 ? `${candidate}\n${more(left)}` : candidate)) return `${text}\n${more(lines.length - i)}`;
    text = candidate;
  }
  return text;
}

function clip(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_MESSAGE_CHARS ? oneLine : `${oneLine.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
}

/** Slack's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
function slackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** WeCom markdown has no escape; brackets and stars in names would turn into links or bold. */
function wecomText(text: string): string {
  return text.replace(/[[\]*`]/g, (c) => ({ '[': '［', ']': '］', '*': '＊', '`': 'ˋ' })[c] ?? c);
}

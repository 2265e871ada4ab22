import { describe, expect, it } from 'vitest';
import { composeChat, SLACK_SECTION_CHARS, WECOM_MARKDOWN_BYTES, type ChatItem } from '../../../src/domain/chat/compose-chat.ts';

const item = (n: number, extra: Partial<ChatItem> = {}): ChatItem => ({
  subject: `PO-${2400 + n}`,
  rule: 'inspection-failed',
  message: `PSI failed for PO-${2400 + n}: 7 major defects against Ac 5 (AQL 2.5, code letter L). Re-inspect before loading on 12 Jan.`,
  url: `https://airtable.com/appX/tblY/rec${String(n).padStart(14, '0')}`,
  ...extra,
});

describe('chat message for a WeCom robot (markdown, ≤ 4096 bytes)', () => {
  it('groups the criticals in one bilingual message: Chinese line first, the English message below, a link each', () => {
    const { body } = composeChat('wecom', true, 'Tidewater Sourcing', [item(6), item(9, { rule: 'shipment-without-psi' })]) as Extract<ReturnType<typeof composeChat>, { service: 'wecom' }>;
    expect(body.msgtype).toBe('markdown');
    const lines = body.markdown.content.split('\n');
    expect(lines[0]).toBe('## <font color="warning">紧急 · 2 项严重问题</font>');
    expect(lines[1]).toBe('2 critical alerts · Tidewater Sourcing');
    expect(lines[2]).toBe('> **PO-2406** · 验货不合格');
    expect(lines[3]).toMatch(/^> PSI failed for PO-2406: .*\[打开 Open\]\(https:\/\/airtable\.com\/appX\/tblY\/rec0+6\)$/);
    expect(lines[4]).toBe('> **PO-2409** · 未验货即出货');
  });

  it.each([1, 30, 200])('%i alerts never exceed WeCom\'s byte limit, and what is left out is counted', (count) => {
    const items = Array.from({ length: count }, (_, i) => item(i, { message: '检验不合格 '.repeat(60) }));
    const { body } = composeChat('wecom', true, 'Agency', items) as Extract<ReturnType<typeof composeChat>, { service: 'wecom' }>;
    const content = body.markdown.content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(WECOM_MARKDOWN_BYTES);
    const shown = content.split('\n').filter((l) => l.startsWith('> **')).length;
    const more = /另有 (\d+) 项 · and \1 more$/.exec(content);
    expect(shown + Number(more?.[1] ?? 0)).toBe(count);
  });

  it('an English channel gets no Chinese, and names cannot turn into links or bold', () => {
    const { body } = composeChat('wecom', false, 'Agency', [item(1, { subject: 'Factory [A]*', message: 'x' })]) as Extract<ReturnType<typeof composeChat>, { service: 'wecom' }>;
    expect(body.markdown.content).not.toMatch(/[\u4e00-\u9fff]/);
    expect(body.markdown.content).toContain('**Factory ［A］＊**');
  });
});

describe('chat message for a Slack incoming webhook (text + blocks)', () => {
  it('has a fallback text, a header and one mrkdwn section with linked PO numbers; &, < and > are escaped', () => {
    const { body } = composeChat('slack', false, 'Tidewater', [item(5, { message: 'Cartons <60> & pallets' })]) as Extract<ReturnType<typeof composeChat>, { service: 'slack' }>;
    expect(body.text).toBe('1 critical alert: PO-2405');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(body.blocks[1]!.text).toEqual({ type: 'mrkdwn', text: '• <https://airtable.com/appX/tblY/rec00000000000005|PO-2405>: Cartons &lt;60&gt; &amp; pallets' });
  });

  it('keeps the section within Slack\'s 3000 characters however many alerts there are', () => {
    const items = Array.from({ length: 120 }, (_, i) => item(i));
    const { body } = composeChat('slack', true, 'Tidewater', items) as Extract<ReturnType<typeof composeChat>, { service: 'slack' }>;
    const section = body.blocks[1]!.text!.text;
    expect(section.length).toBeLessThanOrEqual(SLACK_SECTION_CHARS);
    const shown = section.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(shown + Number(/_and (\d+) more_$/.exec(section)?.[1] ?? 0)).toBe(120);
    expect(body.blocks[0]!.text!.text).toBe('紧急 · 120 项严重问题 / 120 critical alerts');
  });

  it('refuses an empty message', () => {
    expect(() => composeChat('slack', false, 'A', [])).toThrow(RangeError);
  });
});

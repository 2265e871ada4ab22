/** The chat job through the real adapters against the local WeCom and Slack endpoints: grouped, once, retried only when refused. */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatPort } from '../../src/adapters/chat/index.ts';
import { localWebhookUrl } from '../../src/config/chat-config.ts';
import { outbox } from '../../src/domain/models/outbox.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { postChatAlerts } from '../../src/jobs/post-chat.ts';
import type { ChatPort } from '../../src/ports/chat.ts';
import { provisionedWorkspace, type JobWorkspace } from './job-workspace.ts';

// Friday 4 Dec 2026, 10:00 in Ningbo, 03:00 in Berlin.
const NINGBO_MORNING = new Date('2026-12-04T02:00:00Z');
const WEEK = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

describe('chat alerts job', () => {
  let jw: JobWorkspace;
  let ids: { po1: string; po2: string; chen: string; vogel: string; wecom: string; slack: string };
  beforeEach(async () => {
    jw = await provisionedWorkspace();
    const [chen, vogel] = await jw.records.create('People', [
      { Name: 'Chen Hao', Email: 'chen@agency.example', Role: 'QA', 'Time zone': 'Asia/Shanghai', 'Working hours start': '08:30', 'Working hours end': '17:30', 'Working days': WEEK, Active: true },
      { Name: 'Katrin Vogel', Email: 'vogel@agency.example', Role: 'Sourcing', 'Time zone': 'Europe/Berlin', 'Working hours start': '08:30', 'Working hours end': '17:00', 'Working days': WEEK, Active: true },
    ]);
    const [po1, po2] = await jw.records.create('Purchase Orders', [{ 'PO number': 'PO-2406' }, { 'PO number': 'PO-2409' }]);
    const [wecom, slack] = await jw.records.create('Chat Channels', [
      { Name: 'QC group', Service: 'WeCom robot', 'Webhook secret': 'wecom-qc', Language: '中文 + English', People: [chen!.id], Enabled: true },
      { Name: '#urgent', Service: 'Slack webhook', 'Webhook secret': 'slack-urgent', Language: 'English', People: [vogel!.id], Enabled: true },
    ]);
    ids = { po1: po1!.id, po2: po2!.id, chen: chen!.id, vogel: vogel!.id, wecom: wecom!.id, slack: slack!.id };
    await jw.records.create('Alerts', [
      { Key: 'inspection-failed:a', Rule: 'inspection-failed', Severity: 'Critical', Status: 'Open', PO: [ids.po1], Owner: [chen!.id], Message: 'PSI failed: 7 major defects against Ac 5.' },
      { Key: 'shipment-without-psi:b', Rule: 'shipment-without-psi', Severity: 'Critical', Status: 'Open', PO: [ids.po2], Owner: [chen!.id], Message: 'Booked without a passed PSI.' },
      { Key: 'late-milestone:c', Rule: 'late-milestone', Severity: 'Warning', Status: 'Open', PO: [ids.po2], Owner: [chen!.id], Message: 'Not critical: mail only.' },
      { Key: 'buffer-consumed:d', Rule: 'buffer-consumed', Severity: 'Critical', Status: 'Open', PO: [ids.po1], Owner: [vogel!.id], Message: 'Buffer used up.' },
    ]);
  });
  afterEach(async () => {
    await jw.close();
  });

  const chat = (): ChatPort => createChatPort({ counter: jw.counter, sleep: async () => {} });
  const run = (at: Date, port: ChatPort = chat()) =>
    postChatAlerts(
      { records: jw.records, chat: port, counter: jw.counter, now: () => at },
      { webhookUrl: (c) => localWebhookUrl(jw.ws.url, c.service === 'WeCom robot' ? 'wecom' : 'slack', c.webhookSecret) },
    );
  const posted = (service: 'wecom' | 'slack') => {
    const dir = join(jw.ws.dir, 'chat', service);
    return existsSync(dir) ? readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>) : [];
  };
  const chatRows = async () => parseRecords(outbox, await jw.records.list(outbox.table)).records.filter((r) => r.kind === 'Chat');

  it('posts each channel\'s new criticals once, grouped in one message, only while its people are at work', async () => {
    const first = await run(NINGBO_MORNING);
    expect(first.problems).toEqual([]);
    expect(first.details.posted).toEqual([{ channel: 'QC group', alerts: 2 }]);
    // Berlin is asleep: the Slack channel waits.
    expect(first.details.waiting).toEqual(['#urgent']);
    expect(first.requests['wecom']?.total).toBe(1);
    const [message] = posted('wecom');
    const content = (message!['markdown'] as { content: string }).content;
    expect(content).toContain('**PO-2406** · 验货不合格');
    expect(content).toContain('**PO-2409** · 未验货即出货');
    expect(content).not.toContain('Not critical');

    const again = await run(new Date(NINGBO_MORNING.getTime() + 3_600_000));
    expect(again.details.posted).toEqual([]);
    expect(posted('wecom')).toHaveLength(1);

    // Berlin's morning: #urgent gets its critical, the QC group nothing new.
    const berlin = await run(new Date('2026-12-04T08:00:00Z'));
    expect(berlin.details.posted).toEqual([{ channel: '#urgent', alerts: 1 }]);
    expect((posted('slack')[0]!['text'] as string)).toBe('1 critical alert: PO-2406');
    const rows = await chatRows();
    expect(rows.map((r) => [r.channel, r.state, r.alerts.length]).sort()).toEqual([['#urgent', 'Sent', 1], ['QC group', 'Sent', 2]]);
  });

  it('a rate-limited post is not lost: Cancelled, posted once on the next run', async () => {
    await jw.ws.control('POST', '/faults', { service: 'chat', status: 429, count: 1 });
    const refused = await run(NINGBO_MORNING);
    expect(refused.details.posted).toEqual([]);
    expect(refused.problems.join('\n')).toMatch(/QC group.*429.*posted again on the next run/);
    expect((await chatRows()).map((r) => r.state)).toEqual(['Cancelled']);

    const retried = await run(new Date(NINGBO_MORNING.getTime() + 15 * 60_000));
    expect(retried.details.posted).toEqual([{ channel: 'QC group', alerts: 2 }]);
    expect(posted('wecom')).toHaveLength(1);
    expect((await chatRows()).map((r) => r.state)).toEqual(['Sent']);
  });

  it('a post with no answer is never posted twice: the next run marks it Unconfirmed', async () => {
    const silent: ChatPort = { post: async () => { throw Object.assign(new Error('socket hang up'), { name: 'ChatPostError', definite: false }); } };
    const lost = await run(NINGBO_MORNING, silent);
    expect(lost.details.failed).toHaveLength(1);
    const next = await run(new Date(NINGBO_MORNING.getTime() + 15 * 60_000));
    expect(next.details.unconfirmed).toEqual(['QC group']);
    expect(next.details.posted).toEqual([]);
    expect(posted('wecom')).toHaveLength(0);
    expect((await chatRows()).map((r) => r.state)).toEqual(['Unconfirmed']);
  });

  it('the Outbox row\'s answer lost: retried on its Key, one row, posted once in the same run', async () => {
    await jw.ws.control('POST', '/faults', { service: 'airtable', kind: 'lost-response', count: 1, methods: ['PATCH'], pathIncludes: '/Outbox' });
    const report = await run(NINGBO_MORNING);
    expect(report.problems).toEqual([]);
    expect(report.details.posted).toEqual([{ channel: 'QC group', alerts: 2 }]);
    expect(report.requests['airtable']?.byOperation['retry']).toBe(1);
    expect(posted('wecom')).toHaveLength(1);
    expect((await chatRows()).map((r) => r.state)).toEqual(['Sent']);
  });

  it('a run stopped after recording the row but before marking it Sending: the next run posts it, once', async () => {
    const stopping = {
      ...jw.records,
      list: jw.records.list.bind(jw.records),
      upsert: jw.records.upsert.bind(jw.records),
      update: async (...args: Parameters<typeof jw.records.update>) => {
        if (args[1].some((r) => r.fields['State'] === 'Sending')) throw new Error('killed');
        return jw.records.update(...args);
      },
    } as typeof jw.records;
    await expect(postChatAlerts(
      { records: stopping, chat: chat(), counter: jw.counter, now: () => NINGBO_MORNING },
      { webhookUrl: (c) => localWebhookUrl(jw.ws.url, c.service === 'WeCom robot' ? 'wecom' : 'slack', c.webhookSecret) },
    )).rejects.toThrow('killed');
    expect(posted('wecom')).toHaveLength(0);
    const next = await run(new Date(NINGBO_MORNING.getTime() + 15 * 60_000));
    expect(next.details.unconfirmed).toEqual([]);
    expect(next.details.posted).toEqual([{ channel: 'QC group', alerts: 2 }]);
    expect(posted('wecom')).toHaveLength(1);
    expect((await chatRows()).map((r) => r.state)).toEqual(['Sent']);
  });

  it('a new critical later goes out alone; a channel without a configured URL is a problem naming it', async () => {
    await run(NINGBO_MORNING);
    await jw.records.create('Alerts', [{ Key: 'inspection-failed:e', Rule: 'inspection-failed', Severity: 'Critical', Status: 'Open', PO: [ids.po2], Owner: [ids.chen], Message: 'DUPRO failed.' }]);
    const later = await run(new Date(NINGBO_MORNING.getTime() + 3_600_000));
    expect(later.details.posted).toEqual([{ channel: 'QC group', alerts: 1 }]);
    const noUrl = await postChatAlerts(
      { records: jw.records, chat: chat(), counter: jw.counter, now: () => new Date('2026-12-04T08:00:00Z') },
      { webhookUrl: () => undefined },
    );
    expect(noUrl.problems).toEqual(['Chat Channels "#urgent": no webhook URL named "slack-urgent" in CHAT_WEBHOOKS; nothing posted there']);
  });
});

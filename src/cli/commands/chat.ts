import { createChatPort } from '../../adapters/chat/index.ts';
import { localWebhookUrl } from '../../config/chat-config.ts';
import type { Config } from '../../config/config.ts';
import type { ChatChannel } from '../../domain/models/chat-channel.ts';
import { postChatAlerts, type ChatDetails } from '../../jobs/post-chat.ts';
import type { JobReport } from '../../jobs/report.ts';
import { recordLinks, runOnBase } from '../base-target.ts';
import { printReport, reportFooter, type Printer } from '../output.ts';
import type { Runtime } from '../runtime.ts';

export function formatChatReport(report: JobReport<ChatDetails>): string {
  const d = report.details;
  const lines = [`Chat: ${d.posted.length} message(s) posted${d.posted.length > 0 ? ` (${d.posted.map((p) => `${p.channel}: ${p.alerts} alert(s)`).join('; ')})` : ''}.`];
  if (d.waiting.length > 0) lines.push(`Waiting for working hours: ${d.waiting.join(', ')}`);
  if (d.unconfirmed.length > 0) lines.push(`Interrupted earlier, not posted again: ${d.unconfirmed.join(', ')}`);
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** The URL behind a channel's secret name: CHAT_WEBHOOKS, or the local workspace's own endpoint in local mode. */
export function webhookResolver(runtime: Runtime): (channel: ChatChannel) => string | undefined {
  return (channel) => {
    const configured = runtime.config.chat.webhooks[channel.webhookSecret];
    if (configured) return configured;
    if (runtime.config.mode !== 'local' || !runtime.workspaceUrl) return undefined;
    return localWebhookUrl(runtime.workspaceUrl, channel.service === 'WeCom robot' ? 'wecom' : 'slack', channel.webhookSecret);
  };
}

/** Posts the criticals each chat channel has not had yet (also used by `start` and the functions). */
export function chatWith(runtime: Runtime, baseId: string): Promise<JobReport<ChatDetails>> {
  return postChatAlerts(
    { records: runtime.airtable.records(baseId), chat: createChatPort({ counter: runtime.counter }), counter: runtime.counter, now: runtime.now },
    { webhookUrl: webhookResolver(runtime), recordLinks: () => recordLinks(runtime, baseId) },
  );
}

/** `sourcing chat`: critical alerts to the WeCom groups and Slack channels of Chat Channels, each once. */
export function runChat(config: Config, print: Printer): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => printReport(print, await chatWith(runtime, baseId), formatChatReport), 'chat');
}

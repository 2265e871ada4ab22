/**
 * Chat webhooks (urgent alerts to WeCom group robots and Slack incoming webhooks). The URLs are secrets: anyone
 * holding one can post to the group. They come as one JSON object in CHAT_WEBHOOKS, `{"<Webhook secret name>":
 * "<url>"}`, mounted from Secret Manager in the cloud; the Chat Channels table only names them. In local mode, a
 * name missing from CHAT_WEBHOOKS gets the local workspace's own WeCom / Slack endpoint, so the sample's channels
 * work with no setup.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const CHAT_ENV = {
  /** `{"wecom-qc": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…", "slack-urgent": "https://hooks.slack.com/services/…"}` */
  CHAT_WEBHOOKS: z.string().trim().optional(),
};

type ChatEnv = z.output<z.ZodObject<typeof CHAT_ENV>>;

export interface ChatConfig {
  webhooks: Record<string, string>;
}

const ALLOWED_HOSTS = ['qyapi.weixin.qq.com', 'hooks.slack.com'];

export function chatConfig(e: ChatEnv, mode: 'local' | 'cloud'): { config: ChatConfig; problems: string[] } {
  if (!e.CHAT_WEBHOOKS) return { config: { webhooks: {} }, problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(e.CHAT_WEBHOOKS);
  } catch {
    // The value is a secret: never echo it.
    return { config: { webhooks: {} }, problems: ['CHAT_WEBHOOKS: not JSON; expected {"<secret name>": "<webhook URL>", …}'] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { config: { webhooks: {} }, problems: ['CHAT_WEBHOOKS: expected a JSON object {"<secret name>": "<webhook URL>", …}'] };
  }
  const webhooks: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, url] of Object.entries(parsed)) {
    if (typeof url !== 'string' || !isWebhookUrl(url, mode)) {
      problems.push(`CHAT_WEBHOOKS["${name}"]: not a WeCom robot or Slack webhook URL (https://${ALLOWED_HOSTS.join(' or https://')})`);
      continue;
    }
    webhooks[name] = url;
  }
  return { config: { webhooks }, problems };
}

function isWebhookUrl(url: string, mode: 'local' | 'cloud'): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' && ALLOWED_HOSTS.includes(u.hostname)) return true;
    return mode === 'local' && u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost');
  } catch {
    return false;
  }
}

export function redactChat(config: ChatConfig): { webhooks: Record<string, string> } {
  return { webhooks: Object.fromEntries(Object.keys(config.webhooks).map((k) => [k, '***'])) };
}

/**
 * The local workspace's endpoint for a channel named in the base but not in CHAT_WEBHOOKS: a WeCom-shaped robot
 * key or Slack-shaped hook path derived from the secret's name, so the same channel always gets the same URL.
 */
export function localWebhookUrl(workspaceUrl: string, service: 'wecom' | 'slack', secretName: string): string {
  const hex = createHash('sha256').update(secretName).digest('hex');
  if (service === 'wecom') {
    const key = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    return `${workspaceUrl}/cgi-bin/webhook/send?key=${key}`;
  }
  const upper = hex.toUpperCase();
  return `${workspaceUrl}/services/T${upper.slice(0, 8)}/B${upper.slice(8, 16)}/${hex.slice(16, 40)}`;
}

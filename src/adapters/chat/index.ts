/**
 * The chat port over WeCom group robots (plain fetch: there is no official SDK) and Slack incoming webhooks (the
 * official @slack/webhook client, https://tools.slack.dev/node-slack-sdk/webhook). Posts to one webhook are spaced
 * below its documented limit (WeCom: 20 a minute per robot; Slack: about one a second); a rate-limit answer is
 * a definite refusal that the caller retries on a later run, never within the same post.
 */
import { IncomingWebhook, IncomingWebhookHTTPError } from '@slack/webhook';
import type { ChatPayload } from '../../domain/chat/compose-chat.ts';
import type { RequestCounter } from '../../lib/request-counter.ts';
import { ChatPostError, type ChatPort } from '../../ports/chat.ts';
import { postWecom } from './wecom-robot.ts';

const SPACING_MS = { wecom: 3_100, slack: 1_100 } as const;
const TIMEOUT_MS = 15_000;

export interface ChatAdapterOptions {
  counter: RequestCounter;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export function createChatPort(options: ChatAdapterOptions): ChatPort {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const lastPost = new Map<string, number>();

  return {
    async post(webhookUrl: string, payload: ChatPayload): Promise<void> {
      const last = lastPost.get(webhookUrl);
      const wait = last === undefined ? 0 : last + SPACING_MS[payload.service] - now();
      if (wait > 0) await sleep(wait);
      lastPost.set(webhookUrl, now());
      options.counter.add(payload.service === 'wecom' ? 'wecom' : 'slack', 'post');
      if (payload.service === 'wecom') return postWecom(webhookUrl, payload.body, TIMEOUT_MS);
      return postSlack(webhookUrl, payload.body);
    },
  };
}

/** https://api.slack.com/messaging/webhooks#handling_errors: errors are plain-text bodies with a 4xx status. */
async function postSlack(webhookUrl: string, body: Extract<ChatPayload, { service: 'slack' }>['body']): Promise<void> {
  const webhook = new IncomingWebhook(webhookUrl, { timeout: TIMEOUT_MS });
  try {
    await webhook.send(body);
  } catch (error) {
    if (error instanceof IncomingWebhookHTTPError) {
      throw new ChatPostError(`Slack webhook: HTTP ${error.statusCode} ${error.body}`.trim(), error.statusCode < 500, `${error.statusCode} ${error.body}`.trim());
    }
    throw new ChatPostError(`Slack webhook: no answer (${(error as Error).message})`, false, 'network');
  }
}

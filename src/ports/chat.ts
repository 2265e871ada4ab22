/**
 * What jobs need to post to a team chat: one message to one webhook. Implemented by src/adapters/chat over WeCom's
 * group-robot API and Slack's official @slack/webhook client. Neither service can be asked afterwards whether a
 * message arrived, so the caller records its intent first (the Outbox) and never resends an unconfirmed post.
 */
import type { ChatPayload } from '../domain/chat/compose-chat.ts';

export interface ChatPort {
  post(webhookUrl: string, payload: ChatPayload): Promise<void>;
}

/**
 * A post that failed. `definite` when the service answered that it did not take the message (an error code, a 4xx,
 * a rate limit): it may be posted again later. Otherwise (a timeout, a dropped connection) it may have arrived.
 */
export class ChatPostError extends Error {
  override readonly name = 'ChatPostError';
  constructor(
    message: string,
    readonly definite: boolean,
    /** The service's own code: WeCom's errcode, Slack's error text or HTTP status. */
    readonly code: string,
  ) {
    super(message);
  }
}

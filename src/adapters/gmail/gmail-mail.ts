/**
 * MailPort over the Gmail API: MIME from MailComposer, sent as `raw` with users.messages.send, found again with
 * users.messages.list `q=rfc822msgid:`. The root URL goes to the client and to every call (the per-call URL
 * builder ignores the client's for uploads; see wire-apis.md §C1). Every request is counted.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import type { RequestCounter } from '../../lib/request-counter.ts';
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from '../../lib/retry.ts';
import { MailSendError, type MailPort, type OutgoingMail, type SentMail } from '../../ports/mail.ts';
import { composeMessage } from '../mime/compose-message.ts';
import { gmailClient, type GmailAuth } from './client.ts';

export interface GmailMailOptions {
  /** https://gmail.googleapis.com/ or the local workspace URL. */
  rootUrl: string;
  auth: GmailAuth;
  counter: RequestCounter;
  /** The mailbox: `me` is the authenticated (or impersonated) user. */
  userId?: string;
  /** Retries of a send that met a 5xx or a dropped connection (each after a Message-ID lookup). */
  retry?: RetryPolicy;
}

export class GmailMailAdapter implements MailPort {
  readonly transport = 'gmail' as const;
  readonly canSearchSent = true;
  private readonly client: gmail_v1.Gmail;
  private readonly rootUrl: string;
  private readonly userId: string;

  constructor(private readonly options: GmailMailOptions) {
    this.rootUrl = options.rootUrl.endsWith('/') ? options.rootUrl : `${options.rootUrl}/`;
    this.client = gmailClient(this.rootUrl, options.auth);
    this.userId = options.userId ?? 'me';
  }

  /**
   * Sends once; when the answer is a 5xx or the connection dropped (the message may have gone out), asks the sent
   * mailbox for its Message-ID before sending again, so a lost answer never mails a person twice. A 4xx (429
   * included) means nothing was sent: it is reported at once and the mail stays due for the next run.
   */
  async sendMail(mail: OutgoingMail): Promise<SentMail> {
    return withRetries(
      async (attempt) => {
        if (attempt > 1) {
          const found = await this.findSentByMessageId(mail.messageId);
          if (found) return found;
        }
        return this.sendOnce(mail);
      },
      {
        policy: this.options.retry ?? DEFAULT_RETRY,
        retryable: (error) => error instanceof MailSendError && !error.definite,
        onRetry: () => this.options.counter.add('gmail', 'retry'),
      },
    );
  }

  // https://developers.google.com/gmail/api/reference/rest/v1/users.messages/send
  private async sendOnce(mail: OutgoingMail): Promise<SentMail> {
    const raw = (await composeMessage(mail)).toString('base64url');
    this.options.counter.add('gmail', 'messages.send');
    try {
      const res = await this.client.users.messages.send({ userId: this.userId, requestBody: { raw } }, { rootUrl: this.rootUrl });
      if (!res.data.id) throw new MailSendError('Gmail accepted the message but answered no message ID', res.status, false);
      return { providerId: res.data.id };
    } catch (error) {
      throw toSendError(error, 'users.messages.send');
    }
  }

  // https://developers.google.com/gmail/api/reference/rest/v1/users.messages/list (q: rfc822msgid:, Gmail search)
  async findSentByMessageId(messageId: string): Promise<SentMail | undefined> {
    const bare = messageId.replace(/^<|>$/g, '');
    this.options.counter.add('gmail', 'messages.list');
    try {
      const res = await this.client.users.messages.list(
        { userId: this.userId, q: `rfc822msgid:${bare}`, includeSpamTrash: true, maxResults: 1 },
        { rootUrl: this.rootUrl },
      );
      const id = res.data.messages?.[0]?.id;
      return id ? { providerId: id } : undefined;
    } catch (error) {
      throw toSendError(error, 'users.messages.list');
    }
  }
}

interface GaxiosLike {
  status?: number;
  response?: { status?: number; data?: unknown };
  message?: string;
}

/** A 4xx means Gmail refused the request, so nothing was sent; a 5xx or a network error leaves it open. */
function toSendError(error: unknown, operation: string): MailSendError {
  if (error instanceof MailSendError) return error;
  const e = (error ?? {}) as GaxiosLike;
  const status = e.status ?? e.response?.status;
  const definite = status !== undefined && status >= 400 && status < 500;
  return new MailSendError(`Gmail ${operation} failed${status ? ` (${status})` : ''}: ${e.message ?? String(error)}`, status, definite, { cause: error });
}

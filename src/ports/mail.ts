/**
 * What jobs need to send email, in mail terms. Implemented over the Gmail API (src/adapters/gmail) or SMTP
 * (src/adapters/smtp). The MIME message is built by the adapter from these parts.
 */
export interface MailAddress {
  name?: string;
  address: string;
}

export interface OutgoingMail {
  /** RFC 5322 msg-id with angle brackets, derived from the dedupe key so a crash can be checked afterwards. */
  messageId: string;
  from: MailAddress;
  to: MailAddress[];
  subject: string;
  text: string;
  html: string;
  date: Date;
  /** Extra headers, e.g. the dedupe key for people reading the raw message. */
  headers?: Record<string, string>;
  /** An iCalendar invite (RFC 6047 iMIP): sent as a text/calendar alternative with its METHOD. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

export interface SentMail {
  /** Gmail message ID, or the SMTP server's answer. */
  providerId: string;
}

export interface MailPort {
  readonly transport: 'gmail' | 'smtp';
  /** Whether findSentByMessageId can answer: SMTP has no sent folder to ask. */
  readonly canSearchSent: boolean;
  sendMail(mail: OutgoingMail): Promise<SentMail>;
  /** The sent message with this Message-ID, or undefined when none went out. */
  findSentByMessageId(messageId: string): Promise<SentMail | undefined>;
}

/** A send that failed; `definite` when the provider says it was not accepted (4xx), so it did not go out. */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly definite: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

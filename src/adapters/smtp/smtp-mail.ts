/**
 * MailPort over SMTP (nodemailer's SMTP transport), the alternative to the Gmail API. The message is the same
 * MailComposer output, handed over raw. SMTP has no sent folder to ask, so a crash between sending and recording
 * cannot be checked: the reminders job marks such an email Unconfirmed instead of risking a duplicate.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { RequestCounter } from '../../lib/request-counter.ts';
import { MailSendError, type MailPort, type OutgoingMail, type SentMail } from '../../ports/mail.ts';
import { composeMessage } from '../mime/compose-message.ts';

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS is required. */
  secure: boolean;
  user?: string;
  password?: string;
  counter: RequestCounter;
}

export class SmtpMailAdapter implements MailPort {
  readonly transport = 'smtp' as const;
  readonly canSearchSent = false;
  private readonly transporter: Transporter;

  constructor(private readonly options: SmtpOptions) {
    this.transporter = createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: !options.secure,
      ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
    });
  }

  async sendMail(mail: OutgoingMail): Promise<SentMail> {
    const raw = await composeMessage(mail);
    this.options.counter.add('smtp', 'send');
    try {
      const info = await this.transporter.sendMail({
        envelope: { from: mail.from.address, to: mail.to.map((t) => t.address) },
        raw,
      });
      return { providerId: String(info.response ?? info.messageId ?? '') };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // An SMTP reply code means the server refused the message; a timeout or dropped connection leaves it open.
      throw new MailSendError(`SMTP send failed: ${(error as Error).message}`, code, code !== undefined && code >= 400, { cause: error });
    }
  }

  async findSentByMessageId(): Promise<SentMail | undefined> {
    throw new MailSendError('SMTP cannot look up sent mail', undefined, false);
  }
}

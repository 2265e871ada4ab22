/**
 * The mail transport the config selects: the Gmail API (the local workspace's in local mode, the real one with
 * domain-wide delegation in cloud mode) or SMTP. A transport that cannot work answers with a clear error when a
 * job first uses it, so commands that send no mail still run without mail settings.
 */
import { GmailMailAdapter } from '../adapters/gmail/index.ts';
import { SmtpMailAdapter } from '../adapters/smtp/smtp-mail.ts';
import type { Config } from '../config/config.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import { scaledRetry } from '../lib/retry.ts';
import { MailSendError, type MailPort } from '../ports/mail.ts';

export function createMailPort(config: Config, counter: RequestCounter, workspaceUrl?: string): MailPort {
  const mail = config.mail;
  if (mail.transport === 'smtp') {
    if (!mail.smtp) return unavailable('smtp', 'SMTP_HOST is not set');
    return new SmtpMailAdapter({ ...mail.smtp, counter });
  }
  if (config.mode === 'local' && workspaceUrl) {
    return new GmailMailAdapter({ rootUrl: workspaceUrl, auth: { kind: 'bearer', accessToken: config.workspace.token }, counter, retry: scaledRetry(config.workspace.speed) });
  }
  if (mail.gmail.accessToken) {
    return new GmailMailAdapter({ rootUrl: mail.gmail.rootUrl, auth: { kind: 'bearer', accessToken: mail.gmail.accessToken }, counter });
  }
  if (mail.gmail.credentialsFile && mail.gmail.sender) {
    return new GmailMailAdapter({
      rootUrl: mail.gmail.rootUrl,
      auth: { kind: 'delegated', keyFile: mail.gmail.credentialsFile, subject: mail.gmail.sender },
      counter,
    });
  }
  return unavailable('gmail', 'set GMAIL_CREDENTIALS_FILE (service-account key with domain-wide delegation) and MAIL_FROM or GMAIL_SENDER, or GMAIL_ACCESS_TOKEN');
}

function unavailable(transport: 'gmail' | 'smtp', why: string): MailPort {
  const fail = async (): Promise<never> => {
    throw new MailSendError(`Email is not configured: ${why}`, undefined, true);
  };
  return { transport, canSearchSent: transport === 'gmail', sendMail: fail, findSentByMessageId: fail };
}

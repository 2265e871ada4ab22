/**
 * Email settings (reminders): the transport (Gmail API by default, SMTP as the alternative), the sender and the
 * escalation delay. Parsed with the rest of the environment in config.ts; secrets are redacted there.
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const MAIL_ENV = {
  /** gmail (users.messages.send) or smtp. */
  MAIL_TRANSPORT: z.enum(['gmail', 'smtp']).default('gmail'),
  /** "Name <address>" or a bare address; in local mode the local mailbox. */
  MAIL_FROM: optionalText,
  GMAIL_ROOT_URL: z.string().url().default('https://gmail.googleapis.com/'),
  /** Mailbox impersonated through domain-wide delegation; the MAIL_FROM address when empty. */
  GMAIL_SENDER: optionalText,
  /** Service-account key file with domain-wide delegation for gmail.send and gmail.readonly. */
  GMAIL_CREDENTIALS_FILE: optionalText,
  /** A ready bearer token instead of the key file (short-lived; for tests and tools). */
  GMAIL_ACCESS_TOKEN: optionalText,
  SMTP_HOST: optionalText,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  REMINDER_ESCALATION_DAYS: z.coerce.number().int().min(1).max(30).default(2),
};

type MailEnv = z.output<z.ZodObject<typeof MAIL_ENV>>;

export interface MailConfig {
  transport: 'gmail' | 'smtp';
  /** Undefined in cloud mode without MAIL_FROM: the reminders job refuses to run then. */
  from?: { name?: string; address: string };
  escalateAfterWorkingDays: number;
  gmail: { rootUrl: string; sender?: string; credentialsFile?: string; accessToken?: string };
  smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string };
}

/** The local workspace's mailbox (`me`), so local .eml files show a sender that exists there. */
export const LOCAL_MAIL_FROM = 'Sourcing workspace <owner@workspace.local>';

const ADDRESS = /^[^\s@<>()",;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** "Name <a@b.example>" or "a@b.example". */
export function parseMailbox(text: string): { name?: string; address: string } | undefined {
  const angle = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/.exec(text);
  const name = angle ? angle[1]!.trim() : undefined;
  const address = (angle ? angle[2]! : text).trim();
  if (!ADDRESS.test(address)) return undefined;
  return name ? { name, address } : { address };
}

/** The mail part of the config, or the list of problems (each naming its variable). */
export function mailConfig(e: MailEnv, mode: 'local' | 'cloud'): { config: MailConfig; problems: string[] } {
  const problems: string[] = [];
  const fromText = e.MAIL_FROM ?? (mode === 'local' ? LOCAL_MAIL_FROM : undefined);
  const from = fromText === undefined ? undefined : parseMailbox(fromText);
  if (fromText !== undefined && !from) problems.push(`MAIL_FROM: expected "Name <address@domain>" or an address, got ${JSON.stringify(fromText)}`);
  if (e.GMAIL_SENDER !== undefined && !ADDRESS.test(e.GMAIL_SENDER)) problems.push(`GMAIL_SENDER: expected an email address, got ${JSON.stringify(e.GMAIL_SENDER)}`);

  let smtp: MailConfig['smtp'];
  if (e.MAIL_TRANSPORT === 'smtp') {
    if (!e.SMTP_HOST) problems.push('SMTP_HOST: required when MAIL_TRANSPORT=smtp');
    if ((e.SMTP_USER === undefined) !== (e.SMTP_PASSWORD === undefined)) problems.push('SMTP_USER and SMTP_PASSWORD: set both or neither');
    if (e.SMTP_HOST) {
      smtp = {
        host: e.SMTP_HOST,
        port: e.SMTP_PORT,
        // Port 465 is implicit TLS; 587 and 25 upgrade with STARTTLS.
        secure: e.SMTP_SECURE === undefined ? e.SMTP_PORT === 465 : e.SMTP_SECURE === 'true',
        ...(e.SMTP_USER ? { user: e.SMTP_USER, password: e.SMTP_PASSWORD } : {}),
      };
    }
  }
  const config: MailConfig = {
    transport: e.MAIL_TRANSPORT,
    ...(from ? { from } : {}),
    escalateAfterWorkingDays: e.REMINDER_ESCALATION_DAYS,
    gmail: {
      rootUrl: e.GMAIL_ROOT_URL,
      ...((e.GMAIL_SENDER ?? from?.address) ? { sender: e.GMAIL_SENDER ?? from?.address } : {}),
      ...(e.GMAIL_CREDENTIALS_FILE ? { credentialsFile: e.GMAIL_CREDENTIALS_FILE } : {}),
      ...(e.GMAIL_ACCESS_TOKEN ? { accessToken: e.GMAIL_ACCESS_TOKEN } : {}),
    },
    ...(smtp ? { smtp } : {}),
  };
  return { config, problems };
}

export function redactMail(mail: MailConfig): MailConfig {
  return {
    ...mail,
    gmail: { ...mail.gmail, ...(mail.gmail.accessToken ? { accessToken: '***' } : {}) },
    ...(mail.smtp ? { smtp: { ...mail.smtp, ...(mail.smtp.password ? { password: '***' } : {}) } } : {}),
  };
}

/**
 * A refused setting in people's words: the variable, the value given (never for a secret) and what is allowed,
 * instead of the schema library's "expected number, received NaN".
 */
import type { z } from 'zod';

const ALLOWED: Record<string, string> = {
  WORKSPACE_PORT: 'a whole number from 0 to 65535 (0 = any free port)',
  WORKSPACE_SPEED: 'a number above 0 (1 = the real services\' pacing, 10 = ten times faster)',
  WORKSPACE_TOKEN: 'any non-empty text',
  WORKSPACE_DIR: 'a folder path',
  SMTP_PORT: 'a whole number from 1 to 65535 (587 STARTTLS, 465 TLS)',
  REMINDER_ESCALATION_DAYS: 'a whole number of working days from 1 to 30',
  MAIL_TRANSPORT: '"gmail" or "smtp"',
  SMTP_SECURE: '"true" or "false"',
  AIRTABLE_BASE_NAME: 'any non-empty text',
};

const SECRET = /TOKEN|PASSWORD|SECRET|CREDENTIALS|KEY/;

export function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = issue.path.map(String).join('.');
  const raw = env[name];
  const value = raw === undefined ? '' : SECRET.test(name) ? ' (value hidden)' : ` "${raw}"`;
  const allowed = ALLOWED[name] ?? (/URL$/.test(name) ? 'a full URL such as https://…' : issue.message);
  return `${name}${value} is not allowed: use ${allowed}`;
}

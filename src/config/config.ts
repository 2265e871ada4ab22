/**
 * Configuration, parsed once at the entry point from the environment (passed in, never read elsewhere).
 * With no AIRTABLE_TOKEN the project runs in local mode on the embedded workspace; with one it talks to the
 * real services. Secrets are redacted from anything that serialises the config.
 */
import { z } from 'zod';
import { CHAT_ENV, chatConfig, redactChat, type ChatConfig } from './chat-config.ts';
import { MAIL_ENV, mailConfig, redactMail, type MailConfig } from './mail-config.ts';
import { DRIVE_ENV, driveConfig, redactDrive, type DriveConfig } from './drive-config.ts';
import { NOTION_ENV, notionConfig, redactNotion, type NotionConfig } from './notion-config.ts';
import { SUPPLIER_PORTAL_ENV, supplierPortalConfig, type SupplierPortalConfig } from './supplier-portal-config.ts';
import { CLOCK_ENV, clockConfig } from './clock-config.ts';
import { describeIssue } from './setting-errors.ts';
import { STATE_ENV, stateConfig, type StateConfig } from './state-config.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const EnvSchema = z.object({
  WORKSPACE_TOKEN: z.string().min(1).default('local'),
  WORKSPACE_DIR: z.string().min(1).default('.workspace'),
  WORKSPACE_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  /** Rate-limit time scale of the local workspace (1 = the providers' real limits). */
  WORKSPACE_SPEED: z.coerce.number().positive().default(1),
  AIRTABLE_TOKEN: optionalText,
  AIRTABLE_WORKSPACE_ID: optionalText,
  AIRTABLE_BASE_ID: optionalText,
  AIRTABLE_BASE_NAME: z.string().min(1).default('Sourcing workspace'),
  AIRTABLE_ENDPOINT_URL: z.string().url().default('https://api.airtable.com'),
  /** The deployed `webhooks` function's URL (with ?workspace=<id>): scheduled syncs keep the base's Airtable webhook pointing there. */
  WEBHOOKS_URL: z.string().url().optional(),
  ...MAIL_ENV,
  ...DRIVE_ENV,
  ...NOTION_ENV,
  ...SUPPLIER_PORTAL_ENV,
  ...CHAT_ENV,
  ...CLOCK_ENV,
  ...STATE_ENV,
});

export interface Config {
  mode: 'local' | 'cloud';
  workspace: { token: string; dir: string; port: number; speed: number };
  airtable: {
    token?: string;
    workspaceId?: string;
    baseId?: string;
    baseName: string;
    endpointUrl: string;
    webhooksUrl?: string;
  };
  mail: MailConfig;
  drive: DriveConfig;
  notion: NotionConfig;
  supplierPortal: SupplierPortalConfig;
  chat: ChatConfig;
  /** SOURCING_NOW (or --now): the moment the jobs run as of; undefined = the real time. */
  now?: Date;
  /** Leases and other durable state (state-config.ts). */
  state: StateConfig;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => describeIssue(i, env));
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const mode = e.AIRTABLE_TOKEN ? 'cloud' : 'local';
  if (mode === 'cloud' && !e.AIRTABLE_BASE_ID && !e.AIRTABLE_WORKSPACE_ID) {
    throw new ConfigError(
      'AIRTABLE_TOKEN is set, so the real Airtable is used: set AIRTABLE_BASE_ID (an existing base) or AIRTABLE_WORKSPACE_ID (to create one)',
    );
  }
  const mail = mailConfig(e, mode);
  if (mail.problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${mail.problems.join('\n  ')}`);
  const clock = clockConfig(e);
  if (clock.problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${clock.problems.join('\n  ')}`);
  const drive = driveConfig(e);
  if (drive.problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${drive.problems.join('\n  ')}`);
  const chat = chatConfig(e, mode);
  if (chat.problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${chat.problems.join('\n  ')}`);
  const config: Config = {
    mode,
    workspace: { token: e.WORKSPACE_TOKEN, dir: e.WORKSPACE_DIR, port: e.WORKSPACE_PORT, speed: e.WORKSPACE_SPEED },
    airtable: {
      token: e.AIRTABLE_TOKEN,
      workspaceId: e.AIRTABLE_WORKSPACE_ID,
      baseId: e.AIRTABLE_BASE_ID,
      baseName: e.AIRTABLE_BASE_NAME,
      endpointUrl: e.AIRTABLE_ENDPOINT_URL,
      ...(e.WEBHOOKS_URL ? { webhooksUrl: e.WEBHOOKS_URL } : {}),
    },
    mail: mail.config,
    drive: drive.config,
    notion: notionConfig(e),
    supplierPortal: supplierPortalConfig(e),
    chat: chat.config,
    now: clock.now,
    state: stateConfig(e),
  };
  // Secrets never reach logs or JSON output.
  Object.defineProperty(config, 'toJSON', { enumerable: false, value: () => redact(config) });
  return config;
}

export function redact(config: Config): unknown {
  return {
    ...config,
    workspace: { ...config.workspace, token: '***' },
    airtable: { ...config.airtable, token: config.airtable.token ? '***' : undefined },
    mail: redactMail(config.mail),
    drive: redactDrive(config.drive),
    notion: redactNotion(config.notion),
    supplierPortal: { ...config.supplierPortal, secret: config.supplierPortal.secret ? '***' : undefined },
    chat: redactChat(config.chat),
  };
}

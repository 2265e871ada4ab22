/** Chat Channels: WeCom group robots and Slack incoming webhooks that get urgent alerts besides the mail. */
import { checkbox, links, requiredSelect, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const CHAT_SERVICES = ['WeCom robot', 'Slack webhook'] as const;
export type ChatService = (typeof CHAT_SERVICES)[number];
export const CHAT_LANGUAGES = ['中文 + English', 'English'] as const;
export type ChatLanguage = (typeof CHAT_LANGUAGES)[number];

export const chatChannels = defineModel(
  'Chat Channels',
  {
    name: 'Name',
    service: 'Service',
    webhookSecret: 'Webhook secret',
    language: 'Language',
    people: 'People',
    enabled: 'Enabled',
    syncIssues: 'Sync issues',
  } as const,
  {
    name: requiredText(),
    service: requiredSelect(CHAT_SERVICES),
    /** The name under which CHAT_WEBHOOKS holds the URL; the URL itself never sits in the base. */
    webhookSecret: requiredText(),
    language: select(CHAT_LANGUAGES),
    /** Whose criticals go here; empty = every critical. */
    people: links(),
    enabled: checkbox(),
    syncIssues: text(),
  },
);

export type ChatChannel = ModelRecord<typeof chatChannels>;

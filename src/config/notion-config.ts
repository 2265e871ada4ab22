/**
 * Notion settings (client portals): the integration token, the page the portals live under, and the API origin.
 * Parsed with the rest of the environment in config.ts. In local mode none is needed: the local workspace answers
 * Notion's API and the sync keeps its portals under a top-level "Client portals" page.
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const NOTION_ENV = {
  /** An internal integration's secret (https://developers.notion.com/docs/authorization). */
  NOTION_TOKEN: optionalText,
  /** The page shared with the integration under which every client portal is created. */
  NOTION_ROOT_PAGE_ID: optionalText,
  /**
   * The verification token of the Notion webhook subscription, once copied from the first delivery's log line
   * (optional: without it the endpoint keeps the first token it receives in the state store).
   */
  NOTION_WEBHOOK_TOKEN: optionalText,
  /** The API origin without /v1 (the SDK adds it). */
  NOTION_BASE_URL: z.string().url().default('https://api.notion.com'),
};

type NotionEnv = z.output<z.ZodObject<typeof NOTION_ENV>>;

export interface NotionConfig {
  token?: string;
  rootPageId?: string;
  baseUrl: string;
  webhookToken?: string;
}

export function notionConfig(e: NotionEnv): NotionConfig {
  return {
    ...(e.NOTION_TOKEN ? { token: e.NOTION_TOKEN } : {}),
    ...(e.NOTION_ROOT_PAGE_ID ? { rootPageId: e.NOTION_ROOT_PAGE_ID } : {}),
    ...(e.NOTION_WEBHOOK_TOKEN ? { webhookToken: e.NOTION_WEBHOOK_TOKEN } : {}),
    baseUrl: e.NOTION_BASE_URL,
  };
}

export function redactNotion(config: NotionConfig): NotionConfig {
  return { ...config, ...(config.token ? { token: '***' } : {}), ...(config.webhookToken ? { webhookToken: '***' } : {}) };
}

/**
 * The Notion adapter the config selects: the local workspace's Notion API in local mode (its rate limit scaled by
 * the workspace speed), the real one with NOTION_TOKEN in cloud mode. Without a token in cloud mode the sync
 * refuses to start with a clear message; other commands run without Notion settings.
 */
import { createNotionAdapter } from '../adapters/notion/index.ts';
import type { Config } from '../config/config.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import { scaledRetry } from '../lib/retry.ts';
import type { NotionPortalPort } from '../ports/notion.ts';

export function createNotionPort(config: Config, counter: RequestCounter, workspaceUrl?: string): NotionPortalPort {
  if (config.mode === 'local' && workspaceUrl) {
    const speed = config.workspace.speed;
    return createNotionAdapter({
      baseUrl: workspaceUrl,
      auth: config.workspace.token,
      counter,
      requestsPerSecond: 2.5 * speed,
      penaltyMs: 1000 / speed,
      transientRetry: scaledRetry(speed),
    });
  }
  return createNotionAdapter({ baseUrl: config.notion.baseUrl, auth: config.notion.token ?? '', counter });
}

import type { WorkspaceSettings } from './types.ts';

/** Provider limits at speed 1: Airtable 5 req/s per base with a 30 s lockout; Notion about 3 req/s. */
export function defaultSettings(speed = 1): WorkspaceSettings {
  return {
    speed,
    rateLimits: {
      airtable: { requestsPerSecond: 5, penaltyMs: 30_000, enabled: true },
      notion: { requestsPerSecond: 3, penaltyMs: 1_000, enabled: true },
      drive: { requestsPerSecond: 10, penaltyMs: 1_000, enabled: false },
      gmail: { requestsPerSecond: 10, penaltyMs: 1_000, enabled: false },
      storage: { requestsPerSecond: 10, penaltyMs: 1_000, enabled: false },
      // WeCom robots and Slack webhooks answer their own limits per hook (src/local/chat/service.ts).
      chat: { requestsPerSecond: 1, penaltyMs: 1_000, enabled: false },
    },
  };
}

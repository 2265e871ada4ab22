/**
 * `npm start` / `serve` in local mode run event-driven: the webhook endpoint (local-webhooks.ts) reports a change,
 * and within about a second one portal sync runs for it (a burst of changes gives one run), queued with the
 * scheduled steps so the two never overlap. The schedule stays as the safety net.
 */
import { formatSyncReport, syncWith } from './commands/sync.ts';
import { debouncedRuns } from './debounced-runs.ts';
import { startLocalWebhooks } from './local-webhooks.ts';
import type { Runtime } from './runtime.ts';
import type { RunningSchedule } from './schedule.ts';

/** How long a burst of webhook deliveries may take to settle before its run starts. */
export const EVENT_DEBOUNCE_MS = 1_000;

export interface EventRuns {
  /** Where the providers post (printed for the user). */
  url: string;
  summary: string;
  stop(): Promise<void>;
}

export async function startEventRuns(runtime: Runtime, baseId: string, schedule: RunningSchedule, log: (line: string) => void): Promise<EventRuns | undefined> {
  const runs = debouncedRuns(
    () =>
      schedule.enqueue(async () => {
        try {
          const report = await syncWith(runtime, 'event');
          const first = formatSyncReport(report).split('\n').find((l) => l.startsWith('Nothing') || l.startsWith('Client comments')) ?? '';
          log(`[${runtime.now().toISOString()}] sync (webhook): ${report.ok ? 'ok' : `${report.problems.length} problem(s)`}; ${first}`);
        } catch (error) {
          log(`[${runtime.now().toISOString()}] sync (webhook) failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    EVENT_DEBOUNCE_MS,
  );
  const hooks = await startLocalWebhooks(runtime, baseId, () => runs.trigger(), log);
  if (!hooks) return undefined;
  const airtable = hooks.airtable.action === 'created' ? `created (${hooks.airtable.reason})` : hooks.airtable.action;
  return {
    url: hooks.url,
    summary: `Webhooks: ${hooks.url} (Airtable webhook ${hooks.airtable.webhookId} ${airtable}; Notion subscription ${hooks.notionSubscription} verified): changes sync within seconds.`,
    async stop() {
      await runs.stop();
      await hooks.close();
    },
  };
}

/**
 * Event-driven runs in a local process (`npm start`, `sourcing serve` on the local workspace): starts the webhook
 * endpoint, makes sure the base has its Airtable webhook pointing there, and adds the Notion subscription the way a
 * person would in the integration settings (here: the workspace's control plane), pasting back the verification
 * token the endpoint received. Every reported change starts a debounced sync (`onChange`).
 */
import { notionSignatureValid } from '../adapters/notion/webhook-signature.ts';
import { airtableMacValid } from '../adapters/airtable/webhook-mac.ts';
import { ensureAirtableWebhook, type WebhookKeepAlive } from '../jobs/webhooks/airtable-webhook.ts';
import { STATE_KEYS, type SyncStatePort } from '../ports/sync-state.ts';
import type { Runtime } from './runtime.ts';
import { startWebhookServer, type RunningWebhookServer } from './webhook-server.ts';

export interface LocalWebhooks {
  url: string;
  airtable: WebhookKeepAlive;
  notionSubscription: string;
  close(): Promise<void>;
}

export async function startLocalWebhooks(runtime: Runtime, baseId: string, onChange: () => void, log: (line: string) => void): Promise<LocalWebhooks | undefined> {
  const state = runtime.syncState;
  const workspaceUrl = runtime.workspaceUrl;
  if (!state || !workspaceUrl) return undefined;
  const deps = { state, signatures: { airtableMacValid, notionSignatureValid }, log, ...(runtime.config.notion.webhookToken ? { notionToken: runtime.config.notion.webhookToken } : {}) };
  const port = runtime.config.workspace.port;
  const server = await listen(deps, onChange, port > 0 && port < 65535 ? port + 1 : 0);
  try {
    const airtable = await ensureAirtableWebhook({ webhooks: runtime.airtable.webhooks, state, now: runtime.now }, baseId, server.url);
    const notionSubscription = await subscribeNotion(runtime, state, server.url);
    return { url: server.url, airtable, notionSubscription, close: () => server.close() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** The port next to the workspace's, or any free one when it is taken. */
async function listen(deps: Parameters<typeof startWebhookServer>[0], onChange: () => void, port: number): Promise<RunningWebhookServer> {
  try {
    return await startWebhookServer(deps, onChange, port);
  } catch (error) {
    if (!['EADDRINUSE', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return startWebhookServer(deps, onChange, 0);
  }
}

interface Subscription {
  id: string;
  url: string;
  verified: boolean;
}

/**
 * One verified subscription pointing at this endpoint. A verified one at this URL is kept; others of ours are
 * removed and a new one is added, and since it brings a new verification token the stored one is dropped first.
 */
async function subscribeNotion(runtime: Runtime, state: SyncStatePort, url: string): Promise<string> {
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${runtime.workspaceUrl}/__workspace/notion/webhooks${path}`, {
      method,
      headers: { authorization: `Bearer ${runtime.config.workspace.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const { subscriptions } = (await control('GET', '')) as { subscriptions: Subscription[] };
  const kept = subscriptions.find((s) => s.url === url && s.verified);
  if (kept && (await state.get(STATE_KEYS.notionToken))) return kept.id;
  for (const old of subscriptions) if (/^http:\/\/127\.0\.0\.1:\d+\/webhooks$/.test(old.url)) await control('DELETE', `/${old.id}`);
  if (!runtime.config.notion.webhookToken) await state.delete(STATE_KEYS.notionToken);
  const created = (await control('POST', '', { url, eventTypes: ['comment.created', 'page.properties_updated'] })) as { id: string };
  const deadline = Date.now() + 10_000;
  let token: string | undefined;
  while (!(token = await state.get<string>(STATE_KEYS.notionToken))) {
    if (Date.now() > deadline) throw new Error('the Notion verification request did not reach the webhook endpoint within 10 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  await control('POST', `/${created.id}/verify`, { verification_token: token });
  return created.id;
}

/**
 * `webhooks`: the public endpoint Airtable and Notion post to (deployed --allow-unauthenticated: the providers cannot
 * send Google ID tokens; the MAC and signature checks in src/jobs/webhooks/receive-webhook.ts are the
 * authentication). URL: `<function URL>?workspace=<id>` (the single configured workspace when omitted).
 *
 * A valid delivery is recorded in the workspace's state store and, when PUBSUB_TOPIC is set, one `sync` tick is
 * published for the workspace (at most one per DEBOUNCE_MS: a burst of edits gives one run; Pub/Sub delivers at
 * least once and the sync is idempotent). A wrong MAC or signature answers 401 and reads nothing. Answers carry no
 * body on success (Airtable asks for 200/204 with an empty body).
 */
import type { HttpFunction } from '@google-cloud/functions-framework';
import { FunctionsConfigError, loadFunctionsConfig, workspaceEnv, type FunctionsConfig } from '../src/config/functions-config.ts';
import type { SyncStatePort } from '../src/ports/sync-state.ts';
import { restPublisher, type PublisherFactory, type TickPayload } from './dispatch.ts';
import type { EnvSource } from './job-handler.ts';
import { errorMessage, logLine, redactor } from './redact.ts';

/** Deliveries within this window after a published tick ride on it (the run reads everything pending). */
export const DEBOUNCE_MS = 5_000;
const LAST_TICK = 'webhook-tick/last-published';

export function webhooksHandler(publisher: PublisherFactory = restPublisher, env: EnvSource = () => process.env): HttpFunction {
  return async (req, res) => {
    const environment = env();
    const redact = redactor(environment);
    const started = Date.now();
    let status = 500;
    let message: string | undefined;
    let workspace: string | undefined;
    try {
      if (req.method !== 'POST') {
        res.set('allow', 'POST');
        status = 405;
      } else {
        const config = loadFunctionsConfig(environment);
        const wanted = typeof req.query['workspace'] === 'string' ? req.query['workspace'] : undefined;
        const entry = wanted ? config.workspaces.find((w) => w.id === wanted) : config.workspaces.length === 1 ? config.workspaces[0] : undefined;
        if (!entry) {
          status = 400;
          message = 'workspace: name a configured workspace in the URL (?workspace=<id>)';
        } else {
          workspace = entry.id;
          ({ status, message } = await receive(entry, config, environment, req.rawBody ?? Buffer.alloc(0), req.headers, publisher));
        }
      }
    } catch (error) {
      message = errorMessage(error, redact);
      status = 500;
      if (error instanceof FunctionsConfigError) message = `configuration: ${message}`;
    }
    if (message && status >= 400) res.status(status).set('cache-control', 'no-store').json({ error: message });
    else res.status(status).end();
    logLine(status >= 500 ? 'ERROR' : status >= 400 ? 'WARNING' : 'INFO', `webhooks answered ${status}${message ? `: ${message}` : ''}`, { function: 'webhooks', workspace, status, ms: Date.now() - started }, redact);
  };
}

async function receive(
  entry: FunctionsConfig['workspaces'][number],
  config: FunctionsConfig,
  environment: Record<string, string | undefined>,
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
  publisher: PublisherFactory,
): Promise<{ status: number; message?: string }> {
  const [{ loadConfig }, { createRuntime }, { receiveWebhook }, { airtableMacValid }, { notionSignatureValid }] = await Promise.all([
    import('../src/config/config.ts'),
    import('../src/cli/runtime.ts'),
    import('../src/jobs/webhooks/receive-webhook.ts'),
    import('../src/adapters/airtable/webhook-mac.ts'),
    import('../src/adapters/notion/webhook-signature.ts'),
  ]);
  const appConfig = loadConfig(workspaceEnv(environment, entry));
  const runtime = await createRuntime(appConfig);
  try {
    const state = runtime.syncState;
    if (!state) return { status: 503, message: 'no state store is configured for this workspace: webhooks cannot be checked' };
    const answer = await receiveWebhook(
      {
        state,
        signatures: { airtableMacValid, notionSignatureValid },
        log: (line) => logLine('INFO', line, { function: 'webhooks', workspace: entry.id }, (t) => t),
        ...(appConfig.notion.webhookToken ? { notionToken: appConfig.notion.webhookToken } : {}),
      },
      { headers, rawBody },
    );
    if (answer.changed && config.topic && (await dueForTick(state))) {
      const tick: TickPayload = { workspace: entry.id, cycle: 'sync', scheduledAt: new Date().toISOString() };
      await (await publisher(config)).publish(config.topic, [{ data: tick, attributes: { workspace: entry.id, cycle: 'sync', trigger: `webhook:${answer.changed}` } }]);
    }
    const message = typeof (answer.body as { error?: unknown } | undefined)?.error === 'string' ? (answer.body as { error: string }).error : undefined;
    return { status: answer.status, ...(message ? { message } : {}) };
  } finally {
    await runtime.close();
  }
}

/** True when no tick went out in the last DEBOUNCE_MS (and claims this one). */
async function dueForTick(state: SyncStatePort): Promise<boolean> {
  let due = false;
  await state.update<number>(LAST_TICK, (last) => {
    const now = Date.now();
    due = last === undefined || now - last >= DEBOUNCE_MS;
    return due || last === undefined ? now : last;
  });
  return due;
}

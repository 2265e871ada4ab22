/**
 * The one webhook endpoint for both providers (Cloud Function `webhooks`, and the local webhook server of
 * `serve`/`start`). It is public: the providers cannot send Google ID tokens, so the MAC and signature checks ARE
 * the authentication. A request that fails them gets 401 and nothing is read or stored. A valid one only records
 * what changed (pending-changes.ts) and asks for a run; the run reads the providers, never this handler.
 *
 * - Airtable ping (https://airtable.com/developers/web/api/webhooks-overview): `X-Airtable-Content-MAC` checked with
 *   the stored macSecretBase64 of this base's webhook. Pings carry no change, so one arriving twice or out of order
 *   only asks for one more (debounced) run.
 * - Notion verification request (`{"verification_token"}`, unsigned): stored the first time, for the person who
 *   pastes it into the integration settings; later ones never replace it (a stranger could send one).
 * - Notion event (https://developers.notion.com/reference/webhooks): `X-Notion-Signature` checked with that token
 *   through the SDK's verifyWebhookSignature; deduplicated by event ID (deliveries are at-least-once).
 */
import { STATE_KEYS, type SyncStatePort } from '../../ports/sync-state.ts';
import type { WebhookSignaturesPort } from '../../ports/webhooks.ts';
import { addPending } from './pending-changes.ts';

export interface IncomingWebhook {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export interface WebhookAnswer {
  status: number;
  body?: unknown;
  /** Set when a run should follow (debounced by the caller). */
  changed?: 'airtable' | 'notion';
}

export interface ReceiveDeps {
  state: SyncStatePort;
  signatures: WebhookSignaturesPort;
  /** NOTION_WEBHOOK_TOKEN, when the operator set it; otherwise the token stored at verification. */
  notionToken?: string;
  log(line: string): void;
}

export interface StoredAirtableWebhook {
  id: string;
  macSecretBase64: string;
  expirationTime: string;
  notificationUrl: string;
  /** The next payload to read. */
  cursor: number;
}

/** Notion event types that can change what lands in Airtable. */
const COMMENT_EVENTS = new Set(['comment.created']);
const PROPERTY_EVENTS = new Set(['page.properties_updated']);

const UNAUTHORIZED: WebhookAnswer = { status: 401, body: { error: 'signature check failed' } };

function header(headers: IncomingWebhook['headers'], name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function parse(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function receiveWebhook(deps: ReceiveDeps, request: IncomingWebhook): Promise<WebhookAnswer> {
  const mac = header(request.headers, 'x-airtable-content-mac');
  if (mac !== undefined) return airtablePing(deps, request, mac);
  const signature = header(request.headers, 'x-notion-signature');
  if (signature !== undefined) return notionEvent(deps, request, signature);
  const body = parse(request.rawBody);
  if (body && typeof body['verification_token'] === 'string' && Object.keys(body).length === 1) return notionVerification(deps, body['verification_token']);
  return UNAUTHORIZED;
}

async function airtablePing(deps: ReceiveDeps, request: IncomingWebhook, mac: string): Promise<WebhookAnswer> {
  // The body only names which stored secret to check with; nothing in it is trusted before the MAC holds.
  const body = parse(request.rawBody);
  const base = (body?.['base'] as { id?: unknown } | undefined)?.id;
  const webhook = (body?.['webhook'] as { id?: unknown } | undefined)?.id;
  const hook = typeof base === 'string' && /^app[A-Za-z0-9]{14}$/.test(base) ? await deps.state.get<StoredAirtableWebhook>(STATE_KEYS.airtableWebhook(base)) : undefined;
  if (!hook || hook.id !== webhook || !deps.signatures.airtableMacValid(hook.macSecretBase64, request.rawBody, mac)) return UNAUTHORIZED;
  await addPending(deps.state, { airtable: true });
  return { status: 204, changed: 'airtable' };
}

async function notionVerification(deps: ReceiveDeps, token: string): Promise<WebhookAnswer> {
  if (deps.notionToken) {
    deps.log('Notion webhook: a verification request arrived; NOTION_WEBHOOK_TOKEN is set, so the stored token is not changed.');
    return { status: 200 };
  }
  const stored = await deps.state.update<string>(STATE_KEYS.notionToken, (current) => current ?? token);
  if (stored === token) {
    deps.log(`Notion webhook: verification token received. Paste it into the integration's Webhooks tab to activate the subscription: ${token}`);
  } else {
    deps.log('Notion webhook: a second verification request arrived and was ignored (a token is stored already; delete it from the state store or set NOTION_WEBHOOK_TOKEN to change it).');
  }
  return { status: 200 };
}

async function notionEvent(deps: ReceiveDeps, request: IncomingWebhook, signature: string): Promise<WebhookAnswer> {
  const token = deps.notionToken ?? (await deps.state.get<string>(STATE_KEYS.notionToken));
  if (!token || !(await deps.signatures.notionSignatureValid(token, request.rawBody, signature))) return UNAUTHORIZED;
  const event = parse(request.rawBody);
  const id = event?.['id'];
  const type = event?.['type'];
  if (typeof id !== 'string' || typeof type !== 'string') return { status: 400, body: { error: 'not a Notion event' } };
  if (!(await deps.state.claim(STATE_KEYS.notionEvent(id)))) return { status: 200, body: { duplicate: true } };
  try {
    const entity = event?.['entity'] as { id?: unknown } | undefined;
    const data = event?.['data'] as { page_id?: unknown } | undefined;
    if (COMMENT_EVENTS.has(type) && typeof data?.page_id === 'string') {
      await addPending(deps.state, { commentPages: [data.page_id] });
      return { status: 200, changed: 'notion' };
    }
    // The sync's own page writes come back as events authored by the integration (a bot): only people's edits count.
    const authors = (event?.['authors'] as { type?: unknown }[] | undefined) ?? [];
    if (PROPERTY_EVENTS.has(type) && typeof entity?.id === 'string' && authors.some((a) => a.type === 'person')) {
      await addPending(deps.state, { propertyPages: [entity.id] });
      return { status: 200, changed: 'notion' };
    }
    return { status: 200 };
  } catch (error) {
    // Not recorded: let Notion deliver it again.
    await deps.state.delete(STATE_KEYS.notionEvent(id));
    throw error;
  }
}

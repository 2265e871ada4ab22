/**
 * Chat webhooks as the services answer them, so the chat adapters run their real code path locally:
 *
 * - WeCom (企业微信) group robot, https://developer.work.weixin.qq.com/document/path/91770:
 *   `POST /cgi-bin/webhook/send?key=<robot key>` with `{"msgtype":"text"|"markdown", …}`. Every answer is HTTP 200
 *   with `{"errcode":0,"errmsg":"ok"}` or an error code: 93000 invalid webhook url (unknown key), 40008 invalid
 *   message type, 44004 empty content, 40058 content too long (text ≤ 2048 bytes, markdown ≤ 4096), 45009 api freq out
 *   of limit (20 messages a minute per robot).
 * - Slack incoming webhook, https://api.slack.com/messaging/webhooks: `POST /services/T…/B…/<secret>` with
 *   `{"text":…,"blocks":[…]}`. Success is HTTP 200 `ok` (text/plain); errors are plain text: 400 invalid_payload /
 *   no_text, 404 no_service, 429 with Retry-After beyond about one message a second.
 *
 * The URL is the credential (no bearer token). A robot key is valid when it has the shape WeCom hands out (a UUID);
 * a Slack path when it has the T…/B…/secret shape. Each accepted message is a row in `chat_messages` and a JSON file
 * under `<workspace>/chat/<service>/`, shown by the viewer next to the mail outbox.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { LocalRequest, LocalResponse, LocalService, ServiceContext } from '../types.ts';

const WECOM_PATH = '/cgi-bin/webhook/send';
const SLACK_PREFIX = '/services/';
const WECOM_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLACK_HOOK = /^T[A-Z0-9]{4,}\/B[A-Z0-9]{4,}\/[A-Za-z0-9]{8,}$/;
const WECOM_PER_MINUTE = 20;
const SLACK_PER_SECOND = 1;
const WECOM_LIMITS: Record<string, number> = { text: 2048, markdown: 4096 };

export interface ChatMessageRow {
  id: number;
  service: 'wecom' | 'slack';
  hook: string;
  received_ms: number;
  body: string;
  file_path: string;
}

export function chatService(): LocalService {
  /** Accepted messages per hook, for the rate limits (times scaled by the workspace speed). */
  const recent = new Map<string, number[]>();
  const overLimit = (hook: string, perWindow: number, windowMs: number, ctx: ServiceContext): number | undefined => {
    const now = ctx.now();
    const window = windowMs / Math.max(ctx.settings.speed, 0.001);
    const times = (recent.get(hook) ?? []).filter((t) => now - t < window);
    recent.set(hook, times);
    if (times.length < perWindow) return undefined;
    return Math.max(1, Math.ceil(window - (now - times[0]!)));
  };
  const accept = (hook: string, ctx: ServiceContext): void => {
    recent.set(hook, [...(recent.get(hook) ?? []), ctx.now()]);
  };

  return {
    name: 'chat',
    ownAuthentication: true,
    matches: (path) => path === WECOM_PATH || path.startsWith(SLACK_PREFIX),
    migrate(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS chat_messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT, service TEXT NOT NULL, hook TEXT NOT NULL, received_ms INTEGER NOT NULL,
        body TEXT NOT NULL, file_path TEXT NOT NULL)`);
    },
    reset(ctx) {
      ctx.db.exec('DELETE FROM chat_messages');
      recent.clear();
    },
    errorResponse: (status, message) => plain(status, message ?? (status >= 500 ? 'internal_error' : 'invalid_payload')),
    rateLimitKey: () => undefined,
    rateLimitedResponse: (retryAfterMs) => ({ ...plain(429, 'rate_limited'), headers: { 'content-type': 'text/plain', 'retry-after': String(Math.ceil(retryAfterMs / 1000)) } }),
    handle(req, ctx) {
      if (req.method !== 'POST') return req.path === WECOM_PATH ? wecom(40001, 'invalid request method') : plain(405, 'invalid_method');
      return req.path === WECOM_PATH ? handleWecom(req, ctx) : handleSlack(req, ctx);
    },
  };

  function handleWecom(req: LocalRequest, ctx: ServiceContext): LocalResponse {
    const key = new URLSearchParams(req.rawQuery).get('key') ?? '';
    if (!WECOM_KEY.test(key)) return wecom(93000, 'invalid webhook url');
    const body = parseJson(req.body);
    if (!isObject(body)) return wecom(40001, 'invalid json');
    const type = body['msgtype'];
    if (typeof type !== 'string' || !(type in WECOM_LIMITS)) return wecom(40008, 'invalid message type');
    const part = body[type];
    const content = isObject(part) ? part['content'] : undefined;
    if (typeof content !== 'string' || content.trim() === '') return wecom(44004, 'empty content');
    const limit = WECOM_LIMITS[type]!;
    if (Buffer.byteLength(content, 'utf8') > limit) return wecom(40058, `content exceed max length ${limit}`);
    if (overLimit(`wecom:${key}`, WECOM_PER_MINUTE, 60_000, ctx) !== undefined) return wecom(45009, 'api freq out of limit');
    accept(`wecom:${key}`, ctx);
    store(ctx, 'wecom', key, body);
    return wecom(0, 'ok');
  }

  function handleSlack(req: LocalRequest, ctx: ServiceContext): LocalResponse {
    const hook = req.path.slice(SLACK_PREFIX.length);
    if (!SLACK_HOOK.test(hook)) return plain(404, 'no_service');
    const body = parseJson(req.body);
    if (!isObject(body)) return plain(400, 'invalid_payload');
    const hasText = typeof body['text'] === 'string' && body['text'].trim() !== '';
    const blocks = body['blocks'];
    if (blocks !== undefined && (!Array.isArray(blocks) || blocks.length > 50 || !blocks.every(isObject))) return plain(400, 'invalid_blocks');
    if (!hasText && !(Array.isArray(blocks) && blocks.length > 0)) return plain(400, 'no_text');
    const wait = overLimit(`slack:${hook}`, SLACK_PER_SECOND, 1000, ctx);
    if (wait !== undefined) return { ...plain(429, 'rate_limited'), headers: { 'content-type': 'text/plain', 'retry-after': String(Math.ceil(wait / 1000)) } };
    accept(`slack:${hook}`, ctx);
    store(ctx, 'slack', hook, body);
    return plain(200, 'ok');
  }
}

function store(ctx: ServiceContext, service: 'wecom' | 'slack', hook: string, body: Record<string, unknown>): void {
  const received = ctx.now();
  const folder = join(ctx.dir, 'chat', service);
  mkdirSync(folder, { recursive: true });
  const json = JSON.stringify(body, null, 2);
  const info = ctx.db
    .prepare('INSERT INTO chat_messages (service, hook, received_ms, body, file_path) VALUES (?, ?, ?, ?, ?)')
    .run(service, redactHook(service, hook), received, json, '');
  const file = join('chat', service, `${new Date(received).toISOString().replace(/[:.]/g, '-')}-${String(info.lastInsertRowid)}.json`);
  writeFileSync(join(ctx.dir, file), json);
  ctx.db.prepare('UPDATE chat_messages SET file_path = ? WHERE id = ?').run(file, info.lastInsertRowid);
}

/** The viewer shows which robot got a message, never its full secret. */
function redactHook(service: 'wecom' | 'slack', hook: string): string {
  return service === 'wecom' ? `key=${hook.slice(0, 8)}…` : `${hook.split('/').slice(0, 2).join('/')}/…`;
}

export function chatMessages(db: Database.Database): ChatMessageRow[] {
  return db.prepare('SELECT * FROM chat_messages ORDER BY received_ms DESC, id DESC').all() as ChatMessageRow[];
}

function wecom(errcode: number, errmsg: string): LocalResponse {
  return { status: 200, body: { errcode, errmsg } };
}

function plain(status: number, text: string): LocalResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(text, 'utf8') };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

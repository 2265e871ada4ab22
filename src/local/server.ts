/**
 * The local workspace: one HTTP server on 127.0.0.1 that answers as Airtable, Notion, Drive and Gmail do, so the
 * official SDKs run unchanged against it. Paths are the providers' own (`/v0/…`, `/v1/…`, `/drive/v3/…`,
 * `/upload/drive/v3/…`, `/gmail/v1/…`); the control plane lives under `/__workspace/…`.
 *
 * Per request: authenticate (the provider's 401), apply an injected fault, apply the rate limit (the provider's
 * 429), then hand over to the service. Anything a service throws becomes the provider's 500, never a hang.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { handleControl } from './control-plane.ts';
import { isLocalHost } from './host-check.ts';
import { takeFault, type FaultQueue } from './faults.ts';
import { SlidingWindowLimiter } from './rate-limiter.ts';
import { RequestLog } from './request-log.ts';
import { allServices } from './services.ts';
import { defaultSettings } from './settings.ts';
import { openStore } from './store.ts';
import { Outbound } from './webhooks/outbound.ts';
import type { LocalRequest, LocalResponse, LocalService, ServiceContext, WorkspaceSettings } from './types.ts';
import type { WorkspaceHooks } from './hooks.ts';
import { ActionLog } from './viewer/action-log.ts';
import { handleViewerAction, isViewerAction } from './viewer/actions.ts';
import { handleViewer, isViewerPath } from './viewer/router.ts';

export interface WorkspaceOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  dir?: string;
  /** The bearer token every API request must carry (WORKSPACE_TOKEN, default `local`). */
  token?: string;
  /** Rate-limit time scale, see WorkspaceSettings.speed. */
  speed?: number;
}

export interface RunningWorkspace {
  url: string;
  port: number;
  dir: string;
  token: string;
  settings: WorkspaceSettings;
  requestLog: RequestLog;
  /**
   * Serves `prefix` (e.g. `/supplier`) with a handler of the caller's (the supplier portal), before any body is
   * read, so it can stream uploads. The workspace knows nothing of what it serves; the request log records the
   * prefix only (the rest of such a path can hold a secret link).
   */
  mount(prefix: string, handler: MountedHandler): void;
  /** Filled in by the process that runs the jobs (its clock, "run the cycle now"); see hooks.ts. */
  hooks: WorkspaceHooks;
  close(): Promise<void>;
}

export type MountedHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const MAX_BODY_BYTES = 60 * 1024 * 1024;

export async function startWorkspace(options: WorkspaceOptions = {}): Promise<RunningWorkspace> {
  const dir = resolve(options.dir ?? '.workspace');
  const token = options.token ?? 'local';
  const db = openStore(dir);
  const services = allServices();
  for (const service of services) service.migrate(db);

  const settings = defaultSettings(options.speed ?? 1);
  const limiter = new SlidingWindowLimiter();
  const requestLog = new RequestLog();
  const faults: FaultQueue = [];
  const hooks: WorkspaceHooks = {};
  const actions = new ActionLog();
  let origin = '';
  const now = () => Date.now() + (settings.clockOffsetMs ?? 0);
  const outbound = new Outbound(now);
  const ctx = (): ServiceContext => ({ db, dir, settings, origin, now, outbound });

  const mounts: { prefix: string; handler: MountedHandler }[] = [];

  const server = createServer((req, res) => {
    const started = performance.now();
    const mounted = mounts.find((m) => req.url === m.prefix || req.url?.startsWith(`${m.prefix}/`) || req.url?.startsWith(`${m.prefix}?`));
    if (mounted) {
      res.on('finish', () =>
        requestLog.add({ at: new Date().toISOString(), service: 'mounted', method: req.method ?? 'GET', path: `${mounted.prefix}/…`, query: '', status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 }),
      );
      void Promise.resolve(mounted.handler(req, res)).catch((error: unknown) => {
        console.error(`[workspace] ${mounted.prefix} failed:`, error instanceof Error ? error.message : String(error));
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    void readBody(req)
      .then(async (body) => {
        const [path = '/', rawQuery = ''] = splitUrl(req.url ?? '/');
        const request: LocalRequest = { method: req.method ?? 'GET', path, rawQuery, headers: req.headers, body };
        const service = services.find((s) => s.matches(path));
        const viewer = !service && isViewerPath(path);
        let response: LocalResponse;
        if (!isLocalHost(req.headers.host)) {
          response = {
            status: 403,
            body: { error: { type: 'FORBIDDEN_HOST', message: 'The local workspace answers only on 127.0.0.1 or localhost (Host header).' } },
          };
        } else if (viewer) {
          // The viewer needs no token: the server listens on 127.0.0.1 only (see viewer/router.ts). Its actions
          // call the APIs below with the token, like any client (see viewer/actions.ts).
          const viewerCtx = { ...ctx(), token, requestLog, actions, hooks };
          response = isViewerAction(request) ? await handleViewerAction(request, viewerCtx) : handleViewer(request, viewerCtx);
        } else if (path.startsWith('/__workspace')) {
          response = authorized(req, token)
            ? await handleControl(request, { ...ctx(), services, faults, requestLog, limiter, hooks })
            : { status: 401, body: { error: 'unauthorized' } };
        } else if (!service) {
          response = { status: 404, body: { error: { type: 'NOT_FOUND', message: `No local service serves ${path}` } } };
        } else {
          response = await serve(service, request, ctx(), { token, faults, limiter, settings });
        }
        send(res, response);
        requestLog.add({
          at: new Date().toISOString(),
          service: path.startsWith('/__workspace') ? 'control' : viewer ? 'viewer' : (service?.name ?? 'unknown'),
          method: request.method,
          path,
          query: rawQuery,
          status: response.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        });
      })
      .catch((error: unknown) => {
        // The body was too large to read: answer in the envelope of the service the path belongs to.
        const [path = '/'] = splitUrl(req.url ?? '/');
        const service = services.find((s) => s.matches(path));
        const tooLarge = service?.errorResponse(413, String(error)) ?? { status: 413, body: { error: String(error) } };
        if (!res.headersSent) send(res, tooLarge);
      });
  });

  // Node closes idle keep-alive sockets after 5 s; a client that picks such a socket just then gets ECONNRESET on
  // a request the server never saw. The real APIs keep connections far longer, so the local one does too.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    port,
    dir,
    token,
    settings,
    requestLog,
    mount(prefix, handler) {
      mounts.push({ prefix: prefix.replace(/\/+$/, ''), handler });
    },
    hooks,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => {
          void outbound.close().finally(() => {
            db.close();
            resolveClose();
          });
        });
      }),
  };
}

async function serve(
  service: LocalService,
  request: LocalRequest,
  context: ServiceContext,
  guards: { token: string; faults: FaultQueue; limiter: SlidingWindowLimiter; settings: WorkspaceSettings },
): Promise<LocalResponse> {
  if (!service.ownAuthentication && !authorizedHeader(request.headers.authorization, guards.token)) return service.errorResponse(401);
  const fault = takeFault(guards.faults, service.name, request);
  if (fault?.kind === 'reset') return { status: 0, drop: { afterMs: 0 } };
  if (fault?.kind === 'timeout') return { status: 0, drop: { afterMs: fault.delayMs ?? 30_000 } };
  if (fault?.kind === 'delay') await new Promise((resolveDelay) => setTimeout(resolveDelay, fault.delayMs ?? 1000));
  if (fault?.kind === 'status') {
    if (fault.status === 429) return service.rateLimitedResponse(fault.retryAfterMs ?? 1000);
    return service.errorResponse(fault.status, fault.message);
  }
  const key = service.rateLimitKey(request);
  if (key !== undefined) {
    const decision = guards.limiter.check(
      `${service.name}:${key}`,
      guards.settings.rateLimits[service.name],
      guards.settings.speed,
      context.now(),
    );
    if (!decision.allowed) return service.rateLimitedResponse(decision.retryAfterMs);
  }
  try {
    const response = await service.handle(request, context);
    // lost-response: the write is applied, the answer never arrives.
    return fault?.kind === 'lost-response' ? { ...response, drop: { afterMs: 0 } } : response;
  } catch (error) {
    console.error(`[workspace] ${service.name} ${request.method} ${request.path} failed:`, error);
    return service.errorResponse(500);
  }
}

function authorized(req: IncomingMessage, token: string): boolean {
  return authorizedHeader(req.headers.authorization, token);
}

function authorizedHeader(header: string | undefined, token: string): boolean {
  return header === `Bearer ${token}`;
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q === -1 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: LocalResponse): void {
  if (response.drop) {
    const close = () => res.socket?.destroy();
    if (response.drop.afterMs > 0) setTimeout(close, response.drop.afterMs).unref();
    else close();
    return;
  }
  const headers: Record<string, string> = { ...response.headers };
  let payload: Buffer | string;
  if (Buffer.isBuffer(response.body)) {
    payload = response.body;
  } else if (response.body === undefined) {
    payload = '';
  } else {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}

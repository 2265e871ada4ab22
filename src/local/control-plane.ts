/**
 * The control plane under /__workspace (never part of a provider's API):
 * - POST /__workspace/reset                      delete every service's data (and the rate-limit state)
 * - GET  /__workspace/requests?service=&since=   the request log (method, path, status, time)
 * - DELETE /__workspace/requests                 clear the log
 * - POST /__workspace/faults {service, kind?, status?, count?, rate?, seed?, methods?, pathIncludes?, delayMs?,
 *        retryAfterMs?, message?}  the next `count` matching requests of the service (or a seeded `rate` share of
 *        them) answer `status` in the provider's error shape, or are reset, time out, or are applied with their
 *        answer lost (kinds in ./faults.ts)
 * - GET /__workspace/faults                      pending faults and how often each hit
 * - DELETE /__workspace/faults                   drop pending faults
 * - GET|PATCH /__workspace/settings {speed?, rateLimits?:{airtable?:{requestsPerSecond?, penaltyMs?, enabled?}}}
 * - GET  /__workspace/health
 * - GET|POST /__workspace/service-clock {advanceMs} the services' clock (moves webhook expiry, timestamps) for tests
 * - GET|POST /__workspace/notion/webhooks {url, eventTypes?}, POST …/{id}/verify {verification_token},
 *        DELETE …/{id}: the Notion integration settings' Webhooks tab (./notion/webhook-control.ts)
 * - GET  /__workspace/clock                      the clock of the process running the jobs ({now, real}; 404 without one)
 * - POST /__workspace/clock {advanceDays}        move that clock 1–31 days forward and run the cycle at the new
 *        time; answers the cycle's summary (one at a time: 409 while one runs)
 * - GET  /__workspace/last-cycle                 the last cycle's steps and the request-log range of its changes
 * - PUT  /__workspace/portal-links {supplierPortals: [{supplier, url}]}   links the viewer lists (set by the CLI)
 */
import { parsePortalLinks, replacePortalLinks } from './portal-links.ts';
import { advanceClock, clockNow, lastCycle } from './clock-control.ts';
import type { WorkspaceHooks } from './hooks.ts';
import { parseFault, type FaultQueue } from './faults.ts';
import { notionWebhookControl } from './notion/webhook-control.ts';
import type { RequestLog } from './request-log.ts';
import type { SlidingWindowLimiter } from './rate-limiter.ts';
import type { LocalRequest, LocalResponse, LocalService, ServiceContext, ServiceName } from './types.ts';

export type { Fault, FaultQueue } from './faults.ts';

export interface ControlContext extends ServiceContext {
  services: LocalService[];
  faults: FaultQueue;
  requestLog: RequestLog;
  limiter: SlidingWindowLimiter;
  hooks: WorkspaceHooks;
}

const SERVICE_NAMES: ServiceName[] = ['airtable', 'notion', 'drive', 'gmail', 'storage', 'chat'];

export function handleControl(req: LocalRequest, ctx: ControlContext): LocalResponse | Promise<LocalResponse> {
  const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
  if (req.path.startsWith('/__workspace/notion/webhooks')) return notionWebhookControl(req, ctx);
  const query = new URLSearchParams(req.rawQuery);
  switch (route) {
    case 'GET /__workspace/health':
      return { status: 200, body: { ok: true, dir: ctx.dir } };
    case 'POST /__workspace/reset':
      ctx.db.transaction(() => {
        for (const service of ctx.services) service.reset(ctx);
      })();
      ctx.limiter.clear();
      ctx.faults.length = 0;
      return { status: 200, body: { reset: true } };
    case 'GET /__workspace/requests': {
      const since = query.get('since');
      const requests = ctx.requestLog.list({
        service: query.get('service') ?? undefined,
        sinceSeq: since === null ? undefined : Number(since),
      });
      return { status: 200, body: { lastSeq: ctx.requestLog.lastSeq, requests } };
    }
    case 'DELETE /__workspace/requests':
      ctx.requestLog.clear();
      return { status: 200, body: { cleared: true } };
    case 'POST /__workspace/faults': {
      const fault = parseFault(parseJson(req.body), SERVICE_NAMES);
      if (typeof fault === 'string') return { status: 400, body: { error: fault } };
      ctx.faults.push(fault);
      return { status: 200, body: { faults: ctx.faults } };
    }
    case 'GET /__workspace/faults':
      return { status: 200, body: { faults: ctx.faults } };
    case 'DELETE /__workspace/faults':
      ctx.faults.length = 0;
      return { status: 200, body: { faults: [] } };
    case 'PUT /__workspace/portal-links': {
      const links = parsePortalLinks(parseJson(req.body));
      if (!links) return { status: 400, body: { error: 'expected {supplierPortals: [{supplier: string, url: string}]}' } };
      replacePortalLinks(ctx.db, links);
      return { status: 200, body: { supplierPortals: links.length } };
    }
    case 'GET /__workspace/service-clock':
      return { status: 200, body: { now: new Date(ctx.now()).toISOString(), offsetMs: ctx.settings.clockOffsetMs ?? 0 } };
    case 'POST /__workspace/service-clock': {
      const advance = parseJson(req.body)?.['advanceMs'];
      if (typeof advance !== 'number' || !Number.isFinite(advance)) return { status: 400, body: { error: 'expected {advanceMs: number}' } };
      ctx.settings.clockOffsetMs = (ctx.settings.clockOffsetMs ?? 0) + advance;
      return { status: 200, body: { now: new Date(ctx.now()).toISOString(), offsetMs: ctx.settings.clockOffsetMs } };
    }
    case 'GET /__workspace/settings':
      return { status: 200, body: ctx.settings };
    case 'PATCH /__workspace/settings': {
      const body = parseJson(req.body);
      if (typeof body?.['speed'] === 'number' && body['speed'] > 0) ctx.settings.speed = body['speed'];
      const limits = body?.['rateLimits'];
      if (limits && typeof limits === 'object') {
        for (const name of SERVICE_NAMES) {
          const patch = (limits as Record<string, unknown>)[name];
          if (patch && typeof patch === 'object') Object.assign(ctx.settings.rateLimits[name], patch);
        }
      }
      ctx.limiter.clear();
      return { status: 200, body: ctx.settings };
    }
    case 'GET /__workspace/clock':
      return clockNow(ctx.hooks);
    case 'POST /__workspace/clock':
      return advanceClock(ctx.hooks, parseJson(req.body)?.['advanceDays']);
    case 'GET /__workspace/last-cycle':
      return lastCycle(ctx.hooks);
    default:
      return { status: 404, body: { error: `unknown control route ${route}` } };
  }
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The control-plane stand-in for the Webhooks tab of a Notion integration's settings (Notion has no API for it):
 * - GET    /__workspace/notion/webhooks                      the subscriptions (with their tokens, as the tab shows)
 * - POST   /__workspace/notion/webhooks {url, eventTypes?}   add one: Notion POSTs the verification token to the URL
 * - POST   /__workspace/notion/webhooks/{id}/verify {verification_token}  paste the token back: activates it
 * - POST   /__workspace/notion/webhooks/{id}/resend           send the verification request again
 * - DELETE /__workspace/notion/webhooks/{id}
 */
import type { LocalRequest, LocalResponse, ServiceContext } from '../types.ts';
import { createSubscription, deleteSubscription, listSubscriptions, sendVerification, verifySubscription } from './webhooks.ts';

export function notionWebhookControl(req: LocalRequest, ctx: ServiceContext): LocalResponse {
  const [id, action, ...extra] = req.path.replace(/\/+$/, '').slice('/__workspace/notion/webhooks'.length).split('/').filter(Boolean);
  const body = parse(req.body);
  if (extra.length > 0) return { status: 404, body: { error: 'unknown route' } };
  const key = `${req.method} ${id ? 'ID' : ''}${action ? `/${action}` : ''}`;
  switch (key) {
    case 'GET ':
      return { status: 200, body: { subscriptions: listSubscriptions(ctx.db) } };
    case 'POST ':
      try {
        return { status: 200, body: createSubscription(ctx.db, ctx.outbound, { url: body['url'], eventTypes: body['eventTypes'] }) };
      } catch (error) {
        return { status: 400, body: { error: (error as Error).message } };
      }
    case 'POST ID/verify': {
      const verified = verifySubscription(ctx.db, id ?? '', body['verification_token']);
      return verified ? { status: 200, body: verified } : { status: 400, body: { error: 'unknown subscription or wrong verification_token' } };
    }
    case 'POST ID/resend': {
      const subscription = listSubscriptions(ctx.db).find((s) => s.id === id);
      if (!subscription) return { status: 404, body: { error: 'unknown subscription' } };
      sendVerification(ctx.outbound, subscription);
      return { status: 200, body: { resent: true } };
    }
    case 'DELETE ID':
      return deleteSubscription(ctx.db, id ?? '') ? { status: 200, body: { deleted: true } } : { status: 404, body: { error: 'unknown subscription' } };
    default:
      return { status: 404, body: { error: `unknown control route ${req.method} ${req.path}` } };
  }
}

function parse(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

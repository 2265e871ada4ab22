/**
 * Checks `X-Airtable-Content-MAC` (https://airtable.com/developers/web/api/webhooks-overview#webhook-notification-delivery):
 * 'hmac-sha256=' + hex HMAC-SHA256 of the raw body bytes, keyed with the base64-DECODED macSecretBase64. Compared in
 * constant time; anything malformed is simply invalid. airtable.js has no helper for it, so node:crypto does it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'hmac-sha256=';

export function airtableMacValid(macSecretBase64: string, rawBody: Buffer, header: string | undefined): boolean {
  if (typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const given = header.slice(PREFIX.length).toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', Buffer.from(macSecretBase64, 'base64')).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}

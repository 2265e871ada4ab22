/**
 * Signed links to the supplier portal. A link names the supplier, the supplier's "Portal key version" and an
 * expiry, and carries an HMAC-SHA256 over the three with SUPPLIER_LINK_SECRET, so nobody can forge or alter one.
 * The supplier is named by an opaque tag (an HMAC of its record ID), never by the record ID itself: nothing
 * internal reaches a factory. Bumping the key version in Airtable revokes every older link of that supplier.
 *
 * Token: `<tag>.<version>.<expiry, base-36 epoch seconds>.<mac>` (URL-safe).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** 90 days: long enough that a factory keeps its bookmark through an order, short enough to age out. */
export const DEFAULT_LINK_DAYS = 90;
const TAG_CHARS = 22;

export interface LinkSubject {
  supplierId: string;
  keyVersion: number;
}

export type LinkCheck =
  | { ok: true; supplierId: string; keyVersion: number; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'revoked' | 'unknown' };

function mac(secret: string, text: string): Buffer {
  return createHmac('sha256', secret).update(text, 'utf8').digest();
}

/** The opaque, stable name of a supplier inside its links. */
export function supplierTag(secret: string, supplierId: string): string {
  return mac(secret, `supplier:${supplierId}`).toString('base64url').slice(0, TAG_CHARS);
}

export function signLink(secret: string, subject: LinkSubject, expiresAt: Date): string {
  const body = `${supplierTag(secret, subject.supplierId)}.${subject.keyVersion}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`;
  return `${body}.${mac(secret, `link:${body}`).toString('base64url')}`;
}

/**
 * Checks a token: its MAC (constant-time), its expiry against `now`, then that it names a known supplier whose
 * current key version is the link's. `suppliers` is every supplier's ID and current key version.
 */
export function verifyLink(secret: string, token: string, now: Date, suppliers: readonly LinkSubject[]): LinkCheck {
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'malformed' };
  const [tag = '', version = '', expiry = '', given = ''] = parts;
  if (!/^[\w-]{22}$/.test(tag) || !/^\d{1,6}$/.test(version) || !/^[0-9a-z]{1,10}$/.test(expiry) || !/^[\w-]{43}$/.test(given)) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = mac(secret, `link:${tag}.${version}.${expiry}`);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'forged' };
  const expiresAt = new Date(parseInt(expiry, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  const supplier = suppliers.find((s) => supplierTag(secret, s.supplierId) === tag);
  if (!supplier) return { ok: false, reason: 'unknown' };
  if (supplier.keyVersion !== Number(version)) return { ok: false, reason: 'revoked' };
  return { ok: true, supplierId: supplier.supplierId, keyVersion: supplier.keyVersion, expiresAt };
}

/** A CSRF token bound to the link and the form's idempotency key (stateless: the server keeps nothing). */
export function csrfToken(secret: string, linkToken: string, formKey: string): string {
  return mac(secret, `csrf:${linkToken}:${formKey}`).toString('base64url');
}

export function csrfMatches(secret: string, linkToken: string, formKey: string, given: string): boolean {
  const expected = Buffer.from(csrfToken(secret, linkToken, formKey), 'base64url');
  const actual = Buffer.from(given, 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

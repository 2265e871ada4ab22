import { randomBytes } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Airtable-style ID: a 3-letter prefix and 14 alphanumerics (`rec`, `tbl`, `fld`, `app`, `viw`, `sel`, `itr`). */
export function airtableId(prefix: string): string {
  const bytes = randomBytes(14);
  let out = prefix;
  for (const b of bytes) out += ALPHANUMERIC[b % ALPHANUMERIC.length];
  return out;
}

/** Google Drive-style ID: 33 URL-safe characters. */
export function driveId(): string {
  return '1' + randomBytes(24).toString('base64url').slice(0, 32);
}

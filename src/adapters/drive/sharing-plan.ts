/**
 * Sharing reconciled both ways on one folder. Drive permissions carry no appProperties, so the grants this app made
 * are recorded on the folder itself, one appProperty per grantee (`sourcingGrant<hash>` = `role email`). The record
 * is written BEFORE the permission is created and removed AFTER it is deleted: a run that dies in between leaves a
 * record without a permission (finished or cleaned up by the next run), never a permission nobody knows is ours.
 * Permissions without a record (the agency's admins, anything shared by hand) are never touched.
 */
import { createHash } from 'node:crypto';
import type { DriveGrant, DriveRole } from '../../ports/drive.ts';
import { roleCovers } from './grants.ts';

export const GRANT_KEY_PREFIX = 'sourcingGrant';

export interface CurrentPermission {
  id: string;
  email: string;
  role: string;
}

export interface SharingPlan {
  /** appProperties to set first (write-ahead records of grants about to be created). */
  record: Record<string, string>;
  create: DriveGrant[];
  /** Our permissions no longer wanted. */
  revoke: { permissionId: string; email: string }[];
  /** appProperties to remove (null) once the revokes are done. */
  forget: string[];
}

/** The appProperty key of a grantee's record: a hash, since keys allow few characters and emails vary. */
export function grantKey(email: string): string {
  return GRANT_KEY_PREFIX + createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 10);
}

/** Recorded grants from a folder's appProperties: email → role. */
export function recordedGrants(appProperties: Readonly<Record<string, string>> | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(appProperties ?? {})) {
    if (!key.startsWith(GRANT_KEY_PREFIX)) continue;
    const [role, email] = value.split(' ');
    if (role && email) out.set(email.toLowerCase(), role);
  }
  return out;
}

const RANK: Record<DriveRole, number> = { reader: 1, commenter: 2, writer: 3 };

export function planSharing(current: readonly CurrentPermission[], recorded: ReadonlyMap<string, string>, wanted: readonly DriveGrant[]): SharingPlan {
  const want = new Map<string, DriveRole>();
  for (const grant of wanted) {
    const email = grant.email.trim().toLowerCase();
    if (email === '') continue;
    const before = want.get(email);
    if (!before || RANK[grant.role] > RANK[before]) want.set(email, grant.role);
  }
  const plan: SharingPlan = { record: {}, create: [], revoke: [], forget: [] };
  for (const [email, role] of want) {
    const covered = current.some((p) => p.email === email && roleCovers(p.role, role));
    if (covered) continue;
    if (recorded.get(email) !== role) plan.record[grantKey(email)] = `${role} ${email}`;
    plan.create.push({ email, role });
  }
  for (const [email] of recorded) {
    if (want.has(email)) continue;
    for (const p of current) if (p.email === email) plan.revoke.push({ permissionId: p.id, email });
    plan.forget.push(grantKey(email));
  }
  return plan;
}

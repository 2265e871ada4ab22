import type { DriveFolder, DriveGrant, DriveRole } from '../../ports/drive.ts';

const RANK: Record<DriveRole, number> = { reader: 1, commenter: 2, writer: 3 };

/** Roles Drive may report that include everything a writer can do. */
const ABOVE_WRITER = new Set(['fileOrganizer', 'organizer', 'owner']);

/** True when `have` (a role Drive reported) gives at least what `want` asks. */
export function roleCovers(have: string, want: DriveRole): boolean {
  if (ABOVE_WRITER.has(have)) return true;
  const rank = RANK[have as DriveRole];
  return rank !== undefined && rank >= RANK[want];
}

/**
 * The grants of `wanted` that `folder` does not have yet. Emails compare case-insensitively; one email asked twice
 * keeps the higher role; a grant the folder already has at that role or higher (own or inherited) is left out,
 * so nobody is ever downgraded.
 */
export function missingGrants(folder: DriveFolder, wanted: readonly DriveGrant[]): DriveGrant[] {
  const missing = new Map<string, DriveGrant>();
  for (const grant of wanted) {
    const email = grant.email.trim().toLowerCase();
    if (email === '') continue;
    const covered = folder.grants.some((g) => g.email === email && roleCovers(g.role, grant.role));
    const already = missing.get(email);
    if (covered || (already && RANK[already.role] >= RANK[grant.role])) continue;
    missing.set(email, { email, role: grant.role });
  }
  return [...missing.values()];
}

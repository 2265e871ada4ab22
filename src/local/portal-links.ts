/**
 * Links to the supplier portals, handed to the workspace by the CLI (`PUT /__workspace/portal-links`) so the viewer
 * can list them: the workspace itself cannot sign links (it imports nothing from the domain). Kept in the
 * workspace database, replaced as a whole on each PUT.
 */
import type Database from 'better-sqlite3';

export interface PortalLink {
  supplier: string;
  url: string;
}

function ensureTable(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS workspace_portal_links (position INTEGER PRIMARY KEY, supplier TEXT NOT NULL, url TEXT NOT NULL)');
}

export function replacePortalLinks(db: Database.Database, links: readonly PortalLink[]): void {
  ensureTable(db);
  db.transaction(() => {
    db.prepare('DELETE FROM workspace_portal_links').run();
    const insert = db.prepare('INSERT INTO workspace_portal_links (position, supplier, url) VALUES (?, ?, ?)');
    links.forEach((l, i) => insert.run(i, l.supplier, l.url));
  })();
}

export function portalLinks(db: Database.Database): PortalLink[] {
  ensureTable(db);
  return db.prepare('SELECT supplier, url FROM workspace_portal_links ORDER BY position').all() as PortalLink[];
}

/** Accepts only `[{supplier, url}]` with local http(s) URLs. */
export function parsePortalLinks(value: unknown): PortalLink[] | undefined {
  const list = (value as { supplierPortals?: unknown } | undefined)?.supplierPortals;
  if (!Array.isArray(list)) return undefined;
  const out: PortalLink[] = [];
  for (const item of list) {
    const { supplier, url } = (item ?? {}) as Record<string, unknown>;
    if (typeof supplier !== 'string' || typeof url !== 'string' || !/^https?:\/\//.test(url)) return undefined;
    out.push({ supplier, url });
  }
  return out;
}

/**
 * The supplier portal as the entry points build it: its secret, the public address of the links, the handler over
 * the runtime's ports, and the current link of each supplier (`sourcing supplier-links`, the viewer, prompt mails).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signLink } from '../domain/supplier-portal/portal-link.ts';
import { readDirectory } from '../jobs/supplier-portal/portal-reader.ts';
import { supplierPortalHandler, type PortalHandler } from '../web/supplier-portal/handler.ts';
import type { Runtime } from './runtime.ts';

/** The local mount point inside the workspace server. */
export const LOCAL_PORTAL_PATH = '/supplier';
const SECRET_FILE = 'supplier-link-secret';

export class PortalConfigError extends Error {}

/** Cloud: SUPPLIER_LINK_SECRET (Secret Manager). Local: generated once into the workspace dir (mode 600) and reused. */
export function portalSecret(runtime: Runtime): string {
  const configured = runtime.config.supplierPortal.secret;
  if (configured) return configured;
  if (runtime.config.mode === 'cloud') throw new PortalConfigError('SUPPLIER_LINK_SECRET is not set: create it in Secret Manager and mount it (see README "Supplier portal")');
  const dir = resolve(runtime.workspace?.dir ?? runtime.config.workspace.dir);
  const file = join(dir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // 'wx': two processes starting at once cannot both write; the loser reads the winner's secret.
  try {
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

/** Where links point: the deployed function, or the local workspace's mount. */
export function portalBaseUrl(runtime: Runtime): string {
  if (runtime.config.supplierPortal.publicUrl) return runtime.config.supplierPortal.publicUrl;
  if (runtime.config.mode === 'cloud' || !runtime.workspaceUrl) {
    throw new PortalConfigError('SUPPLIER_PORTAL_URL is not set: the links need the public address of the supplierPortal function');
  }
  // Where `npm start` / `sourcing serve` serve it: the configured port (this process may run its own workspace on
  // a free port just to read the base, and that one is gone when the command ends).
  return `http://127.0.0.1:${runtime.config.workspace.port}${LOCAL_PORTAL_PATH}`;
}

export function createPortalHandler(runtime: Runtime, baseId: string, options: { basePath: string; log?: (line: string) => void }): PortalHandler {
  return supplierPortalHandler({
    records: runtime.airtable.records(baseId),
    drive: runtime.drive,
    secret: portalSecret(runtime),
    now: runtime.now,
    basePath: options.basePath,
    secureCookies: runtime.config.mode === 'cloud',
    driveRoot: runtime.config.drive.rootFolderId,
    clientCopy: async (source, target) => {
      try {
        const { writeClientCopy } = await import('../adapters/sharp/client-copy.ts');
        await writeClientCopy(source, target);
        return true;
      } catch {
        return false; // HEIC without a decoder, a damaged photo: the original is still kept
      }
    },
    ...(options.log ? { log: options.log } : {}),
  });
}

export interface SupplierLink {
  supplier: string;
  url: string;
  /** Used by the prompts job to address mails; not printed. */
  supplierId: string;
  expiresAt: string;
}

/** Every supplier's current link (key version as in Airtable), valid for SUPPLIER_LINK_DAYS from `now`. */
export async function supplierLinks(runtime: Runtime, baseId: string, now: Date, only?: string, baseUrl?: string): Promise<SupplierLink[]> {
  const secret = portalSecret(runtime);
  const base = baseUrl ?? portalBaseUrl(runtime);
  const expiresAt = new Date(now.getTime() + runtime.config.supplierPortal.linkDays * 86_400_000);
  const { suppliers } = await readDirectory(runtime.airtable.records(baseId));
  const wanted = only?.trim().toLowerCase();
  return suppliers
    .filter((s) => !wanted || s.name.toLowerCase().includes(wanted) || (s.nameZh ?? '').includes(only ?? ''))
    .map((s) => ({
      supplier: s.name,
      supplierId: s.id,
      url: `${base}/s/${signLink(secret, { supplierId: s.id, keyVersion: s.portalKeyVersion ?? 0 }, expiresAt)}`,
      expiresAt: expiresAt.toISOString(),
    }));
}

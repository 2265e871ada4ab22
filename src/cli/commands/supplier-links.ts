/**
 * `sourcing supplier-links [--supplier NAME] [--json]`: each supplier's current portal link (to send by WeChat or
 * mail). `--json` prints `[{"supplier": "<name>", "url": "<link>"}]`. Also `mountSupplierPortal`, which `start` and
 * `serve` use to serve the portal inside the local workspace and hand the links to the viewer.
 */
import type { Config } from '../../config/config.ts';
import { runOnBase } from '../base-target.ts';
import { EXIT } from '../exit-codes.ts';
import type { Printer } from '../output.ts';
import type { Runtime } from '../runtime.ts';
import { createPortalHandler, LOCAL_PORTAL_PATH, PortalConfigError, supplierLinks } from '../supplier-portal.ts';

export async function runSupplierLinks(config: Config, print: Printer, options: { supplier?: string | undefined }): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => {
    let links;
    try {
      links = await supplierLinks(runtime, baseId, runtime.now(), options.supplier);
    } catch (error) {
      if (!(error instanceof PortalConfigError)) throw error;
      print.err(error.message);
      return EXIT.usage;
    }
    if (options.supplier && links.length === 0) {
      print.err(`No supplier matches "${options.supplier}".`);
      return EXIT.usage;
    }
    if (print.json) {
      print.out(JSON.stringify(links.map((l) => ({ supplier: l.supplier, url: l.url })), null, 2));
    } else {
      const until = links[0]?.expiresAt.slice(0, 10);
      print.out(`Supplier portal links${until ? ` (valid until ${until}; raise a supplier's "Portal key version" to revoke its links)` : ''}:\n`);
      for (const l of links) print.out(`${l.supplier}\n  ${l.url}\n`);
      // This process started its own workspace, so none is serving the portal right now.
      if (runtime.workspace) print.out('The links open while `npm start` or `npx sourcing serve` runs (same WORKSPACE_PORT and WORKSPACE_DIR).');
    }
    return EXIT.ok;
  }, 'supplier-links');
}

/** Serves the portal in the runtime's local workspace and lists the links in the viewer; answers the portal's address. */
export async function mountSupplierPortal(runtime: Runtime, baseId: string): Promise<string | undefined> {
  const workspace = runtime.workspace;
  if (!workspace) return undefined;
  workspace.mount(LOCAL_PORTAL_PATH, createPortalHandler(runtime, baseId, { basePath: LOCAL_PORTAL_PATH }));
  // The workspace this process serves (start may have fallen back to a free port).
  const links = await supplierLinks(runtime, baseId, runtime.now(), undefined, `${workspace.url}${LOCAL_PORTAL_PATH}`);
  // The viewer's "Factory portals" panel asks this process through its hook (issue 16); the PUT below also keeps
  // them in the workspace database for a viewer served without the hook.
  const listed = links.map((l) => ({ supplier: l.supplier, url: l.url }));
  workspace.hooks.supplierLinks = () => listed;
  // https://…/__workspace/portal-links: the viewer cannot sign links itself (it imports no domain code).
  await fetch(`${workspace.url}/__workspace/portal-links`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ supplierPortals: listed }),
  });
  return `${workspace.url}${LOCAL_PORTAL_PATH}/`;
}

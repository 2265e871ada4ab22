/**
 * `supplierPortal`: the one public function. Factories have no Google identity, so it is deployed
 * --allow-unauthenticated; what protects it is the signed link in every URL (HMAC with SUPPLIER_LINK_SECRET from
 * Secret Manager, expiry, key version; see src/domain/supplier-portal/portal-link.ts), checked before anything is
 * read. It answers HTML only for the link's own supplier, sets a strict CSP and no-referrer, and logs one line per
 * request without the path (the path holds the link).
 *
 * One runtime per instance, built on the first request for the workspace named by SUPPLIER_PORTAL_WORKSPACE (the
 * default workspace otherwise) and kept: suppliers and the agency row are cached for a minute inside it.
 */
import type { HttpFunction } from '@google-cloud/functions-framework';
import { loadFunctionsConfig, workspaceEnv } from '../src/config/functions-config.ts';
import type { PortalHandler } from '../src/web/supplier-portal/handler.ts';
import type { EnvSource } from './job-handler.ts';
import { errorMessage, logLine, redactor } from './redact.ts';

export function supplierPortalFunction(env: EnvSource = () => process.env): HttpFunction {
  let handler: Promise<PortalHandler> | undefined;
  return async (req, res) => {
    const environment = env();
    const redact = redactor(environment);
    handler ??= build(environment, (line) => logLine('INFO', line, { function: 'supplierPortal' }, redact)).catch((error: unknown) => {
      handler = undefined;
      throw error;
    });
    let portal: PortalHandler;
    try {
      portal = await handler;
    } catch (error) {
      logLine('ERROR', `supplierPortal could not start: ${errorMessage(error, redact)}`, { function: 'supplierPortal' }, redact);
      res.status(500).set('cache-control', 'no-store').type('text/plain').send('The supplier portal is not configured yet. / 供应商门户尚未配置。');
      return;
    }
    await portal(req, res);
  };
}

async function build(env: Record<string, string | undefined>, log: (line: string) => void): Promise<PortalHandler> {
  const [{ loadConfig }, { createRuntime }, { resolveBaseId }, { createPortalHandler }] = await Promise.all([
    import('../src/config/config.ts'),
    import('../src/cli/runtime.ts'),
    import('../src/cli/base-target.ts'),
    import('../src/cli/supplier-portal.ts'),
  ]);
  const config = loadFunctionsConfig(env);
  const wanted = env['SUPPLIER_PORTAL_WORKSPACE'];
  const entry = config.workspaces.find((w) => w.id === wanted) ?? config.workspaces[0];
  if (!entry) throw new Error('no workspace is configured');
  const runtime = await createRuntime(loadConfig(workspaceEnv(env, entry)));
  const baseId = await resolveBaseId(runtime);
  return createPortalHandler(runtime, baseId, { basePath: '', log });
}

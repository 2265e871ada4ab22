/** The PO base a command works on, and links to its records in the Airtable UI. */
import type { Config } from '../config/config.ts';
import { EXIT } from './exit-codes.ts';
import { runLeased, type JobKind } from './job-leases.ts';
import { printReport, type Printer } from './output.ts';
import { localLoadJournal } from './sample-load-marker.ts';
import { createRuntime, type Runtime } from './runtime.ts';

export class BaseNotFoundError extends Error {}

/**
 * AIRTABLE_BASE_ID, or the base named AIRTABLE_BASE_NAME (local workspace: the provisioned one); undefined when
 * there is no such base yet. Names compare without regard to case (accents count).
 */
export async function findBaseId(runtime: Runtime): Promise<string | undefined> {
  if (runtime.airtableTarget.baseId) return runtime.airtableTarget.baseId;
  const name = runtime.airtableTarget.baseName;
  return (await runtime.airtable.meta.listBases()).find((b) => b.name.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0)?.id;
}

/** The base as findBaseId finds it; throws BaseNotFoundError when there is none. */
export async function resolveBaseId(runtime: Runtime): Promise<string> {
  const baseId = await findBaseId(runtime);
  if (!baseId) {
    throw new BaseNotFoundError(
      `No base named "${runtime.airtableTarget.baseName}" yet: run \`sourcing provision --sample\` to try the sample agency, ` +
        `or \`sourcing provision\` for an empty one (or set AIRTABLE_BASE_ID)`,
    );
  }
  return baseId;
}

/**
 * Links to a record for people: `https://airtable.com/<base>/<table>/<record>` on the real Airtable, the viewer's
 * record page on the local workspace (table IDs from the Meta API).
 */
export async function recordLinks(runtime: Runtime, baseId: string): Promise<((table: string, recordId: string) => string | undefined) | undefined> {
  const origin = runtime.config.mode === 'cloud' ? 'https://airtable.com' : runtime.workspaceUrl ? `${runtime.workspaceUrl}/viewer/airtable` : undefined;
  if (!origin) return undefined;
  const tableIds = new Map((await runtime.airtable.meta.getSchema(baseId)).map((t) => [t.name, t.id]));
  return (table, recordId) => {
    const tableId = tableIds.get(table);
    return tableId ? `${origin}/${baseId}/${tableId}/${recordId}` : undefined;
  };
}

/**
 * The usual shape of a command: a runtime, the configured base, the command's work under the job's lease (see
 * job-leases.ts: another run holding it → "already running", exit 0), and the runtime closed whatever happens.
 * No base yet is a setup step left out, so it prints how to create one and exits 2.
 */
export async function runOnBase(
  config: Config,
  print: Printer,
  work: (runtime: Runtime, baseId: string) => Promise<number>,
  job?: JobKind,
): Promise<number> {
  const runtime = await createRuntime(config);
  try {
    const baseId = await resolveBaseId(runtime);
    // A plan computed from half a base would reach the client's pages: finish the load first.
    if (runtime.config.mode === 'local' && (await localLoadJournal(runtime).read()) === 'loading') {
      print.err('The sample agency was only partly loaded (an earlier `npm start` was interrupted): run `npm start` to finish loading it first.');
      return EXIT.usage;
    }
    if (!job) return await work(runtime, baseId);
    const outcome = await runLeased(runtime, baseId, job, () => work(runtime, baseId));
    return outcome.ran ? outcome.result : printReport(print, outcome.report, () => '');
  } catch (error) {
    if (!(error instanceof BaseNotFoundError)) throw error;
    print.err(error.message);
    return EXIT.usage;
  } finally {
    await runtime.close();
  }
}

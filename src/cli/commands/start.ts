import type { Config } from '../../config/config.ts';
import { EXIT } from '../exit-codes.ts';
import type { Printer } from '../output.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { untilInterrupted } from '../signals.ts';
import { runCycle } from '../cycle.ts';
import { startSchedule } from '../schedule.ts';
import { formatSetupReport, provisionWith } from './provision.ts';
import { mountSupplierPortal } from './supplier-links.ts';

/**
 * `npm start`: the local workspace, one full cycle on the sample agency, a summary with where to look, then
 * keep serving until Ctrl-C (`--once` exits after the cycle).
 */
export async function runStart(config: Config, print: Printer, options: { once: boolean }): Promise<number> {
  if (config.mode === 'cloud') {
    print.err('`start` runs on the local workspace; unset AIRTABLE_TOKEN, or use the single commands against real services.');
    return EXIT.usage;
  }
  const runtime = await startRuntime(config, print);
  try {
    if (!print.json) {
      print.out(`Local workspace at ${runtime.workspaceUrl} (data in ${runtime.workspace?.dir ?? config.workspace.dir})`);
      if (config.workspace.speed !== 1) {
        print.out(`Rate limits run ${config.workspace.speed}x faster than the real services (WORKSPACE_SPEED=1 for real pacing).`);
      }
      print.out('');
    }
    const setup = await provisionWith(runtime, 'new-base');
    const portal = await mountSupplierPortal(runtime, setup.details.baseId);
    const section = (title: string, text: string) => {
      if (!print.json) print.out(`\n== ${title} ==\n${text}`);
    };
    const sampleNote = setup.details.load ? '' : '\nSample agency: loaded by an earlier run (delete the workspace folder to start over).';
    section('Airtable PO base', formatSetupReport(setup) + sampleNote);
    const steps = await runCycle(runtime, setup.details.baseId, { onStep: (step) => section(step.title, step.text) });
    const reports = [setup, ...steps.map((s) => s.report)];
    if (print.json) print.out(JSON.stringify({ workspaceUrl: runtime.workspaceUrl, reports }, null, 2));
    else print.out(whereToLook(runtime, portal));
    const ok = reports.every((r) => r.ok);
    if (options.once) return ok ? EXIT.ok : EXIT.problems;
    if (!print.json) print.out('\nServing until Ctrl-C: portal sync every 15 min; documents, checks, reminders hourly; calendar, plan, closure daily.');
    const schedule = startSchedule(runtime, setup.details.baseId, (line) => print.out(line));
    await untilInterrupted();
    await schedule.stop();
    return EXIT.ok;
  } finally {
    await runtime.close();
  }
}

/** The configured port, or any free one when it is taken (a second `npm start`, another program). */
async function startRuntime(config: Config, print: Printer): Promise<Runtime> {
  try {
    return await createRuntime(config, { servePort: config.workspace.port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    print.err(`Port ${config.workspace.port} is taken; using a free port instead (set WORKSPACE_PORT to choose).`);
    return createRuntime(config, { servePort: 0 });
  }
}

function whereToLook(runtime: Runtime, portal: string | undefined): string {
  const url = runtime.workspaceUrl ?? '';
  const dir = runtime.workspace?.dir ?? runtime.config.workspace.dir;
  return [
    '',
    'Where to look:',
    `  Viewer         ${url}/  (the base as grids and a PO board, client portals, Drive files, sent mail)`,
    `  Drive files    ${dir}/drive/  (the PDFs, as real files)`,
    `  Sent mail      ${dir}/outbox/  (.eml files)`,
    `  APIs           ${url}/v0 (Airtable), /v1 (Notion), /drive/v3, /gmail/v1  (Authorization: Bearer ${runtime.config.workspace.token})`,
    `  Request log    ${url}/__workspace/requests`,
    ...(portal ? [`  Supplier portal ${portal}  (each factory's own link: on the viewer's overview, or npx sourcing supplier-links)`] : []),
  ].join('\n');
}

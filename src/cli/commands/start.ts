import { alreadyRunningText, leaseScope, runLeased } from '../job-leases.ts';
import type { Config } from '../../config/config.ts';
import type { JobReport } from '../../jobs/report.ts';
import { EXIT } from '../exit-codes.ts';
import type { Printer } from '../output.ts';
import { startEventRuns } from '../event-runs.ts';
import { CycleRecorder, headlineOf } from '../recorded-cycle.ts';
import { createRuntime, findRunningWorkspace, type Runtime } from '../runtime.ts';
import { startSchedule } from '../schedule.ts';
import { Serial } from '../serial.ts';
import { untilInterrupted } from '../signals.ts';
import { formatSetupReport, provisionWith } from './provision.ts';
import { mountSupplierPortal } from './supplier-links.ts';

/**
 * `npm start`: the local workspace, one full cycle on the sample agency, a summary with where to look, then
 * keep serving until Ctrl-C (`--once` exits after the cycle). A workspace already running on WORKSPACE_PORT (another
 * `npm start`) is reused: the cycle runs on it and the command ends, since that one already serves the viewer.
 */
export async function runStart(config: Config, print: Printer, options: { once: boolean }): Promise<number> {
  if (config.mode === 'cloud') {
    print.err('`start` runs on the local workspace; unset AIRTABLE_TOKEN, or use the single commands against real services.');
    return EXIT.usage;
  }
  const running = await findRunningWorkspace(config);
  const serving = !running && !options.once;
  const runtime = running ? await createRuntime(config) : serving ? await startServing(config, print) : await createRuntime(config, { servePort: 0 });
  try {
    if (!print.json) print.out(opening(runtime, config, running !== undefined, serving));
    const provisioned = await runLeased(runtime, leaseScope(runtime), 'provision', () => provisionWith(runtime, 'new-base'));
    if (!provisioned.ran) {
      print.out(`${alreadyRunningText(provisioned.report.alreadyRunning)} Another \`sourcing start\` is setting up this workspace.`);
      return EXIT.ok;
    }
    const setup = provisioned.result;
    const baseId = setup.details.baseId;
    // The supplier portal, served by this process's workspace (none when another `npm start` serves it).
    const portal = await mountSupplierPortal(runtime, baseId);
    const serial = new Serial();
    const recorder = new CycleRecorder(runtime, baseId, serial);
    const sampleNote = setup.details.load ? '' : ' Sample agency: loaded by an earlier run (delete the workspace folder to start over).';
    show(print, 'Airtable PO base', setup, formatSetupReport(setup), sampleNote);
    const reports: JobReport<unknown>[] = [setup];
    const cycle = await recorder.run({
      onStep: (step) => {
        reports.push(step.report);
        show(print, step.title, step.report, step.text);
      },
    });
    if (cycle.error) print.err(`The cycle stopped: ${cycle.error}`);
    const ok = !cycle.error && reports.every((r) => r.ok);
    if (print.json) print.out(JSON.stringify({ workspaceUrl: running?.url ?? (serving ? runtime.workspaceUrl : undefined), asOf: cycle.asOf, reports }, null, 2));
    else print.out(whereToLook(runtime, config, { running: running !== undefined, serving, portal: serving ? portal : undefined }));
    if (!serving) return ok ? EXIT.ok : EXIT.problems;
    recorder.attach((run) => print.out(`[${run.asOf}] clock moved from the viewer; cycle: ${run.steps.filter((s) => !s.ok).length} job(s) with problems${run.error ? `; stopped: ${run.error}` : ''}`));
    if (!print.json) print.out('\nServing until Ctrl-C: portal sync every 15 min; documents, checks, reminders hourly; calendar, plan, closure daily.');
    const schedule = startSchedule(runtime, baseId, (line) => print.out(line), undefined, serial);
    const events = await startEventRuns(runtime, baseId, schedule, (line) => print.out(line));
    if (events && !print.json) print.out(events.summary);
    await untilInterrupted();
    await events?.stop();
    await schedule.stop();
    return EXIT.ok;
  } finally {
    await runtime.close();
  }
}

/** The configured port, or any free one when something else holds it (another program). */
async function startServing(config: Config, print: Printer): Promise<Runtime> {
  try {
    return await createRuntime(config, { servePort: config.workspace.port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    print.note(`Port ${config.workspace.port} is taken by another program; using a free port instead (set WORKSPACE_PORT to choose).`);
    return createRuntime(config, { servePort: 0 });
  }
}

function opening(runtime: Runtime, config: Config, running: boolean, serving: boolean): string {
  const dir = runtime.workspace?.dir ?? config.workspace.dir;
  const clock = runtime.clock.isReal ? '' : `\nClock: ${runtime.now().toISOString()} (--now / SOURCING_NOW): the jobs run as of that moment.`;
  const where = running
    ? `Using the local workspace already running at ${runtime.workspaceUrl}.`
    : serving
      ? `Local workspace at ${runtime.workspaceUrl} (data in ${dir}).`
      : `Local workspace for this run only (data in ${dir}).`;
  const speed = config.workspace.speed !== 1 && !running ? `\nRate limits run ${config.workspace.speed}x faster than the real services (WORKSPACE_SPEED=1 for real pacing).` : '';
  return `${where}${speed}${clock}\n`;
}

/**
 * One job's result: by default a line (its own first line, and its problems counted with the first one quoted),
 * so the first run fits on a screen; with --verbose its full report. --json prints nothing here.
 */
function show(print: Printer, title: string, report: JobReport<unknown>, text: string, note = ''): void {
  if (print.json) return;
  if (print.verbose) {
    print.out(`\n== ${title} ==\n${text}${note ? `\n${note.trim()}` : ''}`);
    return;
  }
  const headline = headlineOf(text) + note;
  print.out(`${report.ok ? '✓' : '!'} ${title}: ${clip(headline, 220)}`);
  if (report.problems.length > 0) {
    print.out(`    ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} (also on the rows' "Sync issues"), e.g. ${clip(report.problems[0] ?? '', 160)}`);
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function whereToLook(runtime: Runtime, config: Config, how: { running: boolean; serving: boolean; portal?: string | undefined }): string {
  const dir = runtime.workspace?.dir ?? config.workspace.dir;
  const url = how.running || how.serving ? (runtime.workspaceUrl ?? '') : `http://127.0.0.1:${config.workspace.port}`;
  const lines = ['', 'Where to look:'];
  if (how.running || how.serving) {
    lines.push(`  Viewer         ${url}/  (grids and a PO board you can edit, client portals, Drive files, sent mail, the clock)`);
  } else {
    lines.push(`  Viewer         run \`npm start\` (it serves ${url}/ until Ctrl-C; rerunning the cycle changes nothing), or \`npx sourcing workspace\``);
  }
  lines.push(
    `  Drive files    ${dir}/drive/  (the PDFs, as real files)`,
    `  Sent mail      ${dir}/outbox/  (.eml files)`,
  );
  if (how.running || how.serving) {
    lines.push(
      `  APIs           ${url}/v0 (Airtable), /v1 (Notion), /drive/v3, /gmail/v1  (Authorization: Bearer ${runtime.config.workspace.token})`,
      `  Request log    ${url}/__workspace/requests`,
    );
  }
  if (how.portal) lines.push(`  Factory portal ${how.portal}  (the supplier portal; each factory's own link: on the viewer's overview, or npx sourcing supplier-links)`);
  lines.push('  Details        every job\'s full report: add --verbose (or see "What just happened" in the viewer); --json for scripts');
  return lines.join('\n');
}

/**
 * `sourcing`: the command line. Thin: parse arguments, load config, build the runtime, run a job, print its
 * report (or JSON with --json) and map it to an exit code (see exit-codes.ts).
 */
import { parseNow } from '../config/clock-config.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { parseCommandLine, UsageError } from './args.ts';
import { BaseNotFoundError } from './base-target.ts';
import { runCalendar } from './commands/calendar.ts';
import { runChat } from './commands/chat.ts';
import { runCheck } from './commands/check.ts';
import { runClose } from './commands/close.ts';
import { runDocs } from './commands/docs.ts';
import { runPlan } from './commands/plan.ts';
import { runProvision } from './commands/provision.ts';
import { runRemind } from './commands/remind.ts';
import { runReviews } from './commands/reviews.ts';
import { runWeekly } from './commands/weekly.ts';
import { runServe } from './commands/serve.ts';
import { runStatus } from './commands/status.ts';
import { runSupplierLinks } from './commands/supplier-links.ts';
import { runSync } from './commands/sync.ts';
import { runStart } from './commands/start.ts';
import { runWorkspace } from './commands/workspace.ts';
import { EXIT } from './exit-codes.ts';
import { printer } from './output.ts';
import { terminalProgress } from './progress.ts';
import { reportProgressTo, WorkspaceUnusableError } from './runtime.ts';

const HELP = `sourcing: operations system for China-sourcing agencies on Airtable, Notion, Drive and email

Usage: sourcing <command> [options]

Commands:
  start [--once] [--verbose]  local workspace + one full cycle on the sample agency, then keep serving
                              (--once: exit after the cycle; --verbose: every job's full report)
  workspace [--port P] [--dir D]
                              start only the local workspace (Airtable/Notion/Drive/Gmail APIs on 127.0.0.1)
  provision [--sample]        create or complete the PO base from the template (--sample: load the sample agency)
  calendar                    write the risk calendar (CN holidays, CNY shutdown, Golden Week, client peaks)
  plan                        baseline milestone dates for open POs (fills empty dates only)
  check                       run every check (late milestones, inspections, calendar, phase gates) into Alerts
  sync                        Airtable → Notion client portals, and client comments / approvals back
  remind                      send the reminder digests, critical mails and escalations that are due
  reviews                     propose review meetings (failed inspection, before PSI / loading, closure) as invites
  weekly                      each client's weekly update (mail + Notion portal section), Monday in their zone
  chat                        post new critical alerts to the WeCom / Slack channels of Chat Channels, each once
  docs [--po PO-…]            export packs per shipment and production schedules per PO, as PDFs in Drive
                              (POs with "Generate documents" ticked, shipments without a pack; --po forces one)
  close [--project NAME]      closure reports of closed projects (or the named one) and supplier scores
  serve                       run the jobs on their schedule (sync 15 min; docs, checks, reminders hourly; daily
                              calendar, plan, closure) against the configured base, until Ctrl-C
  status                      mode, base, POs by status and open alerts by severity
  supplier-links [--supplier NAME]
                              each supplier's current portal link (--json: [{"supplier", "url"}])
  help                        this text

Options: --json for machine-readable output; --now <ISO date-time> runs as of that moment (e.g. --now
2027-01-20T09:00+08:00: what next week's checks, plan and reminders will do; also the env SOURCING_NOW).
Environment: AIRTABLE_TOKEN + AIRTABLE_WORKSPACE_ID or AIRTABLE_BASE_ID for a real base (see README);
WORKSPACE_TOKEN (default "local"), WORKSPACE_DIR (default .workspace), WORKSPACE_PORT (default 4010).

Exit codes: 0 ok, 1 done with record problems, 2 bad usage or configuration, 3 the job could not run.`;

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // --json is honoured even on a command line that does not parse: a script still gets JSON.
    printer(argv.includes('--json')).err(error.message);
    return EXIT.usage;
  }
  const { values, command } = parsed;
  const print = printer(values.json, values.verbose);
  if (!values.json) reportProgressTo(terminalProgress());
  if (values.help || command === 'help') {
    print.out(HELP);
    return EXIT.ok;
  }

  const overrides: Record<string, string | undefined> = { ...env };
  if (values.port !== undefined) overrides['WORKSPACE_PORT'] = values.port;
  if (values.dir !== undefined) overrides['WORKSPACE_DIR'] = values.dir;
  if (values.now !== undefined) {
    // Checked here so the message names the flag the person typed, not the variable it stands for.
    const now = parseNow(values.now, '--now');
    if ('problem' in now) {
      print.err(now.problem);
      return EXIT.usage;
    }
    overrides['SOURCING_NOW'] = values.now;
  }
  // The demo cycle runs the local workspace's rate limits 10x faster unless told otherwise
  // (WORKSPACE_SPEED=1 shows the real pacing: Airtable 5 req/s per base, Notion 3 req/s).
  if (command === 'start' && overrides['WORKSPACE_SPEED'] === undefined) overrides['WORKSPACE_SPEED'] = '10';
  let config;
  try {
    config = loadConfig(overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      print.err(error.message);
      return EXIT.usage;
    }
    throw error;
  }

  try {
    switch (command) {
      case 'workspace':
        return await runWorkspace(config, print);
      case 'provision':
        return await runProvision(config, print, { sample: values.sample });
      case 'check':
        return await runCheck(config, print);
      case 'calendar':
        return await runCalendar(config, print);
      case 'plan':
        return await runPlan(config, print);
      case 'sync':
        return await runSync(config, print);
      case 'remind':
        return await runRemind(config, print);
      case 'chat':
        return await runChat(config, print);
      case 'reviews':
        return await runReviews(config, print);
      case 'weekly':
        return await runWeekly(config, print);
      case 'docs':
        return await runDocs(config, print, { poNumbers: values.po });
      case 'close':
        return await runClose(config, print, { projects: values.project });
      case 'serve':
        return await runServe(config, print);
      case 'status':
        return await runStatus(config, print);
      case 'start':
        return await runStart(config, print, { once: values.once });
      case 'supplier-links':
        return await runSupplierLinks(config, print, { supplier: values.supplier });
      default:
        print.err(`Unknown command "${command}".`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof WorkspaceUnusableError) {
      print.err(error.message);
      return error.exitCode;
    }
    print.err(`sourcing ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    // No base yet is a setup step left out (run provision), not a failure of the job.
    return error instanceof BaseNotFoundError ? EXIT.usage : EXIT.failed;
  }
}

import type { Config } from '../../config/config.ts';
import { ALL_RULES } from '../../domain/checks/all-rules.ts';
import type { JobReport } from '../../jobs/report.ts';
import { runChecks, type RunChecksDetails } from '../../jobs/run-checks.ts';
import { runOnBase } from '../base-target.ts';
import { printReport, requestSummary, table, type Printer } from '../output.ts';
import type { Runtime } from '../runtime.ts';

/** Runs the checks job through an existing runtime (also used by `start` and the schedule). */
export async function checkWith(runtime: Runtime, baseId: string, options: { upstreamFailed?: readonly string[] } = {}): Promise<JobReport<RunChecksDetails>> {
  return runChecks({ records: runtime.airtable.records(baseId), counter: runtime.counter, now: runtime.now }, options);
}

export function formatCheckReport(report: JobReport<RunChecksDetails>): string {
  const d = report.details;
  const s = d.bySeverity;
  const lines = [
    `Checks for ${d.today} on base ${d.baseId}: ${d.findings} finding${d.findings === 1 ? '' : 's'} ` +
      `(${s.Critical} critical, ${s.Warning} warning, ${s.Info} info).`,
    '',
  ];
  const rules = [...ALL_RULES.map((r) => r.rule), ...Object.keys(d.byRule).filter((r) => !ALL_RULES.some((x) => x.rule === r))];
  const rows = rules.filter((r) => d.byRule[r]).map((r) => [r, d.byRule[r]!.Critical, d.byRule[r]!.Warning, d.byRule[r]!.Info]);
  rows.push(['total', s.Critical, s.Warning, s.Info]);
  lines.push(table(['Rule', 'Critical', 'Warning', 'Info'], rows));
  const a = d.alerts;
  lines.push(
    '',
    `Alerts: ${a.created} new, ${a.seen} seen again, ${a.changed} changed, ${a.reopened} reopened, ${a.resolved} resolved, ` +
      `${a.unchanged} unchanged${a.adopted > 0 ? `, ${a.adopted} re-keyed` : ''}.`,
  );
  const computed = Object.entries(d.computed).map(([t, n]) => `${t} ${n}`);
  lines.push(`System fields written: ${computed.length > 0 ? computed.join(', ') : 'none'}; Sync issues: ${d.syncIssues}.`);
  if (d.notChecked.length > 0) lines.push('Not checked this run:', ...d.notChecked.map((n) => `  - ${n.because}`));
  lines.push(`Requests: ${requestSummary(report.requests)}`);
  if (report.problems.length > 0) lines.push('', 'Problems (these rows were skipped):', ...report.problems.map((p) => `  - ${p}`));
  return lines.join('\n');
}

/** `sourcing check`: run every check once against the PO base and reconcile the Alerts table. */
export function runCheck(config: Config, print: Printer): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => printReport(print, await checkWith(runtime, baseId), formatCheckReport), 'checks');
}

import type { Config } from '../../config/config.ts';
import { closeProjects, type CloseProjectDetails } from '../../jobs/close-project.ts';
import type { JobReport } from '../../jobs/report.ts';
import { runOnBase } from '../base-target.ts';
import { printReport, reportFooter, table, type Printer } from '../output.ts';
import type { Runtime } from '../runtime.ts';

/** The closure job through an existing runtime (also used by `start` and the schedule). */
export async function closeWith(runtime: Runtime, baseId: string, options: { projects?: string[] } = {}): Promise<JobReport<CloseProjectDetails>> {
  return closeProjects(
    { records: runtime.airtable.records(baseId), drive: runtime.drive, counter: runtime.counter, now: runtime.now },
    {
      rootFolderId: runtime.config.drive.rootFolderId,
      pageSize: runtime.config.drive.pageSize,
      weights: runtime.config.drive.weights,
      projects: options.projects,
    },
  );
}

export function formatCloseReport(report: JobReport<CloseProjectDetails>): string {
  const d = report.details;
  const lines = [`Closure: ${d.reports.length} report(s); ${d.rowsWritten} Airtable row(s) written, ${d.permissionsGranted} folder permission(s) granted.`];
  if (d.reports.length > 0) lines.push('', table(['Project', 'Closed on', 'On time vs baseline', 'Report'], d.reports.map((r) => [r.project, r.closedOn, r.onTime, r.outcome])));
  if (d.scores.length > 0) {
    const fmt = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(1));
    lines.push('', table(['Supplier', 'Project', 'Project score', 'Score', 'Written'], d.scores.map((s) => [s.supplier, s.project, fmt(s.periodScore), fmt(s.score), s.written ? 'yes' : 'no'])));
  }
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** `sourcing close [--project NAME]`: closure reports of closed projects (or the named ones) and supplier scores. */
export function runClose(config: Config, print: Printer, options: { projects?: string[] } = {}): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => printReport(print, await closeWith(runtime, baseId, options), formatCloseReport), 'closure');
}

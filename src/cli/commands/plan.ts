import type { Config } from '../../config/config.ts';
import { planSchedules, type PlanDetails } from '../../jobs/plan-schedule.ts';
import type { JobReport } from '../../jobs/report.ts';
import { runOnBase } from '../base-target.ts';
import { printReport, reportFooter, table, type Printer } from '../output.ts';
import type { Runtime } from '../runtime.ts';

/** Rows and per-PO explanations shown; the rest are counted (the PO's "Plan verdict" holds each one). */
const MAX_ROWS = 40;
const MAX_DETAILS = 20;

export function formatPlanReport(report: JobReport<PlanDetails>): string {
  const d = report.details;
  const lines = [
    `Milestone plan as of ${d.today}: ${d.rowsCreated} milestones created, ${d.rowsUpdated} updated, ${d.posUpdated} plan verdicts stored ` +
      '(actual dates and dates a person entered are never changed).',
  ];
  // POs whose plan moved or needs a look; a base of thousands of POs gets a capped list and a count.
  const attention = (x: (typeof d.planned)[number]) => x.verdict === 'Target missed' || x.conflicts.some((c) => c.severity !== 'Info');
  const listed = d.planned.filter((p) => p.created.length > 0 || p.filled.length > 0 || attention(p));
  if (listed.length > 0) {
    lines.push('', table(
      ['PO', 'Target', 'Verdict', 'Created', 'Updated', 'Conflicts'],
      listed.slice(0, MAX_ROWS).map((p) => [p.po, `${p.target.kind} ${p.target.date}`, p.verdict, p.created.length, p.filled.length, p.conflicts.filter((c) => c.severity !== 'Info').length]),
    ));
    if (listed.length > MAX_ROWS) lines.push(`… and ${listed.length - MAX_ROWS} more POs changed or need a look (each PO's "Plan verdict" in Airtable says why).`);
  }
  if (d.planned.length > listed.length) lines.push(`${d.planned.length - listed.length} PO(s) planned with nothing changed.`);
  const details = d.planned.filter(attention);
  if (details.length > MAX_DETAILS) lines.push('', `${details.length} POs miss their target or have conflicts; the first ${MAX_DETAILS}:`);
  for (const p of details.slice(0, MAX_DETAILS)) {
    lines.push('', `${p.po}: ${p.headline}`);
    if (p.criticalPath.length > 0) lines.push(`  critical path: ${p.criticalPath.join(' → ')}`);
    for (const c of p.conflicts.filter((x) => x.severity !== 'Info')) lines.push(`  ${c.severity}: ${c.message}`);
    for (const o of p.options) {
      const state = !o.available ? 'not available' : o.meetsTarget ? 'meets the date' : `${o.daysLate} days late`;
      lines.push(`  option: ${o.title}: ${o.arrival}, ${state}${o.note ? ` (${o.note})` : ''}`);
    }
  }
  if (d.skipped.length > 0) lines.push('', 'Not planned:', ...d.skipped.slice(0, MAX_ROWS).map((s) => `  - ${s.po}: ${s.reason}`));
  if (d.skipped.length > MAX_ROWS) lines.push(`  … and ${d.skipped.length - MAX_ROWS} more.`);
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** Plans open POs through an existing runtime (also used by `start`). */
export function planWith(runtime: Runtime, baseId: string): Promise<JobReport<PlanDetails>> {
  return planSchedules({ records: runtime.airtable.records(baseId), counter: runtime.counter, now: runtime.now });
}

/** `sourcing plan`: baseline milestone dates for open POs; fills empty dates only. */
export function runPlan(config: Config, print: Printer): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => printReport(print, await planWith(runtime, baseId), formatPlanReport), 'plan');
}

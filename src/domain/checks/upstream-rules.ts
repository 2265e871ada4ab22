/**
 * Rules that look for the OUTPUT of another job ("has no commercial invoice", "has no milestone plan"): when that
 * job failed earlier in the same cycle, the output is missing because of the failure, not because someone forgot
 * it. Such a rule is not run then (its alerts stay as they are, neither raised nor resolved) and the checks report
 * names the failed job instead.
 */
import { RULE as BALANCE_BEFORE_PSI } from './rules/balance-before-psi.ts';
import { RULE as BUFFER_CONSUMED } from './rules/buffer-consumed.ts';
import { RULE as CALENDAR_CONFLICT } from './rules/calendar-conflict.ts';
import { RULE as EXPORT_DOCUMENTS_MISSING } from './rules/export-documents-missing.ts';
import { RULE as LATE_MILESTONE } from './rules/late-milestone.ts';
import { RULE as MILESTONE_AT_RISK } from './rules/milestone-at-risk.ts';
import { RULE as MISSING_DUPRO } from './rules/missing-dupro.ts';
import { RULE as MISSING_IPI } from './rules/missing-ipi.ts';
import { RULE as MISSING_MILESTONE_PLAN } from './rules/missing-milestone-plan.ts';
import { RULE as MISSING_PSI } from './rules/missing-psi.ts';
import { RULE as STALE_UPDATES } from './rules/stale-updates.ts';

/**
 * Rule → the jobs whose output it reads. The plan writes the milestones (and their dates) every milestone rule
 * reads: after a plan that stopped half-way, a PO without its milestones would look "without PSI", "late" or
 * "in conflict with Golden Week" for one cycle.
 */
export const RULE_UPSTREAM: Readonly<Record<string, readonly string[]>> = {
  [EXPORT_DOCUMENTS_MISSING]: ['documents'],
  [MISSING_MILESTONE_PLAN]: ['plan'],
  [CALENDAR_CONFLICT]: ['calendar', 'plan'],
  [LATE_MILESTONE]: ['plan'],
  [MILESTONE_AT_RISK]: ['plan'],
  [BUFFER_CONSUMED]: ['plan'],
  [MISSING_IPI]: ['plan'],
  [MISSING_DUPRO]: ['plan'],
  [MISSING_PSI]: ['plan'],
  [BALANCE_BEFORE_PSI]: ['plan'],
  [STALE_UPDATES]: ['plan'],
};

/** The rules to leave out because a job they read failed, with the reason for the report. */
export function rulesWaitingFor(failedJobs: Iterable<string>): Map<string, string> {
  const failed = new Set(failedJobs);
  const out = new Map<string, string>();
  for (const [rule, jobs] of Object.entries(RULE_UPSTREAM)) {
    const job = jobs.find((j) => failed.has(j));
    if (job) out.set(rule, `the ${job} job failed in this cycle; "${rule}" is checked again next run`);
  }
  return out;
}

/**
 * Rules that look for the OUTPUT of another job ("has no commercial invoice", "has no milestone plan"): when that
 * job failed earlier in the same cycle, the output is missing because of the failure, not because someone forgot
 * it. Such a rule is not run then (its alerts stay as they are, neither raised nor resolved) and the checks report
 * names the failed job instead.
 */
import { RULE as CALENDAR_CONFLICT } from './rules/calendar-conflict.ts';
import { RULE as EXPORT_DOCUMENTS_MISSING } from './rules/export-documents-missing.ts';
import { RULE as MISSING_MILESTONE_PLAN } from './rules/missing-milestone-plan.ts';

/** Rule → the job whose output it checks. */
export const RULE_UPSTREAM: Readonly<Record<string, string>> = {
  [EXPORT_DOCUMENTS_MISSING]: 'documents',
  [MISSING_MILESTONE_PLAN]: 'plan',
  [CALENDAR_CONFLICT]: 'calendar',
};

/** The rules to leave out because their upstream job failed, with the reason for the report. */
export function rulesWaitingFor(failedJobs: Iterable<string>): Map<string, string> {
  const failed = new Set(failedJobs);
  const out = new Map<string, string>();
  for (const [rule, job] of Object.entries(RULE_UPSTREAM)) {
    if (failed.has(job)) out.set(rule, `the ${job} job failed in this cycle; "${rule}" is checked again next run`);
  }
  return out;
}

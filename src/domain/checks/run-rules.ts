/**
 * Runs every rule over one snapshot. A rule that throws (a bug, or data no model caught) is reported and the
 * others still run; its alerts are then not resolved, because its conditions were not checked.
 */
import { ALL_RULES } from './all-rules.ts';
import { SEVERITY_RANK, type CheckClock, type CheckRule, type Finding } from './finding.ts';
import type { CheckSettings } from './settings.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

export interface RuleFailure {
  rule: string;
  message: string;
}

export interface ChecksResult {
  /** Unique by key, in rule order, then by key. */
  findings: Finding[];
  /** Rules that ran to completion. */
  rulesRun: string[];
  failures: RuleFailure[];
}

export function runRules(
  snapshot: WorkspaceSnapshot,
  clock: CheckClock,
  settings: CheckSettings,
  rules: readonly CheckRule[] = ALL_RULES,
): ChecksResult {
  const result: ChecksResult = { findings: [], rulesRun: [], failures: [] };
  const byKey = new Map<string, Finding>();
  for (const rule of rules) {
    let found: Finding[];
    try {
      found = rule.check(snapshot, clock, settings);
    } catch (error) {
      result.failures.push({ rule: rule.rule, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    result.rulesRun.push(rule.rule);
    found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const f of found) {
      const seen = byKey.get(f.key);
      // Two findings for one key would fight over one row: keep the more severe.
      if (seen && SEVERITY_RANK[seen.severity] >= SEVERITY_RANK[f.severity]) continue;
      byKey.set(f.key, f);
    }
  }
  result.findings = [...byKey.values()];
  return result;
}

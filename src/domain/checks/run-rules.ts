/**
 * Runs every rule over one snapshot. A rule that throws (a bug, or data no model caught) is reported and the
 * others still run; its alerts are then not resolved, because its conditions were not checked.
 *
 * When the milestones come packed per PO (the checks job at scale), the rules that judge each PO on its own
 * (`perPo`) run shard by shard: a shard's milestones are unpacked once for all of those rules, instead of once per
 * rule, and only one shard's are objects at a time. The other rules run once over the whole snapshot.
 */
import { ALL_RULES } from './all-rules.ts';
import { SEVERITY_RANK, type CheckClock, type CheckRule, type Finding } from './finding.ts';
import type { CheckSettings } from './settings.ts';
import { forEachShard, SHARD_POS, type WorkspaceSnapshot } from './snapshot.ts';

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
  options: {
    shardPos?: number;
    /** More work on each shard of POs while its milestones are unpacked (the computed fields' per-PO part). */
    eachShard?: (view: WorkspaceSnapshot) => void;
  } = {},
): ChecksResult {
  const result: ChecksResult = { findings: [], rulesRun: [], failures: [] };
  const outcomes = new Map<CheckRule, Finding[] | Error>();
  const run = (rule: CheckRule, s: WorkspaceSnapshot) => {
    const sofar = outcomes.get(rule);
    if (sofar instanceof Error) return;
    try {
      const more = rule.check(s, clock, settings);
      if (sofar) for (const f of more) sofar.push(f);
      else outcomes.set(rule, more);
    } catch (error) {
      outcomes.set(rule, error instanceof Error ? error : new Error(String(error)));
    }
  };
  const sharded = snapshot.packedMilestones ? rules.filter((r) => r.perPo) : [];
  const { eachShard, shardPos = SHARD_POS } = options;
  if (sharded.length > 0 || eachShard) {
    forEachShard(
      snapshot,
      (shard) => {
        for (const rule of sharded) run(rule, shard);
        eachShard?.(shard);
      },
      shardPos,
    );
  }
  for (const rule of rules) if (!sharded.includes(rule)) run(rule, snapshot);

  const byKey = new Map<string, Finding>();
  for (const rule of rules) {
    const found = outcomes.get(rule) ?? [];
    if (found instanceof Error) {
      result.failures.push({ rule: rule.rule, message: found.message });
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

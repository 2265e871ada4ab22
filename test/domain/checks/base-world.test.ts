import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../src/domain/checks/all-rules.ts';
import { runRules } from '../../../src/domain/checks/run-rules.ts';
import { baseWorld, CLOCK, SETTINGS } from './world.ts';

describe('the healthy base world', () => {
  it('raises nothing in any rule, so every rule test starts from silence', () => {
    const result = runRules(baseWorld().snapshot(), CLOCK, SETTINGS);
    expect(result.failures).toEqual([]);
    expect(result.findings.map((f) => f.message)).toEqual([]);
    expect(result.rulesRun).toEqual(ALL_RULES.map((r) => r.rule));
  });

  it('gives every rule a unique kebab-case id', () => {
    const ids = ALL_RULES.map((r) => r.rule);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

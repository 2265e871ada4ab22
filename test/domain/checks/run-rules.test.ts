import { describe, expect, it } from 'vitest';
import { finding, type CheckRule } from '../../../src/domain/checks/finding.ts';
import { runRules } from '../../../src/domain/checks/run-rules.ts';
import { lateMilestone } from '../../../src/domain/checks/rules/late-milestone.ts';
import { baseWorld, CLOCK, day, SETTINGS } from './world.ts';

describe('runRules', () => {
  it('reports a rule that throws and still runs the others', () => {
    const broken: CheckRule = { rule: 'broken', title: 'throws', check: () => { throw new Error('no such field'); } };
    const w = baseWorld().patch('milestones', 'ms-dupro', { 'Planned date': day(-3) });
    const result = runRules(w.snapshot(), CLOCK, SETTINGS, [broken, lateMilestone]);
    expect(result.failures).toEqual([{ rule: 'broken', message: 'no such field' }]);
    expect(result.rulesRun).toEqual(['late-milestone']);
    expect(result.findings.map((f) => f.rule)).toEqual(['late-milestone']);
  });

  it('keeps one finding per key, the more severe', () => {
    const twice: CheckRule = {
      rule: 'twice',
      title: 'same key twice',
      check: () => [
        finding('twice', ['recX0000000000000'], { severity: 'Info', message: 'mild', links: {} }),
        finding('twice', ['recX0000000000000'], { severity: 'Critical', message: 'bad', links: {} }),
      ],
    };
    const result = runRules(baseWorld().snapshot(), CLOCK, SETTINGS, [twice]);
    expect(result.findings.map((f) => f.message)).toEqual(['bad']);
  });
});

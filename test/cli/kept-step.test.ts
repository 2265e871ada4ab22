/**
 * What a cycle keeps of each step once it has been shown (`runCycle` returns these): a 10,000-PO first import
 * reports ~10,000 problems and a text of several MB per step, which every later step would otherwise carry.
 */
import { describe, expect, it } from 'vitest';
import { keptStep, type CycleStep } from '../../src/cli/cycle.ts';

function step(problems: string[], text: string): CycleStep {
  return {
    id: 'documents',
    title: 'Export documents and schedules',
    text,
    failed: false,
    report: { job: 'documents', ok: problems.length === 0, startedAt: '2026-12-05T09:00:00.000Z', durationMs: 1, requests: {}, problems, details: { blocked: ['…'] } },
  } as unknown as CycleStep;
}

describe('keptStep', () => {
  it('keeps a small step whole, less its details', () => {
    const kept = keptStep(step(['PO-2409: no Incoterm'], 'Documents: 4 pack(s)'));
    expect(kept.report.problems).toEqual(['PO-2409: no Incoterm']);
    expect(kept.text).toBe('Documents: 4 pack(s)');
    expect(kept.report.details).toEqual({});
  });

  it('keeps the first 100 problems with a count of the rest, and the start of a long text', () => {
    const problems = Array.from({ length: 10_000 }, (_, i) => `PO-${100000 + i}: the purchase contract needs the agency's address`);
    const kept = keptStep(step(problems, problems.join('\n')));
    expect(kept.report.problems).toHaveLength(101);
    expect(kept.report.problems.slice(0, 100)).toEqual(problems.slice(0, 100));
    expect(kept.report.problems[100]).toBe('… and 9900 more problem(s)');
    expect(kept.text.length).toBeLessThan(20_100);
    expect(kept.text.startsWith(problems.slice(0, 10).join('\n'))).toBe(true);
    expect(kept.text.endsWith('(cut: the whole report was shown as the step ended)')).toBe(true);
  });
});

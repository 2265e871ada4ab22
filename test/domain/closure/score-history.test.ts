import { describe, expect, it } from 'vitest';
import { formatHistory, overallScore, parseHistory, periodScore, scoreBand, withEntry, type HistoryEntry } from '../../../src/domain/closure/score-history.ts';
import { DEFAULT_WEIGHTS } from '../../../src/domain/closure/score-weights.ts';

const entry = (project: string, closedOn: string, score: number): HistoryEntry => ({ project, name: project, closedOn, score, kpis: {}, weights: {} });

describe('supplier score history', () => {
  it.each([
    ['no history', [], undefined],
    ['one project', [entry('a', '2025-01-01', 80)], 80],
    // domain.md §9: latest 80, previous 60 → (80 + 60 × 11/12) ÷ (1 + 11/12) = 70.4
    ['the ERPNext check', [entry('old', '2025-01-01', 60), entry('new', '2025-06-01', 80)], 70.4],
    ['a project 12 closures back no longer counts', [...Array.from({ length: 12 }, (_, i) => entry(`p${i}`, `2025-${String(i + 1).padStart(2, '0')}-01`, 90)), entry('ancient', '2020-01-01', 0)], 90],
  ])('overall score: %s', (_label, entries, expected) => {
    expect(overallScore(entries)).toBe(expected);
  });

  it('re-closing a project replaces its line instead of adding one', () => {
    const history = withEntry([entry('a', '2025-01-01', 50), entry('b', '2025-03-01', 70)], entry('a', '2025-01-01', 65));
    expect(history.map((e) => [e.project, e.score])).toEqual([['b', 70], ['a', 65]]);
  });

  it('writes one JSON line per project, newest first, and reads it back', () => {
    const text = formatHistory([entry('a', '2025-01-01', 50), { ...entry('b', '2025-03-01', 70), kpis: { compliance: 100, onTimeDelivery: 50 } }]);
    expect(text.split('\n')).toHaveLength(2);
    expect(text.split('\n')[0]).toBe('{"project":"b","name":"b","closedOn":"2025-03-01","score":70,"kpis":{"onTimeDelivery":50,"compliance":100},"weights":{}}');
    expect(parseHistory(text)).toEqual({ ok: true, entries: [{ ...entry('b', '2025-03-01', 70), kpis: { onTimeDelivery: 50, compliance: 100 } }, entry('a', '2025-01-01', 50)] });
  });

  it.each([
    ['not JSON', '{oops', 'line 1 is not JSON'],
    ['a score above 100', '{"project":"a","name":"a","closedOn":"2025-01-01","score":120,"kpis":{},"weights":{}}', 'line 1 is not a score entry'],
    ['a bad date on line 2', '{"project":"a","name":"a","closedOn":"2025-01-01","score":1,"kpis":{},"weights":{}}\n{"project":"b","name":"b","closedOn":"01/02/2025","score":1,"kpis":{},"weights":{}}', 'line 2 is not a score entry'],
  ])('a history with %s is refused, never half-read', (_label, text, problem) => {
    const parsed = parseHistory(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toContain(problem);
  });

  it('weights the KPIs that have data and re-weights the others away', () => {
    expect(periodScore({ onTimeDelivery: 100, firstPassPsi: 0, defectRate: 50, responsiveness: 80, compliance: 100 }, DEFAULT_WEIGHTS)).toBe(64.5);
    // No PSI this project: the other 75 % of weight decide.
    expect(periodScore({ onTimeDelivery: 100, defectRate: 50, responsiveness: 80, compliance: 100 }, DEFAULT_WEIGHTS)).toBe(86);
    expect(periodScore({}, DEFAULT_WEIGHTS)).toBeUndefined();
  });

  it.each([[100, 'Preferred'], [90, 'Preferred'], [89.9, 'Acceptable'], [70, 'Acceptable'], [69.9, 'Developmental'], [0, 'Developmental']])('band of %d is %s', (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });
});

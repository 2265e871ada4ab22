import { describe, expect, it } from 'vitest';
import { fillMissing } from '../../../src/domain/planning/fill-missing.ts';

describe('fillMissing never overwrites an entered date', () => {
  it.each([
    ['empty milestone takes the computed date', {}, { PSI: '2026-03-16' }, { PSI: '2026-03-16' }, ['PSI'], []],
    ['entered date stays even when the plan differs', { PSI: '2026-03-20' }, { PSI: '2026-03-16' }, { PSI: '2026-03-20' }, [], ['PSI']],
    ['null or empty counts as missing', { PSI: null, ETD: '' }, { PSI: '2026-03-16', ETD: '2026-04-05' }, { PSI: '2026-03-16', ETD: '2026-04-05' }, ['PSI', 'ETD'], []],
    ['an entered milestone the plan does not compute is kept', { 'Container loading': '2026-04-01' }, {}, { 'Container loading': '2026-04-01' }, [], []],
  ] as const)('%s', (_label, existing, computed, dates, filled, kept) => {
    const result = fillMissing(existing, computed);
    expect(result.dates).toEqual(dates);
    expect(result.filled).toEqual(filled);
    expect(result.kept).toEqual(kept);
  });
});

import { describe, expect, it } from 'vitest';
import { CheckSettingsError, DEFAULT_CHECK_SETTINGS, resolveCheckSettings } from '../../../src/domain/checks/settings.ts';

describe('check settings', () => {
  it('has documented defaults: DUPRO 20–60 %, PSI 3 days before cargo ready, 7 days without updates', () => {
    expect(DEFAULT_CHECK_SETTINGS.dupro).toEqual({ earliestShare: 0.2, latestShare: 0.6 });
    expect(DEFAULT_CHECK_SETTINGS.psiBeforeCargoReadyDays).toBe(3);
    expect(DEFAULT_CHECK_SETTINGS.staleUpdateDays).toBe(7);
    expect(DEFAULT_CHECK_SETTINGS.supplierScore.weights).toEqual({ compliance: 20, capacity: 25, trackRecord: 40, communication: 15 });
  });

  it('merges a partial override with the defaults, nested objects included', () => {
    const s = resolveCheckSettings({ dupro: { latestShare: 0.5 }, supplierScore: { weights: { compliance: 50 } } });
    expect(s.dupro).toEqual({ earliestShare: 0.2, latestShare: 0.5 });
    expect(s.supplierScore.weights).toEqual({ compliance: 50, capacity: 25, trackRecord: 40, communication: 15 });
    expect(s.supplierScore.historyShare).toBe(0.5);
  });

  it.each([
    [{ staleUpdateDays: -1 }, 'staleUpdateDays'],
    [{ dupro: { earliestShare: 1.5 } }, 'dupro.earliestShare'],
    [{ requiredExportDocuments: ['Invoice'] }, 'requiredExportDocuments.0'],
    [{ staleUpdateDay: 7 }, 'staleUpdateDay'],
    [{ supplierScore: { weights: { compliance: 0, capacity: 0, trackRecord: 0, communication: 0 } } }, 'at least one weight'],
    [{ dupro: { earliestShare: 0.7, latestShare: 0.6 } }, 'dupro.earliestShare must not be above dupro.latestShare'],
  ])('refuses %j, naming %s', (input, path) => {
    expect(() => resolveCheckSettings(input)).toThrow(CheckSettingsError);
    expect(() => resolveCheckSettings(input)).toThrow(path);
  });
});

import { describe, expect, it } from 'vitest';
import { switchingStates, type Lot, type SwitchingConditions } from '../../../src/domain/quality/switching-rules.ts';

/** "AARAR…": A accepted, R rejected, C conditional; lot labels are their positions. */
const lots = (sequence: string): Lot[] =>
  [...sequence].map((c, i) => ({ label: `lot ${i + 1}`, outcome: c === 'R' ? 'rejected' : c === 'C' ? 'conditional' : 'accepted' }));

const APPROVED: SwitchingConditions = { productionSteady: true, reducedApproved: true };
const NOT_APPROVED: SwitchingConditions = { productionSteady: true, reducedApproved: false };

describe('ISO 2859-1 switching rules (next inspection after the sequence)', () => {
  it.each([
    // sequence, conditions, next severity, why
    ['', APPROVED, 'Normal', 'no history'],
    ['AAAA', APPROVED, 'Normal', 'accepted lots keep normal'],
    ['RAAAA', APPROVED, 'Normal', 'one rejection in five'],
    ['RR', APPROVED, 'Tightened', '2 consecutive rejected'],
    ['RAAAR', APPROVED, 'Tightened', '2 of 5 consecutive rejected'],
    ['RAAAAR', APPROVED, 'Normal', 'the two rejections are 6 lots apart'],
    ['ARAR', APPROVED, 'Tightened', '2 of 4'],
    ['RRAAAA', APPROVED, 'Tightened', '4 accepted under tightened are not enough'],
    ['RRAAAAA', APPROVED, 'Normal', '5 consecutive accepted under tightened'],
    ['RRAARAAAAA', APPROVED, 'Normal', 'a rejection under tightened restarts the count of 5'],
    ['RRAARAAAA', APPROVED, 'Tightened', '4 accepted since the last rejection'],
    ['RRAAAAAR', APPROVED, 'Normal', 'back at normal, one rejection does not tighten again'],
    ['AAAAAAAAA', APPROVED, 'Normal', '9 accepted: not yet reduced'],
    ['AAAAAAAAAA', APPROVED, 'Reduced', '10 accepted, steady and approved'],
    ['AAAAAAAAAA', NOT_APPROVED, 'Normal', '10 accepted but no approval by the responsible authority'],
    ['AAAAAAAAAA', { productionSteady: false, reducedApproved: true }, 'Normal', 'production not steady'],
    ['AAAAAAAAAAAAA', APPROVED, 'Reduced', 'reduced stays while lots are accepted'],
    ['AAAAAAAAAAR', APPROVED, 'Normal', 'reduced → normal on a rejection'],
    ['AAAAAAAAAAC', APPROVED, 'Normal', 'reduced → normal on a conditional acceptance'],
    ['RRAAAAAAAAAAAAAAA', APPROVED, 'Reduced', 'tightened, normal again, then 10 accepted at normal'],
  ] as [string, SwitchingConditions, string, string][])('%s → %s (%s)', (sequence, conditions, severity) => {
    const states = switchingStates(lots(sequence), conditions);
    expect(states).toHaveLength(sequence.length + 1);
    expect(states.at(-1)?.severity).toBe(severity);
  });

  it('discontinues after 5 lots rejected under tightened inspection, and says so', () => {
    const next = switchingStates(lots('RRRRRR' + 'R'), APPROVED).at(-1);
    expect(next).toMatchObject({ severity: 'Tightened', discontinued: true });
    expect(next?.reason).toContain('Acceptance inspection discontinued: 5 lots rejected under tightened inspection');
  });

  it('gives the lots that decided it as the reason', () => {
    const next = switchingStates(lots('ARAAR'), APPROVED).at(-1);
    expect(next?.reason).toBe('Tightened inspection: 2 of 5 consecutive lots rejected under normal inspection (lot 2, lot 5); back to normal after 5 consecutive accepted lots.');
    expect(switchingStates(lots('AAAAAAAAAA'), NOT_APPROVED).at(-1)?.reason).toBe(
      'Normal inspection: 10 consecutive lots accepted; reduced inspection needs "Reduced inspection approved" ticked on the supplier.',
    );
  });

  it('returns to normal when the approval of reduced inspection is withdrawn', () => {
    expect(switchingStates(lots('AAAAAAAAAAA'), APPROVED).at(-1)?.severity).toBe('Reduced');
    // Same history judged with today's conditions: approval withdrawn → normal.
    expect(switchingStates(lots('AAAAAAAAAAA'), NOT_APPROVED).at(-1)?.severity).toBe('Normal');
  });
});

import { describe, expect, it } from 'vitest';
import { etaOf, milestoneState, nextMilestone, scheduleHealth } from '../../../src/domain/portal/health.ts';
import type { PortalMilestone } from '../../../src/domain/portal/portal-models.ts';
import { letters } from '../../../src/domain/portal/supplier-alias.ts';

const TODAY = '2027-03-01';
let n = 0;
function ms(fields: Partial<PortalMilestone>): PortalMilestone {
  n += 1;
  return { id: `recM${String(n).padStart(13, '0')}`, createdTime: '', milestone: 'm', po: 'recP000000000000a', kind: 'PSI', syncIssues: undefined, ...fields } as PortalMilestone;
}

describe('milestone state and schedule health', () => {
  it.each([
    { m: { actualDate: '2027-02-01', plannedDate: '2027-01-01' }, state: 'done' },
    { m: { plannedDate: '2027-02-28' }, state: 'late' },
    { m: { baselineDate: '2027-02-20' }, state: 'late' },
    // A plan later than its baseline is a slip the Gantt shows; at risk is the schedule network's word (Status).
    { m: { baselineDate: '2027-03-10', plannedDate: '2027-03-14' }, state: 'on-track' },
    { m: { baselineDate: '2027-03-10', plannedDate: '2027-03-14', status: 'At risk' as const }, state: 'at-risk' },
    { m: { baselineDate: '2027-03-10', plannedDate: '2027-03-10' }, state: 'on-track' },
    // A Status written before the date moved: only a passed date makes a milestone late.
    { m: { plannedDate: '2027-03-20', status: 'Late' as const }, state: 'on-track' },
    { m: { plannedDate: '2027-03-20', status: 'At risk' as const }, state: 'at-risk' },
    { m: {}, state: 'unplanned' },
  ])('$m is $state', ({ m, state }) => {
    expect(milestoneState(ms(m), TODAY)).toBe(state);
  });

  it.each([
    { list: [], target: {}, health: 'On track' },
    { list: [{ plannedDate: '2027-03-05' }], target: {}, health: 'On track' },
    { list: [{ plannedDate: '2027-03-09', status: 'At risk' as const }], target: {}, health: 'At risk' },
    { list: [{ plannedDate: '2027-03-09', status: 'At risk' as const }, { plannedDate: '2027-02-01' }], target: {}, health: 'Late' },
    { list: [{ plannedDate: '2027-03-05' }], target: { targetDelivery: '2027-04-01', latestEta: '2027-04-03' }, health: 'At risk' },
  ])('health of $list against $target is $health', ({ list, target, health }) => {
    expect(scheduleHealth(list.map(ms), TODAY, target)).toBe(health);
  });

  it('next milestone is the earliest one not done; ETA prefers actual, then planned', () => {
    const list = [
      ms({ kind: 'PSI', plannedDate: '2027-03-20' }),
      ms({ kind: 'DUPRO', plannedDate: '2027-03-10' }),
      ms({ kind: 'IPI', plannedDate: '2027-02-10', actualDate: '2027-02-11' }),
      ms({ kind: 'ETA', baselineDate: '2027-04-01', plannedDate: '2027-04-05' }),
    ];
    expect(nextMilestone(list)?.kind).toBe('DUPRO');
    expect(etaOf(list)).toBe('2027-04-05');
    expect(etaOf([...list, ms({ kind: 'ETA', plannedDate: '2027-04-09', actualDate: '2027-04-07' })])).toBe('2027-04-07');
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
  ])('supplier alias letter %i is %s', (index, expected) => {
    expect(letters(index)).toBe(expected);
  });
});

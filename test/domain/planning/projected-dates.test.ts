import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar/iso-date.ts';
import { planSchedule, type PlanInput } from '../../../src/domain/planning/backward-planner.ts';
import { chainKinds } from '../../../src/domain/planning/milestone-chain.ts';

const base: PlanInput = {
  today: '2026-03-02',
  target: { kind: 'ship-by', date: '2026-06-30' },
  shippingMode: 'Sea',
  lane: { origin: 'Ningbo', destination: 'US East Coast' },
  productionLeadTimeDays: 30,
};

describe('projected dates for milestones nobody entered', () => {
  it('are the baseline when nothing entered slipped', () => {
    const plan = planSchedule(base);
    expect(plan.projected).toEqual(plan.milestones);
  });

  it.each([
    ['Production start', 20],
    ['Materials ready', 35],
    ['Cargo ready', 9],
  ] as const)('follow an entered %s that is %i days later than the plan needs', (kind, slip) => {
    const baseline = planSchedule(base).milestones;
    const entered = addDays(baseline[kind]!, slip);
    const plan = planSchedule({ ...base, existing: { [kind]: entered } });
    const main = chainKinds('Sea');
    // Everything after the slipped milestone comes after it, in chain order.
    const after = main.slice(main.indexOf(kind) + 1).map((k) => plan.projected[k]!);
    expect(after.every((d) => d > entered)).toBe(true);
    expect([...after].sort()).toEqual(after);
    // Side milestones stay inside the moved production window.
    if (kind !== 'Cargo ready') {
      expect(plan.projected.DUPRO! > plan.projected['Production start']!).toBe(true);
      expect(plan.projected.PSI! > plan.projected.DUPRO!).toBe(true);
    }
    // Steps before the slipped one keep their baseline; the baseline itself is unchanged.
    for (const k of main.slice(0, main.indexOf(kind))) expect(plan.projected[k]).toBe(baseline[k]);
    expect(plan.milestones).toEqual(baseline);
  });
});

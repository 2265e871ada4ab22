import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../src/domain/calendar/iso-date.ts';
import { planSchedule, type PlanInput } from '../../../src/domain/planning/backward-planner.ts';
import { chainKinds } from '../../../src/domain/planning/milestone-chain.ts';

// Ordered on 1 March 2026 for delivery in LA on 15 May 2026 with 30 days of production: too late by sea.
const late: PlanInput = {
  today: '2026-03-01',
  target: { kind: 'delivery', date: '2026-05-15' },
  shippingMode: 'Sea',
  lane: { origin: 'Ningbo', destination: 'US West Coast' },
  productionLeadTimeDays: 30,
  hasStandbySupplier: true,
};

describe('a plan that cannot be met proposes options with dates', () => {
  const plan = planSchedule(late);

  it('is infeasible, names the milestones already overdue and raises a critical flag', () => {
    expect(plan.feasible).toBe(false);
    expect(plan.lateMilestones).toEqual(['Deposit paid', 'Tooling kickoff', 'Sample approval', 'Materials ready', 'Production start']);
    expect(plan.flags[0]).toMatchObject({ code: 'target-missed', severity: 'Critical' });
    expect(plan.flags[0]!.message).toMatch(/Air-freight a first batch/);
  });

  it('lists the options in a fixed order, each planned forwards from today', () => {
    expect(plan.options.map((o) => o.kind)).toEqual(['consume-buffer', 'priority-lane', 'split-production', 'partial-shipment']);
    for (const option of plan.options) {
      expect(option.milestones['Deposit paid']).toBe('2026-03-02'); // next China working day after Sunday 1 March
      expect(option.arrival).toBe(option.milestones.Delivered);
      expect(option.milestones.Booking! >= '2026-03-02').toBe(true);
      expect(option.daysLate).toBe(Math.max(0, daysBetween(late.target.date, option.arrival)));
      const chain = chainKinds(option.milestones['Container loading'] ? 'Sea' : 'Air').map((k) => option.milestones[k]!);
      expect([...chain].sort()).toEqual(chain);
    }
  });

  it('faster options arrive earlier than just consuming the buffer', () => {
    const by = Object.fromEntries(plan.options.map((o) => [o.kind, o]));
    expect(by['priority-lane']!.arrival < by['consume-buffer']!.arrival).toBe(true);
    expect(by['split-production']!.arrival < by['consume-buffer']!.arrival).toBe(true);
    // Express sea to the US West Coast: 14 days instead of 18.
    expect(daysBetween(by['priority-lane']!.milestones.ETD!, by['priority-lane']!.milestones.ETA!)).toBe(14);
  });

  it('a partial shipment air-freights a first batch in time and sends the bulk by sea later', () => {
    const option = plan.options.find((o) => o.kind === 'partial-shipment')!;
    const [first, bulk] = option.batches!;
    expect(first).toMatchObject({ mode: 'Air', share: 0.3, meetsTarget: true, daysLate: 0 });
    expect(bulk).toMatchObject({ mode: 'Sea', share: 0.7 });
    expect(first!.milestones['Production complete']! < bulk!.milestones['Production complete']!).toBe(true);
    // The option's own dates are the first batch's, the one that meets the target.
    expect(option.meetsTarget).toBe(true);
    expect(option.milestones).toEqual(first!.milestones);
  });

  it('split production is marked unavailable without a standby supplier', () => {
    const option = planSchedule({ ...late, hasStandbySupplier: false }).options.find((o) => o.kind === 'split-production')!;
    expect(option).toMatchObject({ available: false, note: 'no standby supplier on the PO' });
  });

  it('plans forwards from the latest milestone already entered', () => {
    const plan2 = planSchedule({ ...late, existing: { 'Deposit paid': '2026-01-05', 'Production start': '2026-02-02' } });
    const option = plan2.options.find((o) => o.kind === 'consume-buffer')!;
    expect(option.milestones['Production start']).toBe('2026-02-02');
    expect(plan2.lateMilestones).not.toContain('Production start');
  });

  it('an air order has no faster lane and no air/sea partial shipment to offer', () => {
    const air = planSchedule({ ...late, shippingMode: 'Air', target: { kind: 'delivery', date: '2026-03-20' } });
    expect(air.feasible).toBe(false);
    expect(air.options.map((o) => o.kind)).toEqual(['consume-buffer', 'split-production']);
  });

  it('a feasible plan proposes nothing', () => {
    expect(planSchedule({ ...late, target: { kind: 'delivery', date: '2026-08-31' } }).options).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { isChinaWorkingDay, previousChinaWorkingDay } from '../../../src/domain/calendar/china-working-days.ts';
import { addDays, daysBetween } from '../../../src/domain/calendar/iso-date.ts';
import { planSchedule, type PlanInput } from '../../../src/domain/planning/backward-planner.ts';
import { chainKinds } from '../../../src/domain/planning/milestone-chain.ts';
import { FACTORY_MILESTONES, MILESTONE_LIFECYCLE } from '../../../src/domain/planning/milestone-kinds.ts';
import { productionOutputBetween } from '../../../src/domain/planning/production-days.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../../src/domain/planning/plan-settings.ts';

const base: PlanInput = {
  today: '2025-09-01',
  target: { kind: 'delivery', date: '2026-09-30' },
  shippingMode: 'Sea',
  lane: { origin: 'Ningbo', destination: 'US West Coast' },
  productionLeadTimeDays: 30,
};

describe('planSchedule: shape of every plan', () => {
  it.each<[string, Partial<PlanInput>]>([
    ['sea to LA, delivery in September', {}],
    ['sea to LA across CNY', { target: { kind: 'delivery', date: '2026-04-30' } }],
    ['air to Hamburg', { shippingMode: 'Air', lane: { origin: 'Shanghai', destination: 'Hamburg/Rotterdam' } }],
    ['sea + air split to Sydney', { shippingMode: 'Sea + Air split', lane: { origin: 'Shenzhen', destination: 'Sydney/Melbourne' } }],
    ['ship-by target to the US East Coast', { target: { kind: 'ship-by', date: '2026-10-15' }, lane: { origin: 'Ningbo', destination: 'US East Coast' } }],
    ['an estimated year (2027)', { today: '2026-06-01', target: { kind: 'delivery', date: '2027-05-20' }, productionLeadTimeDays: 45 }],
  ])('%s', (_label, override) => {
    const input = { ...base, ...override };
    const plan = planSchedule(input);
    const m = plan.milestones;
    const mode = input.shippingMode === 'Air' ? 'Air' : 'Sea';
    // The names are the Milestones table's Kind choices.
    for (const kind of Object.keys(m)) expect(MILESTONE_LIFECYCLE).toContain(kind);
    // The main chain runs in order and factory milestones land on China working days.
    const chain = chainKinds(mode).map((k) => m[k]!);
    expect([...chain].sort()).toEqual(chain);
    for (const [kind, date] of Object.entries(m)) {
      if (FACTORY_MILESTONES.has(kind as never)) expect(isChinaWorkingDay(date!), `${kind} ${date}`).toBe(true);
    }
    // The anchor is the target.
    expect(input.target.kind === 'delivery' ? m.Delivered : m.ETD).toBe(input.target.date);
    // Shipping side in calendar days.
    expect(daysBetween(m.ETD!, m.ETA!)).toBe(plan.transitDays[mode]);
    expect(daysBetween(m.ETA!, m.Delivered!)).toBe(DEFAULT_PLAN_SETTINGS.finalMileDays[mode]);
    // Production delivers the lead time in full output days.
    expect(productionOutputBetween(m['Production start']!, m['Production complete']!, DEFAULT_PLAN_SETTINGS)).toBeGreaterThanOrEqual(input.productionLeadTimeDays);
    // IPI before production, DUPRO inside it, PSI after it, booking 3–4 weeks before cargo ready.
    expect(m.IPI! < m['Production start']!).toBe(true);
    expect(m.DUPRO! > m['Production start']! && m.DUPRO! < m['Production complete']!).toBe(true);
    expect(m.PSI! > m['Production complete']!).toBe(true);
    if (mode === 'Sea') {
      expect(daysBetween(m.Booking!, m['Cargo ready']!)).toBeGreaterThanOrEqual(21);
      expect(daysBetween(m.Booking!, m['Cargo ready']!)).toBeLessThanOrEqual(35);
      expect(m['Container loading']! > m['Cargo ready']! && m['Container loading']! < m.ETD!).toBe(true);
    } else {
      expect(m['Container loading']).toBeUndefined();
    }
  });

  it('DUPRO sits at about 40 % of production output (configurable)', () => {
    for (const duproAtPercent of [20, 40, 60]) {
      const m = planSchedule({ ...base, settings: { duproAtPercent } }).milestones;
      const done = productionOutputBetween(m['Production start']!, m.DUPRO!, DEFAULT_PLAN_SETTINGS);
      expect(done).toBe(Math.ceil((30 * duproAtPercent) / 100));
    }
  });

  it('a Sea + Air split lists both legs from the same cargo-ready date; the air leg arrives first', () => {
    const plan = planSchedule({ ...base, shippingMode: 'Sea + Air split' });
    const [air, sea] = plan.legs!;
    expect(air).toMatchObject({ mode: 'Air', ETD: addDays(plan.milestones['Cargo ready']!, 3) });
    expect(sea).toMatchObject({ mode: 'Sea', ETD: plan.milestones.ETD, Delivered: '2026-09-30' });
    expect(air!.Delivered < sea!.Delivered).toBe(true);
  });
});

describe('buffer math', () => {
  it.each([
    [10, '2026-09-30'],
    [12, '2026-09-30'],
    [15, '2026-09-30'],
    [12, '2026-06-15'],
    [12, '2026-04-30'],
  ])('%i %% buffer before a delivery on %s', (bufferPercent, date) => {
    const input = { ...base, target: { kind: 'delivery' as const, date } };
    const without = planSchedule({ ...input, bufferPercent: 0 });
    const withBuffer = planSchedule({ ...input, bufferPercent });
    const span = daysBetween(without.milestones['Production start']!, date);
    expect(without.bufferDays).toBe(0);
    expect(withBuffer.bufferDays).toBe(Math.ceil((bufferPercent / 100) * span));
    // The factory aims earlier by the buffer; the sailing does not move.
    expect(withBuffer.milestones['Cargo ready']).toBe(previousChinaWorkingDay(addDays(without.milestones['Cargo ready']!, -withBuffer.bufferDays)));
    expect(withBuffer.milestones.ETD).toBe(without.milestones.ETD);
    expect(withBuffer.milestones['Container loading']).toBe(without.milestones['Container loading']);
  });

  it('defaults to 12 % and flags a buffer outside 10–15 %', () => {
    expect(planSchedule(base).bufferPercent).toBe(12);
    expect(planSchedule({ ...base, bufferPercent: 5 }).flags.map((f) => f.code)).toContain('buffer-outside-usual-range');
    expect(() => planSchedule({ ...base, bufferPercent: 80 })).toThrow(/Buffer %/);
  });
});

describe('a plan across CNY gets pushed and flagged', () => {
  const acrossCny = planSchedule({ ...base, target: { kind: 'delivery', date: '2026-04-30' } });
  const summer = planSchedule({ ...base, target: { kind: 'delivery', date: '2026-09-30' } });
  const span = (p: typeof summer) => daysBetween(p.milestones['Production start']!, p.milestones['Production complete']!);

  it('production over CNY takes longer in calendar days than the same run in summer', () => {
    // 9 holiday days plus half output in the shutdown window add weeks.
    expect(span(acrossCny) - span(summer)).toBeGreaterThanOrEqual(21);
    expect(acrossCny.milestones['Production start']! < '2026-01-27').toBe(true);
  });

  it('is flagged with the windows it meets', () => {
    const codes = acrossCny.flags.map((f) => [f.code, f.window?.key]);
    expect(codes).toContainEqual(['production-in-cny-shutdown', 'factory-closure:2026:cny']);
    expect(codes).toContainEqual(['production-over-cn-holiday', 'cn-holiday:2026:spring-festival']);
    expect(summer.flags.some((f) => f.code.includes('cny'))).toBe(false);
  });

  it('output in the shutdown window is configurable', () => {
    const fullOutput = planSchedule({ ...base, target: { kind: 'delivery', date: '2026-04-30' }, settings: { closureCapacity: 1 } });
    expect(fullOutput.milestones['Production start']! > acrossCny.milestones['Production start']!).toBe(true);
  });
});

describe('other risk flags', () => {
  it('shipping over Golden Week is a warning', () => {
    const plan = planSchedule({ ...base, target: { kind: 'ship-by', date: '2026-10-09' }, bufferPercent: 0 });
    const flag = plan.flags.find((f) => f.code === 'shipping-over-cn-holiday');
    expect(flag).toMatchObject({ severity: 'Warning', window: { key: 'cn-holiday:2026:national-day' } });
  });

  it('a delivery landing in the US client peak is flagged; an unknown country is noted, not fatal', () => {
    const us = planSchedule({ ...base, target: { kind: 'delivery', date: '2026-11-28' }, clientCountry: 'US' });
    expect(us.flags.find((f) => f.code === 'delivered-in-client-peak')?.window?.key).toBe('client-peak:US:2026:black-friday-cyber-monday');
    const br = planSchedule({ ...base, clientCountry: 'Brazil' });
    expect(br.flags.map((f) => f.code)).toContain('no-client-peak-profile');
  });

  it('an entered date later than the plan needs is flagged and does not count as late', () => {
    // The plan needs sample approval by 22 June and materials by 6 July 2026.
    const plan = planSchedule({ ...base, today: '2026-06-25', existing: { 'Deposit paid': '2026-05-20', 'Tooling kickoff': '2026-05-25', 'Sample approval': '2026-06-30', 'Materials ready': '2026-07-10' } });
    expect(plan.flags.filter((f) => f.code === 'entered-later-than-plan').map((f) => f.milestones[0])).toEqual(['Sample approval', 'Materials ready']);
    expect(plan.flags.find((f) => f.milestones[0] === 'Sample approval')?.message).toMatch(/8 days later than the plan needs \(2026-06-22\)/);
    expect(plan.lateMilestones).toEqual([]);
  });
});

describe('validation names the field', () => {
  it.each<[Partial<PlanInput>, RegExp]>([
    [{ target: { kind: 'delivery', date: '30/09/2026' } }, /Target delivery date/],
    [{ target: { kind: 'ship-by', date: '2026-02-30' } }, /Ship-by date/],
    [{ productionLeadTimeDays: 0 }, /Lead time days/],
    [{ shippingMode: 'Rail' as never }, /Shipping mode/],
    [{ lane: undefined }, /Port of loading/],
    [{ lane: { origin: 'Lianyungang' as never, destination: 'US West Coast' } }, /Port of loading/],
    [{ existing: { 'Launch party': '2026-01-01' } as never }, /Milestone kind/],
    [{ existing: { PSI: '2026-13-01' } }, /PSI date/],
  ])('%j', (override, message) => {
    expect(() => planSchedule({ ...base, ...override })).toThrow(message);
  });
});

/**
 * Property-based tests of the schedule engine (fast-check, fixed seeds, a few hundred generated POs per run):
 * random actual and person-entered dates on all milestone kinds, sea, air and the split, "today" around CNY and
 * Golden Week.
 *
 * P1 (precedence): for every edge p → s of the network with both dates set, eff(s) ≥ forward(eff(p)), where eff is
 *    the actual date, else the planned date (a person's, or the one the plan wrote), and forward adds the lag on the
 *    calendars. Allowed exceptions, each of which the checks report: both are done (two facts: the factory was
 *    quicker than the usual lag); s carries a conflict finding (its entered date breaks precedence); s is Late (its
 *    date passed, late-milestone reports it); s is At risk (it cannot happen on its date: a late or pushed
 *    predecessor, or the plan squeezed it to stay before an entered successor). A plan-written date is never before
 *    today and never squeezed without an entered successor being in conflict, late or at risk.
 * P2: no entered date (actual, or planned by a person) is changed.
 * P3: planning again on the plan's own output (its rows marked Planned by = Plan) changes no date and gives the same
 *    verdict and options.
 * P4: the checks (Milestones Status), the client portal's state and the Gantt row agree on every milestone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleStatus } from '../../../src/domain/checks/po-schedules.ts';
import { buildSnapshot, type ParsedTables } from '../../../src/domain/checks/snapshot.ts';
import { addDays } from '../../../src/domain/calendar/iso-date.ts';
import { milestones, type Milestone } from '../../../src/domain/models/milestone.ts';
import { projects } from '../../../src/domain/models/project.ts';
import { purchaseOrders } from '../../../src/domain/models/purchase-order.ts';
import { forward } from '../../../src/domain/planning/network-steps.ts';
import { planVerdict } from '../../../src/domain/planning/plan-verdict.ts';
import { poSchedule, type PoSchedule } from '../../../src/domain/planning/po-schedule.ts';
import type { NodeId } from '../../../src/domain/planning/schedule-network.ts';
import { dayNumberOf } from '../../../src/domain/planning/work-calendar.ts';
import { milestoneState } from '../../../src/domain/portal/health.ts';
import type { PortalMilestone } from '../../../src/domain/portal/portal-models.ts';
import { buildScheduleChart } from '../../../src/domain/schedule-chart/schedule-chart.ts';
import { makeRecord, recId } from '../closure/make-record.ts';
import { datesOf, plan } from './network-fixtures.ts';

const KINDS = [
  'Deposit paid', 'Tooling kickoff', 'Sample approval', 'Materials ready', 'IPI', 'Production start', 'DUPRO', 'Production complete',
  'PSI', 'Cargo ready', 'Booking', 'Container loading', 'ETD', 'ETA', 'Delivered', 'Balance paid',
] as const;
// Days around the CNY shutdowns (2027: 16 Jan – 6 Mar; 2028: 5 Jan – 23 Feb) and Golden Week (1–7 Oct).
const ANCHORS = ['2026-12-04', '2027-01-20', '2027-02-10', '2027-09-20', '2027-10-03', '2027-12-15', '2028-01-25'];

const entry = fc.oneof(
  { weight: 4, arbitrary: fc.constant<{ kind: 'none' }>({ kind: 'none' }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('actual' as const), offset: fc.integer({ min: -120, max: 0 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('person' as const), offset: fc.integer({ min: -30, max: 160 }) }) },
);

const poCase = fc.record({
  anchor: fc.constantFrom(...ANCHORS),
  shift: fc.integer({ min: -20, max: 20 }),
  mode: fc.constantFrom('Sea' as const, 'Air' as const, 'Sea + Air split' as const),
  leadTimeDays: fc.integer({ min: 7, max: 90 }),
  balanceDue: fc.constantFrom('Before shipment' as const, 'Against B/L copy' as const, 'After PSI pass' as const),
  shipBy: fc.option(fc.integer({ min: 20, max: 220 }), { nil: undefined }),
  deliveryIn: fc.integer({ min: 40, max: 260 }),
  buffer: fc.constantFrom(0, 0.1, 0.12, 0.15),
  standby: fc.boolean(),
  entries: fc.array(entry, { minLength: KINDS.length, maxLength: KINDS.length }),
});
type PoCase = typeof poCase extends fc.Arbitrary<infer T> ? T : never;

const PO_ID = recId('poprop');
const PROJECT_ID = recId('prjprop');

function records(c: PoCase) {
  const today = addDays(c.anchor, c.shift);
  const project = makeRecord(projects, { Project: 'Prop', Phase: 'Production', Client: [recId('client')], 'Target delivery date': addDays(today, c.deliveryIn), 'Buffer %': c.buffer }, PROJECT_ID);
  const po = makeRecord(purchaseOrders, {
    'PO number': 'PO-9001', Project: [PROJECT_ID], Supplier: [recId('supplier')], Status: 'In production',
    'Shipping mode': c.mode, 'Lead time days': c.leadTimeDays, 'Balance due': c.balanceDue,
    'Port of loading': 'Ningbo', 'Port of discharge': 'Los Angeles, CA',
    ...(c.shipBy !== undefined ? { 'Ship-by date': addDays(today, c.shipBy) } : {}),
    ...(c.standby ? { 'Standby supplier': [recId('standby')] } : {}),
  }, PO_ID);
  const rows: Milestone[] = [];
  KINDS.forEach((kind, i) => {
    const e = c.entries[i]!;
    if (e.kind === 'none') return;
    const date = addDays(today, e.offset);
    rows.push(makeRecord(milestones, { Milestone: `PO-9001 · ${kind}`, PO: [PO_ID], Kind: kind, ...(e.kind === 'actual' ? { 'Actual date': date } : { 'Planned date': date }) }, recId(`ms${i}prop`)));
  });
  return { today, project, po, rows };
}

function scheduleFor(c: PoCase, rows: Milestone[]): PoSchedule {
  const { today, project, po } = records(c);
  const result = poSchedule({ po, project, milestones: rows, calendar: [], today });
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.schedule;
}

/** The rows after the planner's run: Plan rows carry the plan's dates and "Planned by" = Plan. */
function planned(schedule: PoSchedule, rows: Milestone[]): Milestone[] {
  const out = rows.map((m) => ({ ...m }));
  for (const node of schedule.passes.nodes) {
    if (node.id.startsWith('Air ') || node.source !== 'plan' || !node.date) continue;
    const row = out.find((m) => m.kind === node.id);
    if (row) Object.assign(row, { plannedDate: node.date, plannedBy: 'Plan', baselineDate: row.baselineDate ?? node.date });
    else out.push(makeRecord(milestones, { Milestone: `PO-9001 · ${node.id}`, PO: [PO_ID], Kind: node.id, 'Planned date': node.date, 'Baseline date': node.date, 'Planned by': 'Plan' }, recId(`ms${node.id}new`)));
  }
  return out;
}

const SEED = 20261204;

describe('schedule engine properties', () => {
  it('P1 + P2: precedence holds except where a finding says why, entered dates are kept, nothing undone before today', () => {
    fc.assert(
      fc.property(poCase, (c) => {
        const { today, rows } = records(c);
        const s = scheduleFor(c, rows);
        const { network: net, calendar: cal, passes } = s;
        const idx = (d: string) => dayNumberOf(d) - cal.origin;
        const conflicted = new Set(passes.conflicts.map((x) => x.milestone));
        for (const edge of net.edges) {
          const p = passes.byId.get(edge.from)!;
          const q = passes.byId.get(edge.to)!;
          if (!p.date || !q.date) continue;
          const ok = forward(cal, edge.lag, net.nodes[net.index.get(edge.to)!]!.calendar, idx(p.date)) <= idx(q.date);
          if (ok) continue;
          const excused = (p.source === 'actual' && q.source === 'actual') || conflicted.has(q.id) || q.status === 'Late' || q.status === 'At risk';
          expect(excused, `${edge.from} ${p.date} → ${edge.to} ${q.date} (${q.source}, ${q.status})`).toBe(true);
        }
        for (const n of passes.nodes) {
          if (n.source === 'plan') expect(n.date! >= today, `${n.id} planned ${n.date} before ${today}`).toBe(true);
          if (n.squeezed) {
            const entered = passes.nodes.filter((e) => (e.source === 'person' || e.source === 'actual') && (conflicted.has(e.id) || e.status === 'Late' || e.status === 'At risk'));
            expect(entered.length, `${n.id} squeezed with no entered milestone in trouble`).toBeGreaterThan(0);
          }
        }
        for (const m of rows) {
          const n = passes.byId.get(m.kind);
          if (!n) continue;
          expect(n.date, m.kind).toBe(m.actualDate ?? m.plannedDate);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('P3: a second plan on the plan\'s own output changes nothing and gives the same verdict and options', () => {
    fc.assert(
      fc.property(poCase, (c) => {
        const { rows } = records(c);
        const first = scheduleFor(c, rows);
        const after = planned(first, rows);
        const second = scheduleFor(c, after);
        expect(datesOf(second.passes)).toEqual(datesOf(first.passes));
        expect(planned(second, after)).toEqual(after);
        const v1 = planVerdict(first, 'PO-9001', c.standby);
        const v2 = planVerdict(second, 'PO-9001', c.standby);
        expect(v2.text).toBe(v1.text);
        expect(v2.options).toEqual(v1.options);
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  it('P4: checks, client portal and Gantt agree on every milestone\'s status', () => {
    fc.assert(
      fc.property(poCase, (c) => {
        const { today, project, po, rows } = records(c);
        const after = planned(scheduleFor(c, rows), rows);
        const empty = (): ParsedTables => ({
          people: [], clients: [], projects: [project], suppliers: [], supplierEvaluations: [], purchaseOrders: [po], lineItems: [],
          milestones: after, inspections: [], shipments: [], shipmentLines: [], documents: [], updates: [], calendar: [], alerts: [],
        } as unknown as ParsedTables);
        const snapshot = buildSnapshot(empty());
        const chart = buildScheduleChart({ po, project, milestones: after, inspections: [], calendar: [], asOf: today });
        for (const m of after) {
          const checks = scheduleStatus(snapshot, po, m, today);
          const gantt = chart.rows.find((r) => r.kind === m.kind)?.status;
          expect(gantt, m.kind).toBe(checks);
          // The portal shows what the checks wrote to Status.
          const portal = milestoneState({ ...m, status: checks } as unknown as PortalMilestone, today);
          const expected = { Done: 'done', Late: 'late', 'At risk': 'at-risk', 'On track': 'on-track' } as const;
          expect(portal, m.kind).toBe(checks ? expected[checks] : 'unplanned');
        }
      }),
      { seed: SEED + 2, numRuns: 150 },
    );
  });

  it('the generator reaches the interesting cases (conflicts, squeezes, missed targets, CNY)', () => {
    let conflicts = 0;
    let squeezed = 0;
    let missed = 0;
    fc.assert(
      fc.property(poCase, (c) => {
        const s = scheduleFor(c, records(c).rows);
        if (s.passes.conflicts.length > 0) conflicts += 1;
        if (s.passes.nodes.some((n) => n.squeezed)) squeezed += 1;
        if ((s.passes.target?.daysLate ?? 0) > 0) missed += 1;
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(conflicts).toBeGreaterThan(20);
    expect(squeezed).toBeGreaterThan(20);
    expect(missed).toBeGreaterThan(20);
  });
});

void ({} as NodeId);

/**
 * The checks benchmark's agency, generated in memory and deterministically (seeded PRNG, fixed "today"): rows in
 * Airtable's wire shape (field names as the API returns them), parsed by the real models. 10,000 POs over 2,000
 * projects and 800 suppliers, 12 milestones and 3 inspections per PO (plus re-inspections of failed ones and
 * factory audits), shipments, documents, weekly updates, a risk calendar and yesterday's Alerts. Schedules slip,
 * stall and fail inspections at realistic rates so every rule finds something. Generated in a process of its own
 * (scripts/bench/checks-worker.ts --prepare), so nothing here warms the measured process.
 */
import { alerts } from '../../src/domain/models/alert.ts';
import { calendar } from '../../src/domain/models/calendar-entry.ts';
import { clients } from '../../src/domain/models/client.ts';
import { documents } from '../../src/domain/models/document.ts';
import { inspections } from '../../src/domain/models/inspection.ts';
import { lineItems } from '../../src/domain/models/line-item.ts';
import { milestones, type MilestoneKind } from '../../src/domain/models/milestone.ts';
import { people } from '../../src/domain/models/person.ts';
import { projects } from '../../src/domain/models/project.ts';
import { purchaseOrders } from '../../src/domain/models/purchase-order.ts';
import { shipmentLines } from '../../src/domain/models/shipment-line.ts';
import { shipments } from '../../src/domain/models/shipment.ts';
import { supplierEvaluations } from '../../src/domain/models/supplier-evaluation.ts';
import { suppliers } from '../../src/domain/models/supplier.ts';
import { updates } from '../../src/domain/models/update.ts';
import type { InspectionLevel } from '../../src/domain/quality/sampling-tables.ts';
import { addInspections } from './checks-inspections.ts';
import { iso, rid, rng, row, TODAY_N, type Fields, type PoFacts, type RawTables, type Rng } from './checks-rows.ts';

export { BENCH_NOW, BENCH_TODAY, type RawTables } from './checks-rows.ts';

export interface BenchScale {
  pos: number;
  posPerProject: number;
  suppliers: number;
  clients: number;
  people: number;
}
export const DEFAULT_SCALE: BenchScale = { pos: 10_000, posPerProject: 5, suppliers: 800, clients: 300, people: 40 };

/** The 12 milestones of every PO and where each sits in the lead time (ETA and balance are placed by rule). */
const PLAN: [MilestoneKind, number][] = [
  ['Deposit paid', 0.03], ['Sample approval', 0.18], ['Materials ready', 0.3], ['IPI', 0.36], ['Production start', 0.4],
  ['DUPRO', 0.62], ['Production complete', 0.86], ['PSI', 0.9], ['Cargo ready', 0.95], ['ETD', 1], ['ETA', 1], ['Balance paid', 1],
];

export function generateRawTables(scale: BenchScale = DEFAULT_SCALE, seed = 20260915): RawTables {
  const r = rng(seed);
  const t: RawTables = {
    people: [], clients: [], projects: [], suppliers: [], supplierEvaluations: [], purchaseOrders: [], lineItems: [],
    milestones: [], inspections: [], shipments: [], shipmentLines: [], documents: [], updates: [], calendar: [], alerts: [],
  };

  // People by role; a few have left (inactive), so owners fall back to the agent.
  const roles = ['Sourcing', 'Sourcing', 'QA', 'Logistics', 'Sourcing', 'QA', 'Finance', 'Logistics', 'Manager', 'Sourcing'];
  const byRole = new Map<string, string[]>();
  for (let i = 0; i < scale.people; i += 1) {
    const id = rid('PPL', i);
    const role = roles[i % roles.length]!;
    (byRole.get(role) ?? byRole.set(role, []).get(role)!).push(id);
    const P = people.fields;
    t.people.push(row(id, { [P.name]: `Person ${i}`, [P.role]: role, [P.timeZone]: 'Asia/Shanghai', [P.active]: i % 17 !== 5 }));
  }
  const person = (role: string) => r.pick(byRole.get(role)!);

  const countries = ['United States', 'Germany', 'United Kingdom', 'Australia', 'France', 'Netherlands', 'Canada', 'US', 'Japan', 'Spain'];
  for (let i = 0; i < scale.clients; i += 1) {
    const C = clients.fields;
    t.clients.push(row(rid('CLI', i), { [C.name]: `Client ${i}`, [C.country]: countries[i % countries.length], [C.timeZone]: 'Europe/Berlin' }));
  }

  const certs = ['BSCI', 'ISO 9001', 'SMETA', 'ISO 14001'];
  for (let i = 0; i < scale.suppliers; i += 1) {
    const S = suppliers.fields;
    const status = r.chance(0.85) ? 'Approved' : r.pick(['Candidate', 'Standby', 'Blocked']);
    const audit = r.chance(0.8) ? r.pick(['Passed', 'Passed', 'Passed', 'Passed with CAPA']) : r.pick(['Not audited', 'Scheduled', 'Failed']);
    const fields: Fields = {
      [S.name]: `Supplier ${i} Manufacturing Co., Ltd.`,
      [S.status]: status,
      [S.auditStatus]: audit,
      [S.lastAuditDate]: iso(TODAY_N - r.int(20, 900)),
      [S.certifications]: certs.filter(() => r.chance(0.6)),
      [S.certificationExpiry]: iso(TODAY_N + r.int(-20, 700)),
    };
    if (r.chance(0.95)) fields[S.monthlyCapacity] = r.int(5, 100) * 1000;
    t.suppliers.push(row(rid('SUP', i), fields));
  }

  const projectCount = Math.ceil(scale.pos / scale.posPerProject);
  const projectAqls: [InspectionLevel, [number | null, number | null, number | null]][] = [];
  for (let i = 0; i < projectCount; i += 1) {
    const P = projects.fields;
    const benchmarks = r.chance(0.92);
    const level: InspectionLevel = r.chance(0.9) ? 'II' : r.pick(['I', 'III']);
    const aqls: [number | null, number | null, number | null] = benchmarks ? [0, r.pick([1.5, 2.5, 2.5]), 4] : [null, null, null];
    projectAqls.push([level, aqls]);
    const fields: Fields = {
      [P.project]: `Project ${i}`,
      [P.client]: [rid('CLI', i % scale.clients)],
      [P.phase]: r.chance(0.9) ? r.pick(['Production', 'Production', 'Delivery & documentation']) : r.pick(['Negotiation & contracting', 'Closed']),
      [P.agent]: [person('Sourcing')],
      [P.buffer]: r.pick([0.1, 0.12, 0.15]),
      [P.targetLeadTimeDays]: 60,
      [P.targetDeliveryDate]: iso(TODAY_N + r.int(-60, 200)),
      [P.certificationsRequired]: r.chance(0.4) ? ['BSCI'] : [],
    };
    if (benchmarks) Object.assign(fields, { [P.aqlCritical]: '0', [P.aqlMajor]: String(aqls[1]), [P.aqlMinor]: '4.0', [P.inspectionLevel]: level });
    t.projects.push(row(rid('PRJ', i), fields));
  }

  for (let i = 0; i < Math.round(projectCount * 0.75); i += 1) {
    const E = supplierEvaluations.fields;
    const fields: Fields = {
      [E.evaluation]: `Evaluation ${i}`,
      [E.supplier]: [rid('SUP', r.int(0, scale.suppliers - 1))],
      [E.project]: [rid('PRJ', i)],
      [E.compliance]: r.int(2, 5),
      [E.capacity]: r.int(2, 5),
      [E.trackRecord]: r.int(1, 5),
      [E.communication]: r.int(2, 5),
    };
    if (r.chance(0.5)) fields[E.weightedScore] = r.int(40, 95);
    t.supplierEvaluations.push(row(rid('EVA', i), fields));
  }

  const pos: PoFacts[] = [];
  const SPECS = [{ id: 'attSpecs000000001', url: 'https://example.com/specs.pdf', filename: 'specs.pdf' }];
  for (let n = 0; n < scale.pos; n += 1) {
    const projectIndex = Math.floor(n / scale.posPerProject);
    const [level, aqls] = projectAqls[projectIndex]!;
    const id = rid('POR', n);
    const order = TODAY_N - r.int(-25, 260);
    const lead = r.int(45, 90);
    const sea = r.chance(0.85);
    const balanceDue = r.chance(0.6) ? 'Against B/L copy' : r.chance(0.75) ? 'Before shipment' : 'After PSI pass';
    const slip = r.chance(0.6) ? 0 : r.chance(0.55) ? r.int(1, 5) : r.chance(0.72) ? r.int(6, 20) : r.int(25, 45);
    // A stalled PO stops at one milestone: everything from there on stays open (late once its date passes).
    const stuckAt = r.chance(0.07) ? r.int(0, PLAN.length - 1) : PLAN.length;
    const cancelled = r.chance(0.02);
    const facts: PoFacts = {
      id, n, number: `PO-${String(100000 + n)}`, project: rid('PRJ', projectIndex), supplier: rid('SUP', r.int(0, scale.suppliers - 1)),
      client: rid('CLI', projectIndex % scale.clients), status: '', open: true, quantity: 0, lineItems: [], sea, milestones: new Map(),
      level, aqls,
    };

    const baseline = new Map<MilestoneKind, number>();
    for (const [kind, share] of PLAN) baseline.set(kind, order + Math.round(share * lead));
    baseline.set('ETA', baseline.get('ETD')! + (sea ? 32 : 6));
    const term = balanceDue === 'Against B/L copy' ? 'ETD' : balanceDue === 'Before shipment' ? 'Cargo ready' : 'PSI';
    baseline.set('Balance paid', baseline.get(term)! + (term === 'Cargo ready' ? -2 : 3));
    const M = milestones.fields;
    PLAN.forEach(([kind, share], k) => {
      const mid = rid('MIL', n * PLAN.length + k);
      const base = baseline.get(kind)!;
      const planned = base + Math.round(slip * Math.min(1, share / 0.5));
      // Now and then an actual date is simply not entered: a lone late milestone.
      const done = !cancelled && k < stuckAt && planned < TODAY_N && !r.chance(0.02) ? Math.min(TODAY_N, planned + r.int(-1, 1)) : undefined;
      const undated = done === undefined && r.chance(0.01);
      const fields: Fields = { [M.milestone]: `${facts.number} · ${kind}`, [M.po]: [id], [M.kind]: kind };
      if (!undated) fields[M.baselineDate] = iso(base);
      if (!undated && !r.chance(0.02)) fields[M.plannedDate] = iso(planned);
      if (done !== undefined) fields[M.actualDate] = iso(done);
      const role = kind.endsWith('paid') ? 'Finance' : kind === 'IPI' || kind === 'DUPRO' || kind === 'PSI' ? 'QA' : share >= 0.95 ? 'Logistics' : 'Sourcing';
      if (r.chance(0.9)) fields[M.owner] = [person(role)];
      if (kind === 'Production complete' && done === undefined && r.chance(0.4)) fields[M.progress] = r.int(0, 95) / 100;
      // Yesterday's status, as the last run wrote it.
      const due = undated ? undefined : fields[M.plannedDate] === undefined ? base : planned;
      fields[M.status] = done !== undefined ? 'Done' : due !== undefined && due < TODAY_N - 1 ? 'Late' : 'Planned';
      t.milestones.push(row(mid, fields));
      facts.milestones.set(kind, { id: mid, due, done });
    });

    facts.status = statusOf(facts, order, cancelled, r);
    facts.open = facts.status !== 'Closed' && facts.status !== 'Cancelled';

    const O = purchaseOrders.fields;
    const fields: Fields = {
      [O.poNumber]: facts.number,
      [O.project]: [facts.project],
      [O.supplier]: [facts.supplier],
      [O.status]: facts.status,
      [O.incoterm]: 'FOB',
      [O.namedPlace]: r.chance(0.99) ? 'Ningbo' : '',
      [O.paymentTerms]: `T/T 30% deposit, 70% ${balanceDue.toLowerCase()}`,
      [O.balanceDue]: balanceDue,
      [O.leadTimeDays]: lead,
      [O.orderDate]: iso(order),
      [O.shipBy]: iso(baseline.get('ETD')! + r.int(0, 10)),
      [O.shippingMode]: sea ? 'Sea' : 'Air',
      [O.contractSigned]: r.chance(0.98),
      [O.specsAndDrawings]: SPECS,
      [O.packagingInstructions]: 'Gift box, 12 per carton',
      [O.inspectionProtocol]: r.chance(0.97) ? 'PSI at 80 % packed' : '',
      [O.defectAndPenaltyClauses]: 'Rework at the factory cost; 1 % per day late',
    };
    if (r.chance(0.2)) fields[O.standbySupplier] = [rid('SUP', r.int(0, scale.suppliers - 1))];
    t.purchaseOrders.push(row(id, fields));

    for (let l = 0; l < 2; l += 1) {
      const lid = rid('LIN', n * 2 + l);
      const quantity = r.int(5, 60) * 100;
      facts.quantity += quantity;
      facts.lineItems.push(lid);
      const L = lineItems.fields;
      t.lineItems.push(row(lid, { [L.sku]: `SKU-${n}-${l}`, [L.po]: [id], [L.quantity]: quantity, [L.unitsPerCarton]: 12 }));
    }
    pos.push(facts);
  }

  addInspections(t, pos, r, scale.suppliers);
  addLogistics(t, pos, r);
  addUpdates(t, pos, r);
  addCalendar(t, r, scale);
  addYesterdaysAlerts(t, pos, r);
  return t;
}

/** Where the PO's kanban card sits, read off its schedule: the last milestone done. */
function statusOf(po: PoFacts, order: number, cancelled: boolean, r: Rng): string {
  if (cancelled) return 'Cancelled';
  if (order > TODAY_N) return r.pick(['RFQ', 'Quoted', 'Negotiating']);
  const done = (kind: MilestoneKind) => po.milestones.get(kind)!.done;
  const eta = done('ETA');
  if (eta !== undefined) return eta + 45 < TODAY_N && r.chance(0.7) ? 'Closed' : 'Delivered';
  if (done('ETD') !== undefined) return 'Shipped';
  if (done('PSI') !== undefined || done('Cargo ready') !== undefined) return 'Ready to ship';
  if (done('Production complete') !== undefined) return 'Inspection';
  if (done('Production start') !== undefined) return 'In production';
  return 'PO placed';
}

/** Shipments for POs that are ready or gone (two POs per booking), their lines and export documents. */
function addLogistics(t: RawTables, pos: readonly PoFacts[], r: Rng): void {
  const shipping = pos.filter((p) => ['Ready to ship', 'Shipped', 'Delivered', 'Closed'].includes(p.status) || (p.status === 'Inspection' && r.chance(0.3)));
  let lineN = 0;
  let docN = 0;
  for (let i = 0; i < shipping.length; i += 2) {
    const group = shipping.slice(i, i + 2);
    const first = group[0]!;
    const sid = rid('SHP', i / 2);
    const etd = first.milestones.get('ETD')!;
    const eta = first.milestones.get('ETA')!;
    const mode = first.sea ? (r.chance(0.7) ? 'Sea FCL' : 'Sea LCL') : 'Air';
    const S = shipments.fields;
    const fields: Fields = { [S.bookingRef]: `BK-${String(i / 2).padStart(6, '0')}`, [S.client]: [first.client], [S.mode]: mode };
    if (etd.due !== undefined) fields[S.etd] = iso(etd.due);
    if (etd.done !== undefined) fields[S.atd] = iso(etd.done);
    if (eta.done !== undefined) fields[S.ata] = iso(eta.done);
    t.shipments.push(row(sid, fields));
    for (const po of group) {
      for (const li of po.lineItems) {
        const SL = shipmentLines.fields;
        t.shipmentLines.push(row(rid('SHL', lineN), { [SL.line]: `Line ${lineN}`, [SL.shipment]: [sid], [SL.lineItem]: [li], [SL.quantity]: 100 }));
        lineN += 1;
      }
    }
    const kinds = mode === 'Air' ? ['Commercial invoice', 'Packing list'] : ['Commercial invoice', 'Packing list', 'B/L draft'];
    const skip = r.chance(0.15) ? r.pick(kinds) : undefined;
    for (const kind of kinds) {
      if (kind === skip) continue;
      const D = documents.fields;
      t.documents.push(row(rid('DOC', docN), { [D.name]: `${kind} ${sid}`, [D.kind]: kind, [D.shipment]: [sid], [D.po]: [first.id], [D.version]: 1 }));
      docN += 1;
    }
  }
  // Production schedules sent to clients: documents that no shipment rule looks at.
  for (const po of pos) {
    if (!po.open || !r.chance(0.5)) continue;
    const D = documents.fields;
    t.documents.push(row(rid('DOC', docN), { [D.name]: `Schedule ${po.number}`, [D.kind]: 'Production schedule', [D.po]: [po.id], [D.project]: [po.project] }));
    docN += 1;
  }
}

/** Weekly updates from production start; one PO in ten went quiet a few weeks ago. */
function addUpdates(t: RawTables, pos: readonly PoFacts[], r: Rng): void {
  let n = 0;
  for (const po of pos) {
    const start = po.milestones.get('Production start')!.done;
    if (start === undefined || !po.open) continue;
    const end = po.milestones.get('Production complete')!.done ?? TODAY_N;
    const quietFrom = r.chance(0.1) ? TODAY_N - r.int(8, 30) : TODAY_N;
    for (let day = start + r.int(1, 6); day <= Math.min(end, quietFrom); day += 7) {
      const U = updates.fields;
      t.updates.push(row(rid('UPD', n), { [U.update]: `${po.number} · week update`, [U.po]: [po.id], [U.date]: iso(day), [U.source]: r.chance(0.7) ? 'Agent' : 'Supplier portal' }));
      n += 1;
    }
  }
}

/** Generated CN holiday rows (with a Key, as the calendar job writes them) and manual closures, blackouts and peaks. */
function addCalendar(t: RawTables, r: Rng, scale: BenchScale): void {
  const C = calendar.fields;
  let n = 0;
  const add = (fields: Fields) => t.calendar.push(row(rid('CAL', n++), fields));
  for (const [key, name, start, end] of [
    ['2026:spring-festival', 'Spring Festival', '2026-02-15', '2026-02-23'],
    ['2026:labour-day', 'Labour Day', '2026-05-01', '2026-05-05'],
    ['2026:national-day', 'National Day', '2026-10-01', '2026-10-07'],
    ['2027:spring-festival', 'Spring Festival', '2027-02-05', '2027-02-12'],
  ] as const) {
    add({ [C.name]: name, [C.kind]: 'Public holiday CN', [C.start]: start, [C.end]: end, [C.source]: 'Generated', [C.key]: `cn-holiday:${key}` });
  }
  for (let i = 0; i < 300; i += 1) {
    const kind = i < 150 ? 'Factory closure' : i < 190 ? 'Maintenance' : i < 230 ? 'Shipping blackout' : 'Client peak';
    const start = TODAY_N + r.int(-30, 180);
    const fields: Fields = { [C.name]: `${kind} ${i}`, [C.kind]: kind, [C.start]: iso(start), [C.end]: iso(start + r.int(2, 12)), [C.source]: 'Manual' };
    if (kind === 'Factory closure' || kind === 'Maintenance') fields[C.supplier] = [rid('SUP', r.int(0, scale.suppliers - 1))];
    if (kind === 'Shipping blackout' && r.chance(0.5)) fields[C.supplier] = [rid('SUP', r.int(0, scale.suppliers - 1))];
    if (kind === 'Client peak') fields[C.client] = [rid('CLI', r.int(0, scale.clients - 1))];
    add(fields);
  }
}

/**
 * The Alerts table as yesterday's run would have left it: late milestones (with yesterday's wording), failed
 * inspections, some acknowledged or snoozed, conditions that have cleared since (to be resolved), old Resolved
 * rows, and rows written under an older key format (to be adopted).
 */
function addYesterdaysAlerts(t: RawTables, pos: readonly PoFacts[], r: Rng): void {
  const A = alerts.fields;
  const yesterday = `${iso(TODAY_N - 1)}T09:00:00.000Z`;
  let n = 0;
  const add = (key: string, rule: string, links: Fields, status: string, extra: Fields = {}) =>
    t.alerts.push(
      row(rid('ALR', n++), {
        [A.key]: key, [A.rule]: rule, [A.severity]: r.pick(['Info', 'Warning', 'Critical']), [A.message]: 'As of yesterday.',
        [A.firstSeen]: `${iso(TODAY_N - r.int(1, 40))}T09:00:00.000Z`, [A.lastSeen]: yesterday, [A.status]: status, ...links, ...extra,
      }),
    );
  for (const po of pos) {
    if (!po.open) continue;
    for (const m of po.milestones.values()) {
      const links = { [A.po]: [po.id], [A.milestone]: [m.id], [A.project]: [po.project], [A.supplier]: [po.supplier] };
      if (m.done === undefined && m.due !== undefined && m.due < TODAY_N - 1) {
        const roll = r.next();
        if (roll < 0.03) add(`late:${m.id}`, 'late-milestone', links, 'Open');
        else if (roll < 0.08) add(`late-milestone:${m.id}`, 'late-milestone', links, 'Acknowledged');
        else if (roll < 0.1) add(`late-milestone:${m.id}`, 'late-milestone', links, 'Snoozed', { [A.snoozedUntil]: `${iso(TODAY_N + r.int(-3, 3))}T00:00:00.000Z` });
        else if (roll < 0.9) add(`late-milestone:${m.id}`, 'late-milestone', links, 'Open');
      } else if (m.done !== undefined && m.done >= TODAY_N - 3) {
        // Done since yesterday's run: its late alert clears.
        if (r.chance(0.5)) add(`late-milestone:${m.id}`, 'late-milestone', links, 'Open');
      } else if (m.done !== undefined && r.chance(0.01)) {
        add(`late-milestone:${m.id}`, 'late-milestone', links, 'Resolved');
      }
    }
  }
}

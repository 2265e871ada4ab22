/**
 * The sample agency must look like a real agency's base and stay internally consistent, so that every job (sync,
 * checks, documents, planner) has realistic cases to work on right after `sourcing setup`.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendar } from '../../../src/domain/models/calendar-entry.ts';
import { clients } from '../../../src/domain/models/client.ts';
import { inspections } from '../../../src/domain/models/inspection.ts';
import { lineItems } from '../../../src/domain/models/line-item.ts';
import { milestones } from '../../../src/domain/models/milestone.ts';
import { parseRecords, type TableModel, type ModelRecord } from '../../../src/domain/models/parse-records.ts';
import { people } from '../../../src/domain/models/person.ts';
import { PHASES, projects } from '../../../src/domain/models/project.ts';
import { PO_STATUSES, purchaseOrders } from '../../../src/domain/models/purchase-order.ts';
import { shipmentLines } from '../../../src/domain/models/shipment-line.ts';
import { shipments } from '../../../src/domain/models/shipment.ts';
import { suppliers } from '../../../src/domain/models/supplier.ts';
import { sampleAsAirtableRecords } from '../sample-records.ts';

const TODAY = '2026-03-02';
const { records } = sampleAsAirtableRecords(TODAY);
function load<M extends TableModel>(model: M): ModelRecord<M>[] {
  const result = parseRecords(model, records.get(model.table) ?? []);
  expect(result.problems).toEqual([]);
  return result.records;
}
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const daysFromToday = (date: string) => DateTime.fromISO(date).diff(DateTime.fromISO(TODAY), 'days').days;

const allPeople = load(people);
const allClients = load(clients);
const allSuppliers = load(suppliers);
const allProjects = load(projects);
const pos = load(purchaseOrders);
const lines = load(lineItems);
const allMilestones = load(milestones);
const allInspections = load(inspections);
const allShipments = load(shipments);
const allShipmentLines = load(shipmentLines);
const poById = byId(pos);
const lineById = byId(lines);

const RESERVED = /@([a-z0-9-]+\.)*(example\.com|example\.de|example\.com\.au|[a-z0-9-]+\.example)$/;

describe('who is in the sample agency', () => {
  it('has a US, a German and an Australian client, all on reserved mail domains', () => {
    expect(allClients.map((c) => c.country).sort()).toEqual(['Australia', 'Germany', 'United States']);
    expect(allClients.map((c) => c.timeZone).sort()).toEqual(['America/New_York', 'Australia/Melbourne', 'Europe/Berlin']);
    const addresses = [...allClients.flatMap((c) => [...c.contactEmails, ...c.portalEmails]), ...allPeople.map((p) => p.email), ...allSuppliers.map((s) => s.email)];
    for (const address of addresses) expect(address).toMatch(RESERVED);
  });

  it('has agents in Shanghai, Berlin and New York with working hours, and a manager over them', () => {
    const agents = allPeople.filter((p) => p.role === 'Sourcing');
    expect(new Set(agents.map((p) => p.timeZone))).toEqual(new Set(['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']));
    const manager = allPeople.find((p) => p.role === 'Manager')!;
    for (const p of allPeople) {
      expect(p.workingHoursStart! < p.workingHoursEnd!, p.name).toBe(true);
      if (p !== manager) expect(p.manager, p.name).toBe(manager.id);
    }
  });

  it('has eight factories in real clusters, bilingual, with one Standby, one Candidate and one certificate about to expire', () => {
    expect(allSuppliers).toHaveLength(8);
    for (const cluster of ['Ningbo', 'Shenzhen', 'Dongguan', 'Yiwu', 'Foshan']) {
      expect(allSuppliers.some((s) => s.cityCluster?.startsWith(cluster)), cluster).toBe(true);
    }
    for (const s of allSuppliers) expect(s.nameZh, s.name).toMatch(/[\u4e00-\u9fff]/);
    expect(allSuppliers.filter((s) => s.status === 'Standby')).toHaveLength(1);
    expect(allSuppliers.filter((s) => s.status === 'Candidate')).toHaveLength(1);
    const expiring = allSuppliers.filter((s) => s.certificationExpiry && daysFromToday(s.certificationExpiry) >= 0 && daysFromToday(s.certificationExpiry) <= 30);
    expect(expiring.map((s) => s.name)).toEqual(['Shenzhen Guangyao Lighting Technology Co., Ltd.']);
  });
});

describe('projects and purchase orders', () => {
  it('has a project in every phase and lessons learned on the closed one', () => {
    expect(new Set(allProjects.map((p) => p.phase))).toEqual(new Set(PHASES));
    expect(allProjects.find((p) => p.phase === 'Closed')?.lessonsLearned).toBeTruthy();
  });

  it('has twelve POs covering every status, one of them cancelled', () => {
    expect(pos).toHaveLength(12);
    expect(new Set(pos.map((p) => p.status))).toEqual(new Set(PO_STATUSES));
    expect(pos.filter((p) => p.status === 'Cancelled')).toHaveLength(1);
  });

  it('always names the place with the Incoterm', () => {
    for (const po of pos) if (po.incoterm) expect(po.namedPlace, po.poNumber).toBeTruthy();
  });
});

describe('line items and cartons', () => {
  it('packs whole cartons, with gross weight over net weight and real HS codes', () => {
    for (const l of lines) {
      expect(l.hsCode, l.sku).toMatch(/^(8516|9405|9505|4419|4202|9403|9401)\d{2}$/);
      if (l.quantity === undefined || l.unitsPerCarton === undefined) continue;
      expect(l.quantity % l.unitsPerCarton, l.sku).toBe(0);
      if (l.grossKgPerCarton !== undefined) expect(l.grossKgPerCarton, l.sku).toBeGreaterThan(l.netKgPerCarton ?? 0);
    }
  });

  it('never ships more than ordered, and ships shipped POs in full', () => {
    const shipped = new Map<string, number>();
    for (const sl of allShipmentLines) {
      const line = lineById.get(sl.lineItem)!;
      expect(sl.cartons! * line.unitsPerCarton!, sl.line).toBe(sl.quantity);
      shipped.set(line.id, (shipped.get(line.id) ?? 0) + sl.quantity);
    }
    for (const l of lines) {
      const po = poById.get(l.po)!;
      const qty = shipped.get(l.id) ?? 0;
      expect(qty, l.sku).toBeLessThanOrEqual(l.quantity ?? 0);
      if (['Shipped', 'Delivered', 'Closed'].includes(po.status)) expect(qty, l.sku).toBe(l.quantity);
    }
  });

  it('splits one PO into an air and a sea shipment', () => {
    const modesByPo = new Map<string, Set<string>>();
    for (const sl of allShipmentLines) {
      const po = lineById.get(sl.lineItem)!.po;
      const mode = allShipments.find((s) => s.id === sl.shipment)!.mode!;
      modesByPo.set(po, (modesByPo.get(po) ?? new Set()).add(mode));
    }
    const split = [...modesByPo].filter(([, modes]) => modes.has('Air') && modes.has('Sea FCL'));
    expect(split.map(([po]) => poById.get(po)?.poNumber)).toEqual(['PO-2406']);
    expect(poById.get(split[0]![0])?.shippingMode).toBe('Sea + Air split');
  });
});

describe('shipments', () => {
  const posOf = (shipmentId: string) => [...new Set(allShipmentLines.filter((sl) => sl.shipment === shipmentId).map((sl) => lineById.get(sl.lineItem)!.po))].map((id) => poById.get(id)!);

  it('agree with their POs on client, currency, ports and freight term', () => {
    for (const s of allShipments) {
      for (const po of posOf(s.id)) {
        const project = allProjects.find((p) => p.id === po.project)!;
        expect(s.client, s.bookingRef).toBe(project.client);
        expect(s.currency, s.bookingRef).toBe(po.currency);
        if (s.mode !== 'Air') expect([s.portOfLoading, s.portOfDischarge], s.bookingRef).toEqual([po.portOfLoading, po.portOfDischarge]);
        const prepaid = ['CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'CFR', 'CIF'].includes(po.incoterm!);
        expect(s.freightTerm, s.bookingRef).toBe(prepaid ? 'Prepaid' : 'Collect');
        if (po.incoterm === 'CIF' || po.incoterm === 'CIP') expect(s.insuranceCharge, s.bookingRef).toBeGreaterThan(0);
      }
    }
  });

  it('carry container numbers with a valid ISO 6346 check digit', () => {
    const numbers = allShipments.flatMap((s) => (s.containerNumber ? [s.containerNumber] : []));
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    expect([iso6346CheckDigit('CSQU305438'), iso6346CheckDigit('MWCU605978')]).toEqual([3, 4]); // published test vectors
    for (const n of numbers) expect(iso6346CheckDigit(n.slice(0, 10)), n).toBe(Number(n[10]));
  });

  it('fit the container: cartons by volume', () => {
    const capacity: Record<string, number> = { '20GP': 28, '40GP': 58, '40HC': 68 };
    for (const s of allShipments.filter((x) => x.containerType)) {
      const cbm = allShipmentLines
        .filter((sl) => sl.shipment === s.id)
        .reduce((sum, sl) => {
          const l = lineById.get(sl.lineItem)!;
          return sum + ((l.cartonLengthCm! * l.cartonWidthCm! * l.cartonHeightCm!) / 1e6) * sl.cartons!;
        }, 0);
      expect(cbm, s.bookingRef).toBeLessThanOrEqual(capacity[s.containerType!]!);
    }
  });
});

describe('schedule and quality situations the checks must find', () => {
  it('has late milestones (planned date passed, no actual) and slips against the baseline', () => {
    const late = allMilestones.filter((m) => m.plannedDate && daysFromToday(m.plannedDate) < 0 && !m.actualDate).map((m) => m.milestone);
    expect(late).toEqual(expect.arrayContaining(['PO-2405 · Materials ready', 'PO-2406 · Balance paid', 'PO-2409 · PSI']));
    expect(allMilestones.filter((m) => m.baselineDate !== m.plannedDate).length).toBeGreaterThanOrEqual(10);
    expect(allMilestones.filter((m) => m.actualDate).length).toBeGreaterThanOrEqual(20);
  });

  it('has a failed DUPRO that nobody re-inspected', () => {
    const failed = allInspections.filter((i) => i.type === 'DUPRO' && i.result === 'Fail');
    expect(failed).toHaveLength(1);
    expect(allInspections.some((i) => i.reinspectionOf === failed[0]!.id)).toBe(false);
  });

  it('has a booked PO without any PSI', () => {
    const booked = new Set(allShipmentLines.map((sl) => lineById.get(sl.lineItem)!.po));
    const withoutPsi = pos.filter((p) => booked.has(p.id) && !allInspections.some((i) => i.po === p.id && i.type === 'PSI'));
    expect(withoutPsi.map((p) => `${p.poNumber} ${p.status}`)).toEqual(['PO-2409 Ready to ship']);
  });

  it('has passed PSIs with AQL 0 / 2.5 / 4.0 whose results follow their accept numbers', () => {
    const passed = allInspections.filter((i) => i.type === 'PSI' && i.result === 'Pass');
    expect(passed.length).toBeGreaterThanOrEqual(3);
    for (const i of passed) expect([i.aqlCritical, i.aqlMajor, i.aqlMinor], i.inspection).toEqual([0, 2.5, 4]);
    for (const i of allInspections.filter((x) => x.result === 'Pass' || x.result === 'Fail')) {
      for (const [ac, re] of [[i.acceptCritical, i.rejectCritical], [i.acceptMajor, i.rejectMajor], [i.acceptMinor, i.rejectMinor]]) expect(re, i.inspection).toBe(ac! + 1);
      const pass = i.criticalFound! <= i.acceptCritical! && i.majorFound! <= i.acceptMajor! && i.minorFound! <= i.acceptMinor!;
      expect(i.result, i.inspection).toBe(pass ? 'Pass' : 'Fail');
    }
    const reinspection = allInspections.find((i) => i.reinspectionOf);
    expect(allInspections.find((i) => i.id === reinspection?.reinspectionOf)?.result).toBe('Fail');
  });

  it('has manual calendar rows for a factory maintenance and a shipping blackout', () => {
    const rows = load(calendar);
    expect(rows.filter((r) => r.source === 'Manual').map((r) => r.kind)).toEqual(expect.arrayContaining(['Maintenance', 'Shipping blackout']));
    for (const r of rows) if (r.end) expect(r.end >= r.start, r.name).toBe(true);
  });
});

/** ISO 6346: letters A=10 … Z=38 skipping multiples of 11, weights 2^i, sum mod 11, 10 → 0. */
function iso6346CheckDigit(code: string): number {
  const values = new Map<string, number>();
  let v = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v += 1;
    values.set(letter, v);
    v += 1;
  }
  const sum = [...code].reduce((acc, ch, i) => acc + (values.get(ch) ?? Number(ch)) * 2 ** i, 0);
  return (sum % 11) % 10;
}

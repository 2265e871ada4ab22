/**
 * Test helper: a small agency written in Airtable field names (as the API returns them), parsed by the real
 * models into a snapshot. `baseWorld()` is one healthy PO in production that no rule flags; each rule's table
 * of cases patches it into the situation under test.
 */
import { expect } from 'vitest';
import { addDays } from '../../../src/domain/calendar/iso-date.ts';
import type { CheckClock, Finding } from '../../../src/domain/checks/finding.ts';
import { resolveCheckSettings, type CheckSettings } from '../../../src/domain/checks/settings.ts';
import { buildSnapshot, type ParsedTables, type WorkspaceSnapshot } from '../../../src/domain/checks/snapshot.ts';
import { alerts } from '../../../src/domain/models/alert.ts';
import { calendar } from '../../../src/domain/models/calendar-entry.ts';
import { clients } from '../../../src/domain/models/client.ts';
import { documents } from '../../../src/domain/models/document.ts';
import { inspections } from '../../../src/domain/models/inspection.ts';
import { lineItems } from '../../../src/domain/models/line-item.ts';
import { milestones } from '../../../src/domain/models/milestone.ts';
import { parseRecords, type TableModel } from '../../../src/domain/models/parse-records.ts';
import { people } from '../../../src/domain/models/person.ts';
import { projects } from '../../../src/domain/models/project.ts';
import { purchaseOrders } from '../../../src/domain/models/purchase-order.ts';
import { shipmentLines } from '../../../src/domain/models/shipment-line.ts';
import { shipments } from '../../../src/domain/models/shipment.ts';
import { supplierEvaluations } from '../../../src/domain/models/supplier-evaluation.ts';
import { suppliers } from '../../../src/domain/models/supplier.ts';
import { updates } from '../../../src/domain/models/update.ts';

/** A Wednesday in June 2026: away from CNY, Labour Day and National Day. */
export const TODAY = '2026-06-10';
export const CLOCK: CheckClock = { today: TODAY, now: new Date(`${TODAY}T09:00:00.000Z`) };
export const SETTINGS: CheckSettings = resolveCheckSettings({});

/** "today+3" style offsets. */
export const day = (offset: number) => addDays(TODAY, offset);

/** A valid Airtable record ID made from a short ref: rid('po1') → "recpo10000000000". */
export const rid = (ref: string) => `rec${ref.replace(/[^A-Za-z0-9]/g, '').padEnd(14, '0').slice(0, 14)}`;
export const link = (...refs: string[]) => refs.map(rid);

type Fields = Record<string, unknown>;

const MODELS: Record<keyof ParsedTables, TableModel> = {
  people, clients, projects, suppliers, supplierEvaluations, purchaseOrders, lineItems, milestones, inspections,
  shipments, shipmentLines, documents, updates, calendar, alerts,
};
export type TableKey = keyof ParsedTables;

export class World {
  readonly rows = new Map<TableKey, Map<string, Fields>>();

  put(table: TableKey, ref: string, fields: Fields): this {
    const rows = this.rows.get(table) ?? new Map<string, Fields>();
    rows.set(ref, { ...fields });
    this.rows.set(table, rows);
    return this;
  }

  /** Merges fields into a row; `undefined` empties a field. */
  patch(table: TableKey, ref: string, fields: Fields): this {
    const row = this.rows.get(table)?.get(ref);
    if (!row) throw new Error(`no ${table} row ${ref}`);
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) delete row[name];
      else row[name] = value;
    }
    return this;
  }

  drop(table: TableKey, ref: string): this {
    this.rows.get(table)?.delete(ref);
    return this;
  }

  /** Every table parsed by its model; a problem fails the test (fixtures must be valid). */
  tables(): ParsedTables {
    const out = {} as Record<TableKey, unknown[]>;
    for (const key of Object.keys(MODELS) as TableKey[]) {
      const raw = [...(this.rows.get(key) ?? new Map<string, Fields>())].map(([ref, fields]) => ({
        id: rid(ref),
        createdTime: '2026-01-01T00:00:00.000Z',
        fields,
      }));
      const parsed = parseRecords(MODELS[key], raw);
      expect(parsed.problems.map(String)).toEqual([]);
      out[key] = parsed.records;
    }
    return out as unknown as ParsedTables;
  }

  snapshot(): WorkspaceSnapshot {
    return buildSnapshot(this.tables());
  }
}

const SPECS = [{ id: 'attSpecs000000001', url: 'https://example.com/specs.pdf', filename: 'specs.pdf' }];

/** Milestones of po1, all on baseline: done up to production start, the rest ahead. */
export const PO1_MILESTONES: [ref: string, kind: string, offset: number, done: boolean, owner: string][] = [
  ['ms-deposit', 'Deposit paid', -28, true, 'p-fin'],
  ['ms-sample', 'Sample approval', -20, true, 'p-agent'],
  ['ms-materials', 'Materials ready', -12, true, 'p-agent'],
  ['ms-ipi', 'IPI', -10, true, 'p-qa'],
  ['ms-start', 'Production start', -9, true, 'p-agent'],
  ['ms-dupro', 'DUPRO', 2, false, 'p-qa'],
  ['ms-booking', 'Booking', 10, false, 'p-log'],
  ['ms-complete', 'Production complete', 18, false, 'p-agent'],
  ['ms-psi', 'PSI', 20, false, 'p-qa'],
  ['ms-cargo', 'Cargo ready', 22, false, 'p-log'],
  ['ms-etd', 'ETD', 28, false, 'p-log'],
  ['ms-eta', 'ETA', 58, false, 'p-log'],
  ['ms-balance', 'Balance paid', 31, false, 'p-fin'],
];

/** One healthy PO in production (PO-1001 at Ningbo Test Factory for an Australian client): no rule fires. */
export function baseWorld(): World {
  const w = new World();
  const person = (ref: string, name: string, role: string) =>
    w.put('people', ref, { Name: name, Role: role, 'Time zone': 'Asia/Shanghai', Active: true });
  person('p-agent', 'Ada Agent', 'Sourcing');
  person('p-qa', 'Quinn QA', 'QA');
  person('p-log', 'Lou Logistics', 'Logistics');
  person('p-fin', 'Fay Finance', 'Finance');
  w.put('clients', 'c1', { Name: 'Outback Goods', Country: 'Australia', 'Time zone': 'Australia/Melbourne' });
  w.put('suppliers', 's1', {
    Name: 'Ningbo Test Factory Co., Ltd.',
    Status: 'Approved',
    'Audit status': 'Passed',
    'Last audit date': day(-100),
    Certifications: ['BSCI', 'ISO 9001'],
    'Certification expiry': day(400),
    'Monthly capacity': 20000,
  });
  w.put('projects', 'prj1', {
    Project: 'Outback · Camp lantern',
    Client: link('c1'),
    Phase: 'Production',
    Agent: link('p-agent'),
    'Buffer %': 0.12,
    'Target lead time days': 60,
    'Target delivery date': day(70),
    'Certifications required': ['BSCI'],
    'AQL critical': '0',
    'AQL major': '2.5',
    'AQL minor': '4.0',
    'Inspection level': 'II',
  });
  w.put('purchaseOrders', 'po1', {
    'PO number': 'PO-1001',
    Project: link('prj1'),
    Supplier: link('s1'),
    Status: 'In production',
    Incoterm: 'FOB',
    'Named place': 'Ningbo',
    'Payment terms': 'T/T 30% deposit, 70% against B/L copy',
    'Balance due': 'Against B/L copy',
    'Lead time days': 60,
    'Order date': day(-30),
    'Ship-by date': day(30),
    'Shipping mode': 'Sea',
    'Contract signed': true,
    'Specs & drawings': SPECS,
    'Packaging instructions': 'Gift box, 12 per carton',
    'Inspection protocol': 'PSI at 80 % packed, AQL 0/2.5/4.0',
    'Defect & penalty clauses': 'Rework at the factory cost; 1 % per day late',
  });
  w.put('lineItems', 'li1', { SKU: 'LANT-01', PO: link('po1'), Quantity: 3000, 'Units per carton': 12 });
  for (const [ref, kind, offset, done, owner] of PO1_MILESTONES) {
    w.put('milestones', ref, {
      Milestone: `PO-1001 · ${kind}`,
      PO: link('po1'),
      Kind: kind,
      'Baseline date': day(offset),
      'Planned date': day(offset),
      ...(done ? { 'Actual date': day(offset) } : {}),
      Owner: link(owner),
    });
  }
  w.put('inspections', 'in-ipi', {
    Inspection: 'PO-1001 · IPI',
    PO: link('po1'),
    Type: 'IPI',
    'Scheduled date': day(-10),
    'Inspection date': day(-10),
    Result: 'Pass',
  });
  w.put('inspections', 'in-dupro', { Inspection: 'PO-1001 · DUPRO', PO: link('po1'), Type: 'DUPRO', 'Scheduled date': day(2), 'Lot size': 3000, Result: 'Pending' });
  w.put('updates', 'up1', { Update: 'PO-1001 · Weekly update', PO: link('po1'), Date: day(-3), Source: 'Agent' });
  return w;
}

/** A PSI of po1 with a given result (numbers for lot 3,000 at level II, AQL 0 / 2.5 / 4.0). */
export function psi(w: World, ref: string, result: string, extra: Fields = {}): World {
  return w.put('inspections', ref, {
    Inspection: `PO-1001 · PSI ${ref}`,
    PO: link('po1'),
    Type: 'PSI',
    'Scheduled date': day(-1),
    'Inspection date': day(-1),
    'Lot size': 3000,
    'Inspection level': 'II',
    'Sample size': 125,
    'Accept critical': 0,
    'Reject critical': 1,
    'Accept major': 7,
    'Reject major': 8,
    'Accept minor': 10,
    'Reject minor': 11,
    Result: result,
    ...extra,
  });
}

/** A booked sea shipment carrying all of li1. */
export function shipment(w: World, ref: string, fields: Fields = {}): World {
  w.put('shipments', ref, { 'Booking ref': `BK-${ref}`, Mode: 'Sea FCL', ETD: day(4), ...fields });
  return w.put('shipmentLines', `sl-${ref}`, { Line: `BK-${ref} · LANT-01`, Shipment: link(ref), 'Line item': link('li1'), Quantity: 3000 });
}

export interface Expected {
  severity: Finding['severity'];
  /** Substrings the message must contain (record names, dates, what to do). */
  says: string[];
  /** Refs of the records in the key. */
  subject?: string[];
  owner?: string;
}

/** Asserts the rule found exactly the expected findings (none when `expected` is empty). */
export function expectFindings(found: Finding[], expected: Expected[]): void {
  expect(found.map((f) => `${f.severity}: ${f.message}`)).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    const f = found[i]!;
    expect(f.severity, f.message).toBe(e.severity);
    for (const text of e.says) expect(f.message).toContain(text);
    if (e.subject) expect(f.key).toBe(`${f.rule}:${e.subject.map(rid).join('+')}`);
    if (e.owner) expect(f.owner).toBe(rid(e.owner));
  });
}

/**
 * po1 with a lane (Ningbo → Los Angeles) and a lead time its entered dates agree with (14 days → 10 days of
 * output, a 2-day buffer), so the checks plan it on the schedule network instead of reading its rows alone.
 */
export function plannable(w: World): World {
  return w.patch('purchaseOrders', 'po1', { 'Port of loading': 'Ningbo', 'Port of discharge': 'Los Angeles, CA', 'Lead time days': 14 });
}

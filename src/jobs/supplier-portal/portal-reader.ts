/**
 * Reads what the supplier portal shows, for one supplier: its POs (filtered by the Supplier link in the formula
 * AND by record ID in code, so a supplier whose name another shares never sees the other's POs), then the line
 * items, milestones and inspections of those POs only. Suppliers and the agency row change rarely and every
 * request needs them (to check the link), so they are kept for a minute.
 */
import { localDateOf } from '../../domain/calendar/working-hours.ts';
import { agency as agencyModel, type AgencyRecord } from '../../domain/models/agency.ts';
import { inspections } from '../../domain/models/inspection.ts';
import { lineItems } from '../../domain/models/line-item.ts';
import { milestones } from '../../domain/models/milestone.ts';
import { parseRecords } from '../../domain/models/parse-records.ts';
import { purchaseOrders } from '../../domain/models/purchase-order.ts';
import { suppliers as supplierModel, type Supplier } from '../../domain/models/supplier.ts';
import { factoryHours } from '../../domain/supplier-portal/plan-prompts.ts';
import { DEFAULT_PROMPT_DAYS, supplierPos, type PoView } from '../../domain/supplier-portal/supplier-view.ts';
import type { AirtableRecordsPort } from '../../ports/airtable.ts';

const CACHE_MS = 60_000;
const CHUNK = 40;

export interface Directory {
  suppliers: Supplier[];
  agency: AgencyRecord | undefined;
  problems: string[];
}

/** Suppliers + agency row, cached per records port for a minute (a bumped key version applies within a minute). */
export class PortalDirectory {
  private cached: { at: number; value: Promise<Directory> } | undefined;

  constructor(
    private readonly records: AirtableRecordsPort,
    private readonly clock: () => Date,
    private readonly cacheMs: number = CACHE_MS,
  ) {}

  get(fresh = false): Promise<Directory> {
    const now = this.clock().getTime();
    if (!fresh && this.cached && now - this.cached.at < this.cacheMs) return this.cached.value;
    const value = readDirectory(this.records);
    value.catch(() => (this.cached = undefined));
    this.cached = { at: now, value };
    return value;
  }
}

export async function readDirectory(records: AirtableRecordsPort): Promise<Directory> {
  const s = parseRecords(supplierModel, await records.list(supplierModel.table));
  const a = parseRecords(agencyModel, await records.list(agencyModel.table, { maxRecords: 1 }));
  return { suppliers: s.records, agency: a.records[0], problems: [...s.problems, ...a.problems].map(String) };
}

/** Today in the factory's zone (marking a milestone done defaults to it). */
export function factoryToday(now: Date, supplier: Supplier): string {
  return localDateOf(now, factoryHours(supplier.timeZone));
}

export interface SupplierPos {
  pos: PoView[];
  problems: string[];
}

/** The supplier's open POs with what the portal shows; `poNumber` limits it to that PO (detail page, actions). */
export async function readSupplierPos(
  records: AirtableRecordsPort,
  supplier: Supplier,
  input: { now: Date; promptDays?: number | undefined; poNumber?: string | undefined; withLines?: boolean },
): Promise<SupplierPos> {
  const P = purchaseOrders.fields;
  const poRows = await records.list(purchaseOrders.table, {
    matchAny: input.poNumber ? [{ field: P.poNumber, equals: input.poNumber }] : [{ field: P.supplier, equals: supplier.name }],
  });
  const po = parseRecords(purchaseOrders, poRows);
  const own = po.records.filter((r) => r.supplier === supplier.id && (!input.poNumber || r.poNumber === input.poNumber));
  const numbers = own.map((r) => r.poNumber);
  const [lines, ms, ins] = await Promise.all([
    input.withLines === false ? Promise.resolve({ records: [], problems: [] }) : byPo(records, lineItems, numbers),
    byPo(records, milestones, numbers),
    byPo(records, inspections, numbers),
  ]);
  const pos = supplierPos({
    supplierId: supplier.id,
    today: factoryToday(input.now, supplier),
    promptDays: input.promptDays ?? DEFAULT_PROMPT_DAYS,
    purchaseOrders: own,
    lineItems: lines.records,
    milestones: ms.records,
    inspections: ins.records,
  });
  return { pos, problems: [...po.problems, ...lines.problems, ...ms.problems, ...ins.problems].map(String) };
}

type PoLinked = typeof lineItems | typeof milestones | typeof inspections;

/** Rows of a table whose PO link names one of the POs (formula on the link's primary value, chunked). */
async function byPo<M extends PoLinked>(records: AirtableRecordsPort, model: M, poNumbers: readonly string[]) {
  const out: { records: ReturnType<typeof parseRecords<M>>['records']; problems: unknown[] } = { records: [], problems: [] };
  for (let i = 0; i < poNumbers.length; i += CHUNK) {
    const chunk = poNumbers.slice(i, i + CHUNK).map((n) => ({ field: model.fields.po, equals: n }));
    const parsed = parseRecords(model, await records.list(model.table, { matchAny: chunk }));
    out.records.push(...parsed.records);
    out.problems.push(...parsed.problems);
  }
  return out;
}

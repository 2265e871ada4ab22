/**
 * The inspections for the checks, per PO. At 10,000 POs there are ~31,500 (~20 MB as objects), read by four
 * whole-table passes (failed inspections, AQL plans, the computed plan fields, the switching history) and by per-PO
 * lookups. The checks job hands them over packed per PO like the milestones (milestones-by-po.ts): a pass unpacks
 * one PO's inspections at a time, and a lookup unpacks the PO's, or finds them held while the rules work on its
 * shard (`hold`). Tests and the pure benchmark hand over an array.
 */
import type { Inspection } from '../models/inspection.ts';
import { groupBy } from '../snapshot/index-rows.ts';
import type { PoLookup, RowsByPo } from './milestones-by-po.ts';

/** Rows grouped by PO that can also be walked whole, group by group. */
export interface PackedRows<T> extends RowsByPo<T> {
  /** Every group (inspections without a PO, factory audits, are the group ""), in the order first added. */
  groups(): Iterable<string>;
}

/** The group of an inspection in PackedRows: its PO, or "" for a factory audit. */
export const inspectionGroup = (i: Pick<Inspection, 'po'>): string => i.po ?? '';

export class InspectionsByPo {
  /** Every PO's inspections (array input), or only the held shard's (packed input). */
  private readonly held = new Map<string, Inspection[]>();
  private last: { poId: string; list: Inspection[] | undefined } | undefined;
  readonly lists: PoLookup<readonly Inspection[]> = { get: (poId) => this.of(poId) };

  /** `canonical`: the PO's own ID string for a linked ID (see groupBy). */
  constructor(
    private readonly source: readonly Inspection[] | PackedRows<Inspection>,
    canonical: (poId: string) => string,
  ) {
    if (isPacked(source)) return;
    for (const [poId, list] of groupBy(source, (i) => i.po, canonical)) this.held.set(poId, list);
  }

  /** Every inspection: the array as given, or PO by PO (new objects on each pass; order within a PO kept). */
  *all(): Generator<Inspection, void, undefined> {
    const source = this.source;
    if (!isPacked(source)) {
      yield* source;
      return;
    }
    for (const group of source.groups()) yield* source.get(group);
  }

  /** Makes these POs' inspections objects until the next `hold` (packed input only). */
  hold(poIds: readonly string[]): void {
    const source = this.source;
    if (!isPacked(source)) return;
    this.held.clear();
    this.last = undefined;
    for (const poId of poIds) if (source.has(poId)) this.held.set(poId, source.get(poId));
  }

  private of(poId: string): Inspection[] | undefined {
    const held = this.held.get(poId);
    if (held || !isPacked(this.source)) return held;
    // Rules ask for a PO's IPIs, then its PSIs…: the last PO looked up stays unpacked.
    if (this.last?.poId !== poId) this.last = { poId, list: poId !== '' && this.source.has(poId) ? this.source.get(poId) : undefined };
    return this.last.list;
  }
}

function isPacked(source: readonly Inspection[] | PackedRows<Inspection>): source is PackedRows<Inspection> {
  return !Array.isArray(source);
}

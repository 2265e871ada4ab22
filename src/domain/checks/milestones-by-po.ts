/**
 * The milestones of each PO for the checks, in lifecycle order and by kind. At 10,000 POs the 120,000 milestones
 * are the largest table (~40 MB as objects), and every rule reads them one PO at a time, so the job hands them
 * over packed per PO (`RowsByPo`) and only some POs' milestones are objects at once: the POs of the shard the rules
 * are working on (`hold`), plus the last PO looked up outside it. Tests and the pure benchmark hand over an array.
 */
import type { Milestone, MilestoneKind } from '../models/milestone.ts';
import { MILESTONE_LIFECYCLE } from '../planning/milestone-kinds.ts';
import { groupBy } from '../snapshot/index-rows.ts';

/** Rows grouped by PO, given out one PO at a time (the checks job keeps them packed: jobs/snapshot/packed-groups). */
export interface RowsByPo<T> {
  has(poId: string): boolean;
  /** The PO's rows, in the order they were read; a new array each call. */
  get(poId: string): T[];
}

/** What a rule looks up per PO: only `get`, so the lookup can unpack on demand. */
export interface PoLookup<V> {
  get(poId: string): V | undefined;
}

/** A milestone kind's place in the lifecycle, which is also its slot in `milestoneSlots`. */
export const KIND_SLOT = Object.fromEntries(MILESTONE_LIFECYCLE.map((k, i) => [k, i])) as Readonly<Record<MilestoneKind, number>>;

export interface PoMilestones {
  /** In lifecycle order (deposit first, balance last). */
  list: readonly Milestone[];
  /** The first milestone of each kind, at `KIND_SLOT[kind]`. */
  slots: readonly (Milestone | undefined)[];
}

/** Stable insertion sort by lifecycle order: a PO's dozen milestones usually arrive in order already. */
function sortByKind(list: Milestone[]): void {
  const order = list.map((m) => KIND_SLOT[m.kind]);
  for (let i = 1; i < list.length; i += 1) {
    const m = list[i]!;
    const o = order[i]!;
    let j = i - 1;
    while (j >= 0 && order[j]! > o) {
      list[j + 1] = list[j]!;
      order[j + 1] = order[j]!;
      j -= 1;
    }
    list[j + 1] = m;
    order[j + 1] = o;
  }
}

function indexPo(list: Milestone[]): PoMilestones {
  sortByKind(list);
  const slots = new Array<Milestone | undefined>(MILESTONE_LIFECYCLE.length).fill(undefined);
  for (const m of list) slots[KIND_SLOT[m.kind]] ??= m;
  return { list, slots };
}

export class MilestonesByPo {
  /** Every PO's milestones as objects (array input), or only the held shard's (packed input). */
  private readonly held = new Map<string, PoMilestones>();
  private last: { poId: string; po: PoMilestones | undefined } | undefined;
  readonly lists: PoLookup<readonly Milestone[]> = { get: (poId) => this.of(poId)?.list };
  readonly slots: PoLookup<readonly (Milestone | undefined)[]> = { get: (poId) => this.of(poId)?.slots };

  /**
   * `canonical` gives the PO's own ID string for a linked ID, so that lookups by `po.id` compare one pointer
   * (see groupBy).
   */
  constructor(
    private readonly source: readonly Milestone[] | RowsByPo<Milestone>,
    canonical: (poId: string) => string,
  ) {
    if (isRowsByPo(source)) return;
    for (const [poId, list] of groupBy(source, (m) => m.po, canonical)) this.held.set(poId, indexPo(list));
  }

  /** True when only some POs are held as objects at a time (see `hold`). */
  get packed(): boolean {
    return isRowsByPo(this.source);
  }

  /**
   * Makes these POs' milestones objects until the next `hold` (packed input only): the rules then read them as
   * often as they like, each at the cost of a lookup. Lookups of other POs unpack them again each time.
   */
  hold(poIds: readonly string[]): void {
    const source = this.source;
    if (!isRowsByPo(source)) return;
    this.held.clear();
    this.last = undefined;
    for (const poId of poIds) if (source.has(poId)) this.held.set(poId, indexPo(source.get(poId)));
  }

  private of(poId: string): PoMilestones | undefined {
    const held = this.held.get(poId);
    if (held || !isRowsByPo(this.source)) return held;
    // Rules look a PO up several times in a row (ETD, then cargo ready…): the last one stays unpacked.
    if (this.last?.poId !== poId) this.last = { poId, po: this.source.has(poId) ? indexPo(this.source.get(poId)) : undefined };
    return this.last.po;
  }
}

function isRowsByPo(source: readonly Milestone[] | RowsByPo<Milestone>): source is RowsByPo<Milestone> {
  return !Array.isArray(source);
}

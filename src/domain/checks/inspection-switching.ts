/**
 * Which switching state (ISO 2859-1 normal / tightened / reduced) an inspection's plan uses: the supplier's series
 * of judged original PSIs before it (src/domain/quality/switching-rules.ts). Computed once per supplier and
 * snapshot, then looked up by date, so thousands of inspections cost one pass over the history.
 */
import type { Inspection } from '../models/inspection.ts';
import { switchingStates, type Lot, type SwitchingState } from '../quality/switching-rules.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

interface Series {
  /** Sorting key (date + id) of each lot, ascending. */
  keys: string[];
  states: SwitchingState[];
}

/** What the series needs of a judged original PSI (the inspections themselves may come packed: not kept). */
interface JudgedLot {
  key: string;
  lot: Lot;
}

interface SupplierSeries {
  /** Judged original PSIs per supplier, in table order: gathered in one pass over the inspections. */
  judgedBySupplier: Map<string, JudgedLot[]>;
  series: Map<string, Series>;
}

const cache = new WeakMap<WorkspaceSnapshot, SupplierSeries>();

const dateOf = (i: Inspection): string => i.inspectionDate ?? i.scheduledDate ?? '9999-12-31';
const keyOf = (i: Inspection): string => `${dateOf(i)} ${i.id}`;

function supplierOf(s: WorkspaceSnapshot, i: Inspection): string | undefined {
  return i.supplier ?? (i.po ? s.po.get(i.po)?.supplier : undefined);
}

function isJudgedOriginalPsi(i: Inspection): boolean {
  return i.type === 'PSI' && i.reinspectionOf === undefined && (i.result === 'Pass' || i.result === 'Fail' || i.result === 'Conditional pass');
}

function seriesOf(s: WorkspaceSnapshot, supplierId: string): Series {
  let all = cache.get(s);
  if (!all) {
    // One pass for every supplier: filtering the whole table per supplier was 800 × 31,500 inspections (~3 s at
    // 10,000 POs, scripts/bench/checks.ts).
    const judgedBySupplier = new Map<string, JudgedLot[]>();
    for (const i of s.inspections) {
      if (!isJudgedOriginalPsi(i)) continue;
      const supplier = supplierOf(s, i);
      if (supplier === undefined) continue;
      const judged: JudgedLot = {
        key: keyOf(i),
        lot: { label: `${i.inspection} (${dateOf(i)})`, outcome: i.result === 'Fail' ? 'rejected' : i.result === 'Conditional pass' ? 'conditional' : 'accepted' },
      };
      const list = judgedBySupplier.get(supplier);
      if (list) list.push(judged);
      else judgedBySupplier.set(supplier, [judged]);
    }
    all = { judgedBySupplier, series: new Map() };
    cache.set(s, all);
  }
  const known = all.series.get(supplierId);
  if (known) return known;
  const judged = [...(all.judgedBySupplier.get(supplierId) ?? [])].sort((a, b) => a.key.localeCompare(b.key));
  const lots: Lot[] = judged.map((j) => j.lot);
  const supplier = s.supplier.get(supplierId);
  const series = {
    keys: judged.map((j) => j.key),
    states: switchingStates(lots, { productionSteady: supplier?.productionSteady === true, reducedApproved: supplier?.reducedInspectionApproved === true }),
  };
  all.series.set(supplierId, series);
  return series;
}

/** The state for this inspection: after every judged lot of its supplier that comes before it. */
export function switchingStateFor(s: WorkspaceSnapshot, i: Inspection): SwitchingState | undefined {
  const supplierId = supplierOf(s, i);
  if (!supplierId) return undefined;
  const series = seriesOf(s, supplierId);
  const key = keyOf(i);
  // Binary search: number of lots strictly before this inspection.
  let lo = 0;
  let hi = series.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((series.keys[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return series.states[lo];
}

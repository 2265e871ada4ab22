/**
 * What the checks know of a PO's updates: the latest one (date and title, for "no update for a week") and the date
 * of the latest from the supplier portal (for "the factory has not answered since"). The rules ask nothing else,
 * so the checks keep these two facts per PO instead of every update: updates carry free text and photos (~23,000
 * rows at 10,000 POs, ~11 MB as objects without any text), and each is folded in as it is read.
 */
import type { Update } from '../models/update.ts';

/** The fields of an update the checks read. */
export type UpdateFacts = Pick<Update, 'po' | 'date' | 'update' | 'source'>;

export interface PoUpdates {
  /** The update with the latest date (of several on that date, the first read). */
  latest: Pick<Update, 'date' | 'update'>;
  /** Date of the latest update from the supplier portal, if any. */
  latestFromSupplierPortal: string | undefined;
}

export class UpdatesByPo {
  private readonly byPo = new Map<string, PoUpdates>();

  static of(updates: readonly UpdateFacts[]): UpdatesByPo {
    const index = new UpdatesByPo();
    for (const u of updates) index.add(u);
    return index;
  }

  /** Folds one update in; what is kept of it are two short strings at most. */
  add(u: UpdateFacts): void {
    const fromPortal = u.source === 'Supplier portal' ? u.date : undefined;
    const known = this.byPo.get(u.po);
    if (!known) {
      this.byPo.set(u.po, { latest: { date: u.date, update: u.update }, latestFromSupplierPortal: fromPortal });
      return;
    }
    if (u.date > known.latest.date) known.latest = { date: u.date, update: u.update };
    if (fromPortal !== undefined && (known.latestFromSupplierPortal === undefined || fromPortal > known.latestFromSupplierPortal)) {
      known.latestFromSupplierPortal = fromPortal;
    }
  }

  get(poId: string): PoUpdates | undefined {
    return this.byPo.get(poId);
  }
}

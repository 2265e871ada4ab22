/**
 * Indexes over parsed rows, shared by the checks snapshot and the documents/closure jobs. Sized for the checks
 * benchmark (250,000 rows, scripts/bench/checks.ts): plain loops, not `new Map(rows.map(...))`, which would
 * allocate as many [key, row] pairs.
 */

export function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const row of rows) out.set(row.id, row);
  return out;
}

/**
 * Rows grouped by a key (rows without a key are left out), in input order. `canonical` names the key to store:
 * the checks pass the linked record's own ID string, so that the rules' lookups by that record's `id` find a key
 * that is the very same string (one pointer comparison instead of comparing 17 characters in two places in
 * memory; it halves the cost of the lookups every rule makes per PO).
 */
export function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string | undefined, canonical: (key: string) => string = (key) => key): Map<string, T[]> {
  const out = new Map<string, T[]>();
  // Rows of one PO usually come one after another (the planner creates a PO's milestones together): skip the
  // hash lookup while the key stays the same.
  let lastKey: string | undefined;
  let lastList: T[] | undefined;
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    if (key === lastKey && lastList) {
      lastList.push(row);
      continue;
    }
    lastKey = key;
    lastList = out.get(key);
    if (lastList) lastList.push(row);
    else out.set(canonical(key), (lastList = [row]));
  }
  return out;
}

/**
 * A Map bounded to `capacity` entries (and, with `weigh`, to `maxWeight` in total) that drops the least recently
 * used entries when full. For caches whose keys keep coming (every text a process has laid out): the entries a
 * workload reuses stay, one-off keys age out, so memory stays bounded however long the process runs.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private totalWeight = 0;

  constructor(
    private readonly capacity: number,
    private readonly bound: { weigh: (value: V) => number; maxWeight: number } | undefined = undefined,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`LruMap: capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The sum of the entries' weights (0 without `weigh`). */
  get weight(): number {
    return this.totalWeight;
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // A Map iterates in insertion order: re-inserting moves the key to the young end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.bound ? this.bound.weigh(value) : 0;
    this.entries.set(key, { value, weight });
    this.totalWeight += weight;
    // The newest entry stays even when it alone weighs more than the bound: it is what the caller uses next.
    while (this.entries.size > 1 && (this.entries.size > this.capacity || this.totalWeight > (this.bound?.maxWeight ?? Infinity))) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
    this.totalWeight = 0;
  }

  private delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalWeight -= entry.weight;
  }
}

/**
 * Values kept per group (a client, a PO), packed: a job reads a whole table at once (Airtable lists tables, not
 * clients or POs) but works on one group at a time. The milestones, inspections, updates, documents and alerts of a
 * 10,000-PO base are ~200,000 rows, ~100 MB as objects; packed as deflated JSON in small runs per group they are a
 * few MB, and only the group being worked on is unpacked.
 *
 * Once sealed, every group's runs sit one after another in a few large buffers, found through one number per group:
 * a bucket of its own per group (two arrays, a Buffer and its ArrayBuffer) cost ~425 bytes of heap per group, ~8 MB
 * for the milestones and inspections of 10,000 POs (a heap snapshot mid-run at 10,000 POs).
 *
 * Values go through JSON (rows as Airtable sent them, or parsed model records: plain strings, numbers, booleans,
 * arrays and objects), so what comes back equals what went in, less properties that were `undefined`.
 */
import { ownBuffer } from './own-buffer.ts';
import { packJson, unpackJson } from './packed-json.ts';

/** Values gathered per group before they are packed: bounds what waits unpacked while a table is read. */
const RUN_ROWS = 32;
/**
 * JSON characters waiting in all groups together before every group's waiting values are packed: with 12
 * milestones per PO no group reached RUN_ROWS, and the whole table waited as JSON text until `seal` (~48 MB at
 * 10,000 POs, found in a heap snapshot taken at the heap limit).
 */
const MAX_WAITING_CHARS = 2_000_000;
/** Bytes per sealed buffer (a run larger than this gets a buffer of its own size). */
const SLAB_BYTES = 1 << 20;

interface Bucket {
  packed: Buffer[];
  waiting: string[];
}

/** The sealed runs: group → its runs `firstRun[g] … firstRun[g + 1] - 1`, each at (slab, start, end). */
interface Sealed {
  groups: Map<string, number>;
  firstRun: Uint32Array;
  slabOf: Uint32Array;
  startOf: Uint32Array;
  endOf: Uint32Array;
  slabs: Buffer[];
}

export class PackedGroups<T> {
  private buckets = new Map<string, Bucket>();
  private sealed: Sealed | undefined;
  private waitingChars = 0;

  /** Adds a value to a group (the order of adding is kept within each group). */
  add(key: string, value: T): void {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { packed: [], waiting: [] };
      this.buckets.set(key, bucket);
    }
    const json = JSON.stringify(value);
    bucket.waiting.push(json);
    this.waitingChars += json.length;
    if (bucket.waiting.length >= RUN_ROWS) this.waitingChars -= pack(bucket);
    if (this.waitingChars > MAX_WAITING_CHARS) {
      for (const other of this.buckets.values()) if (other.waiting.length > 0) pack(other);
      this.waitingChars = 0;
    }
  }

  /** Packs what still waits (at the end of a table) and lays every group's runs out in the sealed buffers. */
  seal(): void {
    const runsOf = new Map<string, Buffer[]>();
    if (this.sealed) for (const key of this.sealed.groups.keys()) runsOf.set(key, this.sealedRuns(key));
    for (const [key, bucket] of this.buckets) {
      if (bucket.waiting.length > 0) pack(bucket);
      runsOf.set(key, [...(runsOf.get(key) ?? []), ...bucket.packed]);
    }
    this.buckets = new Map();
    this.waitingChars = 0;
    this.sealed = layOut(runsOf);
  }

  has(key: string): boolean {
    return this.buckets.has(key) || (this.sealed?.groups.has(key) ?? false);
  }

  /** A group's values in the order they were added (a fresh copy on every call). */
  get(key: string): T[] {
    const out: T[] = [];
    const bucket = this.buckets.get(key);
    for (const run of [...this.sealedRuns(key), ...(bucket?.packed ?? [])]) {
      for (const value of unpackJson<T[]>(run)) out.push(value);
    }
    for (const value of bucket?.waiting ?? []) out.push(JSON.parse(value) as T);
    return out;
  }

  /** A sealed group's runs, as views on the sealed buffers. */
  private sealedRuns(key: string): Buffer[] {
    const sealed = this.sealed;
    const group = sealed?.groups.get(key);
    if (!sealed || group === undefined) return [];
    const runs: Buffer[] = [];
    for (let run = sealed.firstRun[group]!; run < sealed.firstRun[group + 1]!; run += 1) {
      runs.push(sealed.slabs[sealed.slabOf[run]!]!.subarray(sealed.startOf[run], sealed.endOf[run]));
    }
    return runs;
  }
}

/** Packs a group's waiting values into one run; answers how many JSON characters that took off the wait. */
function pack(bucket: Bucket): number {
  let chars = 0;
  for (const json of bucket.waiting) chars += json.length;
  bucket.packed.push(packJson(`[${bucket.waiting.join(',')}]`));
  bucket.waiting = [];
  return chars;
}

function layOut(runsOf: ReadonlyMap<string, readonly Buffer[]>): Sealed {
  let runCount = 0;
  for (const runs of runsOf.values()) runCount += runs.length;
  const sealed: Sealed = {
    groups: new Map(),
    firstRun: new Uint32Array(runsOf.size + 1),
    slabOf: new Uint32Array(runCount),
    startOf: new Uint32Array(runCount),
    endOf: new Uint32Array(runCount),
    slabs: [],
  };
  let slab: Buffer | undefined;
  let used = 0;
  let run = 0;
  for (const [key, runs] of runsOf) {
    sealed.firstRun[sealed.groups.size] = run;
    sealed.groups.set(key, sealed.groups.size);
    for (const bytes of runs) {
      if (!slab || used + bytes.length > slab.length) {
        slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, bytes.length));
        sealed.slabs.push(slab);
        used = 0;
      }
      bytes.copy(slab, used);
      sealed.slabOf[run] = sealed.slabs.length - 1;
      sealed.startOf[run] = used;
      sealed.endOf[run] = used + bytes.length;
      used += bytes.length;
      run += 1;
    }
  }
  sealed.firstRun[sealed.groups.size] = run;
  // The last slab keeps only what it holds.
  if (slab && used < slab.length) sealed.slabs[sealed.slabs.length - 1] = ownBuffer(slab.subarray(0, used));
  return sealed;
}

/**
 * Values kept per group (a client, a PO), packed: a job reads a whole table at once (Airtable lists tables, not
 * clients or POs) but works on one group at a time. The milestones, inspections, updates, documents and alerts of a
 * 10,000-PO base are ~200,000 rows, ~100 MB as objects; packed as deflated JSON in small runs per group they are a
 * few MB, and only the group being worked on is unpacked.
 *
 * Values go through JSON (rows as Airtable sent them, or parsed model records: plain strings, numbers, booleans,
 * arrays and objects), so what comes back equals what went in, less properties that were `undefined`.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ownBuffer } from './own-buffer.ts';

/** Values gathered per group before they are packed: bounds what waits unpacked while a table is read. */
const RUN_ROWS = 32;
const DEFLATE = { level: 1 };

interface Bucket {
  packed: Buffer[];
  waiting: string[];
}

export class PackedGroups<T> {
  private readonly buckets = new Map<string, Bucket>();

  /** Adds a value to a group (the order of adding is kept within each group). */
  add(key: string, value: T): void {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { packed: [], waiting: [] };
      this.buckets.set(key, bucket);
    }
    bucket.waiting.push(JSON.stringify(value));
    if (bucket.waiting.length >= RUN_ROWS) pack(bucket);
  }

  /** Packs what still waits (at the end of a table). */
  seal(): void {
    for (const bucket of this.buckets.values()) if (bucket.waiting.length > 0) pack(bucket);
  }

  has(key: string): boolean {
    return this.buckets.has(key);
  }

  /** A group's values in the order they were added (a fresh copy on every call). */
  get(key: string): T[] {
    const bucket = this.buckets.get(key);
    if (!bucket) return [];
    const out: T[] = [];
    for (const run of bucket.packed) for (const value of JSON.parse(inflateRawSync(run).toString('utf8')) as T[]) out.push(value);
    for (const value of bucket.waiting) out.push(JSON.parse(value) as T);
    return out;
  }
}

function pack(bucket: Bucket): void {
  bucket.packed.push(ownBuffer(deflateRawSync(Buffer.from(`[${bucket.waiting.join(',')}]`, 'utf8'), DEFLATE)));
  bucket.waiting = [];
}

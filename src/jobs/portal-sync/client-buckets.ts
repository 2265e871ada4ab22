/**
 * Rows kept per client, packed: the portal sync reads a whole table at once (Airtable lists tables, not clients)
 * but builds one client's portal at a time. The milestones, inspections, updates, documents and alerts of a
 * 10,000-PO base are ~200,000 rows, ~100 MB as objects; packed as deflated JSON in small runs per client they are a
 * few MB, and only the portal being built is unpacked.
 *
 * Rows are kept as Airtable sent them (plain JSON, so the round trip is exact) and parsed again when unpacked.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AirtableRecord } from '../../ports/airtable.ts';

/** Rows gathered per client before they are packed: bounds what waits unpacked while a table is read. */
const RUN_ROWS = 32;
const DEFLATE = { level: 1 };

interface Bucket {
  packed: Buffer[];
  waiting: string[];
}

export class ClientBuckets {
  private readonly buckets = new Map<string, Bucket>();

  /** Adds a row to a client's bucket (table order is kept within each client). */
  add(clientId: string, row: AirtableRecord): void {
    let bucket = this.buckets.get(clientId);
    if (!bucket) {
      bucket = { packed: [], waiting: [] };
      this.buckets.set(clientId, bucket);
    }
    bucket.waiting.push(JSON.stringify(row));
    if (bucket.waiting.length >= RUN_ROWS) pack(bucket);
  }

  /** Packs what still waits (at the end of a table). */
  seal(): void {
    for (const bucket of this.buckets.values()) if (bucket.waiting.length > 0) pack(bucket);
  }

  /** A client's rows in the order they were added. */
  rowsOf(clientId: string): AirtableRecord[] {
    const bucket = this.buckets.get(clientId);
    if (!bucket) return [];
    const out: AirtableRecord[] = [];
    for (const run of bucket.packed) for (const row of JSON.parse(inflateRawSync(run).toString('utf8')) as AirtableRecord[]) out.push(row);
    for (const row of bucket.waiting) out.push(JSON.parse(row) as AirtableRecord);
    return out;
  }
}

function pack(bucket: Bucket): void {
  // Copied: a small deflate answer is a view into zlib's 16 KB output chunk, which it would keep alive (a run of
  // ~1 KB would hold 16 KB: ~90 MB of buffers at 2,000 POs instead of ~3 MB).
  bucket.packed.push(Buffer.from(deflateRawSync(Buffer.from(`[${bucket.waiting.join(',')}]`, 'utf8'), DEFLATE)));
  bucket.waiting = [];
}

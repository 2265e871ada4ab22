/**
 * A runtime whose Airtable records are read once for all the jobs that run on it: each base's records go through
 * one CachedRecords (src/jobs/snapshot/cached-records.ts), so the second job to list a table reads memory and sees
 * the first job's writes. For a cycle of jobs in one process (`runCycle`, the cloud's `workspaceTick`), never for a
 * long-lived process: what is held is only as fresh as the last write through it.
 */
import { CachedRecords } from '../jobs/snapshot/cached-records.ts';
import type { Runtime } from './runtime.ts';

export function withSharedRead(runtime: Runtime): Runtime {
  const held = new Map<string, CachedRecords>();
  const records = (baseId: string) => {
    let shared = held.get(baseId);
    if (!shared) {
      shared = new CachedRecords(runtime.airtable.records(baseId));
      held.set(baseId, shared);
    }
    return shared;
  };
  return { ...runtime, airtable: { ...runtime.airtable, records } };
}

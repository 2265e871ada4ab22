import type { RecordRef } from './input.ts';

/**
 * Collects "what to correct, where" messages. Each names the Airtable table, record and field so an agent can open
 * the row and fix it; the pack is only built when there is nothing to fix (bad data is never guessed).
 */
export class FixList {
  readonly items: string[] = [];

  add(ref: RecordRef, field: string, problem: string): void {
    // People read names: the primary value when known, the ID only when the row has none.
    this.items.push(`${ref.table} ${ref.label?.trim() || ref.id}: "${field}" ${problem}`);
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }
}

/** Blank after trimming, including null/undefined. */
export function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}
